import Foundation
import NazorgCrypto
import NazorgSync
import Testing

/// A registered device of another organisation, with its own valid keys and its organisation's key: may read what
/// was shared with its organisation; must never register, replace or act as a device of another organisation.
@Suite(.serialized)
struct OtherOrganisationAttackerTests {
    /// Finding 3: a certificate naming a shelter device's id, certified by the partner's own organisation key and
    /// signed with the partner's own device key, replaced the victim's certificate.
    @Test func aPartnerCannotTakeOverAnotherOrganisationsDeviceId() async throws {
        let bed = try await AttackBed()
        let victim = try bed.shelter.device()
        let attacker = try bed.partner.device()
        #expect(try await bed.client.register(victim).status == 201)
        #expect(try await bed.client.register(attacker).status == 201)

        // The partner's key under the victim's id: the id is not the key's.
        let forged = bed.partner.certificate(device: victim.id, signingKey: attacker.signer.publicKey, boxKey: attacker.box.publicKey)
        let answer = try await bed.client.register(forged, signer: attacker.signer)
        #expect(answer.status == 401, "HTTP \(answer.status) \(answer.json)")
        #expect((answer.json["message"] as? String)?.contains("niet het id van zijn ondertekensleutel") == true)

        // The victim's own public key under the partner's organisation: only the victim's secret key could sign it.
        let rebound = bed.partner.certificate(device: victim.id, signingKey: victim.signer.publicKey, boxKey: attacker.box.publicKey)
        #expect(try await bed.client.register(rebound, signer: attacker.signer).status == 401)

        // The victim is untouched: same certificate, and it still pulls and pushes.
        let stored = try await bed.client.signed("GET", "/v1/devices/\(victim.id.hex)", as: victim)
        #expect(stored.status == 200)
        #expect(try JSONDecoder().decode(DeviceCertificate.self, from: stored.body) == victim.certificate)
        #expect(try await bed.client.signed("GET", "/v1/pull", as: victim).status == 200)
        // The attacker cannot act as the victim either: its signature never verifies under the victim's key.
        let impersonation = try await bed.client.send(
            "GET", "/v1/pull",
            headers: RequestSignature.headers(method: "GET", path: "/v1/pull", body: Data(), device: victim.id, signer: attacker.signer))
        #expect(impersonation.status == 401)
    }

    /// Finding 11: a partner could list the organisation's staff names from the device list. It now gets keys,
    /// roles and the organisation (what a share needs), and every certificate still verifies; colleagues see names.
    @Test func aPartnerSeesNoStaffNames() async throws {
        let bed = try await AttackBed()
        let worker = try bed.shelter.device()
        let colleague = try bed.shelter.device()
        let partner = try bed.partner.device()
        for device in [worker, colleague, partner] { #expect(try await bed.client.register(device).status == 201) }

        let listed = try await bed.client.signed("GET", "/v1/organisations/\(bed.shelter.info.id.hex)/devices", as: partner)
        struct Devices: Decodable { var devices: [DeviceCertificate] }
        let devices = try JSONDecoder().decode(Devices.self, from: listed.body).devices
        #expect(devices.count == 2)
        for certificate in devices {
            #expect(certificate.worker.isEmpty && certificate.isWorkerWithheld)
            #expect(!String(decoding: listed.body, as: UTF8.self).contains("Medewerker"))
            try certificate.verify(by: bed.shelter.info, at: Date())
        }
        let one = try await bed.client.signed("GET", "/v1/devices/\(worker.id.hex)", as: partner)
        let seen = try JSONDecoder().decode(DeviceCertificate.self, from: one.body)
        #expect(seen.worker.isEmpty)
        try seen.verify(by: bed.shelter.info, at: Date())
        // A colleague of the same organisation sees the name, and it verifies against its commitment.
        let own = try JSONDecoder().decode(
            DeviceCertificate.self, from: try await bed.client.signed("GET", "/v1/devices/\(worker.id.hex)", as: colleague).body)
        #expect(own.worker == "Medewerker")
        try own.verify(by: bed.shelter.info, at: Date())
        // A name put back into a withheld certificate does not verify.
        var forged = seen
        forged.worker = "Iemand Anders"
        #expect(throws: SyncError.self) { try forged.verify(by: bed.shelter.info, at: Date()) }
    }

    /// A certificate whose validity lies at the ends of time is refused with a message, and the server stays up.
    @Test func certificatesWithExtremeValidityAreRefusedCleanly() async throws {
        let bed = try await AttackBed()
        for (from, until) in [(Int64.max, Int64.max), (Int64.min, Int64.min), (Int64.max, Int64.min)] {
            let device = try bed.partner.device()
            var certificate = device.certificate
            certificate.validFrom = from
            certificate.validUntil = until
            certificate.signature = bed.partner.signer.sign(certificate.signedBytes)
            let answer = try await bed.client.register(certificate, signer: device.signer)
            #expect(answer.status == 401, "valid \(from)…\(until): HTTP \(answer.status)")
            #expect(await bed.client.isAlive())
        }
    }

    /// A registered id is never re-bound, not even by its own organisation: a new key is a new device.
    @Test func aRegisteredIdIsNeverReboundToOtherKeys() async throws {
        let bed = try await AttackBed()
        let device = try bed.shelter.device()
        #expect(try await bed.client.register(device).status == 201)
        let otherBox = try BoxKeyPair.generate()
        let rekeyed = bed.shelter.certificate(device: device.id, signingKey: device.signer.publicKey, boxKey: otherBox.publicKey)
        let answer = try await bed.client.register(rekeyed, signer: device.signer)
        #expect(answer.status == 409, "HTTP \(answer.status)")
        #expect(answer.error == "device-bound")
        // A renewal (same keys, same organisation, new validity) is accepted.
        let renewed = bed.shelter.certificate(device: device.id, signingKey: device.signer.publicKey, boxKey: device.box.publicKey)
        #expect(try await bed.client.register(renewed, signer: device.signer).status == 201)
    }

    @Test func aPartnerCannotRevokeOrReadAnotherOrganisationsDevicesAndSections() async throws {
        let bed = try await AttackBed()
        let victim = try bed.shelter.device()
        let attacker = try bed.partner.device()
        _ = try await bed.client.register(victim)
        _ = try await bed.client.register(attacker)
        // Revocation signed by the partner's organisation key, naming the victim.
        let notice = RevocationNotice(organisation: bed.partner.info.id, device: victim.id, revokedAt: 0, signer: bed.partner.signer)
        let revoked = try await bed.client.send("POST", "/v1/revocations", body: try JSONEncoder().encode(notice))
        #expect(revoked.status == 404)
        #expect(try await bed.client.signed("GET", "/v1/pull", as: victim).status == 200)

        // The victim's section: the partner holds no grant, so no pull, digest or holder list.
        let family = FamilyID.random()
        let tag = ID128.random()
        let key = try SymmetricKey.random()
        let grant = try KeyGrant.make(
            family: family, tag: tag, epoch: 1, contents: .init(name: "core", key: key, familySecret: key), recipient: victim.id,
            recipientBoxKey: victim.box.publicKey, granter: victim.id, signer: victim.signer, basis: .creator)
        #expect(try await bed.client.signed("POST", "/v1/push", body: SyncBatch(items: [.grant(grant, sequence: 0)]).encoded(), as: victim).status == 200)
        for path in [
            "/v1/pull?family=\(family.hex)&tag=\(tag.hex)", "/v1/digest?family=\(family.hex)&tag=\(tag.hex)",
            "/v1/access?family=\(family.hex)&tag=\(tag.hex)",
        ] {
            let answer = try await bed.client.signed("GET", path, as: attacker)
            #expect(answer.status == 403, "\(path): HTTP \(answer.status)")
        }
        // Nor claim it: a creator grant for an existing section is refused.
        let claim = try KeyGrant.make(
            family: family, tag: tag, epoch: 2, contents: .init(name: "core", key: key, familySecret: key), recipient: attacker.id,
            recipientBoxKey: attacker.box.publicKey, granter: attacker.id, signer: attacker.signer, basis: .creator)
        let pushed = try await bed.client.signed("POST", "/v1/push", body: SyncBatch(items: [.grant(claim, sequence: 0)]).encoded(), as: attacker)
        #expect(((pushed.json["results"] as? [[String: Any]])?.first?["status"] as? String) == "rejected")
    }
}

/// A registered device of the own or another organisation sending numbers out of every range (finding 2): each
/// is a 400 with a JSON error, and the server keeps answering.
@Suite(.serialized)
struct RegisteredDeviceInputTests {
    @Test func outOfRangeQueryParametersAreA400AndTheServerStaysUp() async throws {
        let bed = try await AttackBed()
        let device = try bed.shelter.device()
        _ = try await bed.client.register(device)
        let (family, tag) = (FamilyID.random().hex, ID128.random().hex)
        let paths = [
            "/v1/pull?after=18446744073709551615", "/v1/pull?after=9223372036854775808", "/v1/pull?after=-1", "/v1/pull?after=%2B1",
            "/v1/pull?after=1&after=2", "/v1/pull?limit=0", "/v1/pull?limit=99999999999999999999999", "/v1/pull?after=1e3",
            "/v1/pull?family=\(family)&tag=\(tag)&until=18446744073709551615",
            "/v1/pull?family=\(family)&tag=\(tag)&after=18446744073709551615", "/v1/pull?family=\(family)",
            "/v1/pull?family=\(family.uppercased())&tag=\(tag)", "/v1/digest?family=\(family)&tag=xyz",
            "/v1/mailbox?after=18446744073709551615", "/v1/pull?" + String(repeating: "a=1&", count: 1000),
        ]
        for path in paths {
            let answer = try await bed.client.signed("GET", path, as: device)
            #expect(answer.status == 400, "\(path.prefix(80)): HTTP \(answer.status) \(answer.json)")
            #expect(answer.error == "malformed", "\(path.prefix(80))")
            #expect(await bed.client.isAlive(), "the server died on \(path.prefix(80))")
        }
        // The largest cursor the server stores is fine.
        #expect(try await bed.client.signed("GET", "/v1/pull?after=9223372036854775807", as: device).status == 200)
    }

    @Test func aChangeWithASequenceNumberPastTheStoresRangeIsRefused() async throws {
        let bed = try await AttackBed()
        let device = try bed.shelter.device()
        _ = try await bed.client.register(device)
        // A change cannot even be sealed with such a number; the attacker patches a sealed one's bytes.
        let marker: UInt64 = 0x0123_4567_89AB_CDEF
        let key = try SymmetricKey.random()
        let header = ChangeHeader(
            family: .random(), sectionTag: .random(), epoch: 1, author: device.id, sequence: marker, previous: Data(count: 32),
            first: Timestamp(millis: UInt64(Date().timeIntervalSince1970 * 1000), counter: 0), opCount: 1, schemaVersion: 1)
        let change = try SignedChange.seal([.write(.random(), "naam", .string("x"), replacing: [])], header: header, key: key, signer: device.signer)
        var body = SyncBatch(items: [.change(change, sequence: 0)]).encoded()
        let range = try #require(body.firstRange(of: withUnsafeBytes(of: marker.bigEndian) { Data($0) }))
        body.replaceSubrange(range, with: Data(repeating: 0xFF, count: 8))
        let answer = try await bed.client.signed("POST", "/v1/push", body: body, as: device)
        #expect(answer.status == 400, "HTTP \(answer.status) \(answer.json)")
        #expect(await bed.client.isAlive())
    }
}

/// A revoked laptop, with its old keys: must never push or pull again, not even by registering itself anew.
@Suite(.serialized)
struct RevokedLaptopAttackerTests {
    @Test func aRevokedDeviceStaysRevokedWhenItRegistersAgain() async throws {
        let bed = try await AttackBed()
        let laptop = try bed.shelter.device()
        _ = try await bed.client.register(laptop)
        let notice = RevocationNotice(
            organisation: bed.shelter.info.id, device: laptop.id, revokedAt: Int64(Date().timeIntervalSince1970 * 1000) - 1000,
            signer: bed.shelter.signer)
        #expect(try await bed.client.send("POST", "/v1/revocations", body: try JSONEncoder().encode(notice)).status == 200)
        #expect(try await bed.client.signed("GET", "/v1/pull", as: laptop).error == "revoked")
        // Its own certificate again, and a fresh one from its organisation: still revoked.
        #expect(try await bed.client.register(laptop).status == 401)
        let renewed = bed.shelter.certificate(device: laptop.id, signingKey: laptop.signer.publicKey, boxKey: laptop.box.publicKey)
        #expect(try await bed.client.register(renewed, signer: laptop.signer).status == 401)
        #expect(try await bed.client.signed("POST", "/v1/push", body: SyncBatch(items: []).encoded(), as: laptop).error == "revoked")
    }
}

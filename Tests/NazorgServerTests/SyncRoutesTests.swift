import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NazorgCrypto
import NazorgServer
import NazorgSync
import Testing

struct SyncRoutesTests {
    @Test func healthAndMetricsAnswer() async throws {
        let server = try ServerFixture()
        try await server.test { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            // Metrics are the operator's: off without a token.
            try await client.execute(uri: "/metrics", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func pushPullAndColleagueGrantWithinTheOrganisation() async throws {
        let server = try ServerFixture()
        let laptop = try server.org.device()
        let colleague = try server.org.device()
        let section = try TestSection()
        try await server.test { client in
            #expect(try await client.register(laptop).status == .created)
            #expect(try await client.register(colleague).status == .created)
            let change = try laptop.change(section, sequence: 1)
            let pushed = try await client.push([.grant(try laptop.grant(section, to: laptop, basis: .creator), sequence: 0), .change(change, sequence: 0)], as: laptop)
            #expect(statuses(pushed) == ["accepted", "accepted"])

            // Without a grant the colleague sees nothing and may not write.
            let (_, empty) = try await client.pull(as: colleague)
            #expect(empty?.items.isEmpty == true)
            let refused = try await client.push([.change(try colleague.change(section, sequence: 1), sequence: 0)], as: colleague)
            #expect(statuses(refused) == ["rejected"])
            #expect(reasons(refused).first?.contains("geen schrijfrecht") == true)

            // The laptop grants the colleague (own organisation); now the colleague pulls grant and change.
            let granted = try await client.push([.grant(try laptop.grant(section, to: colleague, basis: .ownOrganisation), sequence: 0)], as: laptop)
            #expect(statuses(granted) == ["accepted"])
            let (response, batch) = try await client.pull(as: colleague)
            #expect(response.status == .ok)
            let items = try #require(batch?.items)
            #expect(items.count == 2)
            if case .change(let pulled, _) = items.first(where: { if case .change = $0 { true } else { false } }) {
                #expect(pulled.id == change.id)
            } else {
                Issue.record("no change pulled")
            }
            if case .grant(let grant, _) = items.first(where: { if case .grant = $0 { true } else { false } }) {
                #expect(try grant.open(with: colleague.box).key.bytes.isEqual(to: section.key.bytes))
            }
            // Paging: one item per page plus the colleague's grants still ahead (keys before the changes they
            // open); the cursor advances, More says whether to continue.
            let (first, page1) = try await client.pull(as: colleague, limit: 1)
            #expect(page1?.items.count == 2)
            if case .grant = page1?.items.first {} else { Issue.record("the pending grant does not come first") }
            #expect(first.headers[HTTPField.Name("Nazorg-More")!] == "1")
            let cursor = UInt64(first.headers[HTTPField.Name("Nazorg-Cursor")!] ?? "0") ?? 0
            let (second, page2) = try await client.pull(as: colleague, after: cursor, limit: 1)
            #expect(page2?.items.count == 1)
            #expect(second.headers[HTTPField.Name("Nazorg-More")!] == "0")
        }
    }

    @Test func badChangesAreRejectedAndNothingStoredChanges() async throws {
        let server = try ServerFixture()
        let laptop = try server.org.device()
        let other = try server.org.device()
        let section = try TestSection()
        try await server.test { client in
            _ = try await client.register(laptop)
            _ = try await client.register(other)
            let change = try laptop.change(section, sequence: 1)
            _ = try await client.push([.grant(try laptop.grant(section, to: laptop, basis: .creator), sequence: 0), .change(change, sequence: 0)], as: laptop)
            let before = try server.storage.digest(family: section.family, tag: section.tag)

            // Duplicate: acknowledged again, stored once.
            #expect(statuses(try await client.push([.change(change, sequence: 0)], as: laptop)) == ["duplicate"])
            // The same sequence number with other bytes: a fork, refused.
            #expect(statuses(try await client.push([.change(try laptop.change(section, sequence: 1, value: "y"), sequence: 0)], as: laptop)) == ["rejected"])
            // A change signed by another device, pushed by the laptop.
            #expect(statuses(try await client.push([.change(try other.change(section, sequence: 1), sequence: 0)], as: laptop)) == ["rejected"])
            // A clock far in the future.
            let future = Timestamp(millis: UInt64(Date().timeIntervalSince1970 * 1000) + 3_600_000, counter: 0)
            let late = try await client.push([.change(try laptop.change(section, sequence: 2, first: future), sequence: 0)], as: laptop)
            #expect(statuses(late) == ["rejected"])
            #expect(reasons(late).first?.contains("in de toekomst") == true)
            // A tampered byte inside the ciphertext: the signature no longer verifies.
            var bytes = try laptop.change(section, sequence: 3).bytes
            bytes[ChangeHeader.byteCount + 40] ^= 1
            #expect(statuses(try await client.push([.change(try SignedChange(bytes: bytes), sequence: 0)], as: laptop)) == ["rejected"])
            // Garbage, a truncated frame, an unknown version: 400 with a JSON reason.
            let batch = SyncBatch(items: [.change(change, sequence: 0)]).encoded()
            for body in [Data("garbage".utf8), batch.prefix(batch.count - 3), Data("NZB".utf8) + Data([9, 0, 0, 0, 0])] {
                let response = try await client.pushRaw(body, as: laptop)
                #expect(response.status == .badRequest)
                #expect(json(response)["error"] as? String == "malformed")
            }
            let after = try server.storage.digest(family: section.family, tag: section.tag)
            #expect(after.count == before.count && after.hash == before.hash)
            // The server is still up.
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func oversizedBodiesGet413() async throws {
        var limits = ServerLimits()
        limits.maxBodyBytes = 4096
        let server = try ServerFixture(limits: limits)
        let laptop = try server.org.device()
        try await server.test { client in
            _ = try await client.register(laptop)
            let response = try await client.pushRaw(Data(repeating: 0, count: 10_000), as: laptop)
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test func aFloodOfRequestsIsRateLimited() async throws {
        var limits = ServerLimits()
        limits.requestsPerSecond = 0.0001  // one token per ~3 hours: a loaded CI machine cannot refill the bucket mid-test
        limits.burst = 3
        let server = try ServerFixture(limits: limits)
        let laptop = try server.org.device()
        let other = try server.org.device()
        try await server.test { client in
            _ = try await client.register(laptop)
            _ = try await client.register(other)
            #expect(try await client.pull(as: laptop).0.status == .ok)
            #expect(try await client.pull(as: laptop).0.status == .ok)
            let limited = try await client.pull(as: laptop).0
            #expect(limited.status == .tooManyRequests)
            #expect(json(limited)["error"] as? String == "rate-limited")
            // Another device has its own bucket.
            #expect(try await client.pull(as: other).0.status == .ok)
        }
    }

    @Test func authenticationRefusesWhatItShould() async throws {
        let server = try ServerFixture()
        let laptop = try server.org.device()
        let foreignOrg = try TestOrg(name: "Onbekende organisatie")
        let stranger = try foreignOrg.device()
        try await server.test { client in
            // Unregistered device.
            var (response, _) = try await client.pull(as: laptop)
            #expect(response.status == .unauthorized)
            // A certificate from an organisation this server does not know.
            #expect(try await client.register(stranger).status == .unauthorized)
            _ = try await client.register(laptop)
            // A signature by another key.
            let impostor = TestDevice(certificate: laptop.certificate, signer: try .generate(), box: laptop.box)
            (response, _) = try await client.pull(as: impostor)
            #expect(response.status == .unauthorized)
            // A stale request time.
            let stale = laptop.headers("GET", "/v1/pull", Data(), now: Date(timeIntervalSinceNow: -3600))
            #expect(try await client.execute(uri: "/v1/pull", method: .get, headers: stale).status == .unauthorized)
            // A replayed request.
            let headers = laptop.headers("GET", "/v1/pull", Data())
            #expect(try await client.execute(uri: "/v1/pull", method: .get, headers: headers).status == .ok)
            let replay = try await client.execute(uri: "/v1/pull", method: .get, headers: headers)
            #expect(replay.status == .unauthorized)
            #expect((json(replay)["message"] as? String)?.contains("herhaald verzoek") == true)
            // A request whose body does not match its signature.
            let signed = laptop.headers("POST", "/v1/push", Data("a".utf8))
            #expect(try await client.execute(uri: "/v1/push", method: .post, headers: signed, body: ByteBuffer(string: "b")).status == .unauthorized)
        }
    }

    @Test func revocationTakesEffectOnTheNextRequest() async throws {
        let server = try ServerFixture()
        let laptop = try server.org.device()
        let otherOrg = try TestOrg()
        try await server.test { client in
            _ = try await client.register(laptop)
            #expect(try await client.pull(as: laptop).0.status == .ok)
            // A revocation not signed by the device's organisation is refused.
            let forged = RevocationNotice(organisation: server.org.info.id, device: laptop.id, revokedAt: 0, signer: otherOrg.signer)
            let forgedBody = try JSONEncoder().encode(forged)
            #expect(try await client.execute(uri: "/v1/revocations", method: .post, body: ByteBuffer(bytes: forgedBody)).status == .forbidden)
            #expect(try await client.pull(as: laptop).0.status == .ok)
            let notice = RevocationNotice(
                organisation: server.org.info.id, device: laptop.id, revokedAt: Int64(Date().timeIntervalSince1970 * 1000) - 1,
                signer: server.org.signer)
            let body = try JSONEncoder().encode(notice)
            #expect(try await client.execute(uri: "/v1/revocations", method: .post, body: ByteBuffer(bytes: body)).status == .ok)
            let refused = try await client.pull(as: laptop).0
            #expect(refused.status == .unauthorized)
            #expect(json(refused)["error"] as? String == "revoked")
        }
    }

    @Test func grantsAcrossOrganisationsAndWithoutAccessAreRefused() async throws {
        let server = try ServerFixture()
        let otherOrg = try TestOrg(name: "Wijkteam")
        try server.storage.addOrganisation(otherOrg.info)
        let laptop = try server.org.device()
        let outsider = try otherOrg.device()
        let colleague = try server.org.device()
        let section = try TestSection()
        try await server.test { client in
            _ = try await client.register(laptop)
            _ = try await client.register(outsider)
            _ = try await client.register(colleague)
            _ = try await client.push([.grant(try laptop.grant(section, to: laptop, basis: .creator), sequence: 0)], as: laptop)
            let crossOrg = try await client.push([.grant(try laptop.grant(section, to: outsider, basis: .ownOrganisation), sequence: 0)], as: laptop)
            #expect(statuses(crossOrg) == ["rejected"])
            #expect(reasons(crossOrg).first?.contains("delen met een andere organisatie vraagt als grondslag") == true)
            // The colleague cannot make itself a creator of an existing section, nor grant what it does not hold.
            #expect(statuses(try await client.push([.grant(try colleague.grant(section, to: colleague, basis: .creator), sequence: 0)], as: colleague)) == ["rejected"])
            #expect(statuses(try await client.push([.grant(try colleague.grant(section, to: laptop, basis: .ownOrganisation), sequence: 0)], as: colleague)) == ["rejected"])
            // Certificates are public (a recipient checks a sharer's signature), but an unknown id is not found.
            let uri = "/v1/devices/\(outsider.id.hex)"
            #expect(try await client.execute(uri: uri, method: .get, headers: laptop.headers("GET", uri, Data())).status == .ok)
            let unknown = "/v1/devices/\(ID128.random().hex)"
            #expect(try await client.execute(uri: unknown, method: .get, headers: laptop.headers("GET", unknown, Data())).status == .notFound)
            // Nor ask the digest of a section it holds no grant for.
            let digest = "/v1/digest?family=\(section.family.hex)&tag=\(section.tag.hex)"
            #expect(try await client.execute(uri: digest, method: .get, headers: colleague.headers("GET", digest, Data())).status == .forbidden)
            #expect(try await client.execute(uri: digest, method: .get, headers: laptop.headers("GET", digest, Data())).status == .ok)
        }
    }

    @Test func theServerStoresNoPlaintext() async throws {
        let server = try ServerFixture()
        let laptop = try server.org.device()
        let section = try TestSection()
        let marker = "Kievitsbloem-Oosterhout"
        try await server.test { client in
            _ = try await client.register(laptop)
            let pushed = try await client.push([
                .grant(try laptop.grant(section, to: laptop, basis: .creator), sequence: 0),
                .change(try laptop.change(section, sequence: 1, value: marker), sequence: 0),
            ], as: laptop)
            #expect(statuses(pushed) == ["accepted", "accepted"])
        }
        let bytes = try server.allBytes()
        #expect(bytes.range(of: Data(marker.utf8)) == nil)
        #expect(bytes.range(of: Data("core".utf8)) == nil, "section names stay inside grants' ciphertext")
    }

    @Test func aShareIsReadOnlyAndANewEpochShutsOutTheWithdrawnRecipient() async throws {
        let server = try ServerFixture()
        let wijkteam = try TestOrg(name: "Wijkteam")
        try server.storage.addOrganisation(wijkteam.info)
        let laptop = try server.org.device()
        let colleague = try server.org.device()
        let officer = try server.org.device(role: .privacyOfficer)
        let recipient = try wijkteam.device()
        let section = try TestSection()
        try await server.test { client in
            for device in [laptop, colleague, officer, recipient] { _ = try await client.register(device) }
            let first = try laptop.change(section, sequence: 1, value: "voor")
            #expect(statuses(try await client.push([
                .grant(try laptop.grant(section, to: laptop, basis: .creator), sequence: 0), .change(first, sequence: 0),
                .grant(try laptop.grant(section, to: colleague, basis: .ownOrganisation), sequence: 0),
                .grant(try laptop.grant(section, to: recipient, basis: .consent), sequence: 0),
            ], as: laptop)) == ["accepted", "accepted", "accepted", "accepted"])
            // The recipient organisation's devices are listed for the sharer; the privacy officer's is not.
            let devices = "/v1/organisations/\(wijkteam.info.id.hex)/devices"
            let listed = json(try await client.execute(uri: devices, method: .get, headers: laptop.headers("GET", devices, Data())))
            #expect((listed["devices"] as? [[String: Any]])?.count == 1)
            // Plan keys never go to a privacy officer's device, nor does a share go out without a consent basis.
            let toOfficer = try await client.push([.grant(try laptop.grant(section, to: officer, basis: .ownOrganisation), sequence: 0)], as: laptop)
            #expect(reasons(toOfficer).first?.contains("privacy officer") == true)

            // The recipient reads but may not write, re-share, or start a new epoch.
            let (_, received) = try await client.pull(as: recipient)
            #expect(received?.items.count == 2)
            let write = try await client.push([.change(try recipient.change(section, sequence: 1), sequence: 0)], as: recipient)
            #expect(reasons(write).first?.contains("alleen te lezen") == true)
            #expect(statuses(try await client.push([.grant(try recipient.grant(section, to: recipient, basis: .creator, epoch: 2), sequence: 0)], as: recipient)) == ["rejected"])

            // Withdrawal: the laptop starts epoch 2 and gives it to the colleague only.
            #expect(statuses(try await client.push([
                .grant(try laptop.grant(section, to: laptop, basis: .creator, epoch: 2), sequence: 0),
                .grant(try laptop.grant(section, to: colleague, basis: .ownOrganisation, epoch: 2), sequence: 0),
                .change(try laptop.change(section, sequence: 2, value: "na", epoch: 2), sequence: 0),
            ], as: laptop)) == ["accepted", "accepted", "accepted"])
            // The colleague, offline, still writes under epoch 1: that change too stays away from the recipient.
            #expect(statuses(try await client.push([.change(try colleague.change(section, sequence: 1, value: "laat"), sequence: 0)], as: colleague)) == ["accepted"])
            let (_, later) = try await client.pull(as: recipient, after: 4)
            #expect(later?.items.isEmpty == true, "nothing after the new epoch reaches the withdrawn recipient")
            let backfill = "/v1/pull?after=0&family=\(section.family.hex)&tag=\(section.tag.hex)"
            let (history) = try await client.execute(uri: backfill, method: .get, headers: recipient.headers("GET", backfill, Data()))
            #expect(try SyncBatch(decoding: Data(history.body.readableBytesView)).items.count == 1, "its section history holds only epoch 1")
            let (_, colleagueSees) = try await client.pull(as: colleague, after: 4)
            #expect(colleagueSees?.items.count == 2, "the colleague gets its epoch-2 grant and the laptop's new change")

            // Who holds the section is shown to a device that may write it, not to the recipient.
            let access = "/v1/access?family=\(section.family.hex)&tag=\(section.tag.hex)"
            let holders = json(try await client.execute(uri: access, method: .get, headers: laptop.headers("GET", access, Data())))
            #expect((holders["holders"] as? [[String: Any]])?.count == 5)
            #expect(try await client.execute(uri: access, method: .get, headers: recipient.headers("GET", access, Data())).status == .forbidden)
        }
    }
}

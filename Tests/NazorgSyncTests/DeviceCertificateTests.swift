import Foundation
import NazorgCrypto
import NazorgSync
import Testing

/// A certificate is signed as it travels: every field of its JSON is covered by the organisation's signature, so a
/// field added to the type is signed without a second list to add it to.
struct DeviceCertificateTests {
    let organisationKey: SigningKeyPair
    let organisation: OrganisationInfo
    let certificate: DeviceCertificate

    init() throws {
        organisationKey = try .generate()
        organisation = OrganisationInfo(id: .random(), name: "Vrouwenopvang", signingKey: organisationKey.publicKey, boxKey: try BoxKeyPair.generate().publicKey)
        let device = try SigningKeyPair.generate()
        var certificate = DeviceCertificate(
            device: DeviceIdentity.id(signingKey: device.publicKey), worker: "Mira Visser", role: .worker, organisation: organisation.id,
            organisationName: "Vrouwenopvang", signingKey: device.publicKey, boxKey: try BoxKeyPair.generate().publicKey,
            validFrom: 1_700_000_000, validUntil: 1_900_000_000, signature: Data())
        certificate.signature = organisationKey.sign(certificate.signedBytes)
        self.certificate = certificate
    }

    static func json(_ certificate: DeviceCertificate) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: try JSONEncoder().encode(certificate)) as? [String: Any])
    }

    static func decoded(_ object: [String: Any]) throws -> DeviceCertificate {
        try JSONDecoder().decode(DeviceCertificate.self, from: try JSONSerialization.data(withJSONObject: object))
    }

    @Test func theSignedBytesAreTheCertificatesOwnEncoding() throws {
        #expect(certificate.version == 3)
        try certificate.verify(by: organisation, at: Date(timeIntervalSince1970: 1_800_000_000))
        let signed = String(decoding: certificate.signedBytes, as: UTF8.self)
        #expect(signed.hasPrefix("nazorg-device-certificate-v3\n{"))
        // Every field that travels is in what is signed: the signature and the name (withheld from other
        // organisations, bound by its commitment) as empty strings, the salt left out.
        let travelling = try Self.json(certificate).keys.sorted()
        let covered = try #require(JSONSerialization.jsonObject(with: Data(signed.dropFirst("nazorg-device-certificate-v3\n".count).utf8)) as? [String: Any])
        #expect(Set(travelling).subtracting(covered.keys) == ["workerSalt"], "\(travelling) vs \(covered.keys.sorted())")
        #expect((covered["signature"] as? String) == "" && (covered["worker"] as? String) == "")
        // The name is still bound, through its commitment; withheld, the certificate still verifies.
        try certificate.withholdingWorker.verify(by: organisation, at: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test(arguments: ["role", "organisationName", "validUntil", "validFrom", "boxKey", "workerCommitment", "worker", "version"])
    func changingAnyFieldBreaksTheSignature(field: String) throws {
        var object = try Self.json(certificate)
        switch field {
        case "role": object[field] = "admin"
        case "organisationName": object[field] = "Andere organisatie"
        case "validUntil", "validFrom": object[field] = 1_850_000_000
        case "boxKey", "workerCommitment": object[field] = Data(repeating: 7, count: 32).base64EncodedString()
        case "worker": object[field] = "Iemand anders"
        default: object[field] = 2
        }
        let tampered = try Self.decoded(object)
        #expect(throws: SyncError.self) { try tampered.verify(by: organisation, at: Date(timeIntervalSince1970: 1_800_000_000)) }
    }

    /// A version-2 certificate (the fields signed one by one) still verifies: devices certified before keep working.
    @Test func aVersionTwoCertificateStillVerifies() throws {
        var old = certificate
        old.version = 2
        old.signature = organisationKey.sign(old.signedBytes)
        #expect(!String(decoding: old.signedBytes, as: UTF8.self).hasPrefix("nazorg-device-certificate-v3"))
        try old.verify(by: organisation, at: Date(timeIntervalSince1970: 1_800_000_000))
        var bumped = old
        bumped.version = 3
        #expect(throws: SyncError.self) { try bumped.verify(by: organisation, at: Date(timeIntervalSince1970: 1_800_000_000)) }
    }
}

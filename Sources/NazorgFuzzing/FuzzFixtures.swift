import Foundation
import NazorgCrypto
import NazorgSync

/// Fixed keys and ids, so a seed input made once (and kept in `Fixtures/fuzz/`) verifies and opens in every
/// fuzzing run and every test run. Test keys only: derived from constant seeds, never used for real data.
enum FuzzFixtures {
    static let signer = try! SigningKeyPair(seed: Data(repeating: 0x01, count: 32))
    static let box = try! BoxKeyPair(secretKey: SecureBytes(copying: Data(repeating: 0x02, count: 32)))
    static let sectionKey = try! SymmetricKey(data: Data(repeating: 0x03, count: 32))
    static let senderOrganisationKey = try! SigningKeyPair(seed: Data(repeating: 0x04, count: 32))
    static let receiverOrganisationKey = try! SigningKeyPair(seed: Data(repeating: 0x05, count: 32))

    static let device = DeviceIdentity.id(signingKey: signer.publicKey)
    static let receiverDevice = DeviceID(high: 0xD2, low: 2)
    static let family = FamilyID(high: 0xFA, low: 1)
    static let sectionTag = ID128(high: 0x7A, low: 1)
    static let bundleID = ID128(high: 0xB0, low: 1)
    static let timestamp = Timestamp(millis: 1_790_000_000_000, counter: 0)
    /// 2026-09-21: the bundles' creation time.
    static let created: Int64 = 1_790_000_000_000

    static let sender = OrganisationInfo(
        id: ID128(high: 0x0A, low: 1), name: "Vrouwenopvang Fuzzregio", signingKey: senderOrganisationKey.publicKey,
        boxKey: box.publicKey)
    static let receiver = OrganisationInfo(
        id: ID128(high: 0x0B, low: 2), name: "Wijkteam Fuzzstad", signingKey: receiverOrganisationKey.publicKey,
        boxKey: box.publicKey)

    /// The sending device's certificate, signed by the sending organisation's fixed key.
    static let certificate: DeviceCertificate = {
        var certificate = DeviceCertificate(
            device: device, worker: "Fuzz", role: .worker, organisation: sender.id, organisationName: sender.name,
            signingKey: signer.publicKey, boxKey: box.publicKey, validFrom: 1_700_000_000, validUntil: 1_900_000_000,
            signature: Data())
        certificate.signature = senderOrganisationKey.sign(certificate.signedBytes)
        return certificate
    }()

    /// The header a document without its envelope is checked against: that of a bundle from `sender` to
    /// `receiver` with the fixed bundle id.
    static let bundleHeader: HandoverEnvelope.Header = try! HandoverEnvelope.header(of: try! bundle(content: Data("{}".utf8)))

    /// A bundle of `content` from the fixed sending device to the fixed receiving device.
    static func bundle(content: Data) throws -> Data {
        try HandoverEnvelope.seal(
            content: content, bundle: bundleID, recipient: receiver.id, devices: [(receiverDevice, box.publicKey)],
            certificate: certificate, signer: signer, created: created)
    }
}

import Foundation
import NazorgCrypto
import Testing

@testable import NazorgSync

/// The handover envelope: only an addressed device of the addressed organisation opens it, and one changed
/// byte anywhere, a cut, or a re-addressed header is refused.
struct HandoverEnvelopeTests {
    struct Party {
        let organisation: OrganisationInfo
        let organisationKey: SigningKeyPair
        let signer: SigningKeyPair
        let box: BoxKeyPair
        let certificate: DeviceCertificate

        init(_ name: String) throws {
            organisationKey = try .generate()
            organisation = OrganisationInfo(id: .random(), name: name, signingKey: organisationKey.publicKey, boxKey: try BoxKeyPair.generate().publicKey)
            signer = try .generate()
            box = try .generate()
            var certificate = DeviceCertificate(
                device: DeviceIdentity.id(signingKey: signer.publicKey), worker: "Mira", role: .worker, organisation: organisation.id, organisationName: name,
                signingKey: signer.publicKey, boxKey: box.publicKey, validFrom: 1_700_000_000, validUntil: 1_900_000_000, signature: Data())
            certificate.signature = organisationKey.sign(certificate.signedBytes)
            self.certificate = certificate
        }

        var device: DeviceID { certificate.device }
    }

    let sender: Party
    let receiver: Party
    let colleague: Party
    let content = Data("{\"plan\":\"veiligheidsplan\"}".utf8)

    init() throws {
        sender = try Party("Vrouwenopvang")
        receiver = try Party("Wijkteam")
        colleague = try Party("Wijkteam")
    }

    func bundle(to devices: [Party], recipient: ID128? = nil) throws -> Data {
        try HandoverEnvelope.seal(
            content: content, bundle: .random(), recipient: recipient ?? receiver.organisation.id,
            devices: devices.map { ($0.device, $0.box.publicKey) }, certificate: sender.certificate, signer: sender.signer,
            created: 1_790_000_000_000)
    }

    @Test func theAddressedDevicesOpenIt() throws {
        let sealed = try bundle(to: [receiver, colleague])
        let header = try HandoverEnvelope.header(of: sealed)
        #expect(header.recipient == receiver.organisation.id && header.sender == sender.organisation.id)
        #expect(header.devices == [receiver.device, colleague.device])
        let opened = try HandoverEnvelope.open(sealed, organisation: receiver.organisation.id, device: colleague.device, box: colleague.box)
        #expect(opened.content == content)
        #expect(opened.certificate == sender.certificate)
        try opened.certificate.verify(by: sender.organisation, at: Date(timeIntervalSince1970: 1_790_000_000))
    }

    @Test func anotherOrganisationOrDeviceCannotOpenIt() throws {
        let sealed = try bundle(to: [receiver])
        #expect(throws: SyncError.self) {
            try HandoverEnvelope.open(sealed, organisation: sender.organisation.id, device: sender.device, box: sender.box)
        }
        // A device of the right organisation that the bundle was not sealed to.
        #expect(throws: SyncError.self) {
            try HandoverEnvelope.open(sealed, organisation: receiver.organisation.id, device: colleague.device, box: colleague.box)
        }
        // Its own slot id with another device's key: the sealed key does not open.
        #expect(throws: SyncError.self) {
            try HandoverEnvelope.open(sealed, organisation: receiver.organisation.id, device: receiver.device, box: colleague.box)
        }
    }

    @Test func everyChangedByteIsRefused() throws {
        let sealed = try bundle(to: [receiver, colleague])
        for index in sealed.indices {
            var damaged = sealed
            damaged[index] ^= 0x20
            #expect(throws: SyncError.self, "byte \(index)") {
                try HandoverEnvelope.open(damaged, organisation: receiver.organisation.id, device: receiver.device, box: receiver.box)
            }
        }
    }

    @Test func everyTruncationIsRefused() throws {
        let sealed = try bundle(to: [receiver])
        for length in 0..<sealed.count {
            #expect(throws: SyncError.self, "length \(length)") {
                try HandoverEnvelope.open(sealed.prefix(length), organisation: receiver.organisation.id, device: receiver.device, box: receiver.box)
            }
        }
    }

    @Test func aReceiptVerifiesAndRefusesAlteration() throws {
        let sealed = try bundle(to: [receiver])
        let header = try HandoverEnvelope.header(of: sealed)
        let receipt = HandoverReceipt(
            bundle: header.bundle, digest: HandoverEnvelope.digest(sealed), sender: header.sender, certificate: receiver.certificate,
            time: 1_790_000_100_000, imported: true, signer: receiver.signer)
        try receipt.verifySignature()
        let decoded = try JSONDecoder().decode(HandoverReceipt.self, from: try JSONEncoder().encode(receipt))
        try decoded.verifySignature()
        var altered = receipt
        altered.imported = false
        #expect(throws: SyncError.self) { try altered.verifySignature() }
        altered = receipt
        altered.bundle = .random()
        #expect(throws: SyncError.self) { try altered.verifySignature() }
    }
}

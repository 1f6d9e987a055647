import Foundation
import NazorgCrypto
import NazorgSync
import Testing

struct KeyGrantTests {
    let recipient = DeviceID.random()
    let granter = DeviceID.random()

    func makeGrant(to box: BoxKeyPair, signer: SigningKeyPair, key: SymmetricKey) throws -> KeyGrant {
        try KeyGrant.make(
            family: .random(), tag: .random(), epoch: 2,
            contents: .init(name: "safety", key: key, familySecret: try .random()),
            recipient: recipient, recipientBoxKey: box.publicKey, granter: granter, signer: signer, basis: .ownOrganisation)
    }

    @Test func onlyTheRecipientOpensAndTheSignatureBinds() throws {
        let box = try BoxKeyPair.generate()
        let signer = try SigningKeyPair.generate()
        let key = try SymmetricKey.random()
        let grant = try makeGrant(to: box, signer: signer, key: key)
        let parsed = try KeyGrant(bytes: grant.bytes)
        #expect(parsed == grant && parsed.epoch == 2 && parsed.basis == .ownOrganisation)
        try parsed.verifySignature(granterKey: signer.publicKey)
        let contents = try parsed.open(with: box)
        #expect(contents.name == "safety")
        #expect(contents.key.bytes.isEqual(to: key.bytes))
        #expect(throws: SyncError.self) { try parsed.open(with: try BoxKeyPair.generate()) }
        #expect(throws: SyncError.self) { try parsed.verifySignature(granterKey: try SigningKeyPair.generate().publicKey) }
    }

    @Test func everyFlippedByteIsRefused() throws {
        let box = try BoxKeyPair.generate()
        let signer = try SigningKeyPair.generate()
        let grant = try makeGrant(to: box, signer: signer, key: try .random())
        for index in grant.bytes.indices {
            var bytes = grant.bytes
            bytes[index] ^= 0x10
            #expect(throws: SyncError.self) {
                let tampered = try KeyGrant(bytes: bytes)
                try tampered.verifySignature(granterKey: signer.publicKey)
            }
        }
    }
}

struct SyncBatchTests {
    @Test func roundTripsAndRefusesMalformedInput() throws {
        let signer = try SigningKeyPair.generate()
        let key = try SymmetricKey.random()
        let author = DeviceID.random()
        let header = ChangeHeader(
            family: .random(), sectionTag: .random(), epoch: 1, author: author, sequence: 1, previous: Data(count: 32),
            first: Timestamp(millis: 1_700_000_000_000, counter: 0), opCount: 1, schemaVersion: 1)
        let change = try SignedChange.seal([.write(.random(), "f", .int(1), replacing: [])], header: header, key: key, signer: signer)
        let box = try BoxKeyPair.generate()
        let grant = try KeyGrant.make(
            family: .random(), tag: .random(), epoch: 1, contents: .init(name: "core", key: key, familySecret: try .random()),
            recipient: author, recipientBoxKey: box.publicKey, granter: author, signer: signer, basis: .creator)
        let batch = SyncBatch(items: [.grant(grant, sequence: 0), .change(change, sequence: 7)])
        let bytes = batch.encoded()
        #expect(try SyncBatch(decoding: bytes) == batch)
        for length in [0, 3, 8, 20, bytes.count - 1] {
            #expect(throws: SyncError.self) { try SyncBatch(decoding: bytes.prefix(length)) }
        }
        #expect(throws: SyncError.self) { try SyncBatch(decoding: bytes + Data([1])) }
        var wrongVersion = bytes
        wrongVersion[3] = 2
        let error = #expect(throws: SyncError.self) { try SyncBatch(decoding: wrongVersion) }
        #expect(error?.code == .unsupportedVersion)
        var huge = Data("NZB".utf8) + Data([1])
        huge.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect((#expect(throws: SyncError.self) { try SyncBatch(decoding: huge) })?.code == .tooLarge)
    }
}

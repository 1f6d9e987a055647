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

/// The protocol's JSON messages are one definition for both sides; their wire form is pinned here, so a change to
/// a message is a deliberate change to the protocol.
struct ProtocolMessageTests {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func pushAnswersKeepTheirWireForm() throws {
        let answer = PushAnswer(results: [
            .init(id: "ab", kind: .change, status: .accepted, sequence: 5),
            .init(id: "cd", kind: .grant, status: .rejected, reason: "ingetrokken", code: .recipientRevoked),
        ])
        let text = try Self.json(answer)
        #expect(text == #"{"results":[{"id":"ab","kind":"change","sequence":5,"status":"accepted"},{"code":"recipient-revoked","id":"cd","kind":"grant","reason":"ingetrokken","status":"rejected"}]}"#)
        #expect(try JSONDecoder().decode(PushAnswer.self, from: Data(text.utf8)) == answer)
        // A kind or status the protocol does not have is refused, not guessed.
        for bad in [#"{"results":[{"id":"ab","kind":"ruil","status":"accepted"}]}"#, #"{"results":[{"id":"ab","kind":"change","status":"misschien"}]}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(PushAnswer.self, from: Data(bad.utf8)) }
        }
    }

    @Test func theOtherAnswersKeepTheirWireForm() throws {
        #expect(try Self.json(DigestAnswer(count: 3, hash: "00ff")) == #"{"count":3,"hash":"00ff"}"#)
        #expect(try Self.json(LogKeyAnswer(key: Data([1, 2, 3]))) == #"{"key":"AQID"}"#)
        #expect(try Self.json(DeviceList(devices: [])) == #"{"devices":[]}"#)
        #expect(try Self.json(DeviceAnswer(device: "ab", status: .revoked)) == #"{"device":"ab","status":"revoked"}"#)
        #expect(try Self.json(MailboxPostAnswer(id: "ab", status: .stored)) == #"{"id":"ab","status":"stored"}"#)
        #expect(try Self.json(ProofAnswer(proof: [Data([1])])) == #"{"proof":["AQ=="]}"#)
        #expect(try Self.json(AuditLeavesAnswer(leaves: [])) == #"{"leaves":[]}"#)
        let entry = MailboxEntry(sequence: 4, kind: .receipt, id: "ab", sender: "cd", senderDevice: "ef", received: 1_700_000_000_000, size: 9)
        #expect(try Self.json(MailboxListing(items: [entry]))
            == #"{"items":[{"id":"ab","kind":"receipt","received":1700000000000,"sender":"cd","senderDevice":"ef","sequence":4,"size":9}]}"#)
        // The kind byte of a batch item is the kind the server stores.
        #expect(ItemKind.change.byte == 1 && ItemKind.grant.byte == 2)
    }
}

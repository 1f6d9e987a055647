import Foundation
import NazorgCrypto
import NazorgMessages
import NazorgSync
import Testing

struct ChangeTests {
    let author = DeviceID.random()
    let signer: SigningKeyPair
    let key: SymmetricKey
    let family = FamilyID.random()
    let tag = ID128.random()

    init() throws {
        signer = try .generate()
        key = try .random()
    }

    func makeChange(_ ops: [PendingOp]) throws -> SignedChange {
        let header = ChangeHeader(
            family: family, sectionTag: tag, epoch: 1, author: author, sequence: 1, previous: Data(count: 32),
            first: Timestamp(millis: 1_700_000_000_000, counter: 0), opCount: UInt32(ops.count), schemaVersion: 1)
        return try SignedChange.seal(ops, header: header, key: key, signer: signer)
    }

    var sampleOps: [PendingOp] {
        let e = EntityID.random()
        let other = DeviceID.random()
        return [
            .write(e, "name", .string("Zonnebloem"), replacing: []),
            .write(e, "status", .int(-3), replacing: [OpID(timestamp: Timestamp(rawValue: 5), device: other)]),
            .insert(.random(), kind: "contact", fields: ["summary": .string("huisbezoek"), "faceToFace": .bool(true)]),
            .write(e, "goal", .ref(e), replacing: []),
            .write(e, "old", .tombstone, replacing: []),
        ]
    }

    /// Found by the fuzzing corpus test: a length that fits the bytes left before its own varint, not after.
    @Test func aStringLongerThanWhatIsLeftIsRefused() {
        var reader = ByteReader(Data([5]) + Data("datu".utf8), context: .change)
        #expect(throws: SyncError.self) { try reader.readString() }
        var bytes = ByteReader(Data([5]) + Data("datu".utf8), context: .change)
        #expect(throws: SyncError.self) { try bytes.readBytes() }
    }

    @Test func roundTripsOpsAndHeader() throws {
        let ops = sampleOps
        let change = try makeChange(ops)
        let parsed = try SignedChange(bytes: change.bytes)
        #expect(parsed.header == change.header)
        #expect(parsed.id == change.id)
        try parsed.verifySignature(authorKey: signer.publicKey)
        let opened = try parsed.open(key: key)
        #expect(opened.map(\.entity) == ops.map(\.entity))
        #expect(opened.map(\.payload) == ops.map(\.payload))
        #expect(opened[2].id == OpID(timestamp: change.header.first.advanced(by: 2), device: author))
    }

    @Test func everyTamperedByteIsRefusedAndLeavesStateUntouched() throws {
        let change = try makeChange(sampleOps)
        var replica = ReplicaState()
        try replica.apply(try makeChange([.write(.random(), "x", .int(1), replacing: [])]), authorKey: signer.publicKey, key: key)
        let before = replica.stateHash
        for index in change.bytes.indices {
            var bytes = change.bytes
            bytes[index] ^= 0x01
            #expect(throws: SyncError.self) {
                let tampered = try SignedChange(bytes: bytes)
                try replica.apply(tampered, authorKey: signer.publicKey, key: key)
            }
        }
        #expect(replica.stateHash == before)
    }

    @Test func foreignKeyIsRefused() throws {
        let change = try makeChange(sampleOps)
        var replica = ReplicaState()
        let error = #expect(throws: SyncError.self) {
            try replica.apply(change, authorKey: signer.publicKey, key: try SymmetricKey.random())
        }
        #expect(error?.code == .decryptionFailed)
        #expect(replica.sections.isEmpty)
    }

    @Test func changeSignedByAnotherDeviceIsRefused() throws {
        let change = try makeChange(sampleOps)
        var replica = ReplicaState()
        let impostor = try SigningKeyPair.generate()
        let error = #expect(throws: SyncError.self) {
            try replica.apply(change, authorKey: impostor.publicKey, key: key)
        }
        #expect(error?.code == .badSignature)
    }

    @Test func truncationsAndGarbageAreMalformed() throws {
        let change = try makeChange(sampleOps)
        for length in [0, 1, 50, ChangeHeader.byteCount, change.bytes.count - 1] {
            #expect(throws: SyncError.self) { try SignedChange(bytes: change.bytes.prefix(length)) }
        }
        #expect(throws: SyncError.self) { try SignedChange(bytes: change.bytes + Data([0])) }
        var rng = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let garbage = Data((0..<Int(rng.next() % 400)).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
            #expect(throws: SyncError.self) { try SignedChange(bytes: garbage) }
        }
    }

    @Test func headerHasItsDocumentedSize() throws {
        var writer = ByteWriter()
        try makeChange(sampleOps).header.encode(to: &writer)
        #expect(writer.data.count == ChangeHeader.byteCount)
    }

    @Test func unknownVersionIsNamed() throws {
        var bytes = try makeChange(sampleOps).bytes
        bytes[0] = 9
        let error = #expect(throws: SyncError.self) { try SignedChange(bytes: bytes) }
        #expect(error?.code == .unsupportedVersion)
    }

    @Test func wireBytesPerFieldUpdateInABatchOf100() throws {
        // Not a timing: a size bound the format must keep (ARCHITECTURE: <= 40 B per update in batches).
        var ops: [PendingOp] = []
        let entities = (0..<10).map { _ in EntityID.random() }
        for i in 0..<100 {
            ops.append(.write(entities[i % 10], "field_\(i / 10)", .string("ABCDEFGHIJKLMNOPQRST"), replacing: []))
        }
        let change = try makeChange(ops)
        #expect(change.bytes.count / 100 <= 40, "\(change.bytes.count) bytes for 100 updates")
    }
}

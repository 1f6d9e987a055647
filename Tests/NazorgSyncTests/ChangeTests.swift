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
        #expect(writer.data.count == ChangeHeader.byteCount && ChangeHeader.byteCount == 115)
        var old = ByteWriter()
        var header = try makeChange(sampleOps).header
        header.version = 1
        header.encode(to: &old)
        #expect(old.data.count == 107)
    }

    func stamped(_ pending: [PendingOp], at times: [Timestamp]) -> [Op] {
        zip(pending, times).map { Op(id: OpID(timestamp: $1, device: author), entity: $0.entity, payload: $0.payload) }
    }

    func header(first: Timestamp, last: Timestamp, count: Int, version: UInt8 = 2) -> ChangeHeader {
        ChangeHeader(
            family: family, sectionTag: tag, epoch: 1, author: author, sequence: 1, previous: Data(count: 32),
            first: first, last: last, opCount: UInt32(count), schemaVersion: 1, version: version)
    }

    @Test func aSquashedChangeCarriesEachOpsOwnTimestamp() throws {
        let t = Timestamp(millis: 1_700_000_000_000, counter: 0)
        let times = [t, t.advanced(by: 1), t.advanced(by: 700), Timestamp(millis: 1_700_000_600_000, counter: 2), Timestamp(millis: 1_700_086_400_000, counter: 0)]
        let ops = stamped(sampleOps, at: times)
        let change = try SignedChange.seal(stamped: ops, header: header(first: times[0], last: times[4], count: 5), key: key, signer: signer)
        let parsed = try SignedChange(bytes: change.bytes)
        #expect(change.bytes.first == 2 && parsed.header.last == times[4])
        try parsed.verifySignature(authorKey: signer.publicKey)
        #expect(try parsed.open(key: key) == ops)
    }

    @Test func aVersion1ChangeIsStillReadAndApplied() throws {
        let first = Timestamp(millis: 1_700_000_000_000, counter: 9)
        let h = header(first: first, last: first.advanced(by: 4), count: 5, version: 1)
        let change = try SignedChange.seal(sampleOps, header: h, key: key, signer: signer)
        #expect(change.bytes.first == 1)
        var replica = ReplicaState()
        try replica.apply(try SignedChange(bytes: change.bytes), authorKey: signer.publicKey, key: key)
        let ops = try change.open(key: key)
        #expect(ops.map(\.id.timestamp) == (0..<5).map { first.advanced(by: UInt64($0)) })
        #expect(replica.sections.values.first?.count == 2, "the member and the contact")
    }

    @Test func aHeaderWhoseLastDoesNotFitItsOpsIsRefused() throws {
        let t = Timestamp(millis: 1_700_000_000_000, counter: 0)
        // last before first; three ops in a span of two counts; one op whose last is not its first.
        for bad in [header(first: t, last: Timestamp(rawValue: t.rawValue - 1), count: 1), header(first: t, last: t.advanced(by: 1), count: 3),
                    header(first: t, last: t.advanced(by: 5), count: 1)] {
            var writer = ByteWriter()
            bad.encode(to: &writer)
            var reader = ByteReader(writer.data, context: .change)
            let error = #expect(throws: SyncError.self) { try ChangeHeader.decode(from: &reader) }
            #expect(error?.code == .malformedChange)
        }
    }

    @Test func opTimestampsMustRiseAndEndAtTheHeadersLast() throws {
        let e = EntityID.random()
        let t = Timestamp(millis: 1_700_000_000_000, counter: 0)
        let one = stamped([.write(e, "x", .bool(true), replacing: [])], at: [t])
        let two = stamped([.write(e, "x", .bool(true), replacing: []), .write(e, "x", .bool(false), replacing: [])], at: [t, t.advanced(by: 9)])
        let body = OpsCodec.encode(two, version: 2, author: author)
        #expect(try OpsCodec.decode(body, header: header(first: t, last: t.advanced(by: 9), count: 2)) == two)
        // The body says 9 counts later: a header that ends earlier or later does not fit it.
        for last in [t.advanced(by: 8), t.advanced(by: 10)] {
            #expect(throws: SyncError.self) { try OpsCodec.decode(body, header: header(first: t, last: last, count: 2)) }
        }
        // A delta of 0 (two ops at one time) is refused: the tables are the same, so the delta follows the first op.
        var equal = body
        let deltaIndex = equal.startIndex + OpsCodec.encode(one, version: 2, author: author).count
        #expect(equal[deltaIndex] == 9)
        equal[deltaIndex] = 0
        #expect(throws: SyncError.self) { try OpsCodec.decode(equal, header: header(first: t, last: t.advanced(by: 9), count: 2)) }
    }

    @Test func aWriteMayOnlyReplaceOlderWrites() throws {
        let e = EntityID.random()
        let t = Timestamp(millis: 1_700_000_000_000, counter: 5)
        let other = DeviceID.random()
        for predecessor in [t, t.advanced(by: 1)] {
            let ops = stamped([.write(e, "x", .bool(true), replacing: [OpID(timestamp: predecessor, device: other)])], at: [t])
            // The encoder writes what it is given; the decoder refuses it, and so does sealing.
            let error = #expect(throws: SyncError.self) {
                try OpsCodec.decode(OpsCodec.encode(ops, version: 2, author: author), header: header(first: t, last: t, count: 1))
            }
            #expect(error?.description.contains(Messages.Sync.predecessorNotOlder) == true)
            #expect(throws: SyncError.self) {
                try SignedChange.seal(stamped: ops, header: header(first: t, last: t, count: 1), key: key, signer: signer)
            }
        }
        let older = stamped([.write(e, "x", .bool(true), replacing: [OpID(timestamp: Timestamp(rawValue: t.rawValue - 1), device: other)])], at: [t])
        #expect(try OpsCodec.decode(OpsCodec.encode(older, version: 2, author: author), header: header(first: t, last: t, count: 1)) == older)
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

import Foundation
import NazorgSync
import Testing

/// Merging by splicing (`EntityState.merge(_:intoEncoded:)`) must be indistinguishable from decoding the
/// whole entity, applying the ops and encoding it again: same bytes, same conflict flag, same "unchanged".
struct SpliceTests {
    static let fields = ["adres", "b", "naam", "postcode", "telefoon", "zorgvraag", "ë-veld"]
    static let devices = (1...4).map { DeviceID(high: 9, low: UInt64($0)) }
    static let entity = EntityID(high: 5, low: 5)

    /// A random history of register writes on one entity: each device writes after what it has seen (its
    /// heads), sometimes from a stale view, sometimes a value of every kind, now and then a tombstone.
    static func history(_ rng: inout SplitMix64, count: Int, fields: [String]) -> [Op] {
        var clocks = Array(repeating: UInt64(0), count: devices.count)
        var views = Array(repeating: EntityState(), count: devices.count)
        var ops: [Op] = []
        for _ in 0..<count {
            let d = Int(rng.next() % UInt64(devices.count))
            // Now and then a device catches up on some of the others' writes.
            if rng.next() % 3 == 0 {
                for op in ops where rng.next() % 2 == 0 {
                    views[d].apply(op)
                    clocks[d] = max(clocks[d], op.id.timestamp.rawValue)
                }
            }
            clocks[d] += 1 + rng.next() % 4
            let field = fields[Int(rng.next() % UInt64(fields.count))]
            let value: Value =
                switch rng.next() % 6 {
                case 0: .int(Int64(bitPattern: rng.next()) >> 20)
                case 1: .bool(rng.next() % 2 == 0)
                case 2: .ref(EntityID(high: rng.next(), low: rng.next()))
                case 3: .tombstone
                case 4: .string("Straat \(rng.next() % 100) — ’s-Hertogenbosch")
                default: .string(String(repeating: "x", count: Int(rng.next() % 300)))
                }
            let op = Op(
                id: OpID(timestamp: Timestamp(rawValue: clocks[d]), device: devices[d]), entity: entity,
                payload: .write(field: field, value: value, predecessors: views[d].registers[field]?.heads ?? []))
            views[d].apply(op)
            ops.append(op)
        }
        return ops
    }

    /// What the full path gives: decode, apply, encode.
    static func fullMerge(_ ops: [Op], into state: EntityState?) -> (EncodedMerge, EntityState) {
        var state = state ?? EntityState()
        var changed = false
        for op in ops { changed = state.apply(op) || changed }
        let result: EncodedMerge = changed ? .merged(state.encoded(), isConflicted: !state.conflictedFields.isEmpty) : .unchanged
        return (result, state)
    }

    @Test("splicing gives the bytes the full merge gives", arguments: Array(1...60) as [UInt64])
    func splicingEqualsTheFullMerge(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        // ASCII names for most seeds (spliced), one non-ASCII name for some (the full path must be taken).
        let fields = seed % 5 == 0 ? Self.fields : Array(Self.fields.dropLast())
        let ops = Self.history(&rng, count: 10 + Int(rng.next() % 120), fields: fields)
        // A third of the seeds merge only the last few ops into a large entity: most registers untouched.
        let split = seed % 3 == 0 ? max(0, ops.count - 1 - Int(rng.next() % 3)) : Int(rng.next() % UInt64(ops.count))
        var stored: EntityState?
        if split > 0 {
            var state = EntityState()
            for op in ops[..<split] { state.apply(op) }
            stored = state
        }
        // The batch: the rest in a shuffled order, with some ops already held (duplicates) mixed in.
        var batch = Array(ops[split...])
        for op in ops[..<split] where rng.next() % 4 == 0 { batch.append(op) }
        batch.shuffle(using: &rng)
        let (expected, merged) = Self.fullMerge(batch, into: stored)
        let spliced = try EntityState.merge(batch, intoEncoded: stored?.encoded())
        #expect(spliced == expected, "seed \(seed)")
        if case .merged(let bytes, _) = spliced { #expect(try EntityState(encoded: bytes) == merged, "seed \(seed)") }
    }

    @Test func aBatchOfDuplicatesChangesNothing() throws {
        var rng = SplitMix64(seed: 7)
        let ops = Self.history(&rng, count: 40, fields: Array(Self.fields.dropLast()))
        var state = EntityState()
        for op in ops { state.apply(op) }
        #expect(try EntityState.merge(Array(ops.suffix(10)), intoEncoded: state.encoded()) == .unchanged)
    }

    @Test func aFactRecordAndAnOlderLayoutTakeTheFullPath() throws {
        let id = OpID(timestamp: Timestamp(rawValue: 10), device: Self.devices[0])
        let insert = Op(id: id, entity: Self.entity, payload: .insert(kind: "contact", fields: ["datum": .string("2026-12-01")]))
        let (expected, _) = Self.fullMerge([insert], into: nil)
        #expect(try EntityState.merge([insert], intoEncoded: nil) == expected)
        // A write into an entity whose stored history is the older id list (version 1, inline).
        var old = ByteWriter()
        old.write(1)
        old.write(0)
        old.writeVarint(1)
        old.writeString("naam")
        old.writeVarint(1)
        old.writeFixed(UInt64(5))
        old.write(Self.devices[1])
        Value.string("A").encode(to: &old)
        old.writeVarint(0)
        let write = Op(id: id, entity: Self.entity, payload: .write(field: "naam", value: .string("B"), predecessors: []))
        let (full, _) = Self.fullMerge([write], into: try EntityState(encoded: old.data))
        #expect(try EntityState.merge([write], intoEncoded: old.data) == full)
    }

    @Test func damagedBytesAreRefusedNotSpliced() throws {
        var rng = SplitMix64(seed: 3)
        var state = EntityState()
        for op in Self.history(&rng, count: 30, fields: ["naam", "telefoon"]) { state.apply(op) }
        let bytes = state.encoded()
        let write = Op(
            id: OpID(timestamp: Timestamp(rawValue: 1 << 40), device: Self.devices[0]), entity: Self.entity,
            payload: .write(field: "naam", value: .int(1), predecessors: []))
        for cut in [bytes.count - 1, bytes.count / 2, 3] {
            #expect(throws: SyncError.self) { try EntityState.merge([write], intoEncoded: bytes.prefix(cut)) }
        }
        #expect(throws: SyncError.self) { try EntityState.merge([write], intoEncoded: bytes + Data([0])) }
    }
}

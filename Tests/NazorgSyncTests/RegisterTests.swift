import Foundation
import NazorgSync
import Testing

struct RegisterTests {
    let a = DeviceID(high: 0, low: 1)
    let b = DeviceID(high: 0, low: 2)

    func id(_ t: UInt64, _ d: DeviceID) -> OpID { OpID(timestamp: Timestamp(rawValue: t), device: d) }

    @Test func concurrentWritesAreBothKeptAndGreatestWins() {
        var register = Register()
        register.apply(id: id(1, a), value: .string("base"), predecessors: [])
        register.apply(id: id(5, a), value: .string("from a"), predecessors: [id(1, a)])
        register.apply(id: id(4, b), value: .string("from b"), predecessors: [id(1, a)])
        #expect(register.isConflicted)
        #expect(register.value == .string("from a"))
        #expect(register.current.map(\.value) == [.string("from b"), .string("from a")])
        // Resolving is an ordinary write naming both.
        register.apply(id: id(9, b), value: .string("agreed"), predecessors: register.heads)
        #expect(!register.isConflicted)
        #expect(register.value == .string("agreed"))
    }

    @Test func lateReplacedWriteNeverResurfaces() {
        var register = Register()
        register.apply(id: id(3, a), value: .int(3), predecessors: [id(2, a)])
        register.apply(id: id(2, a), value: .int(2), predecessors: [id(1, a)])
        register.apply(id: id(1, a), value: .int(1), predecessors: [])
        #expect(register.current.count == 1)
        #expect(register.value == .int(3))
    }

    @Test func deleteVersusEditIsAVisibleConflict() {
        var entity = EntityState()
        let e = EntityID.random()
        entity.apply(Op(id: id(1, a), entity: e, payload: .write(field: "goal", value: .string("x"), predecessors: [])))
        entity.apply(Op(id: id(2, a), entity: e, payload: .write(field: "goal", value: .tombstone, predecessors: [id(1, a)])))
        entity.apply(Op(id: id(3, b), entity: e, payload: .write(field: "goal", value: .string("y"), predecessors: [id(1, a)])))
        #expect(entity.conflictedFields == ["goal"])
        #expect(entity["goal"] == .string("y"))
    }

    @Test func factRecordsAreInsertOnly() {
        var entity = EntityState()
        let e = EntityID.random()
        let insert = Op(id: id(1, a), entity: e, payload: .insert(kind: "contact", fields: ["m": .int(1)]))
        let first = entity.apply(insert)
        let second = entity.apply(insert)
        #expect(first)
        #expect(!second)
        #expect(entity["m"] == .int(1))
    }

    @Test func entityStateRoundTripsThroughItsEncoding() throws {
        var entity = EntityState()
        let e = EntityID.random()
        entity.apply(Op(id: id(1, a), entity: e, payload: .write(field: "f", value: .string("é"), predecessors: [])))
        entity.apply(Op(id: id(2, b), entity: e, payload: .write(field: "f", value: .bool(true), predecessors: [id(0, a)])))
        entity.apply(Op(id: id(3, b), entity: e, payload: .write(field: "g", value: .ref(e), predecessors: [])))
        #expect(try EntityState(encoded: entity.encoded()) == entity)
    }

    @Test func readingWithoutHistoryShowsTheSameStateAndRefusesTheSameDamage() throws {
        var entity = EntityState()
        let e = EntityID.random()
        var head: [OpID] = []
        for t in 1...200 as ClosedRange<UInt64> {
            entity.apply(Op(id: id(t, a), entity: e, payload: .write(field: "naam", value: .string("v\(t)"), predecessors: head)))
            head = [id(t, a)]
        }
        entity.apply(Op(id: id(150, b), entity: e, payload: .write(field: "naam", value: .string("b"), predecessors: [id(149, a)])))
        entity.apply(Op(id: id(201, b), entity: e, payload: .write(field: "fase", value: .int(2), predecessors: [])))
        let encoded = entity.encoded()
        let visible = try EntityState(encoded: encoded, keepingHistory: false)
        #expect(visible.registers["naam"]?.replaced.isEmpty == true)
        #expect(visible.registers["naam"]?.heads == entity.registers["naam"]?.heads)
        #expect(visible.conflictedFields == ["naam"])
        var expected = ByteWriter(), actual = ByteWriter()
        entity.encode(to: &expected, includeHistory: false)
        visible.encode(to: &actual, includeHistory: false)
        #expect(actual.data == expected.data)
        // Stored as two parts: the visible state and the history beside it, together the whole state again.
        #expect(try EntityState(visible: entity.encodedVisible(), history: entity.encodedHistory()) == entity)
        #expect(try EntityState(visible: entity.encodedVisible(), history: nil).registers["naam"]?.replaced.isEmpty == true)
        #expect(throws: SyncError.self) { try EntityState(visible: EntityState().encodedVisible(), history: entity.encodedHistory()) }
        #expect(throws: SyncError.self) { try EntityState(visible: entity.encodedVisible(), history: entity.encodedHistory().dropLast()) }
        // A history longer than the bytes left, or cut short, is refused whether it is decoded or skipped.
        for cut in [encoded.count - 1, encoded.count - 24 * 10] {
            #expect(throws: SyncError.self) { try EntityState(encoded: encoded.prefix(cut), keepingHistory: false) }
            #expect(throws: SyncError.self) { try EntityState(encoded: encoded.prefix(cut)) }
        }
    }
}

struct ClockTests {
    @Test func reservesMonotonicRanges() throws {
        var clock = HybridClock()
        let first = try clock.reserve(3, wallMillis: 1000)
        #expect(first == Timestamp(millis: 1000, counter: 0))
        let next = try clock.reserve(1, wallMillis: 1000)
        #expect(next == Timestamp(millis: 1000, counter: 3))
        // Wall time going backwards does not make the clock go backwards.
        #expect(try clock.reserve(1, wallMillis: 10) > next)
    }

    @Test func followsRemoteAndRefusesTheFarFuture() throws {
        var clock = HybridClock()
        try clock.observe(Timestamp(millis: 2000, counter: 5), wallMillis: 1000)
        #expect(try clock.reserve(1, wallMillis: 1000) == Timestamp(millis: 2000, counter: 6))
        let error = #expect(throws: SyncError.self) {
            try clock.observe(Timestamp(millis: 1000 + HybridClock.defaultMaxDrift + 1, counter: 0), wallMillis: 1000)
        }
        #expect(error?.code == .clockInFuture)
    }

    @Test func exhaustedClockIsAnError() {
        var clock = HybridClock(last: Timestamp(rawValue: UInt64.max - 1))
        #expect(throws: SyncError.self) { try clock.reserve(5, wallMillis: 0) }
    }
}

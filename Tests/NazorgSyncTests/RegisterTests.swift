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
        #expect(visible.registers["naam"]?.replacedThrough.isEmpty == true)
        #expect(visible.registers["naam"]?.heads == entity.registers["naam"]?.heads)
        #expect(visible.conflictedFields == ["naam"])
        var expected = ByteWriter(), actual = ByteWriter()
        entity.encode(to: &expected, includeHistory: false)
        visible.encode(to: &actual, includeHistory: false)
        #expect(actual.data == expected.data)
        // Stored as two parts: the visible state and the history beside it, together the whole state again.
        #expect(try EntityState(visible: entity.encodedVisible(), history: entity.encodedHistory()) == entity)
        #expect(try EntityState(visible: entity.encodedVisible(), history: nil).registers["naam"]?.replacedThrough.isEmpty == true)
        #expect(throws: SyncError.self) { try EntityState(visible: EntityState().encodedVisible(), history: entity.encodedHistory()) }
        #expect(throws: SyncError.self) { try EntityState(visible: entity.encodedVisible(), history: entity.encodedHistory().dropLast()) }
        // A history longer than the bytes left, or cut short, is refused whether it is decoded or skipped.
        for cut in [encoded.count - 1, encoded.count - 24, encoded.count - 30] {
            #expect(throws: SyncError.self) { try EntityState(encoded: encoded.prefix(cut), keepingHistory: false) }
            #expect(throws: SyncError.self) { try EntityState(encoded: encoded.prefix(cut)) }
        }
    }
}

/// The compact causal context: what it keeps, and that it forgets nothing the list of replaced ids knew.
extension RegisterTests {
    @Test func aLateWriteOlderThanOneItsDeviceMadeLaterIsReplaced() {
        var register = Register()
        // B replaces a's write at 5; a's write at 3 (which a's 5 replaced) arrives late, without the 5 itself.
        register.apply(id: id(6, b), value: .int(6), predecessors: [id(5, a)])
        register.apply(id: id(3, a), value: .int(3), predecessors: [])
        #expect(register.heads == [id(6, b)])
        #expect(register.replacedThrough == [a: Timestamp(rawValue: 5)])
        // A device's own later write replaces its earlier one even if it did not name it.
        register.apply(id: id(7, a), value: .int(7), predecessors: [])
        register.apply(id: id(8, a), value: .int(8), predecessors: [])
        #expect(register.heads == [id(6, b), id(8, a)])
    }

    @Test func aWriteCannotReplaceWhatCameAfterIt() {
        var register = Register()
        register.apply(id: id(4, a), value: .int(4), predecessors: [id(9, b), id(4, b)])
        register.apply(id: id(9, b), value: .int(9), predecessors: [])
        #expect(register.heads == [id(4, a), id(9, b)], "names of newer writes are ignored")
        #expect(register.replacedThrough.isEmpty)
    }

    @Test func aHistoryListingReplacedIDsIsReadAsTheContextItImplies() throws {
        var entity = EntityState()
        let e = EntityID.random()
        entity.apply(Op(id: id(20, a), entity: e, payload: .write(field: "naam", value: .string("nu"), predecessors: [])))
        // The layout before the context: version 1, per register its name and every replaced id.
        var legacy = ByteWriter()
        legacy.write(UInt8(1))
        legacy.writeVarint(1)
        legacy.writeString("naam")
        let ids = [id(2, a), id(7, a), id(11, a), id(5, b)]
        legacy.writeVarint(UInt64(ids.count))
        for id in ids.sorted() {
            legacy.writeFixed(id.timestamp.rawValue)
            legacy.write(id.device)
        }
        var read = try EntityState(visible: entity.encodedVisible(), history: legacy.data)
        #expect(read.registers["naam"]?.replacedThrough == [a: Timestamp(rawValue: 11), b: Timestamp(rawValue: 5)])
        // What the list replaced stays replaced (and b's 4, which b's replaced 5 came after); b's 6 is new.
        read.apply(Op(id: id(4, b), entity: e, payload: .write(field: "naam", value: .string("oud"), predecessors: [])))
        read.apply(Op(id: id(5, b), entity: e, payload: .write(field: "naam", value: .string("oud"), predecessors: [])))
        #expect(read.registers["naam"]?.heads == [id(20, a)])
        read.apply(Op(id: id(6, b), entity: e, payload: .write(field: "naam", value: .string("gelijktijdig"), predecessors: [])))
        #expect(read.conflictedFields == ["naam"])
        // Written back, it is the compact layout, and a context naming a device twice is refused.
        let history = read.encodedHistory()
        #expect(history.first == 2)
        #expect(try EntityState(visible: read.encodedVisible(), history: history) == read)
        var twice = ByteWriter()
        twice.write(UInt8(2))
        twice.writeVarint(1)
        twice.writeString("naam")
        twice.writeVarint(2)
        for t in [1, 2] as [UInt64] {
            twice.write(a)
            twice.writeFixed(t)
        }
        #expect(throws: SyncError.self) { try EntityState(visible: read.encodedVisible(), history: twice.data) }
    }

    /// Devices that write a register from what they have seen (their clock past it, naming their heads) and
    /// pass writes to one another in any order and any part.
    struct History {
        var rng: SplitMix64
        let devices: [DeviceID]
        var views: [Register]
        var seen: [Set<Int>]
        var clocks: [UInt64]
        var writes: [(id: OpID, value: Value, predecessors: [OpID])] = []

        init(seed: UInt64, deviceCount: Int) {
            rng = SplitMix64(seed: seed)
            devices = (0..<deviceCount).map { DeviceID(high: 7, low: UInt64($0 + 1)) }
            views = Array(repeating: Register(), count: deviceCount)
            seen = Array(repeating: [], count: deviceCount)
            clocks = Array(repeating: 0, count: deviceCount)
        }

        mutating func deliver(_ index: Int, to device: Int) {
            guard seen[device].insert(index).inserted else { return }
            let write = writes[index]
            views[device].apply(id: write.id, value: write.value, predecessors: write.predecessors)
            clocks[device] = max(clocks[device], write.id.timestamp.rawValue)
        }

        mutating func run(steps: Int) {
            for _ in 0..<steps {
                let device = Int(rng.next() % UInt64(devices.count))
                if rng.next() % 3 == 0 || writes.isEmpty {
                    clocks[device] += 1 + rng.next() % 3
                    let write = (
                        id: OpID(timestamp: Timestamp(rawValue: clocks[device]), device: devices[device]),
                        value: Value.int(Int64(rng.next() % 1000)), predecessors: views[device].heads)
                    writes.append(write)
                    deliver(writes.count - 1, to: device)
                } else {
                    // Some of another device's writes, in shuffled order.
                    let other = Int(rng.next() % UInt64(devices.count))
                    var some: [Int] = []
                    for index in seen[other].sorted() where rng.next() % 2 == 0 { some.append(index) }
                    some.shuffle(using: &rng)
                    for index in some { deliver(index, to: device) }
                }
            }
        }
    }

    /// The model the context replaces: every replaced id kept; current are the applied writes none names.
    static func currentByIDList(_ writes: some Sequence<(id: OpID, value: Value, predecessors: [OpID])>) -> [OpID] {
        let all = Array(writes)
        let replaced = Set(all.flatMap(\.predecessors))
        return Set(all.map(\.id)).subtracting(replaced).sorted()
    }

    @Test("once every write is delivered, the context shows what the full id list shows", arguments: Array(1...40) as [UInt64])
    func theContextForgetsNothingTheIDListKnew(seed: UInt64) {
        var history = History(seed: seed, deviceCount: 2 + Int(seed % 4))
        history.run(steps: 120)
        var shuffled = Array(history.writes.indices)
        shuffled.shuffle(using: &history.rng)
        var register = Register()
        for index in shuffled {
            let write = history.writes[index]
            register.apply(id: write.id, value: write.value, predecessors: write.predecessors)
        }
        #expect(register.heads == Self.currentByIDList(history.writes), "seed \(seed)")
        // Each device, given everything, agrees; before that, it shows no write the id list would have hidden.
        for device in history.devices.indices {
            let partial = Self.currentByIDList(history.seen[device].map { history.writes[$0] })
            #expect(Set(history.views[device].heads).isSubset(of: partial), "seed \(seed)")
            for index in history.writes.indices { history.deliver(index, to: device) }
            #expect(history.views[device] == register, "seed \(seed)")
        }
    }

    @Test("a register's stored size does not grow with the number of writes", arguments: Array(1...12) as [UInt64])
    func storedSizeIsBoundedByTheWritersNotTheWrites(seed: UInt64) {
        let deviceCount = 2 + Int(seed % 4)
        var sizes: [Int] = []
        for steps in [40, 400, 4_000] {
            var history = History(seed: seed, deviceCount: deviceCount)
            history.run(steps: steps)
            var entity = EntityState()
            let e = EntityID(high: 1, low: 1)
            for device in history.devices.indices {
                for index in history.writes.indices { history.deliver(index, to: device) }
            }
            for write in history.writes {
                entity.apply(Op(id: write.id, entity: e, payload: .write(field: "naam", value: write.value, predecessors: write.predecessors)))
            }
            let register = entity.registers["naam"]!
            #expect(register.current.count <= deviceCount && register.replacedThrough.count <= deviceCount, "seed \(seed)")
            // Bounded by the writers: per device one context entry and at most one current write (id and value).
            let stored = entity.encodedVisible().count + entity.encodedHistory().count
            #expect(stored <= 16 + deviceCount * (24 + 24 + 10), "seed \(seed), \(steps) steps: \(stored) bytes")
            sizes.append(stored)
        }
        #expect(sizes.max()! - sizes.min()! <= deviceCount * 58, "seed \(seed): sizes \(sizes)")
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

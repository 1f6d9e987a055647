/// A multi-value register with a compact causal context: writes nobody replaced are current.
///
/// The greatest current write (by `OpID`) wins on read; if more than one is current, the field is in conflict
/// until a later write replaces them all. Applying writes is commutative, associative and idempotent.
///
/// Every write names the writes it replaces (the heads its author saw). The register does not keep those ids:
/// it keeps, per device, the latest of that device's writes that something replaced (`replacedThrough`), and
/// counts every write of that device up to it as replaced. That is exact, not an approximation: a device sees
/// its own writes, so a write it made later names or outlives each earlier one — whatever replaced the later
/// write replaced the earlier ones too, and a device's own later write replaces its earlier ones. So the
/// register holds at most one current write per device and one timestamp per device that ever wrote it,
/// however long its history: a late write that was already replaced is still recognised (dotted version
/// vectors, Preguiça et al., keep the same context for the same reason).
///
/// A write may only replace writes older than itself (its author's clock is past everything it saw); names of
/// newer writes are ignored here and refused when a change is decoded, so no write can silence a device's
/// future writes.
public struct Register: Hashable, Sendable {
    /// The current writes, sorted by op id (ascending); at most one per device.
    public private(set) var current: [(id: OpID, value: Value)]
    /// Per device, the timestamp through which its writes are replaced.
    public private(set) var replacedThrough: [DeviceID: Timestamp]

    /// An empty register.
    public init() {
        self.current = []
        self.replacedThrough = [:]
    }

    /// A register from its parts as stored; normalised, so that older writes of a device are not current.
    init(current: [(id: OpID, value: Value)], replacedThrough: [DeviceID: Timestamp]) {
        self.replacedThrough = replacedThrough
        // Most registers hold one write: only the context can hide it.
        if current.count <= 1 {
            let hidden = current.first.map { entry in replacedThrough[entry.id.device].map { entry.id.timestamp <= $0 } ?? false } ?? false
            self.current = hidden ? [] : current
            return
        }
        // One pass from the newest, not one insert per write (a register may hold a write per device, thousands):
        // of one device's writes only its newest stays, a repeated id counts once.
        let sorted = zip(current, current.dropFirst()).allSatisfy({ $0.id < $1.id }) ? current : current.sorted { $0.id < $1.id }
        var kept: [(id: OpID, value: Value)] = []
        kept.reserveCapacity(sorted.count)
        var devices = Set<DeviceID>()
        for entry in sorted.reversed() where devices.insert(entry.id.device).inserted {
            if let through = replacedThrough[entry.id.device], entry.id.timestamp <= through { continue }
            kept.append(entry)
        }
        kept.reverse()
        self.current = kept
    }

    /// The winning value: the current write with the greatest op id.
    public var value: Value? { current.last?.value }
    /// The winning write's id.
    public var winner: OpID? { current.last?.id }
    /// Whether concurrent writes are both current.
    public var isConflicted: Bool { current.count > 1 }
    /// Ids to name as predecessors when writing this field now: every current write.
    public var heads: [OpID] { current.map(\.id) }

    /// Whether a write with this id is replaced: by the context, or by a later write of its own device.
    public func isReplaced(_ id: OpID) -> Bool {
        if let through = replacedThrough[id.device], id.timestamp <= through { return true }
        return current.contains { $0.id.device == id.device && $0.id.timestamp > id.timestamp }
    }

    /// Applies a write; returns false if it changed nothing (a duplicate, or a write already replaced whose
    /// predecessors were known).
    ///
    /// The state is a pure function of the set of writes applied: `replacedThrough` is, per device, the
    /// latest predecessor any applied write named; `current` the latest applied write of each device that is
    /// not covered by it.
    @discardableResult
    public mutating func apply(id: OpID, value: Value, predecessors: [OpID]) -> Bool {
        var changed = false
        for predecessor in predecessors where predecessor.timestamp < id.timestamp {
            if let through = replacedThrough[predecessor.device], through >= predecessor.timestamp { continue }
            replacedThrough[predecessor.device] = predecessor.timestamp
            changed = true
        }
        if changed {
            current.removeAll { entry in replacedThrough[entry.id.device].map { entry.id.timestamp <= $0 } ?? false }
        }
        return insert(id, value) || changed
    }

    /// Makes a write current unless it is replaced; a device's older current write gives way to it.
    @discardableResult
    private mutating func insert(_ id: OpID, _ value: Value) -> Bool {
        guard !isReplaced(id), !current.contains(where: { $0.id == id }) else { return false }
        current.removeAll { $0.id.device == id.device }
        let index = current.firstIndex { $0.id > id } ?? current.endIndex
        current.insert((id, value), at: index)
        return true
    }

    public static func == (a: Register, b: Register) -> Bool {
        a.replacedThrough == b.replacedThrough && a.current.elementsEqual(b.current) { $0.id == $1.id && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in current {
            hasher.combine(entry.id)
            hasher.combine(entry.value)
        }
        hasher.combine(replacedThrough)
    }
}

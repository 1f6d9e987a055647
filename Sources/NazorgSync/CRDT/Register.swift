/// A multi-value register: every write names the writes it replaces; writes nobody replaced are current.
///
/// The greatest current write (by `OpID`) wins on read; if more than one is current, the field is in conflict
/// until a later write replaces them all. Applying writes is commutative, associative and idempotent.
public struct Register: Hashable, Sendable {
    /// The current writes, sorted by op id (ascending).
    public private(set) var current: [(id: OpID, value: Value)]
    /// Ids of writes that some write replaced, kept so a late-arriving replaced write never becomes current.
    public private(set) var replaced: Set<OpID>

    /// An empty register.
    public init() {
        self.current = []
        self.replaced = []
    }

    init(current: [(id: OpID, value: Value)], replaced: Set<OpID>) {
        self.current = current
        self.replaced = replaced
    }

    /// The winning value: the current write with the greatest op id.
    public var value: Value? { current.last?.value }
    /// The winning write's id.
    public var winner: OpID? { current.last?.id }
    /// Whether concurrent writes are both current.
    public var isConflicted: Bool { current.count > 1 }
    /// Ids to name as predecessors when writing this field now: every current write.
    public var heads: [OpID] { current.map(\.id) }

    /// Applies a write; returns false if it changed nothing (a duplicate).
    ///
    /// The state is a pure function of the set of writes applied: `replaced` is the union of all
    /// predecessors, `current` the applied writes not in it. A write that arrives after something already
    /// replaced it still records its own predecessors, so delivery order never matters.
    @discardableResult
    public mutating func apply(id: OpID, value: Value, predecessors: [OpID]) -> Bool {
        var changed = false
        for predecessor in predecessors where predecessor != id {
            changed = replaced.insert(predecessor).inserted || changed
        }
        if changed {
            current.removeAll { replaced.contains($0.id) }
        }
        if !replaced.contains(id), !current.contains(where: { $0.id == id }) {
            let index = current.firstIndex { $0.id > id } ?? current.endIndex
            current.insert((id, value), at: index)
            changed = true
        }
        return changed
    }

    public static func == (a: Register, b: Register) -> Bool {
        a.replaced == b.replaced && a.current.elementsEqual(b.current) { $0.id == $1.id && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in current {
            hasher.combine(entry.id)
            hasher.combine(entry.value)
        }
        hasher.combine(replaced)
    }
}

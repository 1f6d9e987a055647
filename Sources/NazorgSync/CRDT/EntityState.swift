/// An insert-only record: written once, never changed. A correction is a new record pointing at this one.
public struct FactRecord: Hashable, Sendable {
    /// The op that inserted it.
    public var id: OpID
    /// The record kind, as named by the domain model.
    public var kind: String
    /// Its fields.
    public var fields: [String: Value]
}

/// The merged state of one entity: its registers, or its fact record.
public struct EntityState: Hashable, Sendable {
    /// Registers by field name.
    public internal(set) var registers: [String: Register]
    /// The fact record, if this entity is one.
    public internal(set) var fact: FactRecord?

    /// An empty entity.
    public init() {
        self.registers = [:]
        self.fact = nil
    }

    /// The winning value of `field`, treating a tombstone as absent.
    public subscript(field: String) -> Value? {
        if let fact { return fact.fields[field] }
        guard let value = registers[field]?.value, value != .tombstone else { return nil }
        return value
    }

    /// Fields whose register holds concurrent current writes.
    public var conflictedFields: [String] {
        registers.filter { $0.value.isConflicted }.keys.sorted()
    }

    /// Applies one op; returns false for a duplicate.
    ///
    /// Two fact inserts with the same entity id (only possible from a faulty or hostile device) resolve to
    /// the one with the greatest op id, so every replica keeps the same record.
    @discardableResult
    public mutating func apply(_ op: Op) -> Bool {
        switch op.payload {
        case .write(let field, let value, let predecessors):
            return registers[field, default: Register()].apply(id: op.id, value: value, predecessors: predecessors)
        case .insert(let kind, let fields):
            if let fact, fact.id >= op.id { return false }
            fact = FactRecord(id: op.id, kind: kind, fields: fields)
            return true
        }
    }
}

import NazorgModel
import NazorgSync

/// Maps the model's field values onto the sync core's values and back.
enum ValueMapping {
    /// Register holding the entity's kind (written at creation).
    static let kindField = "$kind"
    /// Register that marks an entity deleted; a delete also tombstones every field.
    static let deletedField = "$verwijderd"

    /// A plan value as a register value; lists are stored as one comma-separated text, as they always were.
    static func value(_ field: FieldValue) -> Value {
        switch field.stored {
        case .text(let s): .string(s)
        case .int(let i): .int(i)
        case .bool(let b): .bool(b)
        case .ref(let hex): .ref(ID128(hex: hex) ?? ID128(high: 0, low: 0))
        case .refs, .sections: preconditionFailure("stored values hold no lists")
        }
    }

    /// A register value read as the value of a field of `kind`.
    static func field(_ value: Value, _ name: String, of kind: EntityKind) -> FieldValue? {
        plain(value).map { FieldValue.reading($0, as: try? kind.field(name).type) }
    }

    static func plain(_ value: Value) -> FieldValue? {
        switch value {
        case .string(let s): .text(s)
        case .int(let i): .int(i)
        case .bool(let b): .bool(b)
        case .ref(let id): .ref(id.hex)
        case .tombstone: nil
        }
    }

    /// Reads a stored entity as a plan entity; nil for an entity without a known kind.
    static func planEntity(_ id: EntityID, _ state: EntityState, section: Section) -> PlanEntity? {
        if let fact = state.fact {
            guard let kind = EntityKind(rawValue: fact.kind) else { return nil }
            return PlanEntity(
                id: id.hex, kind: kind, section: section, fields: Dictionary(uniqueKeysWithValues: fact.fields.compactMap { name, value in field(value, name, of: kind).map { (name, $0) } }))
        }
        guard let kindName = state.registers[kindField]?.value?.string, let kind = EntityKind(rawValue: kindName) else {
            return nil
        }
        var fields: [String: FieldValue] = [:]
        var conflicts: [String: [FieldValue?]] = [:]
        for (name, register) in state.registers where !name.hasPrefix("$") {
            if let value = register.value, let mapped = field(value, name, of: kind) { fields[name] = mapped }
            if register.isConflicted { conflicts[name] = register.current.map { field($0.value, name, of: kind) } }
        }
        let deleted = state.registers[deletedField]?.value == .bool(true)
        return PlanEntity(id: id.hex, kind: kind, section: section, fields: fields, conflicts: conflicts, isDeleted: deleted)
    }
}

import NazorgModel
import NazorgSync

/// Maps the model's field values onto the sync core's values and back.
enum ValueMapping {
    /// Register holding the entity's kind (written at creation).
    static let kindField = "$kind"
    /// Register that marks an entity deleted; a delete also tombstones every field.
    static let deletedField = "$verwijderd"

    static func value(_ field: FieldValue) -> Value {
        switch field {
        case .text(let s): .string(s)
        case .int(let i): .int(i)
        case .bool(let b): .bool(b)
        case .ref(let hex): .ref(ID128(hex: hex) ?? ID128(high: 0, low: 0))
        }
    }

    static func field(_ value: Value) -> FieldValue? {
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
                id: id.hex, kind: kind, section: section, fields: fact.fields.compactMapValues(field))
        }
        guard let kindName = state.registers[kindField]?.value?.string, let kind = EntityKind(rawValue: kindName) else {
            return nil
        }
        var fields: [String: FieldValue] = [:]
        var conflicts: [String: [FieldValue?]] = [:]
        for (name, register) in state.registers where !name.hasPrefix("$") {
            if let value = register.value, let mapped = field(value) { fields[name] = mapped }
            if register.isConflicted { conflicts[name] = register.current.map { field($0.value) } }
        }
        let deleted = state.registers[deletedField]?.value == .bool(true)
        return PlanEntity(id: id.hex, kind: kind, section: section, fields: fields, conflicts: conflicts, isDeleted: deleted)
    }
}

/// Checks a whole entity (after a create or an update) against its schema and the rules between fields.
public enum Validation {
    /// Throws the first problem found, naming the field by its label. `fields` is the entity's full state.
    public static func validate(_ kind: EntityKind, fields: [String: FieldValue]) throws {
        for spec in kind.fields where spec.isRequired && fields[spec.name] == nil {
            throw spec.refusal("is verplicht bij \(kind.rawValue); geef het op", code: .missingField)
        }
        for name in fields.keys { _ = try kind.field(name) }
        func date<F: EntityField>(_ field: F) -> CalendarDate? { fields[field]?.text.flatMap(CalendarDate.init) }
        func organisationID<F: EntityField>(_ field: F) throws {
            guard let id = fields[field]?.text, id.count == 32, id.allSatisfy(\.isHexDigit) else {
                throw field.spec.refusal("moet het id van een organisatie zijn (32 hexadecimale tekens, uit haar organisation.pub)")
            }
        }
        func notBefore<F: EntityField>(_ later: F, _ earlier: F) throws {
            if let l = date(later), let e = date(earlier), l < e {
                throw later.spec.refusal("ligt vóór \(earlier.label) (\(e)); controleer de datums")
            }
        }
        switch kind {
        case .regisseur: try notBefore(RegisseurField.until, .from)
        case .aftercare:
            try notBefore(AftercareField.plannedEnd, .start)
            try notBefore(AftercareField.closed, .start)
        case .stagnation:
            try notBefore(StagnationField.escalatedOn, .since)
            try notBefore(StagnationField.resolved, .since)
        case .selfReliance:
            guard SelfRelianceField.allCases.contains(where: { $0.domain != nil && fields[$0] != nil }) else {
                throw ModelError(.missingField, "een ZRM-meting heeft een score (1–5) nodig voor minstens één domein (--score domein=score)")
            }
        case .consent:
            try notBefore(ConsentField.until, .from)
            try organisationID(ConsentField.recipient)
        case .safetyOverride:
            try organisationID(SafetyOverrideField.recipient)
            if fields[SafetyOverrideField.motherInformed]?.bool == false, fields[SafetyOverrideField.whyNotInformed] == nil {
                throw SafetyOverrideField.whyNotInformed.spec.refusal(
                    "is verplicht als de moeder niet vooraf is geïnformeerd: zeg waarom niet", code: .missingField)
            }
        case .share:
            try organisationID(ShareField.recipient)
            guard (fields[ShareField.consent] == nil) != (fields[ShareField.safetyOverride] == nil) else {
                throw ModelError(.missingField, "een deling heeft precies één grondslag: een toestemming of een doorbreking")
            }
        default: break
        }
    }

    /// Parses text inputs for `kind` into typed values, naming the field of the first bad one.
    public static func parse(_ kind: EntityKind, _ inputs: [String: String]) throws -> [String: FieldValue] {
        var values: [String: FieldValue] = [:]
        for (name, text) in inputs.sorted(by: { $0.key < $1.key }) {
            values[name] = try kind.field(name).parse(text)
        }
        return values
    }
}

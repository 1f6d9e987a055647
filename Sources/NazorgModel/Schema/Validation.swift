/// Checks a whole entity (after a create or an update) against its schema and the rules between fields.
public enum Validation {
    /// Throws the first problem found, naming kind and field. `fields` is the entity's full state.
    public static func validate(_ kind: EntityKind, fields: [String: FieldValue]) throws {
        for spec in kind.fields where spec.isRequired && fields[spec.name] == nil {
            throw ModelError(.missingField, "\(kind.rawValue).\(spec.name) (\(spec.label)) is required")
        }
        for name in fields.keys { _ = try kind.field(name) }
        func date(_ name: String) -> CalendarDate? { fields[name]?.text.flatMap(CalendarDate.init) }
        func organisationID(_ name: String) throws {
            guard let id = fields[name]?.text, id.count == 32, id.allSatisfy(\.isHexDigit) else {
                throw ModelError(.invalidValue, "\(kind.rawValue).\(name) must be an organisation id (32 hex digits, from its organisation.pub)")
            }
        }
        func notBefore(_ later: String, _ earlier: String) throws {
            if let l = date(later), let e = date(earlier), l < e {
                throw ModelError(.invalidValue, "\(kind.rawValue).\(later) lies before \(kind.rawValue).\(earlier)")
            }
        }
        switch kind {
        case .regisseur: try notBefore("tot", "vanaf")
        case .aftercare:
            try notBefore("geplandEinde", "start")
            try notBefore("afgesloten", "start")
        case .stagnation:
            try notBefore("geescaleerdOp", "sinds")
            try notBefore("opgelost", "sinds")
        case .selfReliance:
            guard ZRMDomain.allCases.contains(where: { fields[$0.rawValue] != nil }) else {
                throw ModelError(.missingField, "zrm needs a score (1–5) for at least one domain")
            }
        case .consent:
            try notBefore("tot", "vanaf")
            try organisationID("ontvanger")
        case .safetyOverride:
            try organisationID("ontvanger")
            if fields["moederGeinformeerd"]?.bool == false, fields["waaromNiet"] == nil {
                throw ModelError(.missingField, "doorbreking.waaromNiet is required when the mother was not told beforehand: say why")
            }
        case .share:
            try organisationID("ontvanger")
            guard (fields["toestemming"] == nil) != (fields["doorbreking"] == nil) else {
                throw ModelError(.missingField, "deling needs exactly one basis: a toestemming or a doorbreking")
            }
        default: break
        }
    }

    /// Parses text inputs for `kind` into typed values, naming the field of the first bad one.
    public static func parse(_ kind: EntityKind, _ inputs: [String: String]) throws -> [String: FieldValue] {
        var values: [String: FieldValue] = [:]
        for (name, text) in inputs {
            values[name] = try kind.field(name).parse(text, kind: kind)
        }
        return values
    }
}

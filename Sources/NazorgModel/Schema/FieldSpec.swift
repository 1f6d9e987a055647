import Foundation

/// The type of a field, which decides how text input is parsed and checked.
public enum FieldType: Hashable, Sendable {
    /// Free text, at most `maxLength` characters.
    case text(maxLength: Int)
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// `ja`/`nee` (also `yes`/`no`, `true`/`false`).
    case bool
    /// An integer in a range.
    case int(ClosedRange<Int64>)
    /// One term of a vocabulary, given by its codes.
    case choice([String])
    /// The id of another entity of the given kind.
    case ref(EntityKind)
    /// One or more ids of entities of the given kind, separated by commas.
    case refs(EntityKind)
    /// One or more section names (`core`, `safety`, `child:<member id>`, …), separated by commas.
    case sections
}

/// One field of an entity kind.
public struct FieldSpec: Hashable, Sendable {
    /// Stored name.
    public var name: String
    /// Its type.
    public var type: FieldType
    /// Whether creating an entity without it is refused.
    public var isRequired: Bool
    /// The Dutch label shown to workers.
    public var label: String

    /// Creates a field spec.
    public init(_ name: String, _ type: FieldType, required: Bool = false, label: String) {
        self.name = name
        self.type = type
        self.isRequired = required
        self.label = label
    }

    /// A choice field over a vocabulary.
    public static func choice<V: Vocabulary>(
        _ name: String, _ vocabulary: V.Type, required: Bool = false, label: String
    ) -> FieldSpec {
        FieldSpec(name, .choice(V.allCases.map(\.rawValue)), required: required, label: label)
    }

    /// Parses text input for this field, refusing what does not fit with a message naming the field.
    public func parse(_ input: String, kind: EntityKind) throws -> FieldValue {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        let field = "\(kind.rawValue).\(name)"
        switch type {
        case .text(let maxLength):
            guard !text.isEmpty else { throw ModelError(.invalidValue, "\(field) must not be empty") }
            guard text.count <= maxLength else {
                throw ModelError(.invalidValue, "\(field) is longer than \(maxLength) characters")
            }
            guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
                throw ModelError(.invalidValue, "\(field) contains control characters")
            }
            return .text(text)
        case .date:
            guard CalendarDate(text) != nil else {
                throw ModelError(.invalidValue, "\(field) must be a real date as YYYY-MM-DD")
            }
            return .text(text)
        case .bool:
            switch text.lowercased() {
            case "ja", "yes", "true", "j", "y": return .bool(true)
            case "nee", "no", "false", "n": return .bool(false)
            default: throw ModelError(.invalidValue, "\(field) must be ja or nee")
            }
        case .int(let range):
            guard let value = Int64(text), range.contains(value) else {
                throw ModelError(.invalidValue, "\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return .int(value)
        case .choice(let codes):
            guard codes.contains(text) else {
                throw ModelError(.invalidValue, "\(field) must be one of: \(codes.joined(separator: ", "))")
            }
            return .text(text)
        case .ref(let target):
            let id = text.lowercased().filter { $0 != "-" }
            guard id.count == 32, id.allSatisfy(\.isHexDigit) else {
                throw ModelError(.invalidValue, "\(field) must be the id of a \(target.rawValue) (32 hex digits)")
            }
            return .ref(id)
        case .refs(let target):
            let ids = text.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).filter { $0 != "-" } }
            guard !ids.isEmpty, ids.allSatisfy({ $0.count == 32 && $0.allSatisfy(\.isHexDigit) }) else {
                throw ModelError(.invalidValue, "\(field) must list ids of \(target.rawValue) entries (32 hex digits), separated by commas")
            }
            guard Set(ids).count == ids.count else { throw ModelError(.invalidValue, "\(field) names an id twice") }
            return .text(ids.joined(separator: ","))
        case .sections:
            let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !names.isEmpty, names.allSatisfy({ Section(name: $0) != nil }) else {
                throw ModelError(
                    .invalidValue, "\(field) must list sections (core, safety, plan, child:<member id>, health, finance, journal), separated by commas")
            }
            guard !names.contains("consent") else {
                throw ModelError(.invalidValue, "\(field): the consent section stays with the own organisation and its privacy officer")
            }
            return .text(names.joined(separator: ","))
        }
    }
}

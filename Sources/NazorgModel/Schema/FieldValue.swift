/// A typed field value in the plan, independent of how it is synced.
public enum FieldValue: Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case int(Int64)
    case bool(Bool)
    /// The id (32 hex digits) of another entity in the plan.
    case ref(String)
    /// Ids of other entities, in the order given (stored as one comma-separated text).
    case refs([String])
    /// Sections of the plan, in the order given (stored as one comma-separated text of their names).
    case sections([Section])

    public var description: String {
        switch self {
        case .text(let s): s
        case .int(let i): String(i)
        case .bool(let b): b ? "ja" : "nee"
        case .ref(let r): String(r.prefix(8))
        case .refs(let ids): ids.map { String($0.prefix(8)) }.joined(separator: ", ")
        case .sections(let sections): sections.map(\.name).joined(separator: ", ")
        }
    }

    /// The text payload, if any.
    public var text: String? { if case .text(let s) = self { s } else { nil } }
    /// The integer payload, if any.
    public var int: Int64? { if case .int(let i) = self { i } else { nil } }
    /// The boolean payload, if any.
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The referenced id, if any.
    public var ref: String? { if case .ref(let r) = self { r } else { nil } }
    /// The referenced ids, if this is a list of them.
    public var refs: [String]? { if case .refs(let ids) = self { ids } else { nil } }
    /// The sections, if this is a list of them.
    public var sections: [Section]? { if case .sections(let s) = self { s } else { nil } }

    /// The value as stored in a change: lists become one comma-separated text, as they always were.
    public var stored: FieldValue {
        switch self {
        case .refs(let ids): .text(ids.joined(separator: ","))
        case .sections(let sections): .text(sections.map(\.name).joined(separator: ","))
        default: self
        }
    }

    /// A stored value read back as the type of its field: comma-separated lists become `refs` or `sections`.
    /// A stored value that does not fit its field (written by a newer schema, or damaged) is kept as it is.
    public static func reading(_ stored: FieldValue, as type: FieldType?) -> FieldValue {
        guard case .text(let text) = stored else { return stored }
        switch type {
        case .refs:
            let ids = text.split(separator: ",").map(String.init)
            return ids.isEmpty ? stored : .refs(ids)
        case .sections:
            let names = text.split(separator: ",").map(String.init)
            let sections = names.compactMap(Section.init(name:))
            return sections.count == names.count && !names.isEmpty ? .sections(sections) : stored
        default:
            return stored
        }
    }
}

/// A typed field value in the plan, independent of how it is synced.
public enum FieldValue: Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case int(Int64)
    case bool(Bool)
    /// The id (32 hex digits) of another entity in the plan.
    case ref(String)

    public var description: String {
        switch self {
        case .text(let s): s
        case .int(let i): String(i)
        case .bool(let b): b ? "ja" : "nee"
        case .ref(let r): String(r.prefix(8))
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
}

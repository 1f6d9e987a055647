/// A field of one entity kind, as a type: the case name is what code says (English), the raw value is the stored
/// key (Dutch, as in every change ever written), and `definition` gives its type, whether a new entity must have it,
/// and the label people read. A misspelt field does not compile; a field of another kind is caught by the
/// accessors (`PlanEntity.text(_:)` and friends check the kind).
public protocol EntityField: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The kind these fields belong to.
    static var kind: EntityKind { get }
    /// Type, required-ness and label.
    var definition: FieldDefinition { get }
}

/// How one field is defined.
public struct FieldDefinition: Hashable, Sendable {
    /// Its type: how input is parsed and checked.
    public var type: FieldType
    /// Whether creating an entity without it is refused.
    public var isRequired: Bool
    /// The Dutch label people read (help, errors, reports).
    public var label: String
    /// How a worker gives it on the command line, when that is not `--<key in kebab case>`.
    public var option: String?
    /// For a date: the day something happened, which cannot lie after today.
    public var isPast: Bool

    /// Creates a definition.
    public init(_ type: FieldType, required: Bool = false, _ label: String, option: String? = nil, past: Bool = false) {
        self.type = type
        self.isRequired = required
        self.label = label
        self.option = option
        self.isPast = past
    }
}

extension EntityField {
    /// The stored key.
    public var key: String { rawValue }
    /// The Dutch label.
    public var label: String { definition.label }
    /// The field as a spec of its kind.
    public var spec: FieldSpec {
        FieldSpec(
            rawValue, definition.type, required: definition.isRequired, label: definition.label, option: definition.option,
            past: definition.isPast)
    }
    /// Every field of the kind, in declaration order.
    public static var specs: [FieldSpec] { allCases.map(\.spec) }
}

extension FieldType {
    /// A name or another short line (120 characters).
    public static let name = FieldType.text(maxLength: 120)
    /// A sentence or two (500 characters).
    public static let paragraph = FieldType.text(maxLength: 500)
    /// A report or a story (4000 characters).
    public static let longText = FieldType.text(maxLength: 4000)
    /// An organisation id: 32 hex digits, checked by `Validation`.
    public static let organisationID = FieldType.text(maxLength: 32)
    /// A phone number.
    public static let phone = FieldType.text(maxLength: 40)

    /// One term of a vocabulary.
    public static func choice<V: Vocabulary>(_ vocabulary: V.Type) -> FieldType {
        .choice(V.allCases.map { VocabularyTerm(code: $0.rawValue, label: $0.label) })
    }
}

/// One term of a vocabulary, as a field type carries it: the stored code and the Dutch label.
public struct VocabularyTerm: Hashable, Sendable {
    /// Stored code.
    public var code: String
    /// Label people read.
    public var label: String
}

extension Dictionary where Key == String {
    /// The value of a typed field, stored under its key.
    public subscript<F: EntityField>(_ field: F) -> Value? {
        get { self[field.rawValue] }
        set { self[field.rawValue] = newValue }
    }
}

extension Dictionary where Key: EntityField {
    /// The same entries under their stored keys, as the write paths take them.
    public var stored: [String: Value] { Dictionary<String, Value>(uniqueKeysWithValues: map { ($0.key.rawValue, $0.value) }) }
}

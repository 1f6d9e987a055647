/// One entity of a family plan as read: winning field values, plus any concurrent values in conflict.
public struct PlanEntity: Hashable, Sendable {
    /// 32 hex digits.
    public var id: String
    /// Its kind.
    public var kind: EntityKind
    /// Its section.
    public var section: Section
    /// Winning values per stored key (deleted fields absent); lists already read as `refs` or `sections`.
    public var fields: [String: FieldValue]
    /// Fields with concurrent current values, each listed winner last. Resolve by writing the field again.
    public var conflicts: [String: [FieldValue?]]
    /// Whether the entity was deleted (its `verwijderd` flag won).
    public var isDeleted: Bool

    /// Creates a plan entity.
    public init(
        id: String, kind: EntityKind, section: Section, fields: [String: FieldValue],
        conflicts: [String: [FieldValue?]] = [:], isDeleted: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.section = section
        self.fields = fields
        self.conflicts = conflicts
        self.isDeleted = isDeleted
    }

    /// A short form of the id for display and for commands (8 hex digits).
    public var shortID: String { String(id.prefix(8)) }

    /// The value of a field of this entity's kind. Reading a field of another kind is a programming error.
    public subscript<F: EntityField>(_ field: F) -> FieldValue? {
        precondition(F.kind == kind, "\(F.self).\(field) read on a \(kind.rawValue)")
        return fields[field.rawValue]
    }

    /// A text, date or choice field as text.
    public func text<F: EntityField>(_ field: F) -> String? { self[field]?.text }
    /// A date field.
    public func date<F: EntityField>(_ field: F) -> CalendarDate? { text(field).flatMap(CalendarDate.init) }
    /// A yes/no field.
    public func bool<F: EntityField>(_ field: F) -> Bool? { self[field]?.bool }
    /// A whole-number field.
    public func int<F: EntityField>(_ field: F) -> Int64? { self[field]?.int }
    /// A reference field: the id it names.
    public func ref<F: EntityField>(_ field: F) -> String? { self[field]?.ref }
    /// A list-of-references field; empty when not set. (Also reads the stored comma-separated form.)
    public func refs<F: EntityField>(_ field: F) -> [String] {
        self[field].map { FieldValue.reading($0, as: field.definition.type) }?.refs ?? []
    }
    /// A sections field; empty when not set. (Also reads the stored comma-separated form.)
    public func sections<F: EntityField>(_ field: F) -> [Section] {
        self[field].map { FieldValue.reading($0, as: field.definition.type) }?.sections ?? []
    }
    /// A choice field as its vocabulary term; nil when not set or not a known term.
    public func term<F: EntityField, V: Vocabulary>(_ field: F, _ vocabulary: V.Type = V.self) -> V? {
        text(field).flatMap(V.init(rawValue:))
    }
    /// Whether a choice field holds this term.
    public func has<F: EntityField, V: Vocabulary>(_ field: F, _ term: V) -> Bool { text(field) == term.rawValue }
}

/// One entity of a family plan as read: winning field values, plus any concurrent values in conflict.
public struct PlanEntity: Hashable, Sendable {
    /// 32 hex digits.
    public var id: String
    /// Its kind.
    public var kind: EntityKind
    /// Its section.
    public var section: Section
    /// Winning values per field (deleted fields absent).
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

    /// A text field.
    public func text(_ name: String) -> String? { fields[name]?.text }
    /// A date field.
    public func date(_ name: String) -> CalendarDate? { text(name).flatMap(CalendarDate.init) }
    /// A short form of the id for display and for commands (8 hex digits).
    public var shortID: String { String(id.prefix(8)) }
}

public import Foundation
public import NazorgModel

/// What a warm-handover bundle says, inside its sealed envelope (`docs/handover-format.md`): the three parts of
/// the warm handover (norm 4.1) — information (the consented sections as a snapshot), personal context, and
/// agreements with chain partners — with the handover meeting, the basis, a named contact, and what was
/// withheld and why. JSON with sorted keys; every entity is checked against the schema again on receipt.
public struct HandoverDocument: Codable, Sendable, Hashable {
    /// The document format this build writes and reads.
    public static let currentFormat = "nazorg-overdracht/1"

    /// One plan entity as a snapshot: fields in their text form (as a worker would type them; references as
    /// full ids).
    public struct Entity: Codable, Sendable, Hashable {
        public var id: String
        public var kind: String
        public var section: String
        public var fields: [String: String]
    }

    /// An organisation as named in the bundle.
    public struct Party: Codable, Sendable, Hashable {
        /// Organisation id (32 hex digits).
        public var organisation: String
        /// Organisation name.
        public var organisationName: String
        /// The worker (staff, not a client); empty for the recipient.
        public var worker: String
    }

    /// The warm-handover conversation with the client and the workers of both organisations.
    public struct Meeting: Codable, Sendable, Hashable {
        /// `YYYY-MM-DD`.
        public var date: String
        /// `HandoverMode` code.
        public var mode: String
        /// `HandoverAttendee` codes of who was there.
        public var attended: [String]

        /// Creates a meeting record.
        public init(date: String, mode: String, attended: [String]) {
            self.date = date
            self.mode = mode
            self.attended = attended
        }
    }

    /// A section of the plan that was not handed over, and why.
    public struct Withheld: Codable, Sendable, Hashable {
        public var section: String
        public var reason: String
    }

    /// `nazorg-overdracht/1`.
    public var format: String
    /// The bundle id (also in the envelope header; checked to match).
    public var bundle: String
    /// The family's id at the sending organisation (provenance; opaque).
    public var family: String
    /// When the bundle was made (ISO 8601).
    public var created: String
    /// The sending organisation and worker.
    public var sender: Party
    /// The receiving organisation.
    public var recipient: Party
    /// The consent or safety override the handover rests on, as recorded.
    public var basis: Entity
    /// The sections handed over.
    public var sections: [String]
    /// The sections held by the sender but not handed over.
    public var withheld: [Withheld]
    /// The snapshot of the handed-over sections.
    public var entities: [Entity]
    /// The handover meeting.
    public var meeting: Meeting
    /// Personal context: what the family wants the next worker to know, in the family's own words where possible.
    public var personalContext: String
    /// Agreements with chain partners (ketenafspraken).
    public var agreements: [String]
    /// Whom the receiving worker can call with questions.
    public var contact: String
    /// The new municipality when the family moves to another region (a new safety assessment is then due).
    public var movingTo: String?
    /// Why a part or a participant of the warm handover is missing (norm 4.1), when one is.
    public var incompleteBecause: String?

    /// The entities as a plan the model's rules can read (regisseur on a date, current risk, …).
    public var plan: FamilyPlan {
        FamilyPlan(
            id: family,
            entities: entities.compactMap { entity in
                guard let kind = EntityKind(rawValue: entity.kind), let section = Section(name: entity.section),
                    let values = try? Validation.parse(kind, entity.fields)
                else { return nil }
                return PlanEntity(id: entity.id, kind: kind, section: section, fields: values)
            })
    }

    /// The basis as a plan entity.
    public var basisEntity: PlanEntity? {
        guard let kind = EntityKind(rawValue: basis.kind), let values = try? Validation.parse(kind, basis.fields) else { return nil }
        return PlanEntity(id: basis.id, kind: kind, section: .consent, fields: values)
    }
}

extension HandoverDocument.Entity {
    /// A plan entity in its text form.
    init(_ entity: PlanEntity) {
        self.init(
            id: entity.id, kind: entity.kind.rawValue, section: entity.section.name,
            fields: entity.fields.mapValues(\.canonicalText))
    }
}

extension FieldValue {
    /// The text a worker would type for this value, which `FieldSpec.parse` reads back to the same value.
    var canonicalText: String {
        switch self {
        case .text(let s): s
        case .int(let i): String(i)
        case .bool(let b): b ? "ja" : "nee"
        case .ref(let r): r
        case .refs, .sections: stored.text ?? ""
        }
    }
}

import NazorgMessages

/// The norms of `domain/REQUIREMENTS.md` that watch a family over time, as data: a rule has a name, the seed and
/// norm it comes from, its deadline arithmetic in words, a severity and what to do; its `evaluate` is a small pure
/// function from a plan and a day to the obligations the norm puts on that plan. The caseload overview lists the
/// open obligations, the calendar exports their due dates, the evidence report counts the met and missed ones.
public struct Rule: Sendable, Identifiable {
    /// The rule's stable name: used on the command line (`--regel`), in JSON and in reports.
    public let id: RuleID
    /// What the norm asks, in a short Dutch sentence.
    public let title: String
    /// Where the norm comes from: seed file and citation unit, as `REQUIREMENTS.md` cites them.
    public let citations: [Citation]
    /// The deadline arithmetic in words ("3 kalendermaanden na de start van de nazorg").
    public let deadline: String
    /// Whether the deadline or the threshold is Nazorg's own default where the seeds give no number
    /// (a "→" design inference in `REQUIREMENTS.md`).
    public let isDefault: Bool
    public let severity: Severity
    /// What to do, in plain Dutch.
    public let advice: String
    /// The sections the rule reads. A device that does not hold one of them reports the rule as "niet gedeeld",
    /// never as a finding. Rules about children also need each child's own section (`needsChildSections`).
    public let needs: Set<Section>
    public let needsChildSections: Bool
    /// The obligations the norm puts on a plan.
    let evaluate: @Sendable (RuleContext) -> [Obligation]

    init(
        _ id: RuleID, _ title: String, cites citations: [Citation], deadline: String, isDefault: Bool = false, severity: Severity,
        advice: String, needs: Set<Section>, children: Bool = false, evaluate: @escaping @Sendable (RuleContext) -> [Obligation]
    ) {
        self.id = id
        self.title = title
        self.citations = citations
        self.deadline = deadline
        self.isDefault = isDefault
        self.severity = severity
        self.advice = advice
        self.needs = needs
        self.needsChildSections = children
        self.evaluate = evaluate
    }
}

/// A place in a seed document, as `REQUIREMENTS.md` §0.1 cites them.
public struct Citation: Hashable, Sendable, CustomStringConvertible {
    /// The seed file, e.g. `003_b2a72446b5393360.txt`.
    public let seed: String
    /// The citation unit, e.g. `§8.1 Ambulante begeleiding` or `norm 3.5b`.
    public let unit: String

    public var description: String { "\(seed) \(unit)" }

    /// Inspection framework "Na de vrouwenopvang".
    static func framework(_ unit: String) -> Citation { Citation(seed: "000_93fabd2eb2d11940.txt", unit: unit) }
    /// Keurmerk "Veiligheid in de Vrouwenopvang".
    static func keurmerk(_ unit: String) -> Citation { Citation(seed: "001_7eae4bf534562092.txt", unit: unit) }
    /// Inspection report on mothers and children leaving the shelter.
    static func inspection(_ unit: String) -> Citation { Citation(seed: "002_1c3c7ce2b527bc79.txt", unit: unit) }
    /// Kwaliteitsdocument Opvang 2014.
    static func qualityDocument(_ unit: String) -> Citation { Citation(seed: "003_b2a72446b5393360.txt", unit: unit) }
    /// Norms "Kinderen in de opvang".
    static func children(_ unit: String) -> Citation { Citation(seed: "004_cedc538305641713.txt", unit: unit) }
}

/// How much a missed obligation weighs: safety first.
public enum Severity: Int, Comparable, Sendable, CaseIterable {
    /// Continuity of the plan: an action, an evaluation of the chain.
    case low = 1
    /// The plan's own rhythm: evaluations, contact frequency, the end of aftercare.
    case medium = 2
    /// Safety and being in view: an assessment after a risk-bearing change, no regisseur, a child not reported.
    case high = 3

    /// The Dutch word shown to people.
    public var label: String {
        switch self {
        case .low: "laag"
        case .medium: "middel"
        case .high: "hoog"
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
}

/// What a norm asks of one plan on one occasion: something due on a day, and whether (and when) it was done.
public struct Obligation: Hashable, Sendable {
    public var rule: RuleID
    /// The family id.
    public var family: String
    /// The member it is about, if one.
    public var member: String?
    /// The entity it is about (the episode, the action, the consent), if one.
    public var subject: String?
    /// The last day on which it is on time. For a condition without a deadline (no regisseur), the day it began.
    public var due: CalendarDate
    /// Nil while open.
    public var resolution: Resolution?
    /// What is due, in Dutch, without names (role and short id).
    public var detail: String
    /// The command that resolves it, with the family's id filled in.
    public var command: String?

    /// How it was resolved.
    public enum Resolution: Hashable, Sendable {
        /// Done on this day.
        case done(CalendarDate)
        /// Done; the plan does not say on which day (an action whose status is "behaald").
        case doneUndated
        /// Not done, with a reason recorded in the plan (an exception with a reason, 003 Bijlage 4 "Hulpverlening").
        case exception(String)
        /// Not done, and it can no longer be: the period it belonged to is over (a gap without a regisseur that
        /// ended when the family went out of view).
        case lapsed
    }

    /// Whether it still asks for something.
    public var isOpen: Bool { resolution == nil }

    /// Where it stands on `today`.
    public func verdict(on today: CalendarDate) -> Verdict {
        switch resolution {
        case nil: due < today ? .missed : .notYetDue
        case .done(let day): day <= due ? .met : .missed
        case .doneUndated: .met
        case .exception: .exception
        case .lapsed: .missed
        }
    }
}

/// Where an obligation, or a norm for a family, stands.
public enum Verdict: String, CaseIterable, Sendable, Comparable {
    case met = "voldaan"
    case missed = "niet-voldaan"
    case exception = "uitzondering"
    case notYetDue = "nog-niet-aan-de-orde"
    case notApplicable = "niet-van-toepassing"
    case notShared = "niet-gedeeld"

    /// The Dutch words shown to people.
    public var label: String {
        switch self {
        case .met: "voldaan"
        case .missed: "niet voldaan"
        case .exception: "uitzondering met reden"
        case .notYetDue: "nog niet aan de orde"
        case .notApplicable: "niet van toepassing"
        case .notShared: "niet gedeeld"
        }
    }

    /// For a family with several obligations under one norm: the worst one counts.
    var weight: Int {
        switch self {
        case .missed: 5
        case .notShared: 4
        case .exception: 3
        case .notYetDue: 2
        case .met: 1
        case .notApplicable: 0
        }
    }

    public static func < (a: Verdict, b: Verdict) -> Bool { a.weight < b.weight }
}

/// What a rule sees: the plan, the day, which sections this device holds, and (on a privacy officer's device) the
/// overrides awaiting review.
public struct RuleContext: Sendable {
    public let plan: FamilyPlan
    public let today: CalendarDate

    /// The family's short id, as commands take it.
    var family: String { String(plan.id.prefix(8)) }

    /// The children: from the members when the core section is held, else from the children's own parts (a child
    /// shared alone).
    var children: [(id: String, birthDate: CalendarDate?, part: PlanEntity?)] { allChildren.map { ($0.id, $0.birthDate, $0.part) } }

    /// The children who live with the family: without those left behind (norm 1.8), whom other rules follow.
    var childrenAtHome: [(id: String, birthDate: CalendarDate?, part: PlanEntity?)] {
        let behind = Set(plan.members.filter { $0.bool(MemberField.cameAlong) == false }.map(\.id))
        return children.filter { !behind.contains($0.id) }
    }

    private var allChildren: [(id: String, birthDate: CalendarDate?, part: PlanEntity?)] {
        let parts = plan.all(.child)
        var ids = plan.members.filter { $0.has(MemberField.role, MemberRole.child) }.map(\.id)
        for part in parts { if let id = part.ref(ChildField.member), !ids.contains(id) { ids.append(id) } }
        return ids.map { id in
            let part = parts.first { $0.ref(ChildField.member) == id }
            let birth = plan.members.first { $0.id == id }?.date(MemberField.birthDate) ?? part?.date(ChildField.birthDate)
            return (id, birth, part)
        }
    }

    /// Whether this device holds the child's own section (always, for a family of the own organisation).
    func holdsChild(_ id: String) -> Bool { plan.holds(.child(id)) }

    /// A member named for a person reading without the plan at hand: role and short id.
    func who(_ id: String) -> String { plan.describe(member: id) }

    /// The day of a member's first risk assessment, if any.
    func firstAssessment(_ member: String) -> CalendarDate? {
        plan.riskHistory(of: member).compactMap { $0.date(RiskAssessmentField.date) }.min()
    }

    /// The `risk assess` command for a member, with the placeholders a worker fills in.
    func assessCommand(_ member: String, faceToFace: Bool = true, _ extra: String = "") -> String {
        "risk assess \(family) --lid \(member.prefix(8)) --classificatie rood|oranje|groen --instrument NAAM --face-to-face \(faceToFace ? "ja" : "nee") "
            + "--organisatie NAAM --datum DATUM\(extra)"
    }

    /// An open or resolved obligation of `rule` for this family.
    func obligation(
        _ rule: RuleID, due: CalendarDate, _ resolution: Obligation.Resolution?, member: String? = nil, subject: String? = nil,
        _ detail: String, command: String? = nil
    ) -> Obligation {
        Obligation(
            rule: rule, family: plan.id, member: member, subject: subject, due: due, resolution: resolution, detail: detail,
            command: command.map { "nazorg \($0)" })
    }
}

extension FamilyPlan {
    /// Whether this device holds `section` of the plan. A family of the own organisation holds every section (a
    /// section with nothing in it yet is empty, not withheld).
    public func holds(_ section: Section) -> Bool { heldSections?.contains(section) ?? true }
}

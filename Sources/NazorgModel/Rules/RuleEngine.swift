import NazorgMessages

/// Runs the rules over plans: what is open (the caseload overview, `family show`, the calendar) and where each norm
/// stands per family (the evidence report). One engine for all of them, so they never disagree.
public enum RuleEngine {
    /// Every rule, in the order the catalogue documents them.
    public static let rules: [Rule] = Rule.catalogue

    /// The rule with this id.
    public static func rule(_ id: RuleID) -> Rule { rules.first { $0.id == id }! }

    /// What one rule found in one plan.
    public struct Result: Sendable {
        public let rule: Rule
        public let obligations: [Obligation]
        /// The sections the rule needed that this device does not hold (it was shared only in part).
        public let notShared: [Section]

        /// Where the norm stands for this family on `today`, over the obligations due in `period` (all of them
        /// when nil): the worst one counts.
        public func verdict(on today: CalendarDate, in period: ClosedRange<CalendarDate>? = nil) -> Verdict {
            if !notShared.isEmpty && obligations.isEmpty { return .notShared }
            let inPeriod = obligations.filter { period?.contains($0.due) ?? true }
            return inPeriod.map { $0.verdict(on: today) }.max() ?? .notApplicable
        }
    }

    /// Every rule (or those in `only`) over `plan` on `today`. A rule that needs a section this device does not
    /// hold is not evaluated: its result says which sections were not shared.
    public static func evaluate(_ plan: FamilyPlan, today: CalendarDate, only: Set<RuleID>? = nil) -> [Result] {
        let context = RuleContext(plan: plan, today: today)
        return rules.filter { only?.contains($0.id) ?? true }.map { rule in
            let missing = rule.needs.filter { !plan.holds($0) }.sorted()
            guard missing.isEmpty else { return Result(rule: rule, obligations: [], notShared: missing) }
            let unheldChildren = rule.needsChildSections ? context.children.map { Section.child($0.id) }.filter { !plan.holds($0) } : []
            return Result(rule: rule, obligations: rule.evaluate(context), notShared: unheldChildren)
        }
    }

    /// How soon an open obligation is due.
    public enum Urgency: Int, Comparable, Sendable, CaseIterable {
        case overdue = 0
        case thisWeek = 1
        case thisMonth = 2
        case later = 3

        public init(due: CalendarDate, today: CalendarDate) {
            let days = today.days(until: due)
            self = days < 0 ? .overdue : days < 7 ? .thisWeek : days <= 30 ? .thisMonth : .later
        }

        /// The Dutch heading.
        public var label: String {
            switch self {
            case .overdue: "te laat"
            case .thisWeek: "deze week"
            case .thisMonth: "deze maand"
            case .later: "later"
            }
        }

        public static func < (a: Urgency, b: Urgency) -> Bool { a.rawValue < b.rawValue }
    }

    /// The open obligations of `results` due on or before `today + horizonDays`, most urgent first: by urgency,
    /// then severity (highest first), then due date, then rule and member.
    public static func open(_ results: [Result], today: CalendarDate, horizonDays: Int) -> [Obligation] {
        let last = today.addingDays(horizonDays)
        return mostUrgentFirst(results.flatMap(\.obligations).filter { $0.isOpen && $0.due <= last }, today: today)
    }

    /// Obligations by urgency, then severity (highest first), then due date, family, rule and member.
    public static func mostUrgentFirst(_ obligations: [Obligation], today: CalendarDate) -> [Obligation] {
        let severity = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0.severity) })
        return obligations.sorted { a, b in
            let ua = Urgency(due: a.due, today: today)
            let ub = Urgency(due: b.due, today: today)
            if ua != ub { return ua < ub }
            if severity[a.rule] != severity[b.rule] { return severity[a.rule]! > severity[b.rule]! }
            return (a.due, a.family, a.rule.rawValue, a.member ?? "", a.subject ?? "") < (b.due, b.family, b.rule.rawValue, b.member ?? "", b.subject ?? "")
        }
    }

    /// An override in the privacy officer's copy of the share log, with the day it was reviewed if it was.
    public struct ReviewItem: Hashable, Sendable {
        /// The share-log entry id.
        public var entry: String
        public var family: String
        public var date: CalendarDate
        public var reviewed: CalendarDate?

        public init(entry: String, family: String, date: CalendarDate, reviewed: CalendarDate?) {
            self.entry = entry
            self.family = family
            self.date = date
            self.reviewed = reviewed
        }
    }

    /// The reviews the privacy officer owes (SECURITY.md: an override records "when it was reviewed by the privacy
    /// officer"): 5 working days after the override.
    public static func reviews(_ items: [ReviewItem]) -> [Obligation] {
        items.map { item in
            Obligation(
                rule: .overrideReview, family: item.family, member: nil, subject: item.entry, due: item.date.addingWorkingDays(Rule.reviewWorkingDays),
                resolution: item.reviewed.map(Obligation.Resolution.done),
                detail: Messages.Model.overrideNotReviewed(String(item.entry.prefix(8)), on: item.date.description),
                command: "nazorg audit review \(item.entry.prefix(8)) --uitkomst akkoord|onterecht|nader-onderzoek --toelichting TEKST")
        }
    }
}

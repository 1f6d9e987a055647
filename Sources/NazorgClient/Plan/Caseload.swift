public import Foundation
public import NazorgModel
public import NazorgSync
import NazorgMessages
import NazorgStore

/// The rules over every family on this device: the caseload overview (`nazorg overzicht`), the worker's calendar
/// (`nazorg agenda`) and the evidence per norm (`nazorg rapport normen`) read from one evaluation.
public struct Caseload: Sendable {
    /// One family with what the rules found.
    public struct Family: Sendable {
        public var id: FamilyID
        /// The family's working name; nil when this device does not hold the family's core section.
        public var name: String?
        public var plan: FamilyPlan
        public var results: [RuleEngine.Result]

        /// How people see the family: working name and short id.
        public var label: String { name.map { "\($0) (\(id.short))" } ?? Messages.Caseload.family(id.short) }
    }

    /// One open obligation with what a reader needs around it.
    public struct Item: Sendable {
        public var obligation: Obligation
        public var rule: Rule
        public var family: Family
        public var urgency: RuleEngine.Urgency
        /// The member's name, when the plan holds it.
        public var memberName: String?
    }

    public var today: CalendarDate
    public var families: [Family]
    /// On a privacy officer's device: the overrides in its copy of the share log that await review.
    public var reviews: [Obligation]

    /// The open obligations due within `horizonDays`, most urgent first, filtered by family and rule.
    public func open(horizonDays: Int, rules: Set<RuleID>? = nil) -> [Item] {
        let byFamily = Dictionary(uniqueKeysWithValues: families.map { ($0.plan.id, $0) })
        var results = families.flatMap(\.results)
        if let rules { results = results.filter { rules.contains($0.rule.id) } }
        var open = RuleEngine.open(results, today: today, horizonDays: horizonDays)
        if rules?.contains(.overrideReview) ?? true {
            let due = reviews.filter { $0.isOpen && $0.due <= today.addingDays(horizonDays) }
            if !due.isEmpty { open = RuleEngine.mostUrgentFirst(open + due, today: today) }
        }
        return open.compactMap { obligation in
            // A review on a privacy officer's device: the family's plan is not on it.
            guard let family = byFamily[obligation.family]
                ?? FamilyID(hex: obligation.family).map({ Family(id: $0, name: nil, plan: FamilyPlan(id: obligation.family, entities: []), results: []) })
            else { return nil }
            return Item(
                obligation: obligation, rule: RuleEngine.rule(obligation.rule), family: family,
                urgency: RuleEngine.Urgency(due: obligation.due, today: today), memberName: family.plan.memberName(obligation.member))
        }
    }
}

extension Workspace {
    /// Evaluates the rules over every family on this device (or those in `only`), and on a privacy officer's
    /// device the review queue of its share-log copy.
    /// `on` evaluates as if it were that day (planning ahead, or a report as it stood).
    public func caseload(only: [FamilyID]? = nil, on day: CalendarDate? = nil) throws -> Caseload {
        let today = day ?? self.today
        var families: [Caseload.Family] = []
        for id in try only ?? profile.store.families() {
            let plan = try plan(id)
            families.append(Caseload.Family(
                id: id, name: plan.family?.text(FamilyField.name), plan: plan, results: RuleEngine.evaluate(plan, today: today)))
        }
        return Caseload(today: today, families: families, reviews: [])
    }
}

extension Caseload {
    /// A privacy officer's caseload: no plans, the reviews its verified copy of the share log still owes.
    public static func reviews(of profile: Profile, only: [String]? = nil, on day: CalendarDate) throws -> Caseload {
        _ = try profile.requireCertificate(keepsPlans: false)
        let records = try profile.store.auditCopy().map(\.entry.record)
        let reviews = RuleEngine.reviews(AuditViews.overrideQueue(records).compactMap { record in
            guard let family = record.family, only?.contains(where: { family.hasPrefix($0.lowercased()) }) ?? true else { return nil }
            let made = CalendarDate(inTheNetherlands: Date(timeIntervalSince1970: Double(record.time) / 1000))
            return RuleEngine.ReviewItem(entry: record.id, family: family, date: made, reviewed: nil)
        })
        return Caseload(today: day, families: [], reviews: reviews)
    }
}

import NazorgMessages
import Foundation

/// A family's plan (1 gezin 1 plan) as read from its sections, with the rules of practice the norms set.
public struct FamilyPlan: Hashable, Sendable {
    /// The family id (32 hex digits).
    public var id: String
    /// All live (not deleted) entities.
    public var entities: [PlanEntity] { didSet { byKind = Self.index(entities) } }
    /// The entities by kind: the rules ask for one kind at a time, many times over.
    private var byKind: [EntityKind: [PlanEntity]] = [:]
    /// The sections this device holds of a family another organisation shared; nil for a family of the own
    /// organisation (every section is its own, an empty one is simply empty).
    public var heldSections: Set<Section>?

    /// Builds a plan; deleted entities are left out.
    public init(id: String, entities: [PlanEntity], heldSections: Set<Section>? = nil) {
        self.id = id
        self.heldSections = heldSections
        self.entities = entities.filter { !$0.isDeleted }.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
        byKind = Self.index(self.entities)
    }

    /// Entities of one kind.
    public func all(_ kind: EntityKind) -> [PlanEntity] { byKind[kind] ?? [] }

    private static func index(_ entities: [PlanEntity]) -> [EntityKind: [PlanEntity]] { Dictionary(grouping: entities, by: \.kind) }

    /// Entities of one kind without those a later fact corrects: what the plan holds as true now.
    public func current(_ kind: EntityKind) -> [PlanEntity] {
        let records = all(kind)
        guard let field = kind.correctionField else { return records }
        let corrected = Set(records.compactMap { $0.fields[field.name]?.ref })
        return records.filter { !corrected.contains($0.id) }
    }

    /// The fact that corrects `entity`, if one does.
    public func correction(of entity: PlanEntity) -> PlanEntity? {
        guard let field = entity.kind.correctionField else { return nil }
        return all(entity.kind).first { $0.fields[field.name]?.ref == entity.id }
    }
    /// The entity with this id or unique id prefix.
    public func entity(_ idOrPrefix: String) throws -> PlanEntity {
        let key = idOrPrefix.lowercased().filter { $0 != "-" }
        let matches = entities.filter { $0.id.hasPrefix(key) }
        guard !key.isEmpty, matches.count == 1 else {
            throw ModelError(
                .notFound, matches.isEmpty ? Messages.Model.noEntity(idOrPrefix) : Messages.Model.severalEntities(idOrPrefix))
        }
        return matches[0]
    }

    /// The family's own record (name, municipality, phase).
    public var family: PlanEntity? { all(.family).first }
    /// The members.
    public var members: [PlanEntity] { all(.member) }
    /// The name of the member with this id, if it is one.
    public func memberName(_ id: String?) -> String? {
        guard let id else { return nil }
        return members.first { $0.id == id }?.text(MemberField.name)
    }
    /// The running or last aftercare episode.
    public var aftercare: PlanEntity? { all(.aftercare).max { ($0.text(AftercareField.start) ?? "", $0.id) < ($1.text(AftercareField.start) ?? "", $1.id) } }

    /// The regisseur who covers `date` (latest start first).
    public func regisseur(on date: CalendarDate) -> PlanEntity? {
        all(.regisseur)
            .filter { r in (r.date(RegisseurField.from).map { $0 <= date } ?? false) && (r.date(RegisseurField.until).map { $0 >= date } ?? true) }
            .max { ($0.text(RegisseurField.from) ?? "", $0.id) < ($1.text(RegisseurField.from) ?? "", $1.id) }
    }

    /// Risk assessments of a member, oldest first (by date, then record order).
    public func riskHistory(of member: String) -> [PlanEntity] {
        current(.riskAssessment)
            .filter { $0.ref(RiskAssessmentField.member) == member }
            .sorted { ($0.text(RiskAssessmentField.date) ?? "", $0.id) < ($1.text(RiskAssessmentField.date) ?? "", $1.id) }
    }

    /// The latest classification of a member.
    public func currentRisk(of member: String) -> RiskClass? {
        riskHistory(of: member).last?.term(RiskAssessmentField.classification)
    }

    /// Refuses closing aftercare on `date` unless a regisseur is named for at least six months after it
    /// ("vinger aan de pols", inspection §4.2), every member has a risk classification (norm 3.5), the
    /// 3-month evaluation is done (norm 2.7; before three months: a closing evaluation), and there was a warm
    /// handover (a handover bundle sent since the start) or a recorded reason why not (norm 4.1).
    public func checkCanCloseAftercare(on date: CalendarDate, noHandoverBecause: String? = nil) throws {
        guard let episode = aftercare else {
            throw ModelError(.ruleViolated, Messages.Model.noAftercareToClose)
        }
        if episode.date(AftercareField.closed) != nil {
            throw ModelError(.ruleViolated, Messages.Model.aftercareClosed)
        }
        if let start = episode.date(AftercareField.start), date < start {
            throw AftercareField.closed.spec.refusal(Messages.Model.closedBeforeStart(start.written))
        }
        let needed = date.addingMonths(6)
        guard let regisseur = regisseur(on: date) else {
            throw ModelError(.ruleViolated, Messages.Model.closeWithoutRegisseur(until: needed.written))
        }
        if let until = regisseur.date(RegisseurField.until), until < needed {
            throw ModelError(.ruleViolated, Messages.Model.regisseurTooShort(until.written, needed: needed.written))
        }
        let unassessed = members.filter { riskHistory(of: $0.id).isEmpty }
        if !unassessed.isEmpty {
            let who = unassessed.map { "\($0.term(MemberField.role, MemberRole.self)?.label ?? "lid") \($0.shortID)" }
            throw ModelError(.ruleViolated, Messages.Model.closeWithoutAssessment(who))
        }
        let start = episode.date(AftercareField.start) ?? date
        if let evaluation = threeMonthEvaluation(), !evaluation.isDone {
            let closingEvaluation = current(.evaluation).contains {
                $0.has(EvaluationField.category, EvaluationKind.closing) && ($0.date(EvaluationField.date).map { $0 >= start } ?? false)
            }
            if date >= evaluation.due || !closingEvaluation {
                throw ModelError(
                    .ruleViolated,
                    date >= evaluation.due
                        ? Messages.Model.evaluationDue(evaluation.due.written)
                        : Messages.Model.stopsBeforeEvaluation(evaluation.due.written))
            }
        }
        let handedOver = all(.share).contains { share in
            share[ShareField.bundle] != nil && (share.date(ShareField.date).map { $0 >= start } ?? false)
        }
        let reason = noHandoverBecause?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !handedOver && reason.isEmpty {
            throw ModelError(.ruleViolated, Messages.Model.noHandover)
        }
    }

    /// The 3-month evaluation with the client: its due date, and whether it is done.
    public func threeMonthEvaluation() -> (due: CalendarDate, isDone: Bool)? {
        guard let start = aftercare?.date(AftercareField.start) else { return nil }
        let done = current(.evaluation).contains {
            $0.has(EvaluationField.category, EvaluationKind.threeMonth) && ($0.date(EvaluationField.date).map { $0 >= start } ?? false)
        }
        return (start.addingMonths(3), done)
    }

    /// A closed obligation that was not met in time, as one line.
    public func missedLine(_ obligation: Obligation) -> String {
        let who = obligation.member.map { describe(member: $0) }
        let done: String =
            switch obligation.resolution {
            case .done(let day): Messages.Model.doneOn(day.description)
            default: Messages.Model.notDoneAnymore
            }
        return Messages.Model.missed(obligation.rule.rawValue, member: who, due: obligation.due.description, done: done)
    }

    /// What needs attention on `today`, in plain words: every open obligation of the rules (most urgent first),
    /// then what the rules cannot judge and the notices that are not norms. `family show` prints these; the caseload
    /// overview lists the same obligations across families.
    public func attentionPoints(today: CalendarDate) -> [String] {
        let attention = self.attention(today: today)
        return attention.open.map { Self.line($0, today: today) } + attention.notices
    }

    /// An open obligation as one line: how soon, the due day, what.
    public static func line(_ obligation: Obligation, today: CalendarDate) -> String {
        let urgency = RuleEngine.Urgency(due: obligation.due, today: today)
        return Messages.Model.open(urgency.label, due: obligation.due.description, overdue: urgency == .overdue, detail: obligation.detail)
    }

    /// What the rules find in this plan on `today`.
    public struct Attention: Sendable {
        /// The open obligations, most urgent first.
        public var open: [Obligation]
        /// Rules that could not be judged because this device does not hold a section they read.
        public var notShared: [(rule: Rule, sections: [Section])]
        /// What is not a norm but needs the worker: conflicting edits, a high-risk family.
        public var notices: [String]
        /// Obligations that are closed but were not met in time (or lapsed), oldest first: the record of what went
        /// wrong, for the evaluation.
        public var missed: [Obligation]
    }

    /// The rules over this plan, and the notices.
    public func attention(today: CalendarDate) -> Attention {
        let results = RuleEngine.evaluate(self, today: today)
        var notices: [String] = []
        if let risk = highRisk(on: today) {
            notices.append(Messages.Model.highRiskNotice(risk.term(HighRiskField.category, HighRiskCategory.self)?.label ?? Messages.Model.highRisk))
        }
        for entity in entities where !entity.conflicts.isEmpty {
            notices.append(Messages.Model.concurrentEdits(entity.kind.rawValue, entity.shortID))
        }
        return Attention(
            open: RuleEngine.open(results, today: today, horizonDays: 36_500),
            notShared: results.filter { !$0.notShared.isEmpty }.map { ($0.rule, $0.notShared) }, notices: notices,
            missed: results.flatMap(\.obligations).filter { !$0.isOpen && $0.verdict(on: today) == .missed }.sorted { ($0.due, $0.rule) < ($1.due, $1.rule) })
    }
}

/// A family's plan (1 gezin 1 plan) as read from its sections, with the rules of practice the norms set.
public struct FamilyPlan: Hashable, Sendable {
    /// The family id (32 hex digits).
    public var id: String
    /// All live (not deleted) entities.
    public var entities: [PlanEntity]

    /// Builds a plan; deleted entities are left out.
    public init(id: String, entities: [PlanEntity]) {
        self.id = id
        self.entities = entities.filter { !$0.isDeleted }.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
    }

    /// Entities of one kind.
    public func all(_ kind: EntityKind) -> [PlanEntity] { entities.filter { $0.kind == kind } }
    /// The entity with this id or unique id prefix.
    public func entity(_ idOrPrefix: String) throws -> PlanEntity {
        let key = idOrPrefix.lowercased().filter { $0 != "-" }
        let matches = entities.filter { $0.id.hasPrefix(key) }
        guard !key.isEmpty, matches.count == 1 else {
            throw ModelError(
                .notFound,
                matches.isEmpty ? "no entity \(idOrPrefix) in this plan" : "\(idOrPrefix) matches several entities; give more digits")
        }
        return matches[0]
    }

    /// The family's own record (name, municipality, phase).
    public var family: PlanEntity? { all(.family).first }
    /// The members.
    public var members: [PlanEntity] { all(.member) }
    /// The running or last aftercare episode.
    public var aftercare: PlanEntity? { all(.aftercare).max { ($0.text("start") ?? "") < ($1.text("start") ?? "") } }

    /// The regisseur who covers `date` (latest start first).
    public func regisseur(on date: CalendarDate) -> PlanEntity? {
        all(.regisseur)
            .filter { r in (r.date("vanaf").map { $0 <= date } ?? false) && (r.date("tot").map { $0 >= date } ?? true) }
            .max { ($0.text("vanaf") ?? "") < ($1.text("vanaf") ?? "") }
    }

    /// Risk assessments of a member, oldest first (by date, then record order).
    public func riskHistory(of member: String) -> [PlanEntity] {
        let corrected = Set(all(.riskAssessment).compactMap { $0.fields["corrigeert"]?.ref })
        return all(.riskAssessment)
            .filter { $0.fields["lid"]?.ref == member && !corrected.contains($0.id) }
            .sorted { ($0.text("datum") ?? "", $0.id) < ($1.text("datum") ?? "", $1.id) }
    }

    /// The latest classification of a member.
    public func currentRisk(of member: String) -> RiskClass? {
        riskHistory(of: member).last?.text("classificatie").flatMap(RiskClass.init(rawValue:))
    }

    /// Refuses closing aftercare on `date` unless a regisseur is named for at least six months after it
    /// ("vinger aan de pols", inspection §4.2).
    public func checkCanCloseAftercare(on date: CalendarDate) throws {
        guard let episode = aftercare else {
            throw ModelError(.ruleViolated, "there is no aftercare episode to close; start one with 'nazorg aftercare start'")
        }
        if episode.date("afgesloten") != nil {
            throw ModelError(.ruleViolated, "this aftercare episode is already closed")
        }
        if let start = episode.date("start"), date < start {
            throw ModelError(.invalidValue, "nazorg.afgesloten lies before nazorg.start")
        }
        let needed = date.addingMonths(6)
        guard let regisseur = regisseur(on: date) else {
            throw ModelError(
                .ruleViolated,
                "aftercare cannot close without a named regisseur for at least six months of follow-up (until \(needed)); "
                    + "name one with 'nazorg regisseur set'")
        }
        if let until = regisseur.date("tot"), until < needed {
            throw ModelError(
                .ruleViolated,
                "the regisseur is named only until \(until); aftercare can close when a regisseur is named until at least \(needed)")
        }
    }

    /// The 3-month evaluation with the client: its due date, and whether it is done.
    public func threeMonthEvaluation() -> (due: CalendarDate, isDone: Bool)? {
        guard let start = aftercare?.date("start") else { return nil }
        let done = all(.evaluation).contains {
            $0.text("soort") == EvaluationKind.threeMonth.rawValue && ($0.date("datum").map { $0 >= start } ?? false)
        }
        return (start.addingMonths(3), done)
    }

    /// What needs attention on `today`, in plain words (overdue evaluation, no regisseur, unassessed members).
    public func attentionPoints(today: CalendarDate) -> [String] {
        var points: [String] = []
        if regisseur(on: today) == nil { points.append("no regisseur is named for today") }
        if let evaluation = threeMonthEvaluation(), !evaluation.isDone {
            points.append(
                evaluation.due < today
                    ? "the 3-month evaluation was due on \(evaluation.due) and is overdue"
                    : "the 3-month evaluation is due on \(evaluation.due)")
        }
        for member in members where riskHistory(of: member.id).isEmpty {
            let role = member.text("rol").flatMap(MemberRole.init(rawValue:))?.label ?? "member"
            let why = member.fields["toegevoegdNaVertrek"]?.bool == true ? " (added after departure: reassess)" : ""
            points.append("\(role) \(member.shortID) has no risk classification\(why)")
        }
        for child in members where child.text("rol") == MemberRole.child.rawValue {
            let part = all(.child).first { $0.fields["lid"]?.ref == child.id }
            if part?.fields["vir"]?.bool != true { points.append("child \(child.shortID) is not registered in the VIR") }
        }
        for entity in entities where !entity.conflicts.isEmpty {
            points.append("\(entity.kind.rawValue) \(entity.shortID) has conflicting edits: see 'nazorg conflicts'")
        }
        return points
    }
}

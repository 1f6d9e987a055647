/// What the plan can tell about the scenarios of REQUIREMENTS.md §9 that a worker must act on: reassessments after
/// a risk-bearing change, the regisseur after a move or under a child protection measure, children left behind,
/// school changes, and high-risk families. Pure functions of the plan and a day; `attentionPoints` lists them.
extension FamilyPlan {
    /// A risk-bearing change (norm 3.5b): what changed, on which day, and whom it affects.
    public struct RiskBearingChange: Hashable, Sendable {
        /// In words, without names.
        public var what: String
        /// The day of the change; nil when it was recorded without one (then any assessment counts).
        public var date: CalendarDate?
        /// The member ids it affects.
        public var members: [String]
    }

    /// A member whose risk must be assessed again, and why.
    public struct Reassessment: Hashable, Sendable {
        /// The member.
        public var member: PlanEntity
        /// The change that asks for it.
        public var change: RiskBearingChange
    }

    /// How a member is named where a person reads it without the plan at hand: role and short id, never the name.
    public func describe(_ member: PlanEntity) -> String {
        "\(member.term(MemberField.role, MemberRole.self)?.label ?? "lid") \(member.shortID)"
    }

    /// The risk-bearing changes: a member who joined the household after departure (everyone is affected), a
    /// child's contact with the other parent moving from none to visits (the child and its parents), a move to
    /// another municipality (everyone).
    public func riskBearingChanges() -> [RiskBearingChange] {
        var changes: [RiskBearingChange] = []
        let everyone = members.map(\.id)
        for member in members where member.bool(MemberField.addedAfterDeparture) == true || member.has(MemberField.role, MemberRole.newPartner) {
            changes.append(RiskBearingChange(
                what: "\(describe(member)) kwam bij het huishouden", date: member.date(MemberField.addedOn), members: everyone))
        }
        for part in all(.child) {
            guard let arrangement = part.term(ChildField.arrangement, ContactArrangement.self), arrangement != .none,
                let child = part.ref(ChildField.member)
            else { continue }
            let parents = members.filter { $0.has(MemberField.role, MemberRole.parentInShelter) || $0.has(MemberField.role, MemberRole.otherParent) }
            let who = members.first { $0.id == child }.map(describe) ?? "een kind"
            changes.append(RiskBearingChange(
                what: "\(arrangement.label) voor \(who)", date: part.date(ChildField.arrangementSince), members: [child] + parents.map(\.id)))
        }
        for member in members {
            guard let back = member.date(MemberField.returnedOn) else { continue }
            changes.append(RiskBearingChange(what: "\(describe(member)) is weer in huis", date: back, members: everyone))
        }
        for move in all(.regionMove) {
            changes.append(RiskBearingChange(
                what: "verhuizing naar \(move.text(RegionMoveField.to) ?? "een andere gemeente")", date: move.date(RegionMoveField.date),
                members: everyone))
        }
        return changes
    }

    /// Every affected member of every risk-bearing change whose latest risk assessment is from before the change
    /// (or who has none), oldest change first.
    public func reassessmentsDue() -> [Reassessment] {
        var due: [Reassessment] = []
        for change in riskBearingChanges().sorted(by: { ($0.date?.description ?? "", $0.what) < ($1.date?.description ?? "", $1.what) }) {
            for id in change.members {
                guard let member = members.first(where: { $0.id == id }) else { continue }
                let latest = riskHistory(of: id).last?.date(RiskAssessmentField.date)
                let covered = latest.map { day in change.date.map { day >= $0 } ?? true } ?? false
                if !covered { due.append(Reassessment(member: member, change: change)) }
            }
        }
        return due
    }

    /// Pairs of regisseurs whose periods overlap (1 gezin 1 plan 1 regisseur), with the first shared day.
    public func overlappingRegisseurs() -> [(first: PlanEntity, second: PlanEntity, from: CalendarDate)] {
        let all = self.all(.regisseur).filter { $0.date(RegisseurField.from) != nil }
            .sorted { ($0.text(RegisseurField.from) ?? "", $0.id) < ($1.text(RegisseurField.from) ?? "", $1.id) }
        var pairs: [(PlanEntity, PlanEntity, CalendarDate)] = []
        for (i, a) in all.enumerated() {
            for b in all[(i + 1)...] {
                let start = max(a.date(RegisseurField.from)!, b.date(RegisseurField.from)!)
                let ends = [a.date(RegisseurField.until), b.date(RegisseurField.until)].compactMap { $0 }
                if ends.allSatisfy({ $0 >= start }) { pairs.append((a, b, start)) }
            }
        }
        return pairs
    }

    /// The latest move, when no regisseur from the new municipality covers the days after it (002 §4.2).
    public func moveWithoutLocalRegisseur(today: CalendarDate) -> PlanEntity? {
        guard let move = all(.regionMove).max(by: { ($0.text(RegionMoveField.date) ?? "") < ($1.text(RegionMoveField.date) ?? "") }),
            let place = move.text(RegionMoveField.to)?.lowercased()
        else { return nil }
        let from = max(move.date(RegionMoveField.date) ?? today, today)
        let local = all(.regisseur).contains { r in
            let there = r.text(RegisseurField.municipality)?.lowercased() == place
                || (r.text(RegisseurField.organisation)?.lowercased().contains(place) ?? false)
            return there && (r.date(RegisseurField.until).map { $0 >= from } ?? true)
        }
        return local ? nil : move
    }

    /// Child protection measures running on `today` (OTS, voogdij) while the regisseur is not the family guardian.
    public func measuresWithoutGuardianAsRegisseur(today: CalendarDate) -> [PlanEntity] {
        let running = all(.childProtection).filter { m in
            (m.has(ChildProtectionField.category, ChildProtectionKind.supervisionOrder) || m.has(ChildProtectionField.category, ChildProtectionKind.guardianship))
                && (m.date(ChildProtectionField.from).map { $0 <= today } ?? false)
                && (m.date(ChildProtectionField.until).map { $0 >= today } ?? true)
        }
        guard !running.isEmpty else { return [] }
        return regisseur(on: today)?.has(RegisseurField.function, RegisseurFunction.familyGuardian) == true ? [] : running
    }

    /// A child who did not come to the shelter (norm 1.8): whether its safety was assessed, and whether it was
    /// reported to Veilig Thuis (a meldcode override naming the child).
    public func childrenLeftBehind() -> [(child: PlanEntity, assessed: Bool, reported: Bool)] {
        members.filter { $0.has(MemberField.role, MemberRole.child) && $0.bool(MemberField.cameAlong) == false }.map { child in
            let reported = all(.safetyOverride).contains {
                $0.has(SafetyOverrideField.ground, LegalGround.meldcodeReport) && $0.refs(SafetyOverrideField.members).contains(child.id)
            }
            return (child, !riskHistory(of: child.id).isEmpty, reported)
        }
    }

    /// A child's school changes, oldest first.
    public func schoolChanges(of child: String) -> [PlanEntity] {
        current(.schoolChange).filter { $0.ref(SchoolChangeField.member) == child }
            .sorted { ($0.text(SchoolChangeField.date) ?? "", $0.id) < ($1.text(SchoolChangeField.date) ?? "", $1.id) }
    }

    /// What the school changes need (norms 1.5b, 3.3): at most two moves, in school within five working days of
    /// arriving, a handover between the schools.
    public func schoolFindings() -> [String] {
        var findings: [String] = []
        for child in members where child.has(MemberField.role, MemberRole.child) {
            let changes = schoolChanges(of: child.id)
            if changes.count > 2 { findings.append("\(describe(child)) wisselde \(changes.count) keer van school: meer dan 2 keer") }
            for change in changes {
                let school = change.text(SchoolChangeField.school) ?? "de nieuwe school"
                if let arrival = change.date(SchoolChangeField.arrival), let start = change.date(SchoolChangeField.date) {
                    let latest = arrival.addingWorkingDays(5)
                    if start > latest {
                        findings.append("\(describe(child)) zat pas op \(start) op \(school), later dan 5 werkdagen na aankomst op \(arrival) (uiterlijk \(latest))")
                    }
                }
                if change.bool(SchoolChangeField.handover) != true {
                    findings.append("bij de wissel van \(describe(child)) naar \(school) is geen warme overdracht tussen de scholen vastgelegd")
                }
            }
        }
        return findings
    }

    /// The high-risk category recorded for `today`, if any (scenario 14).
    public func highRisk(on today: CalendarDate) -> PlanEntity? {
        all(.highRisk).first { r in
            (r.date(HighRiskField.from).map { $0 <= today } ?? true) && (r.date(HighRiskField.until).map { $0 >= today } ?? true)
        }
    }
}

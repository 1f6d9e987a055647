import NazorgMessages

/// What the plan can tell about the scenarios of REQUIREMENTS.md §9 that the rules (`Rules/`) reason about:
/// risk-bearing changes, overlapping regisseurs, a regisseur's municipality, children left behind, school changes,
/// and high-risk families. Pure functions of the plan and a day.
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

    /// How a member is named where a person reads it without the plan at hand: role and short id, never the name.
    public func describe(_ member: PlanEntity) -> String {
        "\(member.term(MemberField.role, MemberRole.self)?.label ?? "lid") \(member.shortID)"
    }

    /// The same by member id; a member this device does not hold (a child shared alone) is a child by its short id.
    public func describe(member id: String) -> String {
        members.first { $0.id == id }.map(describe) ?? "kind \(id.prefix(8))"
    }

    /// The risk-bearing changes: a member who joined the household after departure (everyone is affected), a
    /// child's contact with the other parent moving from none to visits (the child and its parents), a move to
    /// another municipality (everyone).
    public func riskBearingChanges() -> [RiskBearingChange] {
        var changes: [RiskBearingChange] = []
        let everyone = members.map(\.id)
        for member in members where member.bool(MemberField.addedAfterDeparture) == true || member.has(MemberField.role, MemberRole.newPartner) {
            changes.append(RiskBearingChange(
                what: Messages.Model.joinedHousehold(describe(member)), date: member.date(MemberField.addedOn), members: everyone))
        }
        for part in all(.child) {
            guard let arrangement = part.term(ChildField.arrangement, ContactArrangement.self), arrangement != .none,
                let child = part.ref(ChildField.member)
            else { continue }
            let parents = members.filter { $0.has(MemberField.role, MemberRole.parentInShelter) || $0.has(MemberField.role, MemberRole.otherParent) }
            let who = members.first { $0.id == child }.map(describe) ?? Messages.Model.aChild
            changes.append(RiskBearingChange(
                what: Messages.Model.arrangement(arrangement.label, for: who), date: part.date(ChildField.arrangementSince), members: [child] + parents.map(\.id)))
        }
        for member in members {
            guard let back = member.date(MemberField.returnedOn) else { continue }
            changes.append(RiskBearingChange(what: Messages.Model.backHome(describe(member)), date: back, members: everyone))
        }
        for move in all(.regionMove) {
            changes.append(RiskBearingChange(
                what: Messages.Model.moving(to: move.text(RegionMoveField.to) ?? Messages.Model.anotherMunicipality), date: move.date(RegionMoveField.date),
                members: everyone))
        }
        return changes
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

    /// Whether a regisseur works in `place`: by the recorded municipality, or by the organisation's name (002 §4.2:
    /// after a move, the regisseur comes from the new municipality).
    public static func regisseur(_ regisseur: PlanEntity, isFrom place: String) -> Bool {
        let place = place.lowercased()
        return regisseur.text(RegisseurField.municipality)?.lowercased() == place
            || (regisseur.text(RegisseurField.organisation)?.lowercased().contains(place) ?? false)
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

    /// The high-risk category recorded for `today`, if any (scenario 14).
    public func highRisk(on today: CalendarDate) -> PlanEntity? {
        all(.highRisk).first { r in
            (r.date(HighRiskField.from).map { $0 <= today } ?? true) && (r.date(HighRiskField.until).map { $0 >= today } ?? true)
        }
    }
}

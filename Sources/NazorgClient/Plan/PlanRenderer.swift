public import Foundation
public import NazorgModel
import NazorgMessages

/// Renders a family plan as readable text (Dutch field words) or as JSON.
public enum PlanRenderer {
    /// The plan as text, with what needs attention on `today` at the end. For a family another organisation
    /// shared (`sharedBy`), a section this device does not hold reads "niet gedeeld", never as an empty or
    /// default value that would read as a fact about the family.
    public static func text(_ plan: FamilyPlan, today: CalendarDate, sharedBy: String? = nil) -> String {
        typealias M = Messages.PlanView
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }
        func name(_ ref: FieldValue?) -> String {
            guard let id = ref?.ref, let e = plan.entities.first(where: { $0.id == id }) else { return "?" }
            return e.kind == .member ? e.text(MemberField.name) ?? e.shortID : e.shortID
        }
        func label<V: Vocabulary>(_ v: V.Type, _ code: String?) -> String { code.flatMap(V.init(rawValue:))?.label ?? code ?? "?" }
        func conflictMark(_ e: PlanEntity) -> String { e.conflicts.isEmpty ? "" : M.conflictMark(e.conflicts.keys.sorted()) }

        let notShared = Messages.Output.notShared
        /// A section heading, with "niet gedeeld" under it when this device does not hold the section.
        func heading(_ title: String, _ section: Section) -> Bool {
            line(title)
            guard plan.holds(section) else {
                line("  \(notShared)")
                return false
            }
            return true
        }

        if let held = plan.heldSections {
            let sections = held.sorted { $0.name < $1.name }.map(\.reference)
            line(Messages.Output.sharedPlanHeading(by: sharedBy ?? M.anotherOrganisation, sections: sections))
            line()
        }
        let family = plan.family
        let familyID = String(plan.id.prefix(8))
        if !plan.holds(.core) {
            line(M.coreNotShared(familyID))
            line(M.regisseurNotShared)
        } else {
            line(M.familyHead(
                family?.text(FamilyField.name) ?? M.unnamedFamily, id: familyID,
                phase: label(FamilyPhase.self, family?.text(FamilyField.phase) ?? FamilyPhase.shelter.rawValue),
                municipality: family?.text(FamilyField.municipality), secretAddress: family?.bool(FamilyField.secretAddress) == true))
        }
        if let r = plan.holds(.core) ? plan.regisseur(on: today) : nil {
            line(M.regisseur(
                r.text(RegisseurField.name) ?? "?", organisation: r.text(RegisseurField.organisation) ?? "?",
                from: r.text(RegisseurField.from) ?? "?", until: r.text(RegisseurField.until),
                function: r.term(RegisseurField.function, RegisseurFunction.self)?.label, municipality: r.text(RegisseurField.municipality),
                escalation: r.text(RegisseurField.escalation)))
        } else if plan.holds(.core) {
            line(M.noRegisseur)
        }

        line()
        if heading(M.membersHeading, .core) {
            for m in plan.members {
                var s = M.member(m.shortID, name: m.text(MemberField.name) ?? "?", role: label(MemberRole.self, m.text(MemberField.role)))
                if let b = m.text(MemberField.birthDate) { s += M.bornOn(b) }
                if m.bool(MemberField.parentalAuthority) == true { s += M.authority }
                if m.bool(MemberField.cameAlong) == false { s += M.leftBehind }
                if let joined = m.text(MemberField.addedOn) { s += M.joinedHousehold(joined) }
                if m.bool(MemberField.plainLanguage) == true { s += M.plainLanguage }
                if let language = m.text(MemberField.language) { s += M.language(language) }
                if let risk = plan.riskHistory(of: m.id).last {
                    s += M.currentRisk(risk.text(RiskAssessmentField.classification) ?? "?", on: risk.text(RiskAssessmentField.date) ?? "?")
                }
                line(s + conflictMark(m))
            }
        }
        let organisations = plan.all(.organisation)
        if !organisations.isEmpty {
            line(M.organisationsHeading)
            for o in organisations {
                let only = o.ref(OrganisationField.member).map { plan.memberName($0) ?? String($0.prefix(8)) }
                line(M.organisation(
                    o.shortID, name: o.text(OrganisationField.name) ?? "?", role: o.text(OrganisationField.role), onlyFor: only)
                    + conflictMark(o))
            }
        }
        for move in plan.all(.regionMove).sorted(by: { ($0.text(RegionMoveField.date) ?? "") < ($1.text(RegionMoveField.date) ?? "") }) {
            line(M.regionMove(
                on: move.text(RegionMoveField.date) ?? "?", from: move.text(RegionMoveField.from) ?? "?",
                to: move.text(RegionMoveField.to) ?? "?", region: move.text(RegionMoveField.region)))
        }

        line()
        if heading(M.safetyHeading, .safety) {
            for r in plan.all(.highRisk) {
                line(M.highRisk(
                    r.shortID, category: label(HighRiskCategory.self, r.text(HighRiskField.category)),
                    since: r.text(HighRiskField.from) ?? "?", agreements: r.text(HighRiskField.agreements)))
            }
            for m in plan.all(.measure) {
                line(M.measure(m.shortID, kind: label(MeasureKind.self, m.text(MeasureField.category)), what: m.text(MeasureField.description))
                    + conflictMark(m))
            }
            for s in plan.all(.signal) {
                line(M.signal(s.shortID, what: s.text(SignalField.description) ?? "?", action: s.text(SignalField.action)) + conflictMark(s))
            }
            for c in plan.all(.emergencyContact) {
                line(M.emergencyContact(
                    c.shortID, name: c.text(EmergencyContactField.name) ?? "?", phone: c.text(EmergencyContactField.phone),
                    relation: c.text(EmergencyContactField.relation)))
            }
            for m in plan.members {
                let history = plan.riskHistory(of: m.id)
                guard !history.isEmpty else { continue }
                let steps = history.map {
                    M.riskStep(
                        $0.text(RiskAssessmentField.classification) ?? "?", on: $0.text(RiskAssessmentField.date) ?? "?",
                        instrument: $0.text(RiskAssessmentField.instrument) ?? "?")
                }
                line(M.riskHistory(of: m.text(MemberField.name) ?? m.shortID, steps))
            }
        }

        line()
        if heading(M.goalsHeading, .plan) {
            let goals = plan.all(.goal)
            for domain in LifeDomain.allCases {
                let inDomain = goals.filter { $0.has(GoalField.domain, domain) }
                guard !inDomain.isEmpty else { continue }
                line("  \(domain.label)")
                for g in inDomain {
                    line(M.goal(
                        g.shortID, status: g.text(GoalField.status) ?? GoalStatus.open.rawValue, what: g.text(GoalField.description) ?? "?",
                        responsible: g.text(GoalField.responsible)) + conflictMark(g))
                    for a in plan.all(.action) where a.ref(ActionField.goal) == g.id {
                        line(M.action(
                            a.shortID, status: a.text(ActionField.status) ?? GoalStatus.open.rawValue,
                            what: a.text(ActionField.description) ?? "?", deadline: a.text(ActionField.deadline)) + conflictMark(a))
                    }
                }
            }
            for s in plan.all(.stagnation) {
                line(M.stagnation(
                    s.shortID, domain: label(LifeDomain.self, s.text(StagnationField.domain)), since: s.text(StagnationField.since) ?? "?",
                    what: s.text(StagnationField.description) ?? "?", escalatedTo: s.text(StagnationField.escalatedTo),
                    resolved: s.text(StagnationField.resolved)))
            }
        }

        let children = plan.all(.child)
        if !children.isEmpty {
            line()
            line(M.childrenHeading)
            for c in children {
                // A child's part shared alone names the child itself; the members are then not here.
                let known = plan.memberName(c.ref(ChildField.member))
                line(M.child(
                    known ?? c.text(ChildField.name) ?? "?", id: c.shortID, born: known == nil ? c.text(ChildField.birthDate) : nil,
                    school: c.text(ChildField.school), schoolStart: c.text(ChildField.schoolStart),
                    referralIndex: c.bool(ChildField.referralIndex)) + conflictMark(c))
                if let o = c.text(ChildField.contactArrangement) { line(M.contactArrangement(o)) }
                if let kind = c.term(ChildField.arrangement, ContactArrangement.self) {
                    line(M.arrangementKind(kind.label, since: c.text(ChildField.arrangementSince)))
                }
                if let member = c.ref(ChildField.member) {
                    for m in plan.all(.childProtection) where m.ref(ChildProtectionField.member) == member {
                        line(M.childProtection(
                            label(ChildProtectionKind.self, m.text(ChildProtectionField.category)), from: m.text(ChildProtectionField.from) ?? "?",
                            until: m.text(ChildProtectionField.until), institution: m.text(ChildProtectionField.institution) ?? "?",
                            guardian: m.text(ChildProtectionField.guardian)))
                    }
                    let changes = plan.schoolChanges(of: member)
                    if !changes.isEmpty { line(M.schoolChanges(changes.count)) }
                    for s in changes {
                        line(M.schoolChange(
                            on: s.text(SchoolChangeField.date) ?? "?", to: s.text(SchoolChangeField.school) ?? "?",
                            arrived: s.text(SchoolChangeField.arrival) ?? "?", handedOver: s.bool(SchoolChangeField.handover) == true))
                    }
                }
                if let voice = c.text(ChildField.ownVoice) { line(M.ownVoice(voice)) }
            }
        }

        let care = plan.all(.care)
        if !care.isEmpty {
            line()
            line(M.healthHeading)
            for c in care {
                line(M.care(
                    c.shortID, kind: label(CareKind.self, c.text(CareField.category)), provider: c.text(CareField.provider) ?? "?",
                    member: name(c[CareField.member]), status: c.text(CareField.status) ?? "?", since: c.text(CareField.since)) + conflictMark(c))
            }
        }
        let money = plan.all(.finance)
        if !money.isEmpty {
            line()
            line(M.financeHeading)
            for f in money {
                line(M.finance(
                    f.shortID, kind: label(FinanceKind.self, f.text(FinanceField.category)), agency: f.text(FinanceField.agency),
                    status: f.text(FinanceField.status) ?? "?", since: f.text(FinanceField.since)) + conflictMark(f))
            }
        }

        line()
        if heading(M.aftercareHeading, .plan) {
            // Every episode, oldest first: a closed one stays in view (what was agreed, when and why it ended).
            let episodes = plan.all(.aftercare).sorted { ($0.text(AftercareField.start) ?? "", $0.id) < ($1.text(AftercareField.start) ?? "", $1.id) }
            for a in episodes {
                line(M.aftercare(
                    a.shortID, mode: label(AftercareMode.self, a.text(AftercareField.mode)), from: a.text(AftercareField.start) ?? "?",
                    to: a.text(AftercareField.plannedEnd) ?? "?", sessions: a.int(AftercareField.sessions), frequency: a.text(AftercareField.frequency),
                    closed: a.text(AftercareField.closed), reason: a.text(AftercareField.reason),
                    noHandoverBecause: a.text(AftercareField.noHandoverBecause)) + conflictMark(a))
            }
            if !episodes.isEmpty {
                if let e = plan.threeMonthEvaluation() { line(M.threeMonthEvaluation(done: e.isDone, due: e.due.description)) }
            } else {
                line(M.aftercareNotStarted)
            }
            for e in plan.current(.evaluation).sorted(by: { ($0.text(EvaluationField.date) ?? "") < ($1.text(EvaluationField.date) ?? "") }) {
                line(M.evaluation(
                    on: e.text(EvaluationField.date) ?? "?", kind: label(EvaluationKind.self, e.text(EvaluationField.category)),
                    outcome: e.text(EvaluationField.outcome) ?? ""))
            }
            for z in plan.current(.selfReliance).sorted(by: { ($0.text(SelfRelianceField.date) ?? "") < ($1.text(SelfRelianceField.date) ?? "") }) {
                let scores = ZRMDomain.allCases.compactMap { d in z.int(SelfRelianceField(d)).map { "\(d.label) \($0)" } }
                line(M.selfReliance(on: z.text(SelfRelianceField.date) ?? "?", scores: scores))
            }
        }

        let contacts = plan.current(.contact).sorted { ($0.text(ContactField.date) ?? "") < ($1.text(ContactField.date) ?? "") }
        if !contacts.isEmpty {
            line()
            line(M.journalHeading)
            for c in contacts {
                var marks: [String] = []
                if let seen = c.bool(ContactField.childrenSeen) { marks.append(M.childrenSeen(seen)) }
                if let safety = c.bool(ContactField.safetyDiscussed) { marks.append(M.safetyDiscussed(safety)) }
                line(M.contact(
                    on: c.text(ContactField.date) ?? "?", mode: label(ContactMode.self, c.text(ContactField.mode)), marks: marks,
                    report: c.text(ContactField.report) ?? ""))
            }
        }

        let attention = plan.attention(today: today)
        line()
        line(M.attentionHeading(empty: attention.open.isEmpty && attention.notices.isEmpty))
        for obligation in attention.open {
            line("  ! \(FamilyPlan.line(obligation, today: today)) (\(obligation.rule.rawValue))")
            if let command = obligation.command { line("      \(command)") }
        }
        for notice in attention.notices { line("  ! \(notice)") }
        if !attention.missed.isEmpty {
            line()
            line(M.missedHeading)
            for (rule, group) in Dictionary(grouping: attention.missed, by: \.rule).sorted(by: { $0.key < $1.key }) {
                for obligation in group.suffix(3) { line("  - \(plan.missedLine(obligation))") }
                if group.count > 3 { line(M.missedEarlier(rule.rawValue, times: group.count - 3)) }
            }
        }
        if !attention.notShared.isEmpty {
            line()
            line(M.notAssessedHeading)
            for (rule, sections) in attention.notShared {
                line(M.notAssessed(rule.title, id: rule.id.rawValue, sections: sections.map(\.reference)))
            }
        }
        return Dutch.writingDates(in: out.joined(separator: "\n") + "\n")
    }

    /// The plan as JSON: every entity with its fields and conflicts, plus the attention points.
    public static func json(_ plan: FamilyPlan, today: CalendarDate) throws -> Data {
        func encode(_ v: FieldValue?) -> Any {
            switch v {
            case .text(let s): s
            case .int(let i): i
            case .bool(let b): b
            case .ref(let r): r
            case .refs, .sections: v?.stored.text ?? ""
            case nil: NSNull()
            }
        }
        let entities: [[String: Any]] = plan.entities.map { e in
            var o: [String: Any] = [
                "id": e.id, "kind": e.kind.rawValue, "section": e.section.name,
                "fields": e.fields.mapValues { encode($0) },
            ]
            if !e.conflicts.isEmpty { o["conflicts"] = e.conflicts.mapValues { $0.map(encode) } }
            return o
        }
        let object: [String: Any] = [
            "family": plan.id, "schemaVersion": Int(EntityKind.schemaVersion), "entities": entities,
            "attention": plan.attentionPoints(today: today),
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }
}

public import Foundation
public import NazorgModel
import NazorgMessages

/// Renders a family plan as readable text (Dutch field words) or as JSON.
public enum PlanRenderer {
    /// The plan as text, with what needs attention on `today` at the end. For a family another organisation
    /// shared (`sharedBy`), a section this device does not hold reads "niet gedeeld", never as an empty or
    /// default value that would read as a fact about the family.
    public static func text(_ plan: FamilyPlan, today: CalendarDate, sharedBy: String? = nil) -> String {
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }
        func name(_ ref: FieldValue?) -> String {
            guard let id = ref?.ref, let e = plan.entities.first(where: { $0.id == id }) else { return "?" }
            return e.kind == .member ? e.text(MemberField.name) ?? e.shortID : e.shortID
        }
        func label<V: Vocabulary>(_ v: V.Type, _ code: String?) -> String { code.flatMap(V.init(rawValue:))?.label ?? code ?? "?" }
        func conflictMark(_ e: PlanEntity) -> String { e.conflicts.isEmpty ? "" : "  [CONFLICT: \(e.conflicts.keys.sorted().joined(separator: ", "))]" }

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
            line(Messages.Output.sharedPlanHeading(by: sharedBy ?? "een andere organisatie", sections: sections))
            line()
        }
        let family = plan.family
        if !plan.holds(.core) {
            line("Gezin \(String(plan.id.prefix(8))) — naam, fase en gemeente: \(notShared)")
            line("Regisseur: \(notShared)")
        } else {
            var head = "\(family?.text(FamilyField.name) ?? "Gezin") — gezin \(String(plan.id.prefix(8)))"
            head += ", fase \(label(FamilyPhase.self, family?.text(FamilyField.phase) ?? "opvang"))"
            if let g = family?.text(FamilyField.municipality) { head += ", gemeente \(g)" }
            if family?.bool(FamilyField.secretAddress) == true { head += ", GEHEIM ADRES" }
            line(head)
        }
        if let r = plan.holds(.core) ? plan.regisseur(on: today) : nil {
            var s = "Regisseur: \(r.text(RegisseurField.name) ?? "?") (\(r.text(RegisseurField.organisation) ?? "?")) vanaf \(r.text(RegisseurField.from) ?? "?")"
            if let tot = r.text(RegisseurField.until) { s += " tot en met \(tot)" }
            if let f = r.term(RegisseurField.function, RegisseurFunction.self) { s += ", \(f.label)" }
            if let g = r.text(RegisseurField.municipality) { s += ", gemeente \(g)" }
            if let e = r.text(RegisseurField.escalation) { s += "; escalatie: \(e)" }
            line(s)
        } else if plan.holds(.core) {
            line("Regisseur: NIET BENOEMD")
        }

        line()
        if heading("Gezinsleden", .core) {
            for m in plan.members {
                var s = "  \(m.shortID)  \(m.text(MemberField.name) ?? "?") — \(label(MemberRole.self, m.text(MemberField.role)))"
                if let b = m.text(MemberField.birthDate) { s += ", geboren \(b)" }
                if m.bool(MemberField.parentalAuthority) == true { s += ", gezag" }
                if m.bool(MemberField.cameAlong) == false { s += ", ACHTERGEBLEVEN (niet meegekomen naar de opvang)" }
                if let joined = m.text(MemberField.addedOn) { s += ", bij het huishouden sinds \(joined)" }
                if m.bool(MemberField.plainLanguage) == true { s += ", EENVOUDIGE TAAL" }
                if let language = m.text(MemberField.language) { s += ", taal: \(language)" }
                if let risk = plan.riskHistory(of: m.id).last {
                    s += ", risico \(risk.text(RiskAssessmentField.classification) ?? "?") (\(risk.text(RiskAssessmentField.date) ?? "?"))"
                }
                line(s + conflictMark(m))
            }
        }
        let organisations = plan.all(.organisation)
        if !organisations.isEmpty {
            line("Betrokken organisaties")
            for o in organisations {
                let only = o.ref(OrganisationField.member).map { " (alleen bij \(plan.memberName($0) ?? String($0.prefix(8))))" } ?? ""
                line("  \(o.shortID)  \(o.text(OrganisationField.name) ?? "?")\(o.text(OrganisationField.role).map { " — \($0)" } ?? "")\(only)\(conflictMark(o))")
            }
        }
        for move in plan.all(.regionMove).sorted(by: { ($0.text(RegionMoveField.date) ?? "") < ($1.text(RegionMoveField.date) ?? "") }) {
            line("Verhuisd op \(move.text(RegionMoveField.date) ?? "?") van \(move.text(RegionMoveField.from) ?? "?") naar \(move.text(RegionMoveField.to) ?? "?")\(move.text(RegionMoveField.region).map { " (regio \($0))" } ?? "")")
        }

        line()
        if heading("Veiligheidsplan", .safety) {
            for r in plan.all(.highRisk) {
                line("  HOOG RISICO \(r.shortID): \(label(HighRiskCategory.self, r.text(HighRiskField.category))) sinds \(r.text(HighRiskField.from) ?? "?")\(r.text(HighRiskField.agreements).map { "; afspraken: \($0)" } ?? "")")
            }
            for m in plan.all(.measure) {
                line("  maatregel \(m.shortID): \(label(MeasureKind.self, m.text(MeasureField.category)))\(m.text(MeasureField.description).map { " — \($0)" } ?? "")\(conflictMark(m))")
            }
            for s in plan.all(.signal) {
                line("  signaal \(s.shortID): \(s.text(SignalField.description) ?? "?")\(s.text(SignalField.action).map { " → \($0)" } ?? "")\(conflictMark(s))")
            }
            for c in plan.all(.emergencyContact) {
                line("  noodcontact \(c.shortID): \(c.text(EmergencyContactField.name) ?? "?")\(c.text(EmergencyContactField.phone).map { ", \($0)" } ?? "")\(c.text(EmergencyContactField.relation).map { " (\($0))" } ?? "")")
            }
            for m in plan.members {
                let history = plan.riskHistory(of: m.id)
                guard !history.isEmpty else { continue }
                let steps = history.map {
                    "\($0.text(RiskAssessmentField.classification) ?? "?") (\($0.text(RiskAssessmentField.date) ?? "?"), \($0.text(RiskAssessmentField.instrument) ?? "?"))"
                }
                line("  risicotaxatie \(m.text(MemberField.name) ?? m.shortID): \(steps.joined(separator: " → "))")
            }
        }

        line()
        if heading("Doelen per leefgebied", .plan) {
            let goals = plan.all(.goal)
            for domain in LifeDomain.allCases {
                let inDomain = goals.filter { $0.has(GoalField.domain, domain) }
                guard !inDomain.isEmpty else { continue }
                line("  \(domain.label)")
                for g in inDomain {
                    line("    \(g.shortID) [\(g.text(GoalField.status) ?? "open")] \(g.text(GoalField.description) ?? "?")\(g.text(GoalField.responsible).map { " — \($0)" } ?? "")\(conflictMark(g))")
                    for a in plan.all(.action) where a.ref(ActionField.goal) == g.id {
                        line("      actie \(a.shortID) [\(a.text(ActionField.status) ?? "open")] \(a.text(ActionField.description) ?? "?")\(a.text(ActionField.deadline).map { ", uiterlijk \($0)" } ?? "")\(conflictMark(a))")
                    }
                }
            }
            for s in plan.all(.stagnation) {
                var t = "  stagnatie \(s.shortID) (\(label(LifeDomain.self, s.text(StagnationField.domain))), sinds \(s.text(StagnationField.since) ?? "?")): \(s.text(StagnationField.description) ?? "?")"
                if let to = s.text(StagnationField.escalatedTo) { t += "; geëscaleerd naar \(to)" }
                if let done = s.text(StagnationField.resolved) { t += "; opgelost \(done)" }
                line(t)
            }
        }

        let children = plan.all(.child)
        if !children.isEmpty {
            line()
            line("Kinderen")
            for c in children {
                // A child's part shared alone names the child itself; the members are then not here.
                let known = plan.memberName(c.ref(ChildField.member))
                var t = "  \(known ?? c.text(ChildField.name) ?? "?") (\(c.shortID))"
                if known == nil, let born = c.text(ChildField.birthDate) { t += ", geboren \(born)" }
                if let s = c.text(ChildField.school) { t += ": school \(s)" }
                if let start = c.text(ChildField.schoolStart) { t += ", gestart \(start)" }
                if let v = c.bool(ChildField.referralIndex) { t += ", VIR \(v ? "ja" : "nee")" }
                line(t + conflictMark(c))
                if let o = c.text(ChildField.contactArrangement) { line("    omgang: \(o)") }
                if let kind = c.term(ChildField.arrangement, ContactArrangement.self) {
                    line("    vorm van de omgang: \(kind.label)\(c.text(ChildField.arrangementSince).map { " sinds \($0)" } ?? "")")
                }
                if let member = c.ref(ChildField.member) {
                    for m in plan.all(.childProtection) where m.ref(ChildProtectionField.member) == member {
                        line("    \(label(ChildProtectionKind.self, m.text(ChildProtectionField.category))) vanaf \(m.text(ChildProtectionField.from) ?? "?")\(m.text(ChildProtectionField.until).map { " tot en met \($0)" } ?? ""), \(m.text(ChildProtectionField.institution) ?? "?")\(m.text(ChildProtectionField.guardian).map { ", gezinsvoogd \($0)" } ?? "")")
                    }
                    let changes = plan.schoolChanges(of: member)
                    if !changes.isEmpty { line("    schoolwissels: \(changes.count)") }
                    for s in changes {
                        line("      \(s.text(SchoolChangeField.date) ?? "?") naar \(s.text(SchoolChangeField.school) ?? "?") (aangekomen \(s.text(SchoolChangeField.arrival) ?? "?"); overdracht tussen de scholen: \(s.bool(SchoolChangeField.handover) == true ? "ja" : "nee"))")
                    }
                }
                if let voice = c.text(ChildField.ownVoice) { line("    stem van het kind: \(voice)") }
            }
        }

        let care = plan.all(.care)
        if !care.isEmpty {
            line()
            line("Gezondheid")
            for c in care {
                line("  \(c.shortID) \(label(CareKind.self, c.text(CareField.category))) bij \(c.text(CareField.provider) ?? "?") voor \(name(c[CareField.member])): \(c.text(CareField.status) ?? "?")\(c.text(CareField.since).map { " sinds \($0)" } ?? "")\(conflictMark(c))")
            }
        }
        let money = plan.all(.finance)
        if !money.isEmpty {
            line()
            line("Financiën en administratie")
            for f in money {
                line("  \(f.shortID) \(label(FinanceKind.self, f.text(FinanceField.category)))\(f.text(FinanceField.agency).map { " (\($0))" } ?? ""): \(f.text(FinanceField.status) ?? "?")\(f.text(FinanceField.since).map { " sinds \($0)" } ?? "")\(conflictMark(f))")
            }
        }

        line()
        if heading("Nazorg", .plan) {
            // Every episode, oldest first: a closed one stays in view (what was agreed, when and why it ended).
            let episodes = plan.all(.aftercare).sorted { ($0.text(AftercareField.start) ?? "", $0.id) < ($1.text(AftercareField.start) ?? "", $1.id) }
            for a in episodes {
                var t = "  \(a.shortID) \(label(AftercareMode.self, a.text(AftercareField.mode))) van \(a.text(AftercareField.start) ?? "?") tot \(a.text(AftercareField.plannedEnd) ?? "?")"
                if let sessions = a.int(AftercareField.sessions) { t += ", \(sessions) gesprekken" }
                if let f = a.text(AftercareField.frequency) { t += ", \(f)" }
                if let closed = a.text(AftercareField.closed) { t += "; afgesloten \(closed)\(a.text(AftercareField.reason).map { " (\($0))" } ?? "")" }
                if let why = a.text(AftercareField.noHandoverBecause) { t += "; geen warme overdracht: \(why)" }
                line(t + conflictMark(a))
            }
            if !episodes.isEmpty {
                if let e = plan.threeMonthEvaluation() { line("  3-maandenevaluatie: \(e.isDone ? "gedaan" : "gepland op \(e.due)")") }
            } else {
                line("  nog niet gestart")
            }
            for e in plan.current(.evaluation).sorted(by: { ($0.text(EvaluationField.date) ?? "") < ($1.text(EvaluationField.date) ?? "") }) {
                line("  evaluatie \(e.text(EvaluationField.date) ?? "?") (\(label(EvaluationKind.self, e.text(EvaluationField.category)))): \(e.text(EvaluationField.outcome) ?? "")")
            }
            for z in plan.current(.selfReliance).sorted(by: { ($0.text(SelfRelianceField.date) ?? "") < ($1.text(SelfRelianceField.date) ?? "") }) {
                let scores = ZRMDomain.allCases.compactMap { d in z.int(SelfRelianceField(d)).map { "\(d.label) \($0)" } }
                line("  ZRM \(z.text(SelfRelianceField.date) ?? "?"): \(scores.joined(separator: ", "))")
            }
        }

        let contacts = plan.current(.contact).sorted { ($0.text(ContactField.date) ?? "") < ($1.text(ContactField.date) ?? "") }
        if !contacts.isEmpty {
            line()
            line("Contactjournaal")
            for c in contacts {
                var marks: [String] = []
                if let seen = c.bool(ContactField.childrenSeen) { marks.append(seen ? "kinderen gezien" : "kinderen niet gezien") }
                if let safety = c.bool(ContactField.safetyDiscussed) { marks.append(safety ? "veiligheid besproken" : "veiligheid niet besproken") }
                let extra = marks.isEmpty ? "" : " [\(marks.joined(separator: ", "))]"
                line("  \(c.text(ContactField.date) ?? "?") \(label(ContactMode.self, c.text(ContactField.mode)))\(extra): \(c.text(ContactField.report) ?? "")")
            }
        }

        let attention = plan.attention(today: today)
        line()
        line(attention.open.isEmpty && attention.notices.isEmpty ? "Aandachtspunten: geen" : "Aandachtspunten")
        for obligation in attention.open {
            line("  ! \(FamilyPlan.line(obligation, today: today)) (\(obligation.rule.rawValue))")
            if let command = obligation.command { line("      \(command)") }
        }
        for notice in attention.notices { line("  ! \(notice)") }
        if !attention.missed.isEmpty {
            line()
            line("Niet op tijd (vastgelegd, voor de evaluatie)")
            for (rule, group) in Dictionary(grouping: attention.missed, by: \.rule).sorted(by: { $0.key < $1.key }) {
                for obligation in group.suffix(3) { line("  - \(plan.missedLine(obligation))") }
                if group.count > 3 { line("  - \(rule.rawValue): en \(group.count - 3) keer eerder") }
            }
        }
        if !attention.notShared.isEmpty {
            line()
            line("Niet beoordeeld: niet gedeeld met deze organisatie")
            for (rule, sections) in attention.notShared {
                line("  - \(rule.title) (\(rule.id.rawValue); niet gedeeld: \(sections.map(\.reference).joined(separator: ", ")))")
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

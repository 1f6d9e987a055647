public import Foundation
public import NazorgModel
import NazorgMessages

/// A handover bundle as a document a worker reads without tools: the family, the veiligheidsplan in plain
/// language, the goals per life domain, the regisseur, the meeting, the personal context, the agreements, and
/// what was withheld and why. Markdown or a self-contained HTML page.
public enum HandoverSummary {
    /// Output format.
    public enum Format: String, CaseIterable, Sendable {
        case markdown
        case html
    }

    /// One block of the document.
    enum Block {
        case title(String)
        case heading(String)
        case subheading(String)
        case paragraph(String)
        case bullets([String])
        case warning(String)
        /// What the receiving worker must know before anything else, in a highlighted box.
        case safetyFirst(String, [String])

        /// The block with its days written as people write them.
        var withDatesWritten: Block {
            switch self {
            case .title(let t): .title(Dutch.writingDates(in: t))
            case .heading(let t): .heading(Dutch.writingDates(in: t))
            case .subheading(let t): .subheading(Dutch.writingDates(in: t))
            case .paragraph(let t): .paragraph(Dutch.writingDates(in: t))
            case .bullets(let items): .bullets(items.map(Dutch.writingDates(in:)))
            case .warning(let t): .warning(Dutch.writingDates(in: t))
            case .safetyFirst(let heading, let items): .safetyFirst(heading, items.map(Dutch.writingDates(in:)))
            }
        }
    }

    /// Renders the document.
    public static func render(_ document: HandoverDocument, format: Format) -> String {
        let blocks = self.blocks(document).map(\.withDatesWritten)
        return format == .markdown ? markdown(blocks) : html(blocks)
    }

    static func blocks(_ document: HandoverDocument) -> [Block] {
        let plan = document.plan
        let day = CalendarDate(String(document.created.prefix(10))) ?? CalendarDate(year: 2000, month: 1, day: 1)
        let included = Set(document.sections)
        func label<V: Vocabulary>(_ v: V.Type, _ code: String?) -> String { code.flatMap(V.init(rawValue:))?.label ?? code ?? "?" }
        func name(_ id: String?) -> String? {
            plan.memberName(id)
        }
        func section(_ name: String) -> String {
            if name.hasPrefix("child:") { return "deel van kind \(self.name(String(name.dropFirst(6)), in: plan) ?? String(name.dropFirst(6).prefix(8)))" }
            return sectionNames[name] ?? name
        }
        var blocks: [Block] = []
        let family = plan.family
        blocks.append(.title("Warme overdracht: \(family?.text(FamilyField.name) ?? "gezin \(document.family.prefix(8))")"))
        blocks.append(.paragraph(
            "Van \(document.sender.organisationName) (\(document.sender.worker)) aan \(document.recipient.organisationName), \(document.created.prefix(10)). Bundel \(document.bundle.prefix(8))."))
        if let basis = document.basisEntity {
            if basis.kind == .consent {
                let givers = basis.refs(ConsentField.givers).map { name($0) ?? "een gezinslid" }
                var text = "Grondslag: toestemming van \(givers.joined(separator: " en ")) (\(label(ConsentForm.self, basis.text(ConsentField.form)))), voor: \(basis.text(ConsentField.purpose) ?? "?")"
                text += ", geldig vanaf \(basis.text(ConsentField.from) ?? "?")\(basis.text(ConsentField.until).map { " tot en met \($0)" } ?? "")."
                blocks.append(.paragraph(text))
            } else {
                blocks.append(.paragraph(
                    "Grondslag: doorbreking van het beroepsgeheim (\(label(LegalGround.self, basis.text(SafetyOverrideField.ground)))), besloten door \(basis.text(SafetyOverrideField.decidedBy) ?? "?") op \(basis.text(SafetyOverrideField.date) ?? "?"). Waarom: \(basis.text(SafetyOverrideField.justification) ?? "?")"))
                if basis.bool(SafetyOverrideField.motherInformed) == false {
                    blocks.append(.warning("De moeder is vooraf niet geïnformeerd: \(basis.text(SafetyOverrideField.whyNotInformed) ?? "?")"))
                }
            }
        }
        if let first = safetyFirst(document, on: day) { blocks.append(first) }
        // What the receiving worker must act on first.
        var warnings: [String] = []
        if let moving = document.movingTo {
            warnings.append("Het gezin verhuist naar \(moving): een nieuwe veiligheidstaxatie is nodig, en de regisseur komt uit de nieuwe gemeente.")
        }
        if included.contains(Section.core.name), plan.regisseur(on: day) == nil {
            warnings.append("Er is geen regisseur benoemd: het gezin dreigt uit beeld te raken. Spreek af wie de regie heeft.")
        }
        let absent = HandoverAttendee.allCases.filter { !document.meeting.attended.contains($0.rawValue) }
        if !absent.isEmpty {
            warnings.append("Niet bij het overdrachtsgesprek: \(absent.map(\.label).joined(separator: ", ")). Een warme overdracht is een gesprek met de cliënt en de hulpverleners van beide organisaties.")
        }
        if let reason = document.incompleteBecause, !reason.isEmpty {
            warnings.append("De afzender heeft vastgelegd waarom de overdracht onvolledig is: \(reason)")
        }
        warnings.forEach { blocks.append(.warning($0)) }

        blocks.append(.heading("Het overdrachtsgesprek"))
        blocks.append(.paragraph(
            "\(document.meeting.date), \(label(HandoverMode.self, document.meeting.mode)). Aanwezig: \(document.meeting.attended.isEmpty ? "niemand vastgelegd" : document.meeting.attended.map { label(HandoverAttendee.self, $0) }.joined(separator: ", "))."))

        if included.contains(Section.core.name) {
            blocks.append(.heading("Het gezin"))
            var about: [String] = []
            if let place = family?.text(FamilyField.municipality) { about.append("gemeente \(place)") }
            if family?.bool(FamilyField.secretAddress) == true { about.append("GEHEIM ADRES: geef het adres aan niemand") }
            if !about.isEmpty { blocks.append(.paragraph(capitalized(about.joined(separator: "; ")) + ".")) }
            blocks.append(.bullets(orderedMembers(plan).map { member in
                var text = "\(member.text(MemberField.name) ?? "?"), \(label(MemberRole.self, member.text(MemberField.role)))"
                if let born = member.text(MemberField.birthDate) { text += ", geboren \(born)" }
                if member.bool(MemberField.parentalAuthority) == true { text += ", met ouderlijk gezag" }
                if member.bool(MemberField.addedAfterDeparture) == true { text += " (na vertrek bijgekomen: opnieuw taxeren)" }
                return text
            }))
            blocks.append(.heading("Regisseur"))
            if let regisseur = plan.regisseur(on: day) {
                var text = "\(regisseur.text(RegisseurField.name) ?? "?") (\(regisseur.text(RegisseurField.organisation) ?? "?")), vanaf \(regisseur.text(RegisseurField.from) ?? "?")"
                if let until = regisseur.text(RegisseurField.until) { text += " tot en met \(until)" }
                blocks.append(.paragraph(text + "."))
                blocks.append(.paragraph("Escalatie: \(regisseur.text(RegisseurField.escalation) ?? "niet vastgelegd")."))
            } else {
                blocks.append(.paragraph("Niet benoemd."))
            }
            let organisations = plan.all(.organisation)
            if !organisations.isEmpty {
                blocks.append(.subheading("Betrokken organisaties"))
                blocks.append(.bullets(organisations.map { o in
                    var text = o.text(OrganisationField.name) ?? "?"
                    if let role = o.text(OrganisationField.role) { text += ": \(role)" }
                    if let contact = o.text(OrganisationField.contactPerson) { text += " (contact: \(contact))" }
                    if let member = name(o.ref(OrganisationField.member)) { text += ", alleen voor \(member)" }
                    return text
                }))
            }
        }

        if included.contains(Section.safety.name) {
            blocks.append(.heading("Veiligheidsplan"))
            let measures = plan.all(.measure).map { m in
                var text = capitalized(label(MeasureKind.self, m.text(MeasureField.category)))
                if let what = m.text(MeasureField.description) { text += ": \(what)" }
                if let member = name(m.ref(MeasureField.member)) { text += " (voor \(member))" }
                if let with = m.text(MeasureField.agreedWith) { text += ", afgesproken met \(with)" }
                return text
            }
            blocks.append(.subheading("Wat er geregeld is"))
            blocks.append(measures.isEmpty ? .paragraph("Geen maatregelen vastgelegd.") : .bullets(measures))
            let signals = plan.all(.signal)
            if !signals.isEmpty {
                blocks.append(.subheading("Als je dit merkt, doe dan dit"))
                blocks.append(.bullets(signals.map { s in
                    "Als je merkt: \(s.text(SignalField.description) ?? "?")\(name(s.ref(SignalField.member)).map { " (bij \($0))" } ?? "") — doe dan: \(s.text(SignalField.action) ?? "bel de regisseur of Veilig Thuis (0800-2000)")"
                }))
            }
            let contacts = plan.all(.emergencyContact)
            if !contacts.isEmpty {
                blocks.append(.subheading("Wie je belt in nood"))
                blocks.append(.bullets(contacts.map { c in
                    "\(c.text(EmergencyContactField.name) ?? "?")\(c.text(EmergencyContactField.phone).map { ", \($0)" } ?? "")\(c.text(EmergencyContactField.relation).map { " (\($0))" } ?? "")"
                }))
            }
            let assessed = orderedMembers(plan).compactMap { member -> String? in
                guard let risk = plan.riskHistory(of: member.id).last else { return nil }
                return "\(member.text(MemberField.name) ?? "?"): \(risk.text(RiskAssessmentField.classification) ?? "?") op \(risk.text(RiskAssessmentField.date) ?? "?") (\(risk.text(RiskAssessmentField.instrument) ?? "?"), \(risk.text(RiskAssessmentField.organisation) ?? "?"))"
            }
            let loose = plan.all(.riskAssessment).filter { r in !plan.members.contains { $0.id == r.ref(RiskAssessmentField.member) } }
            blocks.append(.subheading("Risicotaxatie"))
            blocks.append(.bullets(assessed + loose.map { "\($0.text(RiskAssessmentField.classification) ?? "?") op \($0.text(RiskAssessmentField.date) ?? "?") (\($0.text(RiskAssessmentField.instrument) ?? "?"))" }))
        }

        if included.contains(Section.plan.name) {
            blocks.append(.heading("Doelen per leefgebied"))
            let goals = plan.all(.goal)
            let actions = plan.all(.action)
            for domain in LifeDomain.allCases {
                let inDomain = goals.filter { $0.text(GoalField.domain) == domain.rawValue }
                guard !inDomain.isEmpty else { continue }
                blocks.append(.subheading(capitalized(domain.label)))
                blocks.append(.bullets(inDomain.map { goal in
                    var text = "\(goal.text(GoalField.description) ?? "?") — \(label(GoalStatus.self, goal.text(GoalField.status) ?? "open"))"
                    if let who = goal.text(GoalField.responsible) { text += ", \(who)" }
                    let steps = actions.filter { $0.ref(ActionField.goal) == goal.id }.map { a in
                        "\(a.text(ActionField.description) ?? "?")\(a.text(ActionField.who).map { " (\($0))" } ?? "")\(a.text(ActionField.deadline).map { ", uiterlijk \($0)" } ?? "")"
                    }
                    if !steps.isEmpty { text += ". Acties: \(steps.joined(separator: "; "))" }
                    return text
                }))
            }
            if let aftercare = plan.aftercare {
                blocks.append(.subheading("Nazorg"))
                blocks.append(.paragraph(
                    "\(label(AftercareMode.self, aftercare.text(AftercareField.mode))) van \(aftercare.text(AftercareField.start) ?? "?") tot \(aftercare.text(AftercareField.plannedEnd) ?? "?")\(aftercare.text(AftercareField.frequency).map { ", \($0)" } ?? "")\(aftercare.text(AftercareField.closed).map { "; afgesloten op \($0)" } ?? "")."))
            }
            let stalled = plan.all(.stagnation).filter { $0.text(StagnationField.resolved) == nil }
            if !stalled.isEmpty {
                blocks.append(.subheading("Waar de hulp stagneert"))
                blocks.append(.bullets(stalled.map { s in
                    "\(label(LifeDomain.self, s.text(StagnationField.domain))): \(s.text(StagnationField.description) ?? "?") sinds \(s.text(StagnationField.since) ?? "?")\(s.text(StagnationField.escalatedTo).map { ", geëscaleerd naar \($0)" } ?? "")"
                }))
            }
        }

        let children = plan.all(.child).filter { included.contains($0.section.name) }
        if !children.isEmpty {
            blocks.append(.heading("De kinderen"))
            for part in children {
                blocks.append(.subheading(name(part.ref(ChildField.member)) ?? part.text(ChildField.name) ?? "Kind \(part.ref(ChildField.member)?.prefix(8) ?? "?")"))
                var lines: [String] = []
                if let school = part.text(ChildField.school) { lines.append("School: \(school)\(part.text(ChildField.schoolStart).map { ", sinds \($0)" } ?? "")") }
                if let contact = part.text(ChildField.contactArrangement) { lines.append("Omgang met de andere ouder: \(contact)") }
                lines.append(part.bool(ChildField.referralIndex) == true ? "Geregistreerd in de Verwijsindex (VIR)" : "Niet geregistreerd in de Verwijsindex (VIR)")
                if let moves = part.int(ChildField.moves) { lines.append("Aantal verhuizingen: \(moves)") }
                if let voice = part.text(ChildField.ownVoice) { lines.append("Wat het kind zelf zegt: \(voice)") }
                blocks.append(.bullets(lines))
            }
        }

        blocks.append(.heading("Persoonlijke context"))
        blocks.append(.paragraph(document.personalContext.isEmpty ? "Niet vastgelegd." : document.personalContext))
        blocks.append(.heading("Afspraken met ketenpartners"))
        blocks.append(document.agreements.isEmpty ? .paragraph("Geen afspraken vastgelegd.") : .bullets(document.agreements))
        blocks.append(.heading("Contactpersoon"))
        blocks.append(.paragraph(document.contact))
        blocks.append(.heading("Niet overgedragen"))
        blocks.append(
            document.withheld.isEmpty
                ? .paragraph("Niets: alle delen die de afzender had, zijn overgedragen.")
                : .bullets(document.withheld.map { "\(section($0.section)): \($0.reason)" }))
        return blocks
    }

    static let sectionNames: [String: String] = [
        "core": "gezin en regie", "safety": "veiligheidsplan", "plan": "doelen en nazorg", "health": "gezondheid",
        "finance": "financiën", "journal": "contactverslagen", "consent": "toestemmingen en logboek",
    ]

    /// Safety first: the secret address, the contact and house bans, who may not pick up the children, whom to
    /// call and the risk levels, from the sections the bundle holds; nil when it holds none of them.
    static func safetyFirst(_ document: HandoverDocument, on day: CalendarDate) -> Block? {
        let plan = document.plan
        let included = Set(document.sections)
        var items: [String] = []
        if included.contains(Section.core.name), plan.family?.bool(FamilyField.secretAddress) == true {
            items.append("GEHEIM ADRES: geef het adres aan niemand, ook niet aan familie of instanties zonder toestemming.")
        }
        if included.contains(Section.safety.name) {
            for m in plan.current(.measure) {
                let what = m.text(MeasureField.description).map { ": \($0)" } ?? ""
                switch m.term(MeasureField.category, MeasureKind.self) {
                case .contactBan: items.append("Contactverbod\(what).")
                case .restrainingOrder: items.append("Huisverbod\(what).")
                case .schoolBriefed: items.append("Ophalen van de kinderen\(what).")
                case .awareAlarm: items.append("AWARE-alarm\(what).")
                default: break
                }
            }
            for r in plan.current(.highRisk) {
                items.append("Hoog risico: \(r.term(HighRiskField.category, HighRiskCategory.self)?.label ?? "?")\(r.text(HighRiskField.agreements).map { "; afspraken: \($0)" } ?? "").")
            }
            let contacts = plan.current(.emergencyContact).compactMap { c in
                c.text(EmergencyContactField.name).map { "\($0)\(c.text(EmergencyContactField.phone).map { " \($0)" } ?? "")" }
            }
            items.append("Bij gevaar: 112. Daarna\(contacts.isEmpty ? "" : ": " + Dutch.list(contacts) + ";") Veilig Thuis 0800-2000.")
            let risks = orderedMembers(plan).compactMap { member -> String? in
                guard let risk = plan.riskHistory(of: member.id).last, let level = risk.text(RiskAssessmentField.classification) else { return nil }
                return "\(member.text(MemberField.name) ?? "?") \(level) (\(risk.text(RiskAssessmentField.date) ?? "?"))"
            }
            if !risks.isEmpty { items.append("Risico: \(risks.joined(separator: ", ")).") }
        }
        return items.isEmpty ? nil : .safetyFirst("Eerst de veiligheid", items)
    }

    /// The members in the order a reader looks for them: the client, the children (oldest first), then the others.
    static func orderedMembers(_ plan: FamilyPlan) -> [PlanEntity] {
        func rank(_ m: PlanEntity) -> Int {
            switch m.term(MemberField.role, MemberRole.self) {
            case .parentInShelter: 0
            case .child: 1
            case .otherParent: 2
            default: 3
            }
        }
        return plan.members.sorted {
            (rank($0), $0.text(MemberField.birthDate) ?? "9999", $0.id) < (rank($1), $1.text(MemberField.birthDate) ?? "9999", $1.id)
        }
    }

    /// The text with its first letter a capital (labels are stored in lower case).
    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    static func name(_ member: String, in plan: FamilyPlan) -> String? {
        plan.memberName(member)
    }

    static func markdown(_ blocks: [Block]) -> String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let text): out.append("# \(text)\n")
            case .heading(let text): out.append("## \(text)\n")
            case .subheading(let text): out.append("### \(text)\n")
            case .paragraph(let text): out.append("\(text)\n")
            case .bullets(let items): out.append(items.map { "- \($0)" }.joined(separator: "\n") + "\n")
            case .warning(let text): out.append("> **Let op:** \(text)\n")
            case .safetyFirst(let heading, let items): out.append("> **\(heading)**\n>\n" + items.map { "> - \($0)" }.joined(separator: "\n") + "\n")
            }
        }
        return out.joined(separator: "\n")
    }

    static func html(_ blocks: [Block]) -> String {
        let escape = HTML.escape
        var title = "Warme overdracht"
        var body: [String] = []
        for block in blocks {
            switch block {
            case .title(let text):
                title = text
                body.append("<h1>\(escape(text))</h1>")
            case .heading(let text): body.append("<h2>\(escape(text))</h2>")
            case .subheading(let text): body.append("<h3>\(escape(text))</h3>")
            case .paragraph(let text): body.append("<p>\(escape(text))</p>")
            case .bullets(let items): body.append("<ul>\n" + items.map { "  <li>\(escape($0))</li>" }.joined(separator: "\n") + "\n</ul>")
            case .warning(let text): body.append("<p class=\"letop\"><strong>Let op:</strong> \(escape(text))</p>")
            case .safetyFirst(let heading, let items):
                body.append(
                    "<section class=\"veiligheid\"><h2>\(escape(heading))</h2><ul>"
                        + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul></section>")
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>body{font-family:sans-serif;max-width:44em;margin:2em auto;line-height:1.5}.letop{background:#fff3cd;padding:.5em}.veiligheid{border:3px solid #b00020;border-radius:.4em;padding:.2em 1em;margin:1em 0}.veiligheid h2{color:#b00020;margin-top:.4em}</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}

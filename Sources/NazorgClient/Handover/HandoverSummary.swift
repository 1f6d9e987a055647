public import Foundation
public import NazorgModel

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
    }

    /// Renders the document.
    public static func render(_ document: HandoverDocument, format: Format) -> String {
        let blocks = self.blocks(document)
        return format == .markdown ? markdown(blocks) : html(blocks)
    }

    static func blocks(_ document: HandoverDocument) -> [Block] {
        let plan = document.plan
        let day = CalendarDate(String(document.created.prefix(10))) ?? CalendarDate(year: 2000, month: 1, day: 1)
        let included = Set(document.sections)
        func label<V: Vocabulary>(_ v: V.Type, _ code: String?) -> String { code.flatMap(V.init(rawValue:))?.label ?? code ?? "?" }
        func name(_ id: String?) -> String? {
            guard let id, let entity = plan.entities.first(where: { $0.id == id }) else { return nil }
            return entity.text("naam")
        }
        func section(_ name: String) -> String {
            if name.hasPrefix("child:") { return "deel van kind \(self.name(String(name.dropFirst(6)), in: plan) ?? String(name.dropFirst(6).prefix(8)))" }
            return sectionNames[name] ?? name
        }
        var blocks: [Block] = []
        let family = plan.family
        blocks.append(.title("Warme overdracht: \(family?.text("naam") ?? "gezin \(document.family.prefix(8))")"))
        blocks.append(.paragraph(
            "Van \(document.sender.organisationName) (\(document.sender.worker)) aan \(document.recipient.organisationName), \(document.created.prefix(10)). Bundel \(document.bundle.prefix(8))."))
        if let basis = document.basisEntity {
            if basis.kind == .consent {
                let givers = (basis.text("gevers") ?? "").split(separator: ",").map { name(String($0)) ?? "een gezinslid" }
                var text = "Grondslag: toestemming van \(givers.joined(separator: " en ")) (\(label(ConsentForm.self, basis.text("vorm")))), voor: \(basis.text("doel") ?? "?")"
                text += ", geldig vanaf \(basis.text("vanaf") ?? "?")\(basis.text("tot").map { " tot en met \($0)" } ?? "")."
                blocks.append(.paragraph(text))
            } else {
                blocks.append(.paragraph(
                    "Grondslag: doorbreking van het beroepsgeheim (\(label(LegalGround.self, basis.text("grond")))), besloten door \(basis.text("besluitDoor") ?? "?") op \(basis.text("datum") ?? "?"). Waarom: \(basis.text("rechtvaardiging") ?? "?")"))
                if basis.fields["moederGeinformeerd"]?.bool == false {
                    blocks.append(.warning("De moeder is vooraf niet geïnformeerd: \(basis.text("waaromNiet") ?? "?")"))
                }
            }
        }
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
        warnings.forEach { blocks.append(.warning($0)) }

        blocks.append(.heading("Het overdrachtsgesprek"))
        blocks.append(.paragraph(
            "\(document.meeting.date), \(label(HandoverMode.self, document.meeting.mode)). Aanwezig: \(document.meeting.attended.isEmpty ? "niemand vastgelegd" : document.meeting.attended.map { label(HandoverAttendee.self, $0) }.joined(separator: ", "))."))

        if included.contains(Section.core.name) {
            blocks.append(.heading("Het gezin"))
            var about: [String] = []
            if let place = family?.text("gemeente") { about.append("gemeente \(place)") }
            if family?.fields["geheimAdres"]?.bool == true { about.append("GEHEIM ADRES: geef het adres aan niemand") }
            if !about.isEmpty { blocks.append(.paragraph(capitalized(about.joined(separator: "; ")) + ".")) }
            blocks.append(.bullets(plan.members.map { member in
                var text = "\(member.text("naam") ?? "?"), \(label(MemberRole.self, member.text("rol")))"
                if let born = member.text("geboortedatum") { text += ", geboren \(born)" }
                if member.fields["gezag"]?.bool == true { text += ", met ouderlijk gezag" }
                if member.fields["toegevoegdNaVertrek"]?.bool == true { text += " (na vertrek bijgekomen: opnieuw taxeren)" }
                return text
            }))
            blocks.append(.heading("Regisseur"))
            if let regisseur = plan.regisseur(on: day) {
                var text = "\(regisseur.text("naam") ?? "?") (\(regisseur.text("organisatie") ?? "?")), vanaf \(regisseur.text("vanaf") ?? "?")"
                if let until = regisseur.text("tot") { text += " tot en met \(until)" }
                blocks.append(.paragraph(text + "."))
                blocks.append(.paragraph("Escalatie: \(regisseur.text("escalatie") ?? "niet vastgelegd")."))
            } else {
                blocks.append(.paragraph("Niet benoemd."))
            }
            let organisations = plan.all(.organisation)
            if !organisations.isEmpty {
                blocks.append(.subheading("Betrokken organisaties"))
                blocks.append(.bullets(organisations.map { o in
                    var text = o.text("naam") ?? "?"
                    if let role = o.text("rol") { text += ": \(role)" }
                    if let contact = o.text("contactpersoon") { text += " (contact: \(contact))" }
                    if let member = name(o.fields["lid"]?.ref) { text += ", alleen voor \(member)" }
                    return text
                }))
            }
        }

        if included.contains(Section.safety.name) {
            blocks.append(.heading("Veiligheidsplan"))
            let measures = plan.all(.measure).map { m in
                var text = capitalized(label(MeasureKind.self, m.text("soort")))
                if let what = m.text("omschrijving") { text += ": \(what)" }
                if let member = name(m.fields["lid"]?.ref) { text += " (voor \(member))" }
                if let with = m.text("afgesprokenMet") { text += ", afgesproken met \(with)" }
                return text
            }
            blocks.append(.subheading("Wat er geregeld is"))
            blocks.append(measures.isEmpty ? .paragraph("Geen maatregelen vastgelegd.") : .bullets(measures))
            let signals = plan.all(.signal)
            if !signals.isEmpty {
                blocks.append(.subheading("Als je dit merkt, doe dan dit"))
                blocks.append(.bullets(signals.map { s in
                    "Als je merkt: \(s.text("omschrijving") ?? "?")\(name(s.fields["lid"]?.ref).map { " (bij \($0))" } ?? "") — doe dan: \(s.text("actie") ?? "bel de regisseur of Veilig Thuis (0800-2000)")"
                }))
            }
            let contacts = plan.all(.emergencyContact)
            if !contacts.isEmpty {
                blocks.append(.subheading("Wie je belt in nood"))
                blocks.append(.bullets(contacts.map { c in
                    "\(c.text("naam") ?? "?")\(c.text("telefoon").map { ", \($0)" } ?? "")\(c.text("relatie").map { " (\($0))" } ?? "")"
                }))
            }
            let assessed = plan.members.compactMap { member -> String? in
                guard let risk = plan.riskHistory(of: member.id).last else { return nil }
                return "\(member.text("naam") ?? "?"): \(risk.text("classificatie") ?? "?") op \(risk.text("datum") ?? "?") (\(risk.text("instrument") ?? "?"), \(risk.text("organisatie") ?? "?"))"
            }
            let loose = plan.all(.riskAssessment).filter { r in !plan.members.contains { $0.id == r.fields["lid"]?.ref } }
            blocks.append(.subheading("Risicotaxatie"))
            blocks.append(.bullets(assessed + loose.map { "\($0.text("classificatie") ?? "?") op \($0.text("datum") ?? "?") (\($0.text("instrument") ?? "?"))" }))
        }

        if included.contains(Section.plan.name) {
            blocks.append(.heading("Doelen per leefgebied"))
            let goals = plan.all(.goal)
            let actions = plan.all(.action)
            for domain in LifeDomain.allCases {
                let inDomain = goals.filter { $0.text("domein") == domain.rawValue }
                guard !inDomain.isEmpty else { continue }
                blocks.append(.subheading(capitalized(domain.label)))
                blocks.append(.bullets(inDomain.map { goal in
                    var text = "\(goal.text("omschrijving") ?? "?") — \(label(GoalStatus.self, goal.text("status") ?? "open"))"
                    if let who = goal.text("verantwoordelijk") { text += ", \(who)" }
                    let steps = actions.filter { $0.fields["doel"]?.ref == goal.id }.map { a in
                        "\(a.text("omschrijving") ?? "?")\(a.text("wie").map { " (\($0))" } ?? "")\(a.text("deadline").map { ", uiterlijk \($0)" } ?? "")"
                    }
                    if !steps.isEmpty { text += ". Acties: \(steps.joined(separator: "; "))" }
                    return text
                }))
            }
            if let aftercare = plan.aftercare {
                blocks.append(.subheading("Nazorg"))
                blocks.append(.paragraph(
                    "\(label(AftercareMode.self, aftercare.text("vorm"))) van \(aftercare.text("start") ?? "?") tot \(aftercare.text("geplandEinde") ?? "?")\(aftercare.text("frequentie").map { ", \($0)" } ?? "")\(aftercare.text("afgesloten").map { "; afgesloten op \($0)" } ?? "")."))
            }
            let stalled = plan.all(.stagnation).filter { $0.text("opgelost") == nil }
            if !stalled.isEmpty {
                blocks.append(.subheading("Waar de hulp stagneert"))
                blocks.append(.bullets(stalled.map { s in
                    "\(label(LifeDomain.self, s.text("domein"))): \(s.text("omschrijving") ?? "?") sinds \(s.text("sinds") ?? "?")\(s.text("geescaleerdNaar").map { ", geëscaleerd naar \($0)" } ?? "")"
                }))
            }
        }

        let children = plan.all(.child).filter { included.contains($0.section.name) }
        if !children.isEmpty {
            blocks.append(.heading("De kinderen"))
            for part in children {
                blocks.append(.subheading(name(part.fields["lid"]?.ref) ?? "Kind \(part.text("lid")?.prefix(8) ?? "?")"))
                var lines: [String] = []
                if let school = part.text("school") { lines.append("School: \(school)\(part.text("schoolStart").map { ", sinds \($0)" } ?? "")") }
                if let contact = part.text("omgang") { lines.append("Omgang met de andere ouder: \(contact)") }
                lines.append(part.fields["vir"]?.bool == true ? "Geregistreerd in de Verwijsindex (VIR)" : "Niet geregistreerd in de Verwijsindex (VIR)")
                if let moves = part.fields["verhuizingen"]?.int { lines.append("Aantal verhuizingen: \(moves)") }
                if let voice = part.text("eigenStem") { lines.append("Wat het kind zelf zegt: \(voice)") }
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

    /// The text with its first letter a capital (labels are stored in lower case).
    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    static func name(_ member: String, in plan: FamilyPlan) -> String? {
        plan.entities.first { $0.id == member }?.text("naam")
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
            }
        }
        return out.joined(separator: "\n")
    }

    static func html(_ blocks: [Block]) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
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
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>body{font-family:sans-serif;max-width:44em;margin:2em auto;line-height:1.5}.letop{background:#fff3cd;padding:.5em}</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}

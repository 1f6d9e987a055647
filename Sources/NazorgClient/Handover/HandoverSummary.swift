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
        typealias M = Messages.Summary
        let plan = document.plan
        let day = CalendarDate(String(document.created.prefix(10))) ?? CalendarDate(year: 2000, month: 1, day: 1)
        let included = Set(document.sections)
        func label<V: Vocabulary>(_ v: V.Type, _ code: String?) -> String { code.flatMap(V.init(rawValue:))?.label ?? code ?? "?" }
        func name(_ id: String?) -> String? { plan.memberName(id) }
        func section(_ name: String) -> String {
            if name.hasPrefix("child:") {
                let child = String(name.dropFirst(6))
                return M.childSection(plan.memberName(child) ?? String(child.prefix(8)))
            }
            return Section(name: name)?.label ?? name
        }
        var blocks: [Block] = []
        let family = plan.family
        blocks.append(.title(M.title(family?.text(FamilyField.name) ?? M.unnamedFamily(String(document.family.prefix(8))))))
        blocks.append(.paragraph(M.fromTo(
            sender: document.sender.organisationName, worker: document.sender.worker, recipient: document.recipient.organisationName,
            day: String(document.created.prefix(10)), bundle: String(document.bundle.prefix(8)))))
        if let basis = document.basisEntity {
            if basis.kind == .consent {
                blocks.append(.paragraph(M.consentBasis(
                    givers: basis.refs(ConsentField.givers).map { name($0) ?? M.aMember },
                    form: label(ConsentForm.self, basis.text(ConsentField.form)), purpose: basis.text(ConsentField.purpose) ?? "?",
                    from: basis.text(ConsentField.from) ?? "?", until: basis.text(ConsentField.until))))
            } else {
                blocks.append(.paragraph(M.overrideBasis(
                    ground: label(LegalGround.self, basis.text(SafetyOverrideField.ground)),
                    decidedBy: basis.text(SafetyOverrideField.decidedBy) ?? "?", on: basis.text(SafetyOverrideField.date) ?? "?",
                    why: basis.text(SafetyOverrideField.justification) ?? "?")))
                if basis.bool(SafetyOverrideField.motherInformed) == false {
                    blocks.append(.warning(M.motherNotInformed(basis.text(SafetyOverrideField.whyNotInformed) ?? "?")))
                }
            }
        }
        if let first = safetyFirst(document, on: day) { blocks.append(first) }
        // What the receiving worker must act on first.
        var warnings: [String] = []
        if let moving = document.movingTo { warnings.append(M.moving(to: moving)) }
        if included.contains(Section.core.name), plan.regisseur(on: day) == nil { warnings.append(M.noRegisseur) }
        let absent = HandoverAttendee.allCases.filter { !document.meeting.attended.contains($0.rawValue) }
        if !absent.isEmpty { warnings.append(M.absent(absent.map(\.label))) }
        if let reason = document.incompleteBecause, !reason.isEmpty { warnings.append(M.incompleteBecause(reason)) }
        warnings.forEach { blocks.append(.warning($0)) }

        blocks.append(.heading(M.meetingHeading))
        blocks.append(.paragraph(M.meeting(
            on: document.meeting.date, mode: label(HandoverMode.self, document.meeting.mode),
            attended: document.meeting.attended.map { label(HandoverAttendee.self, $0) })))

        if included.contains(Section.core.name) {
            blocks.append(.heading(M.familyHeading))
            var about: [String] = []
            if let place = family?.text(FamilyField.municipality) { about.append(M.municipality(place)) }
            if family?.bool(FamilyField.secretAddress) == true { about.append(M.secretAddressShort) }
            if !about.isEmpty { blocks.append(.paragraph(capitalized(about.joined(separator: "; ")) + ".")) }
            blocks.append(.bullets(orderedMembers(plan).map { member in
                M.member(
                    member.text(MemberField.name) ?? "?", role: label(MemberRole.self, member.text(MemberField.role)),
                    born: member.text(MemberField.birthDate), authority: member.bool(MemberField.parentalAuthority) == true,
                    addedAfterDeparture: member.bool(MemberField.addedAfterDeparture) == true)
            }))
            blocks.append(.heading(M.regisseurHeading))
            if let regisseur = plan.regisseur(on: day) {
                blocks.append(.paragraph(M.regisseur(
                    regisseur.text(RegisseurField.name) ?? "?", organisation: regisseur.text(RegisseurField.organisation) ?? "?",
                    from: regisseur.text(RegisseurField.from) ?? "?", until: regisseur.text(RegisseurField.until))))
                blocks.append(.paragraph(M.escalation(regisseur.text(RegisseurField.escalation))))
            } else {
                blocks.append(.paragraph(M.notAppointed))
            }
            let organisations = plan.all(.organisation)
            if !organisations.isEmpty {
                blocks.append(.subheading(M.organisationsHeading))
                blocks.append(.bullets(organisations.map { o in
                    M.organisation(
                        o.text(OrganisationField.name) ?? "?", role: o.text(OrganisationField.role),
                        contact: o.text(OrganisationField.contactPerson), onlyFor: name(o.ref(OrganisationField.member)))
                }))
            }
        }

        if included.contains(Section.safety.name) {
            blocks.append(.heading(M.safetyHeading))
            let measures = plan.all(.measure).map { m in
                M.measure(
                    capitalized(label(MeasureKind.self, m.text(MeasureField.category))), what: m.text(MeasureField.description),
                    member: name(m.ref(MeasureField.member)), agreedWith: m.text(MeasureField.agreedWith))
            }
            blocks.append(.subheading(M.measuresHeading))
            blocks.append(measures.isEmpty ? .paragraph(M.noMeasures) : .bullets(measures))
            let signals = plan.all(.signal)
            if !signals.isEmpty {
                blocks.append(.subheading(M.signalsHeading))
                blocks.append(.bullets(signals.map { s in
                    M.signal(
                        s.text(SignalField.description) ?? "?", member: name(s.ref(SignalField.member)),
                        action: s.text(SignalField.action) ?? M.defaultSignalAction)
                }))
            }
            let contacts = plan.all(.emergencyContact)
            if !contacts.isEmpty {
                blocks.append(.subheading(M.contactsHeading))
                blocks.append(.bullets(contacts.map { c in
                    M.emergencyContact(
                        c.text(EmergencyContactField.name) ?? "?", phone: c.text(EmergencyContactField.phone),
                        relation: c.text(EmergencyContactField.relation))
                }))
            }
            func risk(_ r: PlanEntity, of member: String?, organisation: Bool) -> String {
                M.risk(
                    of: member, level: r.text(RiskAssessmentField.classification) ?? "?", on: r.text(RiskAssessmentField.date) ?? "?",
                    instrument: r.text(RiskAssessmentField.instrument) ?? "?",
                    organisation: organisation ? r.text(RiskAssessmentField.organisation) ?? "?" : nil)
            }
            let assessed = orderedMembers(plan).compactMap { member -> String? in
                plan.riskHistory(of: member.id).last.map { risk($0, of: member.text(MemberField.name) ?? "?", organisation: true) }
            }
            let loose = plan.all(.riskAssessment).filter { r in !plan.members.contains { $0.id == r.ref(RiskAssessmentField.member) } }
            blocks.append(.subheading(M.riskHeading))
            blocks.append(.bullets(assessed + loose.map { risk($0, of: nil, organisation: false) }))
        }

        if included.contains(Section.plan.name) {
            blocks.append(.heading(M.goalsHeading))
            let goals = plan.all(.goal)
            let actions = plan.all(.action)
            for domain in LifeDomain.allCases {
                let inDomain = goals.filter { $0.text(GoalField.domain) == domain.rawValue }
                guard !inDomain.isEmpty else { continue }
                blocks.append(.subheading(capitalized(domain.label)))
                blocks.append(.bullets(inDomain.map { goal in
                    M.goal(
                        goal.text(GoalField.description) ?? "?", status: label(GoalStatus.self, goal.text(GoalField.status) ?? "open"),
                        responsible: goal.text(GoalField.responsible),
                        steps: actions.filter { $0.ref(ActionField.goal) == goal.id }.map { a in
                            M.action(a.text(ActionField.description) ?? "?", who: a.text(ActionField.who), deadline: a.text(ActionField.deadline))
                        })
                }))
            }
            if let aftercare = plan.aftercare {
                blocks.append(.subheading(M.aftercareHeading))
                blocks.append(.paragraph(M.aftercare(
                    label(AftercareMode.self, aftercare.text(AftercareField.mode)), from: aftercare.text(AftercareField.start) ?? "?",
                    to: aftercare.text(AftercareField.plannedEnd) ?? "?", frequency: aftercare.text(AftercareField.frequency),
                    closed: aftercare.text(AftercareField.closed))))
            }
            let stalled = plan.all(.stagnation).filter { $0.text(StagnationField.resolved) == nil }
            if !stalled.isEmpty {
                blocks.append(.subheading(M.stagnationHeading))
                blocks.append(.bullets(stalled.map { s in
                    M.stagnation(
                        label(LifeDomain.self, s.text(StagnationField.domain)), what: s.text(StagnationField.description) ?? "?",
                        since: s.text(StagnationField.since) ?? "?", escalatedTo: s.text(StagnationField.escalatedTo))
                }))
            }
        }

        let children = plan.all(.child).filter { included.contains($0.section.name) }
        if !children.isEmpty {
            blocks.append(.heading(M.childrenHeading))
            for part in children {
                blocks.append(.subheading(
                    name(part.ref(ChildField.member)) ?? part.text(ChildField.name)
                        ?? M.unnamedChild(String(part.ref(ChildField.member)?.prefix(8) ?? "?"))))
                var lines: [String] = []
                if let school = part.text(ChildField.school) { lines.append(M.school(school, since: part.text(ChildField.schoolStart))) }
                if let contact = part.text(ChildField.contactArrangement) { lines.append(M.contactArrangement(contact)) }
                lines.append(M.referralIndex(part.bool(ChildField.referralIndex) == true))
                if let moves = part.int(ChildField.moves) { lines.append(M.moves(moves)) }
                if let voice = part.text(ChildField.ownVoice) { lines.append(M.ownVoice(voice)) }
                blocks.append(.bullets(lines))
            }
        }

        blocks.append(.heading(M.contextHeading))
        blocks.append(.paragraph(document.personalContext.isEmpty ? M.notRecorded : document.personalContext))
        blocks.append(.heading(M.agreementsHeading))
        blocks.append(document.agreements.isEmpty ? .paragraph(M.noAgreements) : .bullets(document.agreements))
        blocks.append(.heading(M.contactHeading))
        blocks.append(.paragraph(document.contact))
        blocks.append(.heading(M.withheldHeading))
        blocks.append(
            document.withheld.isEmpty
                ? .paragraph(M.nothingWithheld)
                : .bullets(document.withheld.map { M.withheld(section($0.section), reason: $0.reason) }))
        return blocks
    }

    /// Safety first: the secret address, the contact and house bans, who may not pick up the children, whom to
    /// call and the risk levels, from the sections the bundle holds; nil when it holds none of them.
    static func safetyFirst(_ document: HandoverDocument, on day: CalendarDate) -> Block? {
        typealias M = Messages.Summary
        let plan = document.plan
        let included = Set(document.sections)
        var items: [String] = []
        if included.contains(Section.core.name), plan.family?.bool(FamilyField.secretAddress) == true {
            items.append(M.secretAddress)
        }
        if included.contains(Section.safety.name) {
            for m in plan.current(.measure) {
                let what = m.text(MeasureField.description)
                switch m.term(MeasureField.category, MeasureKind.self) {
                case .contactBan: items.append(M.contactBan(what))
                case .restrainingOrder: items.append(M.restrainingOrder(what))
                case .schoolBriefed: items.append(M.pickUp(what))
                case .awareAlarm: items.append(M.awareAlarm(what))
                default: break
                }
            }
            for r in plan.current(.highRisk) {
                items.append(M.highRisk(r.term(HighRiskField.category, HighRiskCategory.self)?.label ?? "?", agreements: r.text(HighRiskField.agreements)))
            }
            let contacts = plan.current(.emergencyContact).compactMap { c in
                c.text(EmergencyContactField.name).map { "\($0)\(c.text(EmergencyContactField.phone).map { " \($0)" } ?? "")" }
            }
            items.append(M.whomToCall(contacts))
            let risks = orderedMembers(plan).compactMap { member -> String? in
                guard let risk = plan.riskHistory(of: member.id).last, let level = risk.text(RiskAssessmentField.classification) else { return nil }
                return M.riskLevel(member.text(MemberField.name) ?? "?", level: level, on: risk.text(RiskAssessmentField.date) ?? "?")
            }
            if !risks.isEmpty { items.append(M.risks(risks)) }
        }
        return items.isEmpty ? nil : .safetyFirst(M.safetyFirstHeading, items)
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

    static func markdown(_ blocks: [Block]) -> String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let text): out.append("# \(text)\n")
            case .heading(let text): out.append("## \(text)\n")
            case .subheading(let text): out.append("### \(text)\n")
            case .paragraph(let text): out.append("\(text)\n")
            case .bullets(let items): out.append(items.map { "- \($0)" }.joined(separator: "\n") + "\n")
            case .warning(let text): out.append("> **\(Messages.Summary.letOp)** \(text)\n")
            case .safetyFirst(let heading, let items): out.append("> **\(heading)**\n>\n" + items.map { "> - \($0)" }.joined(separator: "\n") + "\n")
            }
        }
        return out.joined(separator: "\n")
    }

    static func html(_ blocks: [Block]) -> String {
        let escape = HTML.escape
        var title = Messages.Summary.documentTitle
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
            case .warning(let text): body.append("<p class=\"letop\"><strong>\(Messages.Summary.letOp)</strong> \(escape(text))</p>")
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

public import Foundation
public import NazorgModel
import NazorgMessages

/// The safety plan as its own reader has it on paper (norm 2.6; scenario 15): for the mother, what to do when it
/// is not safe, whom to call (112 first), what has been arranged, her own goals and the next appointment; for a
/// child of reading age, the same in a child's words. Plain Dutch at B1 level from `Messages.SafetyPlan`, with the
/// worker's own texts from the plan; no ids, codes or terms of the trade.
public enum SafetyPlanPage {
    /// Who the page is for.
    public enum Reader: String, CaseIterable, Sendable {
        case client
        case child = "kind"
    }

    /// The youngest child that gets a safety plan of its own on paper.
    public static let minimumChildAge = 8

    /// One block of the page.
    public struct Part: Sendable, Hashable {
        public var heading: String
        public var lines: [String]
        /// The block that must stand out (what to do in danger).
        public var urgent: Bool = false
    }

    /// The page: a title, who it is for, the blocks and a closing line.
    public struct Page: Sendable, Hashable {
        public var title: String
        public var subtitle: String
        public var parts: [Part]
        public var footer: String

        /// The page as plain text (what the readability score is computed on).
        public var text: String {
            ([title, subtitle] + parts.flatMap { [$0.heading] + $0.lines } + [footer]).joined(separator: "\n")
        }

        /// The page as one printable HTML document, A4, one or two pages.
        public var html: String {
            let escape = HTML.escape
            let body = parts.map { part in
                let items = part.lines.map { "<li>\(escape($0))</li>" }.joined()
                let list = items.isEmpty ? "" : "<ul>\(items)</ul>"
                return "<section\(part.urgent ? " class=\"urgent\"" : "")><h2>\(escape(part.heading))</h2>\(list)</section>"
            }.joined(separator: "\n")
            return """
                <!doctype html>
                <html lang="nl">
                <head>
                <meta charset="utf-8">
                <title>\(escape(title))</title>
                <style>
                @page { size: A4; margin: 16mm 18mm; }
                body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 13pt; line-height: 1.45; color: #111; margin: 0; }
                h1 { font-size: 24pt; margin: 0 0 1mm; }
                p.for { margin: 0 0 5mm; color: #333; }
                h2 { font-size: 15pt; margin: 5mm 0 1.5mm; }
                ul { margin: 0; padding-left: 6mm; }
                li { margin: 1mm 0; }
                section { break-inside: avoid; }
                section.urgent { border: 3px solid #b00020; border-radius: 3mm; padding: 3mm 5mm; }
                section.urgent h2 { color: #b00020; font-size: 20pt; margin-top: 0; }
                section.urgent ul { list-style: none; padding-left: 0; }
                footer { margin-top: 6mm; padding-top: 2mm; border-top: 1px solid #999; font-size: 11pt; }
                @media screen { body { padding: 12mm 16mm; max-width: 176mm; } }
                </style>
                </head>
                <body>
                <h1>\(escape(title))</h1>
                <p class="for">\(escape(subtitle))</p>
                \(body)
                <footer>\(escape(footer))</footer>
                </body>
                </html>

                """
        }
    }

    /// The worker who hands the page over.
    public struct Worker: Sendable {
        public var name: String
        public var organisation: String
        public init(name: String, organisation: String) {
            self.name = name
            self.organisation = organisation
        }
    }

    /// The mother's own safety plan.
    public static func client(_ plan: FamilyPlan, worker: Worker, today: CalendarDate) throws -> Page {
        guard plan.holds(.safety) else { throw ClientError(.refused, Messages.SafetyPlan.safetyNotHeld) }
        guard let mother = plan.members.first(where: { $0.has(MemberField.role, MemberRole.parentInShelter) }) else {
            throw ClientError(.notFound, Messages.SafetyPlan.noMother)
        }
        typealias M = Messages.SafetyPlan
        var parts = [Part(heading: M.dangerHeading, lines: [M.dangerText], urgent: true)]
        let signals = plan.current(.signal).compactMap { s in
            s.text(SignalField.description).map { M.signal(unsentenced($0), then: s.text(SignalField.action).map(unsentenced)) }
        }
        if !signals.isEmpty { parts.append(Part(heading: M.signalsHeading, lines: signals)) }

        var calls = [M.call112] + emergencyContacts(plan) + [M.veiligThuis]
        if let r = plan.regisseur(on: today), let name = r.text(RegisseurField.name) {
            calls.append(M.regisseur(name, organisation: r.text(RegisseurField.organisation) ?? worker.organisation))
        }
        calls.append(M.worker(worker.name, organisation: worker.organisation))
        parts.append(Part(heading: M.callHeading, lines: calls))

        let arranged = plan.current(.measure).compactMap { m -> String? in
            let kind = m.term(MeasureField.category, MeasureKind.self)
            let plain: String? =
                switch kind {
                case .contactBan: M.contactBan
                case .restrainingOrder: M.restrainingOrder
                case .awareAlarm: M.awareAlarm
                case .secretAddress: M.secretAddress
                case .neighbourhoodOfficer: M.neighbourhoodOfficer
                case .schoolBriefed: M.schoolBriefed
                case .careReport: M.careReport
                case .networkAlert: M.networkAlert
                case .other, nil: nil
                }
            // The worker's own words, unless they only repeat the plain sentence ("school weet wie ...").
            let own = m.text(MeasureField.description).map(sentence).flatMap { text in plain.map { repeats(text, $0) } == true ? nil : text }
            return [plain, own].compactMap { $0 }.joined(separator: " ").nilIfEmpty
        }
        if !arranged.isEmpty { parts.append(Part(heading: M.arrangedHeading, lines: arranged)) }

        let goals = plan.all(.goal).filter { g in
            (g.ref(GoalField.member) == nil || g.ref(GoalField.member) == mother.id) && !g.has(GoalField.status, GoalStatus.stopped)
        }.compactMap { g in
            g.text(GoalField.description).map { M.goal(unsentenced(sentence($0)), achieved: g.has(GoalField.status, GoalStatus.achieved)) }
        }
        if plan.holds(.plan), !goals.isEmpty { parts.append(Part(heading: M.goalsHeading, lines: goals)) }

        let nextVisit = plan.attention(today: today).open.filter { $0.rule == .contactFrequency }.map(\.due).min()
        let visit =
            switch nextVisit {
            case let day? where day >= today: M.nextVisit(worker.name, by: day.written)
            case .some: M.visitSoon(worker.name)
            case nil: M.noVisitPlanned(worker.name)
            }
        parts.append(Part(heading: M.appointmentHeading, lines: [visit]))

        let name = firstName(mother.text(MemberField.name))
        return Page(
            title: M.title, subtitle: M.forClient(name, made: today.written, with: worker.name), parts: parts, footer: M.keepSafe)
    }

    /// A child's own safety plan, for a child of `minimumChildAge` or older.
    public static func child(_ plan: FamilyPlan, child: PlanEntity, today: CalendarDate) throws -> Page {
        guard plan.holds(.safety) else { throw ClientError(.refused, Messages.SafetyPlan.safetyNotHeld) }
        guard child.kind == .member, child.has(MemberField.role, MemberRole.child) else { throw ClientError(.usage, Messages.SafetyPlan.notAChild) }
        let age = child.date(MemberField.birthDate)?.yearsOld(on: today) ?? 0
        guard age >= minimumChildAge else {
            throw ClientError(.refused, Messages.SafetyPlan.childTooYoung(age, minimum: minimumChildAge))
        }
        typealias M = Messages.SafetyPlan
        var parts = [Part(heading: M.childDangerHeading, lines: [M.childDangerText], urgent: true)]
        parts.append(Part(heading: M.childCallHeading, lines: [M.call112] + emergencyContacts(plan, withRelation: false) + [M.kindertelefoon]))
        let arranged = plan.current(.measure).compactMap { m -> String? in
            switch m.term(MeasureField.category, MeasureKind.self) {
            case .contactBan, .restrainingOrder: M.childContactBan
            case .secretAddress: M.childSecretAddress
            case .schoolBriefed: M.childSchoolBriefed
            default: nil
            }
        }
        let once = arranged.enumerated().filter { arranged.firstIndex(of: $0.element) == $0.offset }.map(\.element)
        if !once.isEmpty { parts.append(Part(heading: M.childArrangedHeading, lines: once)) }
        let ownWords = plan.all(.child).filter { $0.ref(ChildField.member) == child.id }.compactMap { $0.text(ChildField.ownVoice).map(sentence) }
        if !ownWords.isEmpty { parts.append(Part(heading: M.ownWordsHeading, lines: ownWords)) }
        return Page(
            title: M.title, subtitle: M.forChild(firstName(child.text(MemberField.name)), made: today.written), parts: parts,
            footer: M.childKeepSafe)
    }

    /// Whom to call. The relation is written as the family's relation ("moeder van Anna"): on a child's page it
    /// would read wrongly ("oma" to the child), so the child sees the name and the number only.
    private static func emergencyContacts(_ plan: FamilyPlan, withRelation: Bool = true) -> [String] {
        plan.current(.emergencyContact).compactMap { c in
            c.text(EmergencyContactField.name).map {
                Messages.SafetyPlan.contact(
                    $0, relation: withRelation ? c.text(EmergencyContactField.relation) : nil, phone: c.text(EmergencyContactField.phone))
            }
        }
    }

    private static func firstName(_ name: String?) -> String {
        name?.split(separator: " ").first.map(String.init) ?? ""
    }

    /// Whether `text` says little more than `sentence`: most of its words are already in it.
    static func repeats(_ text: String, _ sentence: String) -> Bool {
        func words(_ s: String) -> [String] { s.lowercased().split { !$0.isLetter }.map(String.init) }
        let known = Set(words(sentence))
        let own = words(text)
        return !own.isEmpty && Double(own.filter(known.contains).count) / Double(own.count) >= 0.7
    }

    /// A worker's text as a sentence: a capital first letter and a full stop.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return trimmed }
        let capitalised = first.uppercased() + trimmed.dropFirst()
        return ".!?".contains(capitalised.last ?? ".") ? capitalised : capitalised + "."
    }

    /// A worker's text inside a sentence: no full stop at the end.
    static func unsentenced(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while t.last == "." { t.removeLast() }
        return t
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension Messages {
    /// `nazorg family show`: the plan as text for the worker who asked to read it. These lines carry what the
    /// plan says (names, texts), as the view shows the plan; a line's layout (indents, ids first) is for
    /// reading on a terminal.
    public enum PlanView {
        public static let anotherOrganisation = "een andere organisatie"
        public static func conflictMark(_ fields: [String]) -> String { "  [CONFLICT: \(fields.joined(separator: ", "))]" }

        // MARK: The family and the regisseur

        public static func coreNotShared(_ family: String) -> String { "Gezin \(family) — naam, fase en gemeente: \(Output.notShared)" }
        public static let regisseurNotShared = "Regisseur: \(Output.notShared)"
        public static let unnamedFamily = "Gezin"
        public static func familyHead(_ name: String, id: String, phase: String, municipality: String?, secretAddress: Bool) -> String {
            "\(name) — gezin \(id), fase \(phase)" + (municipality.map { ", gemeente \($0)" } ?? "")
                + (secretAddress ? ", GEHEIM ADRES" : "")
        }
        public static func regisseur(
            _ name: String, organisation: String, from: String, until: String?, function: String?, municipality: String?, escalation: String?
        ) -> String {
            "Regisseur: \(name) (\(organisation)) vanaf \(from)" + (until.map { " tot en met \($0)" } ?? "") + (function.map { ", \($0)" } ?? "")
                + (municipality.map { ", gemeente \($0)" } ?? "") + (escalation.map { "; escalatie: \($0)" } ?? "")
        }
        public static let noRegisseur = "Regisseur: NIET BENOEMD"

        // MARK: Members and organisations

        public static let membersHeading = "Gezinsleden"
        public static func member(_ id: String, name: String, role: String) -> String { "  \(id)  \(name) — \(role)" }
        public static func bornOn(_ day: String) -> String { ", geboren \(day)" }
        public static let authority = ", gezag"
        public static let leftBehind = ", ACHTERGEBLEVEN (niet meegekomen naar de opvang)"
        public static func joinedHousehold(_ day: String) -> String { ", bij het huishouden sinds \(day)" }
        public static let plainLanguage = ", EENVOUDIGE TAAL"
        public static func language(_ language: String) -> String { ", taal: \(language)" }
        public static func currentRisk(_ level: String, on day: String) -> String { ", risico \(level) (\(day))" }
        public static let organisationsHeading = "Betrokken organisaties"
        public static func organisation(_ id: String, name: String, role: String?, onlyFor member: String?) -> String {
            "  \(id)  \(name)" + (role.map { " — \($0)" } ?? "") + (member.map { " (alleen bij \($0))" } ?? "")
        }
        public static func regionMove(on day: String, from: String, to: String, region: String?) -> String {
            "Verhuisd op \(day) van \(from) naar \(to)" + (region.map { " (regio \($0))" } ?? "")
        }

        // MARK: Safety

        public static let safetyHeading = "Veiligheidsplan"
        public static func highRisk(_ id: String, category: String, since: String, agreements: String?) -> String {
            "  HOOG RISICO \(id): \(category) sinds \(since)" + (agreements.map { "; afspraken: \($0)" } ?? "")
        }
        public static func measure(_ id: String, kind: String, what: String?) -> String {
            "  maatregel \(id): \(kind)" + (what.map { " — \($0)" } ?? "")
        }
        public static func signal(_ id: String, what: String, action: String?) -> String {
            "  signaal \(id): \(what)" + (action.map { " → \($0)" } ?? "")
        }
        public static func emergencyContact(_ id: String, name: String, phone: String?, relation: String?) -> String {
            "  noodcontact \(id): \(name)" + (phone.map { ", \($0)" } ?? "") + (relation.map { " (\($0))" } ?? "")
        }
        public static func riskStep(_ level: String, on day: String, instrument: String) -> String { "\(level) (\(day), \(instrument))" }
        public static func riskHistory(of member: String, _ steps: [String]) -> String {
            "  risicotaxatie \(member): \(steps.joined(separator: " → "))"
        }

        // MARK: Goals

        public static let goalsHeading = "Doelen per leefgebied"
        public static func goal(_ id: String, status: String, what: String, responsible: String?) -> String {
            "    \(id) [\(status)] \(what)" + (responsible.map { " — \($0)" } ?? "")
        }
        public static func action(_ id: String, status: String, what: String, deadline: String?) -> String {
            "      actie \(id) [\(status)] \(what)" + (deadline.map { ", uiterlijk \($0)" } ?? "")
        }
        public static func stagnation(_ id: String, domain: String, since: String, what: String, escalatedTo: String?, resolved: String?) -> String {
            "  stagnatie \(id) (\(domain), sinds \(since)): \(what)" + (escalatedTo.map { "; geëscaleerd naar \($0)" } ?? "")
                + (resolved.map { "; opgelost \($0)" } ?? "")
        }

        // MARK: Children

        public static let childrenHeading = "Kinderen"
        public static func child(_ name: String, id: String, born: String?, school: String?, schoolStart: String?, referralIndex: Bool?) -> String {
            "  \(name) (\(id))" + (born.map { ", geboren \($0)" } ?? "") + (school.map { ": school \($0)" } ?? "")
                + (schoolStart.map { ", gestart \($0)" } ?? "") + (referralIndex.map { ", VIR \(Dutch.yesNo($0))" } ?? "")
        }
        public static func contactArrangement(_ text: String) -> String { "    omgang: \(text)" }
        public static func arrangementKind(_ kind: String, since: String?) -> String {
            "    vorm van de omgang: \(kind)" + (since.map { " sinds \($0)" } ?? "")
        }
        public static func childProtection(_ kind: String, from: String, until: String?, institution: String, guardian: String?) -> String {
            "    \(kind) vanaf \(from)" + (until.map { " tot en met \($0)" } ?? "") + ", \(institution)"
                + (guardian.map { ", gezinsvoogd \($0)" } ?? "")
        }
        public static func schoolChanges(_ n: Int) -> String { "    schoolwissels: \(n)" }
        public static func schoolChange(on day: String, to school: String, arrived: String, handedOver: Bool) -> String {
            "      \(day) naar \(school) (aangekomen \(arrived); overdracht tussen de scholen: \(Dutch.yesNo(handedOver)))"
        }
        public static func ownVoice(_ text: String) -> String { "    stem van het kind: \(text)" }

        // MARK: Health, money, aftercare, journal

        public static let healthHeading = "Gezondheid"
        public static func care(_ id: String, kind: String, provider: String, member: String, status: String, since: String?) -> String {
            "  \(id) \(kind) bij \(provider) voor \(member): \(status)" + (since.map { " sinds \($0)" } ?? "")
        }
        public static let financeHeading = "Financiën en administratie"
        public static func finance(_ id: String, kind: String, agency: String?, status: String, since: String?) -> String {
            "  \(id) \(kind)" + (agency.map { " (\($0))" } ?? "") + ": \(status)" + (since.map { " sinds \($0)" } ?? "")
        }
        public static let aftercareHeading = "Nazorg"
        public static func aftercare(
            _ id: String, mode: String, from: String, to: String, sessions: Int64?, frequency: String?, closed: String?, reason: String?,
            noHandoverBecause: String?
        ) -> String {
            "  \(id) \(mode) van \(from) tot \(to)" + (sessions.map { ", \($0) gesprekken" } ?? "") + (frequency.map { ", \($0)" } ?? "")
                + (closed.map { day in "; afgesloten \(day)" + (reason.map { " (\($0))" } ?? "") } ?? "")
                + (noHandoverBecause.map { "; geen warme overdracht: \($0)" } ?? "")
        }
        public static func threeMonthEvaluation(done: Bool, due: String) -> String {
            "  3-maandenevaluatie: \(done ? "gedaan" : "gepland op \(due)")"
        }
        public static let aftercareNotStarted = "  nog niet gestart"
        public static func evaluation(on day: String, kind: String, outcome: String) -> String { "  evaluatie \(day) (\(kind)): \(outcome)" }
        public static func selfReliance(on day: String, scores: [String]) -> String { "  ZRM \(day): \(scores.joined(separator: ", "))" }
        public static let journalHeading = "Contactjournaal"
        public static func childrenSeen(_ seen: Bool) -> String { seen ? "kinderen gezien" : "kinderen niet gezien" }
        public static func safetyDiscussed(_ discussed: Bool) -> String { discussed ? "veiligheid besproken" : "veiligheid niet besproken" }
        public static func contact(on day: String, mode: String, marks: [String], report: String) -> String {
            "  \(day) \(mode)" + (marks.isEmpty ? "" : " [\(marks.joined(separator: ", "))]") + ": \(report)"
        }

        // MARK: Attention

        public static func attentionHeading(empty: Bool) -> String { empty ? "Aandachtspunten: geen" : "Aandachtspunten" }
        public static let missedHeading = "Niet op tijd (vastgelegd, voor de evaluatie)"
        public static func missedEarlier(_ rule: String, times: Int) -> String { "  - \(rule): en \(times) keer eerder" }
        public static let notAssessedHeading = "Niet beoordeeld: niet gedeeld met deze organisatie"
        public static func notAssessed(_ rule: String, id: String, sections: [String]) -> String {
            "  - \(rule) (\(id); niet gedeeld: \(sections.joined(separator: ", ")))"
        }
    }
}

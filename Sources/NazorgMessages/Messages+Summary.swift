extension Messages {
    /// The handover summary (`nazorg handover show`): the document a receiving worker reads without tools.
    /// Unlike errors, these sentences carry what the plan says (names, texts): the summary shows the plan to the
    /// worker it was handed over to, who asked to read it.
    public enum Summary {
        public static let documentTitle = "Warme overdracht"
        public static func title(_ family: String) -> String { "Warme overdracht: \(family)" }
        public static func unnamedFamily(_ short: String) -> String { "gezin \(short)" }
        public static func childSection(_ child: String) -> String { "deel van kind \(child)" }
        public static func fromTo(sender: String, worker: String, recipient: String, day: String, bundle: String) -> String {
            "Van \(sender) (\(worker)) aan \(recipient), \(day). Bundel \(bundle)."
        }
        public static let aMember = "een gezinslid"
        public static func consentBasis(givers: [String], form: String, purpose: String, from: String, until: String?) -> String {
            "Grondslag: toestemming van \(givers.joined(separator: " en ")) (\(form)), voor: \(purpose), geldig vanaf \(from)"
                + (until.map { " tot en met \($0)" } ?? "") + "."
        }
        public static func overrideBasis(ground: String, decidedBy: String, on day: String, why: String) -> String {
            "Grondslag: doorbreking van het beroepsgeheim (\(ground)), besloten door \(decidedBy) op \(day). Waarom: \(why)"
        }
        public static func motherNotInformed(_ why: String) -> String { "De moeder is vooraf niet geïnformeerd: \(why)" }
        public static func moving(to place: String) -> String {
            "Het gezin verhuist naar \(place): een nieuwe veiligheidstaxatie is nodig, en de regisseur komt uit de nieuwe gemeente."
        }
        public static let noRegisseur = "Er is geen regisseur benoemd: het gezin dreigt uit beeld te raken. Spreek af wie de regie heeft."
        public static func absent(_ who: [String]) -> String {
            "Niet bij het overdrachtsgesprek: \(who.joined(separator: ", ")). Een warme overdracht is een gesprek met de cliënt en de hulpverleners van beide organisaties."
        }
        public static func incompleteBecause(_ reason: String) -> String {
            "De afzender heeft vastgelegd waarom de overdracht onvolledig is: \(reason)"
        }
        public static let letOp = "Let op:"

        // MARK: Headings

        public static let meetingHeading = "Het overdrachtsgesprek"
        public static let familyHeading = "Het gezin"
        public static let regisseurHeading = "Regisseur"
        public static let organisationsHeading = "Betrokken organisaties"
        public static let safetyHeading = "Veiligheidsplan"
        public static let measuresHeading = "Wat er geregeld is"
        public static let signalsHeading = "Als je dit merkt, doe dan dit"
        public static let contactsHeading = "Wie je belt in nood"
        public static let riskHeading = "Risicotaxatie"
        public static let goalsHeading = "Doelen per leefgebied"
        public static let aftercareHeading = "Nazorg"
        public static let stagnationHeading = "Waar de hulp stagneert"
        public static let childrenHeading = "De kinderen"
        public static let contextHeading = "Persoonlijke context"
        public static let agreementsHeading = "Afspraken met ketenpartners"
        public static let contactHeading = "Contactpersoon"
        public static let withheldHeading = "Niet overgedragen"
        public static let safetyFirstHeading = "Eerst de veiligheid"

        // MARK: The meeting and the family

        public static func meeting(on day: String, mode: String, attended: [String]) -> String {
            "\(day), \(mode). Aanwezig: \(attended.isEmpty ? "niemand vastgelegd" : attended.joined(separator: ", "))."
        }
        public static func municipality(_ place: String) -> String { "gemeente \(place)" }
        public static let secretAddressShort = "GEHEIM ADRES: geef het adres aan niemand"
        public static func member(_ name: String, role: String, born: String?, authority: Bool, addedAfterDeparture: Bool) -> String {
            "\(name), \(role)" + (born.map { ", geboren \($0)" } ?? "") + (authority ? ", met ouderlijk gezag" : "")
                + (addedAfterDeparture ? " (na vertrek bijgekomen: opnieuw taxeren)" : "")
        }
        public static func regisseur(_ name: String, organisation: String, from: String, until: String?) -> String {
            "\(name) (\(organisation)), vanaf \(from)" + (until.map { " tot en met \($0)" } ?? "") + "."
        }
        public static func escalation(_ text: String?) -> String { "Escalatie: \(text ?? "niet vastgelegd")." }
        public static let notAppointed = "Niet benoemd."
        public static func organisation(_ name: String, role: String?, contact: String?, onlyFor member: String?) -> String {
            name + (role.map { ": \($0)" } ?? "") + (contact.map { " (contact: \($0))" } ?? "") + (member.map { ", alleen voor \($0)" } ?? "")
        }

        // MARK: Safety

        public static func measure(_ kind: String, what: String?, member: String?, agreedWith: String?) -> String {
            kind + (what.map { ": \($0)" } ?? "") + (member.map { " (voor \($0))" } ?? "") + (agreedWith.map { ", afgesproken met \($0)" } ?? "")
        }
        public static let noMeasures = "Geen maatregelen vastgelegd."
        public static let defaultSignalAction = "bel de regisseur of Veilig Thuis (0800-2000)"
        public static func signal(_ what: String, member: String?, action: String) -> String {
            "Als je merkt: \(what)" + (member.map { " (bij \($0))" } ?? "") + " — doe dan: \(action)"
        }
        public static func emergencyContact(_ name: String, phone: String?, relation: String?) -> String {
            name + (phone.map { ", \($0)" } ?? "") + (relation.map { " (\($0))" } ?? "")
        }
        public static func risk(of member: String?, level: String, on day: String, instrument: String, organisation: String?) -> String {
            (member.map { "\($0): " } ?? "") + "\(level) op \(day) (\(instrument)" + (organisation.map { ", \($0)" } ?? "") + ")"
        }
        public static let secretAddress = "GEHEIM ADRES: geef het adres aan niemand, ook niet aan familie of instanties zonder toestemming."
        public static func contactBan(_ what: String?) -> String { "Contactverbod" + (what.map { ": \($0)" } ?? "") + "." }
        public static func restrainingOrder(_ what: String?) -> String { "Huisverbod" + (what.map { ": \($0)" } ?? "") + "." }
        public static func pickUp(_ what: String?) -> String { "Ophalen van de kinderen" + (what.map { ": \($0)" } ?? "") + "." }
        public static func awareAlarm(_ what: String?) -> String { "AWARE-alarm" + (what.map { ": \($0)" } ?? "") + "." }
        public static func highRisk(_ category: String, agreements: String?) -> String {
            "Hoog risico: \(category)" + (agreements.map { "; afspraken: \($0)" } ?? "") + "."
        }
        public static func whomToCall(_ contacts: [String]) -> String {
            "Bij gevaar: 112. Daarna" + (contacts.isEmpty ? "" : ": " + Dutch.list(contacts) + ";") + " Veilig Thuis 0800-2000."
        }
        public static func riskLevel(_ name: String, level: String, on day: String) -> String { "\(name) \(level) (\(day))" }
        public static func risks(_ levels: [String]) -> String { "Risico: \(levels.joined(separator: ", "))." }

        // MARK: Goals, aftercare and the children

        public static func goal(_ what: String, status: String, responsible: String?, steps: [String]) -> String {
            "\(what) — \(status)" + (responsible.map { ", \($0)" } ?? "") + (steps.isEmpty ? "" : ". Acties: \(steps.joined(separator: "; "))")
        }
        public static func action(_ what: String, who: String?, deadline: String?) -> String {
            what + (who.map { " (\($0))" } ?? "") + (deadline.map { ", uiterlijk \($0)" } ?? "")
        }
        public static func aftercare(_ mode: String, from: String, to: String, frequency: String?, closed: String?) -> String {
            "\(mode) van \(from) tot \(to)" + (frequency.map { ", \($0)" } ?? "") + (closed.map { "; afgesloten op \($0)" } ?? "") + "."
        }
        public static func stagnation(_ domain: String, what: String, since: String, escalatedTo: String?) -> String {
            "\(domain): \(what) sinds \(since)" + (escalatedTo.map { ", geëscaleerd naar \($0)" } ?? "")
        }
        public static func unnamedChild(_ short: String) -> String { "Kind \(short)" }
        public static func school(_ name: String, since: String?) -> String { "School: \(name)" + (since.map { ", sinds \($0)" } ?? "") }
        public static func contactArrangement(_ text: String) -> String { "Omgang met de andere ouder: \(text)" }
        public static func referralIndex(_ registered: Bool) -> String {
            registered ? "Geregistreerd in de Verwijsindex (VIR)" : "Niet geregistreerd in de Verwijsindex (VIR)"
        }
        public static func moves(_ n: Int64) -> String { "Aantal verhuizingen: \(n)" }
        public static func ownVoice(_ text: String) -> String { "Wat het kind zelf zegt: \(text)" }

        // MARK: The rest

        public static let notRecorded = "Niet vastgelegd."
        public static let noAgreements = "Geen afspraken vastgelegd."
        public static let nothingWithheld = "Niets: alle delen die de afzender had, zijn overgedragen."
        public static func withheld(_ section: String, reason: String) -> String { "\(section): \(reason)" }
    }
}

extension Messages {
    /// The Dutch texts of the FHIR export (`nazorg handover export --fhir`): narratives, notes and `text` elements
    /// a receiving system shows its users. Codes and their displays come from the HL7 code systems and stay as
    /// those define them.
    public enum FHIR {
        public static func organisation(_ name: String) -> String { "Organisatie: \(name)" }
        public static let anonymousClient = "Cliënt (de gegevens van het gezin zijn niet gedeeld)"
        public static let aMember = "gezinslid"
        public static let aParent = "ouder"
        public static let theChild = "het kind"
        public static func about(_ member: String?) -> String { "Betreft: \(member ?? "een gezinslid")" }
        public static func member(_ name: String, role: String) -> String { "\(name) (\(role))" }
        public static func authority(_ has: Bool?) -> String {
            has.map { $0 ? "met ouderlijk gezag" : "zonder ouderlijk gezag" } ?? "ouderlijk gezag niet vastgelegd"
        }
        public static func parentRelation(_ role: String, authority: String) -> String { "\(role), \(authority)" }
        public static func parentOf(_ name: String, role: String, child: String, authority: String) -> String {
            "\(name): \(role) van \(child), \(authority)"
        }
        public static func emergencyRelation(_ relation: String?) -> String { "noodcontact" + (relation.map { " (\($0))" } ?? "") }
        public static func emergencyContact(_ name: String) -> String { "Noodcontact: \(name)" }
        public static func assessedBy(_ organisation: String, faceToFace: Bool) -> String {
            "Beoordeeld door \(organisation)" + (faceToFace ? ", in persoon gesproken" : ", niet in persoon gesproken")
        }
        public static func corrects(_ day: String) -> String { "Corrigeert de risicotaxatie van \(day)" }
        public static func correctedBy(_ day: String) -> String { "Gecorrigeerd door de risicotaxatie van \(day)" }
        public static let riskOutcome = "(herhaling van) huiselijk geweld"
        public static func riskAssessment(_ level: String, instrument: String) -> String { "Risicotaxatie: \(level) (\(instrument))" }
        public static let careTeamName = "Regisseur en betrokken organisaties"
        public static let regisseurRole = "regisseur (1 gezin 1 plan)"
        public static func escalation(_ text: String) -> String { "Escalatie en doorzettingsmacht: \(text)" }
        public static func careTeam(_ regisseurs: [String]) -> String { "Regisseur: \(regisseurs.joined(separator: ", "))" }
        public static func goal(_ what: String) -> String { "Doel: \(what)" }
        public static func aftercare(_ mode: String) -> String { "Nazorg: \(mode)" }
        public static func meeting(on day: String, mode: String, attended: [String]) -> String {
            "Overdrachtsgesprek \(day) (\(mode)), aanwezig: \(attended.joined(separator: ", "))"
        }
        public static func personalContext(_ text: String) -> String { "Persoonlijke context: \(text)" }
        public static func agreement(_ text: String) -> String { "Ketenafspraak: \(text)" }
        public static let familyPlan = "Gezinsplan (1 gezin 1 plan)"
        public static let aMeasure = "maatregel"
        public static func measure(_ kind: String, what: String?) -> String { kind + (what.map { ": \($0)" } ?? "") }
        public static let defaultSignalAction = "overleg met de regisseur"
        public static func signal(_ what: String, action: String) -> String { "Bij signaal '\(what)': \(action)" }
        public static let safetyPlan = "Veiligheidsplan"
        public static let defaultPurpose = "vervolghulp"
        public static func consent(_ purpose: String) -> String { "Toestemming: \(purpose)" }
        public static func consentReason(_ id: String, purpose: String) -> String { "toestemming \(id): \(purpose)" }
        public static func overrideReason(ground: String, why: String) -> String { "doorbreking beroepsgeheim (\(ground)): \(why)" }
        public static func activity(bundle: String) -> String { "warme overdracht (bundel \(bundle))" }
        public static func provenance(from sender: String, to recipient: String) -> String { "Warme overdracht van \(sender) aan \(recipient)" }
        public static let otherParent = "andere ouder (van de kinderen)"
    }
}

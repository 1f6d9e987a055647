extension Messages {
    /// The `nazorg` command's own checks of what was typed.
    public enum CLI {
        // Passphrase prompts.
        public static let profilePassphrase = "Wachtwoordzin voor dit profiel: "
        public static let newProfilePassphrase = "Nieuwe wachtwoordzin voor dit profiel: "
        public static let organisationPassphrase = "Wachtwoordzin van de organisatiesleutel: "
        public static let newOrganisationPassphrase = "Nieuwe wachtwoordzin voor de organisatiesleutel: "
        public static let passphraseAgain = "Nogmaals: "
        public static let giveAField = "geef minstens één veld om te wijzigen"
        public static func cannotReadPassphraseFile(_ path: String) -> String {
            "kan NAZORG_PASSPHRASE_FILE (\(path)) niet lezen; controleer het pad en de rechten"
        }
        public static let passphraseFileEmpty = "NAZORG_PASSPHRASE_FILE is leeg"
        public static let noPassphrase =
            "geen wachtwoordzin: start nazorg in een terminal, of zet NAZORG_PASSPHRASE_FILE op een bestand dat haar bevat"
        public static let passphrasesDiffer = "de twee wachtwoordzinnen verschillen; er is niets aangemaakt"
        public static let noPassphraseEntered = "er is geen wachtwoordzin ingevoerd"
        public static func oneOf(_ option: String, _ codes: [String]) -> String {
            "\(option) moet een van deze zijn: \(codes.joined(separator: ", "))"
        }
        public static func textLength(_ option: String, max: Int) -> String { "\(option) moet 1 tot \(max) tekens lang zijn" }
        public static func notADate(_ option: String, _ text: String) -> String {
            "\(option) moet een bestaande datum zijn (JJJJ-MM-DD of 1 maart 2026), niet '\(text)'"
        }
        public static func fromAfterUntil(_ from: String, _ until: String) -> String { "--van (\(from)) ligt na --tot (\(until))" }
        public static func horizon(_ value: Int) -> String { "--horizon moet tussen 1 en 3650 dagen liggen, niet \(value)" }
        public static func unknownRule(_ name: String, _ rules: [String]) -> String {
            "onbekende regel '\(name)'; de regels: \(rules.joined(separator: ", "))"
        }
        public static let giveServer = "geef de synchronisatieserver met --server http://host:poort of met $NAZORG_SERVER"
        public static func notADeviceID(_ option: String) -> String { "\(option) moet een apparaat-id zijn (32 hexadecimale tekens)" }
        public static let oneBasis = "geef precies één grondslag: --toestemming ID of --doorbreking ID"
        public static let bundleOrFile = "geef het id van een pakket of --bestand BESTAND, niet allebei"
        public static func cannotRead(_ path: String) -> String { "kan \(path) niet lezen; controleer het pad en de rechten" }
        public static let notSendingNeedsFile = "--niet-versturen vraagt --bestand BESTAND"
        public static func bundleKept(_ message: String, bundle: String) -> String {
            "\(message); het pakket is bewaard: verstuur het opnieuw met 'nazorg handover send \(bundle)'"
        }
        public static func bundleNotMadeHere(_ id: String) -> String { "pakket \(id) is niet op dit apparaat gemaakt" }
        public static let giveFHIR = "geef --fhir: FHIR R4 is de vorm van de export"
    }
}

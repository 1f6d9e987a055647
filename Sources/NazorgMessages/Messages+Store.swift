extension Messages {
    /// The local store: the profile's SQLite file, its lock and its keys.
    public enum Store {
        /// What the store was doing when SQLite or the file system failed.
        public enum Activity: String, Sendable, CaseIterable {
        case acknowledgingPushedItems = "verstuurde items bevestigen"
        case adoptingAFamily = "een gezin overnemen"
        case applyingChanges = "wijzigingen verwerken"
        case cachingADeviceCertificate = "een apparaatcertificaat bewaren"
        case computingADigest = "een samenvatting van de wijzigingen berekenen"
        case countingConflicts = "conflicten tellen"
        case creatingAFamily = "een gezin aanmaken"
        case hashingTheState = "de toestand controleren"
        case keepingAHandoverBundle = "een overdrachtspakket bewaren"
        case keepingShareLogLeaves = "regels van het deellogboek bewaren"
        case listingFamilies = "de gezinnen opsommen"
        case markingShareLogEntriesSent = "regels van het deellogboek als verstuurd markeren"
        case markingShareLogEntriesToSendAgain = "regels van het deellogboek opnieuw klaarzetten"
        case queueingKeyGrants = "sleuteltoekenningen klaarzetten"
        case queueingReKeyGrants = "nieuwe sleuteltoekenningen klaarzetten"
        case reQueueingChanges = "wijzigingen opnieuw klaarzetten"
        case readingAFamily = "een gezin lezen"
        case readingAHandoverBundle = "een overdrachtspakket lezen"
        case readingCachedDeviceCertificates = "bewaarde apparaatcertificaten lezen"
        case readingChangesForAPeer = "wijzigingen voor een ander apparaat lezen"
        case readingMetadata = "gegevens over het profiel lezen"
        case readingSectionKeys = "sleutels van onderdelen lezen"
        case readingTheChangeLog = "de wijzigingen lezen"
        case readingTheGrantOutbox = "de klaargezette sleuteltoekenningen lezen"
        case readingTheHandoverBundles = "de overdrachtspakketten lezen"
        case readingTheKeystore = "de sleutelopslag lezen"
        case readingTheOutbox = "de klaargezette wijzigingen lezen"
        case bundlingTheOutbox = "de klaargezette wijzigingen per onderdeel bundelen"
        case readingThePlan = "het gezinsplan lezen"
        case readingTheReKeyQueue = "de wachtrij voor nieuwe sleutels lezen"
        case readingTheShareLog = "het deellogboek lezen"
        case readingTheShareLogCopy = "de kopie van het deellogboek lezen"
        case readingTheVersionVector = "de versiestand lezen"
        case recordingAReceipt = "een ontvangstbevestiging vastleggen"
        case savingTheEdit = "de wijziging opslaan"
        case savingTheShareLogCopy = "de kopie van het deellogboek opslaan"
        case storingASectionKey = "een sleutel van een onderdeel opslaan"
        case writingMetadata = "gegevens over het profiel schrijven"
        case writingTheKeystore = "de sleutelopslag schrijven"
        case writingTheShareLog = "het deellogboek schrijven"
        }

        public static func failed(_ activity: Activity, _ cause: String) -> String {
            "\(activity.rawValue) is mislukt: \(cause)"
        }
        public static func sqliteError(_ code: some BinaryInteger, _ name: String) -> String { "SQLite-fout \(code) (\(name))" }
        public static func cannotCreateDirectory(_ path: String) -> String { "kan de profielmap \(path) niet aanmaken" }
        public static func cannotOpen(_ path: String, _ cause: String) -> String { "kan de opslag \(path) niet openen: \(cause)" }
        public static func cannotOpenLock(_ path: String, _ cause: String) -> String {
            "kan het slotbestand \(path) niet openen: \(cause)"
        }
        public static func profileBusy(_ lockPath: String) -> String {
            "een ander nazorg-proces gebruikt dit profiel (\(lockPath)); wacht tot het klaar is en probeer het opnieuw"
        }
        public static let notUnlocked = "de opslag is op slot; ontgrendel eerst het profiel"
        public static let hasKeys = "dit profiel heeft al apparaatsleutels; kies een andere map met --profile"
        public static func noHandoverBundle(_ id: String) -> String { "geen overdrachtspakket \(id) op dit apparaat" }
        public static func logEntryUnreadable(_ sequence: some BinaryInteger) -> String {
            "regel \(sequence) van het deellogboek op dit apparaat is niet te ontsleutelen"
        }
        public static func changeByUnknownDevice(_ change: String, device: String) -> String {
            "wijziging \(change) is gemaakt door apparaat \(device), dat hier niet bekend is"
        }
        public static func noKeyForChange(_ change: String) -> String {
            "geen sleutel op dit apparaat voor het deel van wijziging \(change)"
        }
        public static let badChangeRowID = "een opgeslagen wijziging heeft een id dat geen 16 bytes lang is"
        public static func bundleImportedBefore(_ id: String) -> String { "overdrachtspakket \(id) is al eerder ingelezen" }
        public static func entityUnreadable(_ id: String) -> String {
            "de opgeslagen gegevens van \(id) zijn niet te ontsleutelen of te lezen"
        }
        public static func familyExists(_ id: String) -> String { "gezin \(id) bestaat al in dit profiel" }
        public static func noFamily(_ id: String) -> String { "geen gezin \(id) in dit profiel" }
        public static func familyKeyUnreadable(_ id: String) -> String {
            "de sleutel van gezin \(id) is niet te ontsleutelen"
        }
        public static let sectionKeyMalformed = "een opgeslagen sleutel van een onderdeel is beschadigd"
        public static func sectionKeyUnreadable(_ id: String) -> String {
            "een sleutel van een onderdeel van gezin \(id) is niet te ontsleutelen"
        }
    }
}

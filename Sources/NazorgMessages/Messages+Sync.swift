extension Messages {
    /// The sync core: changes, batches, key grants, certificates, handover bundles and share-log entries
    /// that do not verify, decrypt or decode. They reach a worker when another party's bytes are wrong.
    public enum Sync {
        /// The sensitivity every share-log entry records (NEN 7513): a family plan is special-category data.
        /// Signed into each entry: changing it changes what new entries say, never the old ones.
        public static let specialCategory = "bijzonder persoonsgegeven (AVG art. 9)"
        /// What a decoder was reading when the bytes ran out or made no sense.
        public enum Encoded: String, Sendable, CaseIterable {
            case batch = "pakket wijzigingen"
            case changeBody = "inhoud van een wijziging"
            case change = "wijziging"
            case entityHistory = "geschiedenis van een record"
            case entityState = "toestand van een record"
            case handoverContents = "inhoud van een overdrachtspakket"
            case handover = "overdrachtspakket"
            case keyGrant = "sleuteltoekenning"
            case logEntry = "regel van het deellogboek"
            case logLeaf = "blad van het deellogboek"
            case versionVector = "versiestand"
        }

        /// What a decoder was counting when a count was larger than allowed.
        public enum Counted: String, Sendable, CaseIterable {
            case byteLength = "lengte in bytes"
            case chainCount = "aantal reeksen wijzigingen"
            case deviceCount = "aantal apparaten"
            case devices = "apparaten"
            case entityCount = "aantal records"
            case fieldCount = "aantal velden"
            case fieldNameCount = "aantal veldnamen"
            case historyCount = "lengte van de geschiedenis"
            case predecessorCount = "aantal voorgangers"
            case registerCount = "aantal veldwaarden"
            case stringLength = "lengte van een tekst"
            case valueCount = "aantal waarden"
        }

        /// What an index in a change body points into.
        public enum Indexed: String, Sendable, CaseIterable {
            case entity = "record"
            case fieldName = "veldnaam"
            case device = "apparaat"
            case recordKind = "soort record"
        }

        // Decoding
        public static func decodeFailed(_ what: Encoded, _ detail: String, at offset: some BinaryInteger) -> String {
            "\(what.rawValue): \(detail) bij byte \(offset)"
        }
        public static let unexpectedEnd = "de gegevens houden onverwacht op"
        public static let varintTooLong = "een getal is te lang gecodeerd"
        public static func countTooLarge(_ what: Counted, _ value: some BinaryInteger, limit: some BinaryInteger) -> String {
            "\(what.rawValue) \(value) is groter dan het maximum van \(limit)"
        }
        public static func stringTooLong(_ count: some BinaryInteger, remaining: some BinaryInteger) -> String {
            "een tekst van \(Dutch.count(count, "byte", "bytes")) is langer dan de \(remaining) die nog over zijn"
        }
        public static let invalidUTF8 = "een tekst is geen geldige UTF-8"
        public static func trailingBytes(_ count: some BinaryInteger) -> String {
            "\(Dutch.count(count, "onverwachte byte", "onverwachte bytes")) aan het eind"
        }
        public static func unsupportedVersion(_ what: Encoded, _ version: some BinaryInteger, reads: some BinaryInteger) -> String {
            "versie \(version) van deze \(what.rawValue) kent deze versie van Nazorg niet (zij leest \(reads)); werk Nazorg bij"
        }
        public static let historyFormatUnsupported = "deze opslagvorm van de geschiedenis kent deze versie van Nazorg niet"
        public static let historyNamesUnknownRegister = "de geschiedenis van een record noemt een veld dat het record niet heeft"
        public static let historyDeviceTwice = "de geschiedenis van een veld noemt hetzelfde apparaat twee keer"
        public static let predecessorNotOlder = "een wijziging zegt een schrijfactie te vervangen die niet ouder is dan zijzelf"
        public static let booleanInvalid = "een ja/nee-waarde is geen 0 of 1"
        public static func unknownValueTag(_ tag: some BinaryInteger) -> String { "onbekende soort waarde \(tag)" }

        // Batches and changes
        public static func batchTooLarge(bytes: some BinaryInteger, limit: some BinaryInteger) -> String {
            "een pakket van \(Dutch.count(bytes, "byte", "bytes")) is groter dan het maximum van \(limit)"
        }
        public static func batchTooManyItems(_ count: some BinaryInteger, limit: some BinaryInteger) -> String {
            "een pakket van \(Dutch.count(count, "item", "items")) is groter dan het maximum van \(limit)"
        }
        public static let notABatch = "dit is geen pakket wijzigingen van Nazorg (verkeerd begin)"
        public static func unknownItemKind(_ kind: some BinaryInteger) -> String { "onbekende soort item \(kind)" }
        public static func batchItem(_ index: some BinaryInteger, _ message: String) -> String { "item \(index) van het pakket: \(message)" }
        public static let bodyWithoutAuthor = "de inhoud van een wijziging begint niet met de maker"
        public static func indexOutOfRange(_ what: Indexed, _ index: some BinaryInteger, count: some BinaryInteger) -> String {
            "de inhoud van een wijziging verwijst naar \(what.rawValue) \(index) van \(count)"
        }
        public static let factFieldTwice = "een vastgelegd feit noemt een veld twee keer"
        public static func unknownOpKind(_ kind: some BinaryInteger) -> String { "onbekende soort bewerking \(kind)" }
        public static func opCount(max: some BinaryInteger, got: some BinaryInteger) -> String {
            "een wijziging bevat 1 tot \(max) bewerkingen; deze zegt \(got)"
        }
        public static let sequenceStartsAtOne = "de volgnummers van wijzigingen beginnen bij 1"
        public static let sequenceTooLarge = "een volgnummer van een wijziging is hoogstens 2^63 - 1"
        public static let timestampsOverflow = "de tijdstempels van een wijziging lopen over"
        public static let lastBeforeFirst = "de kop van een wijziging noemt een laatste tijdstempel die niet past bij de eerste en het aantal bewerkingen"
        public static let opTimestampsNotRising = "de tijdstempels van de bewerkingen in een wijziging stijgen niet of passen niet bij de kop"
        public static func opCountUnsigned(max: some BinaryInteger) -> String {
            "een wijziging bevat 1 tot \(max) bewerkingen en de kop moet ze tellen"
        }
        public static func changeTooLarge(bytes: some BinaryInteger, limit: some BinaryInteger) -> String {
            "een wijziging van \(Dutch.count(bytes, "byte", "bytes")) is groter dan het maximum van \(limit)"
        }
        public static func ciphertextLength(_ length: some BinaryInteger) -> String {
            "de versleutelde lengte \(length) van een wijziging past niet bij de gegevens"
        }
        public static func changeNotSigned(_ change: String, author: String) -> String {
            "wijziging \(change) is niet ondertekend door het apparaat \(author) dat haar zou hebben gemaakt"
        }
        public static func changeDoesNotDecrypt(_ change: String, epoch: some BinaryInteger) -> String {
            "wijziging \(change) is niet te ontsleutelen met de sleutel van haar onderdeel en sleutelperiode \(epoch)"
        }
        public static func chainNamedTwice(_ device: String) -> String {
            "versiestand: de wijzigingen van apparaat \(device) staan er twee keer in"
        }

        // Clock
        public static let clockExhausted = "de klok van de wijzigingen kan niet verder"
        public static func clockAhead(_ millis: some BinaryInteger, limit: some BinaryInteger) -> String {
            "een wijziging is \(millis) ms later gestempeld dan de klok van dit apparaat aangeeft (maximum \(limit) ms); controleer de klok"
        }

        // Request signatures and queries
        public static func headerMissing(_ name: String) -> String {
            "de kop \(name) ontbreekt: verzoeken moeten zijn ondertekend door een geregistreerd apparaat"
        }
        public static func headerNotDevice(_ name: String) -> String { "\(name) is geen apparaat-id (32 hexadecimale tekens)" }
        public static func headerNotTime(_ name: String) -> String {
            "\(name) is geen tijd (milliseconden sinds 1970, hoogstens 15 cijfers)"
        }
        public static func headerNotNonce(_ name: String) -> String { "\(name) moet uit 32 hexadecimale tekens bestaan" }
        public static func headerNotHash(_ name: String) -> String { "\(name) is geen BLAKE2b-256-hash in base64" }
        public static func headerNotSignature(_ name: String) -> String { "\(name) is geen Ed25519-handtekening in base64" }
        public static func clockSkew(minutes: some BinaryInteger) -> String {
            "de tijd van het verzoek wijkt meer dan \(minutes) minuten af van de klok van de server; controleer de klok van het apparaat"
        }
        public static func queryTooLong(_ limit: some BinaryInteger) -> String { "de zoekparameters zijn langer dan \(limit) bytes" }
        public static let queryNotUTF8 = "de zoekparameters zijn geen geldige UTF-8 met procentcodering"
        public static func queryTwice(_ name: String) -> String { "de zoekparameters noemen \(name) twee keer" }
        public static func queryNeeds(_ name: String) -> String { "de zoekparameters missen \(name)" }
        public static func queryNeedsID(_ name: String) -> String { "de zoekparameters missen \(name) (32 hexadecimale tekens)" }
        public static func queryRange(_ name: String, _ lower: some BinaryInteger, _ upper: some BinaryInteger) -> String {
            "\(name) moet een geheel getal van \(lower) tot en met \(upper) zijn"
        }
        public static func queryNotID(_ name: String) -> String { "\(name) moet uit 32 kleine hexadecimale tekens bestaan" }
        public static let aParameter = "een parameter"

        // Key grants
        public static let grantBasisMismatch =
            "een sleuteltoekenning noemt een toestemming of doorbreking precies dan als zij met een andere organisatie deelt"
        public static func grantTooLarge(_ bytes: some BinaryInteger) -> String {
            "een sleuteltoekenning van \(Dutch.count(bytes, "byte", "bytes")) is te groot"
        }
        public static func grantBasisUnknown(_ raw: some BinaryInteger) -> String { "onbekende grondslag \(raw) in een sleuteltoekenning" }
        public static let grantTooShort = "een sleuteltoekenning is te kort"
        public static func grantNotSigned(_ device: String) -> String {
            "een sleuteltoekenning is niet ondertekend door het apparaat \(device) dat haar gaf"
        }
        public static func grantNotForThisDevice(epoch: some BinaryInteger) -> String {
            "een sleuteltoekenning voor sleutelperiode \(epoch) is niet voor dit apparaat"
        }
        public static let grantContentsMalformed = "een geopende sleuteltoekenning is beschadigd"

        // Certificates
        public static func certificateVersion(_ version: some BinaryInteger) -> String {
            "versie \(version) van dit apparaatcertificaat kent deze versie van Nazorg niet (zij leest 1, 2 en 3); werk Nazorg bij"
        }
        public static func certificateWrongDevice(_ device: String) -> String {
            "het certificaat noemt apparaat \(device), maar dat is niet het id van zijn ondertekensleutel"
        }
        public static func certificateWrongOrganisation(_ issuer: String, expected: String) -> String {
            "het certificaat is van organisatie \(issuer), niet van \(expected)"
        }
        public static let certificateWithoutCommitment = "het certificaat mist de vastlegging van de naam van de medewerker"
        public static let certificateWorkerChanged =
            "de naam van de medewerker in het certificaat is niet de naam die de organisatie ondertekende"
        public static let certificateWorkerWithoutSalt =
            "het certificaat noemt een medewerker zonder het zout dat de organisatie ondertekende"
        public static func certificateSignature(_ organisation: String) -> String {
            "de handtekening op het certificaat klopt niet met de sleutel van organisatie \(organisation)"
        }
        public static func certificateNotValidNow(from: String, until: String) -> String {
            "het certificaat is nu niet geldig (geldig van \(from) tot en met \(until)); vraag de beheerder om een nieuw certificaat"
        }
        public static let beforeYearOne = "vóór het jaar 1"
        public static let afterYear9999 = "na het jaar 9999"
        public static func revocationNotSigned(_ device: String) -> String {
            "de intrekking van apparaat \(device) is niet ondertekend door zijn organisatie"
        }

        // Handover bundles and receipts
        public static func bundleSlots(max: some BinaryInteger, got: some BinaryInteger) -> String {
            "een overdrachtspakket wordt verzegeld voor 1 tot \(max) apparaten, niet voor \(got)"
        }
        public static let certificateNotOfSigner = "het certificaat hoort niet bij de ondertekensleutel"
        public static func bundleWouldBeTooLarge(_ bytes: some BinaryInteger, limit: some BinaryInteger) -> String {
            "het overdrachtspakket zou \(Dutch.count(bytes, "byte", "bytes")) worden; het maximum is \(limit)"
        }
        public static func bundleTooLarge(limit: some BinaryInteger) -> String { "een overdrachtspakket is hoogstens \(limit) bytes" }
        public static let notABundle = "dit is geen overdrachtspakket van Nazorg"
        public static func bundleVersion(_ version: some BinaryInteger, knows: some BinaryInteger) -> String {
            "versie \(version) van dit overdrachtspakket kent deze versie van Nazorg niet (zij kent \(knows)); werk Nazorg bij"
        }
        public static let bundleSealedToNone = "het overdrachtspakket is voor geen enkel apparaat verzegeld"
        public static let bundleCutShort = "het overdrachtspakket is afgebroken"
        public static func bundleMalformed(_ detail: String) -> String { "het overdrachtspakket is afgebroken of beschadigd (\(detail))" }
        public static func bundleForOtherOrganisation(_ recipient: String, own: String) -> String {
            "dit overdrachtspakket is gericht aan organisatie \(recipient), niet aan deze organisatie (\(own)); alleen de geadresseerde kan het openen"
        }
        public static func bundleNotForThisDevice(_ device: String, devices: some BinaryInteger) -> String {
            "dit overdrachtspakket is niet verzegeld voor dit apparaat (\(device)); alleen \(devices == 1 ? "het ene apparaat" : "de \(devices) apparaten") van de organisatie dat toen geregistreerd was, \(devices == 1 ? "kan" : "kunnen") het openen"
        }
        public static let bundleKeyAltered = "de sleutel van het overdrachtspakket voor dit apparaat gaat niet open: het pakket is veranderd"
        public static func bundleDoesNotDecrypt(_ detail: String) -> String { "het overdrachtspakket is niet te ontsleutelen: \(detail)" }
        public static let bundleContentsMalformed = "de inhoud van het overdrachtspakket is beschadigd"
        public static let bundleCertificateMalformed = "het certificaat van de afzender in het overdrachtspakket is beschadigd"
        public static let bundleCertificateMismatch =
            "het certificaat van de afzender in het pakket is niet dat van het apparaat dat de kop noemt"
        public static func bundleSignature(_ device: String) -> String {
            "de handtekening op het overdrachtspakket klopt niet voor apparaat \(device)"
        }
        public static func receiptVersion(_ version: some BinaryInteger) -> String {
            "versie \(version) van deze ontvangstbevestiging kent deze versie van Nazorg niet; werk Nazorg bij"
        }
        public static let receiptDigest = "de samenvatting van het pakket in de ontvangstbevestiging is geen 32 bytes"
        public static let receiptCertificate =
            "het certificaat in de ontvangstbevestiging is niet van de ontvangende organisatie die zij noemt"
        public static func receiptSignature(_ device: String) -> String {
            "de handtekening op de ontvangstbevestiging klopt niet voor apparaat \(device)"
        }

        // Share log
        public static func logEntryOfficers(_ count: some BinaryInteger) -> String {
            "een regel van het deellogboek wordt verzegeld voor 1 tot 16 privacy officers, niet voor \(count)"
        }
        public static func logEntryTooLarge(_ bytes: some BinaryInteger) -> String {
            "een regel van het deellogboek van \(Dutch.count(bytes, "byte", "bytes")) is te groot"
        }
        public static let logLeafEmpty = "een blad van het deellogboek bevat geen regel"
        public static func logEntryNotForOfficer(_ sequence: some BinaryInteger, device: String) -> String {
            "regel \(sequence) van apparaat \(device) in het deellogboek is niet voor deze privacy officer verzegeld"
        }
        public static func logEntryOther(_ sequence: some BinaryInteger, device: String) -> String {
            "regel \(sequence) van apparaat \(device) in het deellogboek bevat een andere regel"
        }
        public static func logEntryDoesNotDecrypt(_ sequence: some BinaryInteger, device: String) -> String {
            "regel \(sequence) van apparaat \(device) in het deellogboek is niet te ontsleutelen"
        }
        public static let logRecordMalformed = "de inhoud van een regel van het deellogboek is beschadigd"
        public static func logEntryNotSigned(_ sequence: some BinaryInteger, device: String) -> String {
            "regel \(sequence) van apparaat \(device) in het deellogboek is niet door dat apparaat ondertekend"
        }
    }
}

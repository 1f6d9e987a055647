extension Messages {
    /// The sync server: its answers to devices (shown to the worker as the server's reason) and what the
    /// operator reads. The server knows ids, roles and limits, never content.
    public enum Server {
        // Authentication
        public static func deviceNotRegistered(_ device: String) -> String {
            "apparaat \(device) is niet geregistreerd; registreer eerst zijn certificaat ('nazorg sync')"
        }
        public static func deviceRevoked(_ device: String) -> String { "apparaat \(device) is ingetrokken door zijn organisatie" }
        public static func organisationOfDeviceUnknown(_ device: String) -> String {
            "de organisatie van apparaat \(device) is niet geregistreerd op deze server"
        }
        public static func signatureInvalid(_ device: String) -> String {
            "de handtekening op het verzoek klopt niet voor apparaat \(device)"
        }
        public static func rateLimited(_ device: String) -> String {
            "apparaat \(device) stuurt te veel verzoeken; probeer het over een seconde opnieuw"
        }
        public static let replayed = "herhaald verzoek: deze nonce is al eerder gebruikt"
        public static let bodyNotSigned = "de inhoud is niet de inhoud die de handtekening op het verzoek dekt"
        public static func bodyTooLarge(_ limit: Int) -> String { "de inhoud van het verzoek is groter dan \(limit) bytes of is afgebroken" }
        public static let notSigned = "het verzoek is niet ondertekend door een geregistreerd apparaat"
        public static let metricsDisabled = "metingen staan op deze server niet aan (--metrics-token-file)"
        public static let metricsNeedToken = "metingen vragen het toegangstoken van de beheerder"

        // Mailbox
        public static func roleHasNoMailbox(_ role: String) -> String {
            "een apparaat met de rol \(role) verstuurt en ontvangt geen overdrachtspakketten"
        }
        public static let bundleOtherSender = "het pakket noemt een andere afzender dan dit apparaat en zijn organisatie"
        public static let bundleToOwnOrganisation = "een overdrachtspakket gaat naar een andere organisatie, niet naar de eigen organisatie van de afzender"
        public static func organisationNotRegistered(_ id: String) -> String { "organisatie \(id) is niet geregistreerd op deze server" }
        public static func bundleSealedToStranger(_ device: String) -> String {
            "het pakket is verzegeld voor apparaat \(device), dat geen geregistreerd apparaat van de geadresseerde organisatie is"
        }
        public static let notAReceipt = "de inhoud is geen ontvangstbevestiging (JSON)"
        public static let receiptSignedByPoster = "een ontvangstbevestiging is ondertekend door het apparaat dat haar verstuurt"
        public static func noBundleFrom(_ bundle: String, sender: String) -> String {
            "geen pakket \(bundle) van organisatie \(sender) is aan deze organisatie gericht"
        }
        public static func itemHeldWithOtherBytes(isBundle: Bool, _ id: String) -> String {
            "er is al \(isBundle ? "een ander pakket" : "een andere ontvangstbevestiging") met id \(id), met andere inhoud"
        }
        public static let bundleIDFormat = "het id van een pakket bestaat uit 32 hexadecimale tekens"
        public static func noItem(isBundle: Bool, _ id: String) -> String {
            "\(isBundle ? "geen pakket" : "geen ontvangstbevestiging") \(id) gericht aan deze organisatie"
        }

        // Devices and sections
        public static let notACertificate = "de inhoud is geen apparaatcertificaat (JSON)"
        public static func registersOwnCertificate(_ device: String) -> String {
            "een apparaat registreert zijn eigen certificaat, niet dat van apparaat \(device)"
        }
        public static func deviceBoundElsewhere(_ device: String) -> String {
            "apparaat \(device) is geregistreerd met een andere sleutel of organisatie; een apparaat-id wordt nooit opnieuw gebonden"
        }
        public static let noSuchDevice = "dit apparaat is niet bekend op deze server"
        public static let notARevocation = "de inhoud is geen intrekking (JSON)"
        public static func revocationNotSigned(_ id: String) -> String { "de intrekking is niet ondertekend door organisatie \(id)" }
        public static func deviceNotOfOrganisation(_ device: String) -> String {
            "apparaat \(device) is niet geregistreerd voor deze organisatie"
        }
        public static func pushTooLarge(_ limit: Int) -> String { "een verzending bevat hoogstens \(limit) items" }
        public static let organisationIDFormat = "het id van een organisatie bestaat uit 32 hexadecimale tekens"
        public static let officersOwnOnly = "alleen de eigen apparaten van een organisatie zien haar privacy officers"
        public static let holdersWritersOnly = "alleen een apparaat dat het deel mag schrijven, ziet wie het heeft"
        public static let noGrantForSection = "dit apparaat heeft geen toekenning voor dat deel"

        // Share log
        public static let notLeaves = "de inhoud is geen lijst van regels van het deellogboek (JSON met regels in base64)"
        public static let logSequenceTaken = "er staat al een andere regel met dit volgnummer in het deellogboek"
        public static func logSequenceExpected(_ expected: UInt64) -> String {
            "regels komen op volgorde en zonder gaten binnen: verwacht werd volgnummer \(expected)"
        }
        public static func appendTooLarge(_ limit: Int) -> String { "een aanvulling van het deellogboek bevat hoogstens \(limit) regels" }
        public static func leafProblem(_ index: Int, _ message: String) -> String { "regel \(index): \(message)" }
        public static func leafNotOwn(_ index: Int) -> String {
            "regel \(index) is niet de eigen regel van dit apparaat voor zijn eigen organisatie"
        }
        public static let logOfficerOnly = "het deellogboek wordt alleen gelezen door de privacy officer van de organisatie"
        public static func consistencyRange(_ size: Int) -> String {
            "een consistentiebewijs vraagt 0 <= 'first' <= 'second' <= de omvang van het logboek (\(size))"
        }
        public static func proofRange(_ size: Int) -> String {
            "een bewijs vraagt 0 <= 'index' < 'size' <= de omvang van het logboek (\(size))"
        }

        // Pushed items refused one by one (the reason travels back to the worker's device)
        public static let couldNotCheck = "de server kon het niet controleren; probeer het opnieuw"
        public static let sequenceUsed = "dit volgnummer van de maker in dit deel is al gebruikt door een andere wijziging"
        public static let couldNotStore = "de server kon het niet bewaren; probeer het opnieuw"
        public static let familyOfOther = "het gezin hoort bij een andere organisatie; een gedeeld plan is alleen te lezen"
        public static func signedByOther(_ device: String) -> String {
            "de wijziging is ondertekend door een ander apparaat (\(device)); verstuur alleen eigen wijzigingen"
        }
        public static func noWriteGrant(epoch: UInt32) -> String {
            "dit apparaat heeft geen schrijfrecht voor het deel van de wijziging in sleutelperiode \(epoch) (een gedeeld plan van een andere organisatie is alleen te lezen)"
        }
        public static func stampedInFuture(seconds: Int64) -> String {
            "de wijziging is \(seconds) s in de toekomst gestempeld; controleer de klok van het apparaat"
        }
        public static let grantsOwnOnly = "een apparaat verstuurt alleen toekenningen die het zelf ondertekende"
        public static func recipientNotRegistered(_ device: String) -> String {
            "het ontvangende apparaat \(device) is niet geregistreerd op deze server"
        }
        public static let changeSignatureInvalid = "de handtekening onder de wijziging klopt niet"
        public static let grantSignatureInvalid = "de handtekening onder de sleuteltoekenning klopt niet"
        public static func recipientRevoked(_ device: String) -> String { "het ontvangende apparaat \(device) is ingetrokken" }
        public static let officerNoSections = "het apparaat van een privacy officer leest deellogboeken, nooit delen van een gezinsplan"
        public static let creatorGrantToSelf = "een toekenning bij het aanmaken is gericht aan het apparaat dat haar geeft"
        public static let sectionExists = "het deel bestaat al; vraag een apparaat dat het heeft om een toekenning"
        public static let shareNeedsBasis =
            "delen met een andere organisatie vraagt als grondslag de toestemming van de cliënt of een doorbreking van het beroepsgeheim"
        public static let noGrantToShare = "dit apparaat heeft geen toekenning voor het deel dat het probeert te delen"
        public static let colleagueNotShare = "een collega in dezelfde organisatie krijgt een eigen toekenning, geen deling"
        public static let recipientOrganisationUnknown = "de ontvangende organisatie is niet geregistreerd op deze server"
        public static let onlyOwnOrganisationShares = "alleen een apparaat van de eigen organisatie van het plan dat het deel heeft, mag het delen"

        // Operator output
        public static func organisationRegistered(_ id: String, name: String) -> String { "organisatie \(id) (\(name)) geregistreerd" }
        public static func serverBusy(_ data: String) -> String { "een ander nazorg-server-proces gebruikt \(data); stop dat eerst" }
        public static let headTimeoutRange = "--head-timeout moet 1 tot 600 seconden zijn"
        public static let requestTimeoutRange = "--request-timeout moet 1 tot 3600 seconden zijn"
        public static func metricsTokenTooShort(_ file: String) -> String {
            "\(file) moet een token van minstens 16 tekens bevatten; maak er een met bijvoorbeeld 'openssl rand -hex 32'"
        }
        public static func notAnOrganisationFile(_ file: String) -> String { "\(file) is geen organisation.pub-bestand" }
        public static func cannotOpenData(_ type: String) -> String { "kan de datamap niet openen (\(type))" }
        public static let deviceRegistered = "apparaat geregistreerd"
        public static func listening(host: String, port: Int) -> String { "nazorg-server luistert op \(host):\(port)" }
        public static let deviceRevokedLog = "apparaat ingetrokken"
        public static let mailStored = "post bewaard"
        public static func cannotRestrict(_ file: String) -> String { "kan \(file) niet afschermen voor anderen dan de eigenaar" }
        public static func cannotCreate(_ file: String) -> String { "kan \(file) niet aanmaken in de datamap" }
        public static func cannotWriteFile(_ file: String) -> String { "kan \(file) niet schrijven in de datamap" }
        public static func keyFileDamaged(_ file: String, bytes: Int) -> String {
            "\(file) in de datamap is beschadigd (\(bytes) bytes); zet het terug uit de back-up"
        }
    }
}

extension Messages {
    /// The worker's library: profiles, keys, files, families, sharing, handover, the share log.
    public enum Client {
        // Files
        public static func cannotWrite(_ path: String) -> String { "kan \(path) niet schrijven: controleer de map en de rechten" }
        public static func cannotWriteSpace(_ path: String) -> String { "kan \(path) niet schrijven: controleer de map en de vrije ruimte" }
        public static func cannotRead(_ what: String, _ path: String) -> String {
            "kan \(path) niet lezen (\(what)); controleer het pad en de rechten"
        }
        public static func fileTooLarge(_ what: String, _ path: String) -> String { "\(path) is te groot voor \(what)" }
        public static func fileInvalid(_ what: String, _ path: String) -> String { "\(path) is geen geldig bestand met \(what)" }
        /// What a JSON file holds, as `cannotRead` and `fileInvalid` name it.
        public enum FileKind: String, Sendable, CaseIterable {
            case organisationKey = "de sleutel van de organisatie"
            case organisationPublicKey = "de publieke sleutels van een organisatie"
            case deviceCertificate = "een apparaatcertificaat"
            case partnerList = "de lijst van partnerorganisaties"
            case certificateRequest = "een certificaataanvraag"
            case familyFixture = "een gezin om in te lezen"
        }

        // Passphrases and keys
        public static let emptyPassphrase = "een lege wachtwoordzin is niet toegestaan"
        public static func wrongPassphrase(_ purpose: String) -> String {
            "de wachtwoordzin past niet bij \(purpose); er is niets veranderd"
        }
        public static let purposeKeystore = "de sleutels van dit apparaat"
        public static let purposeOrganisation = "de sleutel van de organisatie"
        public static let organisationNameLength = "de naam van de organisatie moet 1 tot 120 tekens lang zijn"
        public static func organisationKeyExists(_ path: String) -> String {
            "\(path) bestaat al; een sleutel van een organisatie wordt nooit overschreven"
        }
        public static func notAnOrganisationKey(_ path: String) -> String { "\(path) bevat geen sleutel van een organisatie" }
        public static func organisationKeyMismatch(_ path: String) -> String { "\(path) past niet bij zijn eigen publieke sleutel" }
        public static func requestForOther(_ other: String, own: String) -> String {
            "de aanvraag is voor een andere organisatie (\(other)), niet voor \(own)"
        }
        public static let validityDays = "de geldigheid moet 1 tot 1825 dagen zijn"
        public static func requestWrongDevice(_ device: String) -> String {
            "de aanvraag noemt apparaat \(device), maar dat is niet het id van zijn eigen ondertekensleutel"
        }

        // Profiles and certificates
        public static let workerNameLength = "de naam van de medewerker moet 1 tot 120 tekens lang zijn"
        public static func profileExists(_ path: String) -> String {
            "\(path) bevat al een apparaatprofiel; kies een andere map met --profile"
        }
        public static func noProfile(_ path: String) -> String {
            "geen apparaatprofiel in \(path); maak er een met 'nazorg device init'"
        }
        public static func noDeviceKeys(_ path: String) -> String {
            "\(path) heeft geen apparaatsleutels; maak ze met 'nazorg device init'"
        }
        public static func keystoreDamaged(_ path: String) -> String { "de sleutelopslag van \(path) is beschadigd" }
        public static func certificateForOther(_ other: String, own: String) -> String {
            "het certificaat is voor een ander apparaat (\(other)), niet voor \(own)"
        }
        public static let ownOrganisation = "dat is de eigen organisatie van dit apparaat"
        public static let organisationFileNoKeys = "het organisatiebestand bevat geen geldige publieke sleutels"
        public static func partnerKeysDiffer(_ id: String) -> String {
            "organisatie \(id) is hier bekend met andere sleutels; de sleutels van een partner worden nooit stil vervangen"
        }
        public static func noPartner(_ text: String) -> String {
            "geen partnerorganisatie \(text) op dit apparaat; voeg haar organisation.pub toe met 'nazorg partner add'"
        }
        public static func severalPartners(_ text: String) -> String {
            "\(text) past bij meer dan één partnerorganisatie; geef meer tekens van het id"
        }
        public static func noCertificate(_ requestFile: String) -> String {
            "dit apparaat heeft nog geen certificaat; laat de beheerder van de organisatie 'nazorg org certify' uitvoeren op \(requestFile) en installeer het met 'nazorg device install-certificate'"
        }
        public static func roleKeepsNoPlans(_ role: String) -> String { "een apparaat met de rol \(role) bewaart geen gezinsplannen" }
        public static let officerReadsLog = "; het leest het deellogboek met 'nazorg audit pull'"
        public static func roleReceivesNoPlans(_ role: String) -> String { "een apparaat met de rol \(role) ontvangt geen gezinsplannen" }
        public static let thisDeviceItself = "dat is dit apparaat zelf"

        // The server connection
        public static func notAServerAddress(_ text: String) -> String { "\(text) is geen serveradres (bijvoorbeeld https://sync.voorbeeld.nl)" }
        public static func serverUnreachable(_ address: String) -> String {
            "de server op \(address) is niet bereikbaar; controleer het adres en het netwerk (uw werk blijft op dit apparaat bewaard)"
        }
        public static let answerNotHTTP = "het antwoord van de server is geen HTTP"
        public static func serverRefused(_ message: String) -> String { "de server weigerde het verzoek: \(message)" }
        /// A part of the server's answer that could not be read.
        public enum ServerAnswer: String, Sendable, CaseIterable {
            case push = "het antwoord op het versturen van wijzigingen"
            case batch = "een pakket wijzigingen"
            case shareLog = "het antwoord over het deellogboek"
            case logKey = "de logsleutel"
            case officers = "de lijst van privacy officers"
            case holders = "de lijst van wie een deel heeft"
            case rekeys = "de lijst van delen die een nieuwe sleutel nodig hebben"
            case devices = "de lijst van apparaten"
            case certificate = "een apparaatcertificaat"
            case mailbox = "de inhoud van de postbus"
            case treeHead = "de ondertekende stand van het deellogboek"
            case digest = "de samenvatting van een deel"
            case logEntries = "de regels van het deellogboek"
        }
        public static func serverAnswerMalformed(_ what: ServerAnswer) -> String {
            "de server stuurde \(what.rawValue) die niet te lezen is; er is niets verloren of toegepast, probeer het opnieuw"
        }
        public static let logKeyUnknown =
            "het deellogboek van de server is niet ondertekend met de logsleutel die dit apparaat kent; meld dit aan de privacy officer en de beheerder van de server"
        public static func deviceOfUnknownOrganisation(_ device: String, organisation: String) -> String {
            "apparaat \(device) hoort bij organisatie \(organisation), die dit apparaat niet kent; voeg haar organisation.pub toe met 'nazorg partner add'"
        }
        public static func deviceProblem(_ device: String, _ message: String) -> String { "apparaat \(device): \(message)" }

        // Families and entities
        public static func readOnlyPlan(_ owner: String) -> String {
            "dit gezinsplan is van \(owner) en met deze organisatie gedeeld om te lezen; wijzigen, toestemming vastleggen en delen "
                + "kan alleen \(owner) zelf. Vraag hen om de wijziging, of leg een eigen plan aan na een warme overdracht"
        }
        public static func noFamily(_ text: String) -> String { "geen gezin \(text) op dit apparaat; 'nazorg family list' toont ze" }
        public static let noFamilyNamed =
            "geen gezin met die naam op dit apparaat; 'nazorg family find TEKST' zoekt op een deel van de naam van het gezin of een gezinslid"
        public static func severalFamiliesNamed(_ ids: [String]) -> String {
            "\(ids.count) gezinnen heten zo: \(ids.joined(separator: ", ")); geef het id ('nazorg family find' toont ze)"
        }
        public static func severalFamilies(_ text: String, _ choices: [String]) -> String {
            "\(text) past bij meer dan één gezin: \(choices.joined(separator: "; ")); geef het id"
        }
        public static func alreadyCorrected(_ field: String, _ noun: String, _ id: String, by later: String, option: String) -> String {
            "\(field): \(id) (\(noun)) is al gecorrigeerd door \(later); corrigeer die (--\(option) \(later))"
        }
        public static let mustBeAChild = "moet een gezinslid met de rol kind zijn"
        public static let childPartExists = "dit kind heeft al een eigen deel; wijzig het met 'nazorg child update'"
        public static let assessmentOfUnnamedMember =
            "deze taxatie gaat over een lid dat het besluit niet noemt; noem dat lid ook bij --lid"
        public static let consentWithdrawnAlready = "deze toestemming is al ingetrokken"
        public static func factNeverChanged(_ noun: String, _ id: String) -> String {
            "\(id) (\(noun)) is een vastgelegd feit en wordt nooit gewijzigd; leg een nieuw feit vast dat het corrigeert (--corrigeert \(id))"
        }
        public static let whoItConcernsFixed =
            "wie het betreft bepaalt in welk deel van het plan het staat en verandert niet; verwijder het en voeg het opnieuw toe"
        public static func factNeverDeleted(_ noun: String, _ id: String) -> String {
            "\(id) (\(noun)) is een vastgelegd feit en kan niet worden verwijderd; leg een correctie vast (--corrigeert \(id))"
        }
        public static func noConflict(_ noun: String, _ id: String, field: String) -> String {
            "\(id) (\(noun)) heeft geen conflict in het veld \(field); 'nazorg conflicts' toont de conflicten"
        }
        public static func aftercareRunning(since: String) -> String { "de nazorg loopt al (sinds \(since)); sluit die eerst af" }
        public static func noMemberNamed(_ field: String) -> String {
            "\(field): geen gezinslid met die naam; 'nazorg family show' toont de leden en hun id"
        }
        public static func severalMembersNamed(_ field: String, count: Int, ids: [String]) -> String {
            "\(field): \(count) gezinsleden heten zo; geef het id (\(ids.joined(separator: ", ")))"
        }
        public static func noEntityStarting(_ field: String, _ noun: String, _ key: String) -> String {
            "\(field): \(key) is niet het begin van het id van \(noun) in dit gezin; 'nazorg family show' toont de ids"
        }
        public static func severalEntitiesStarting(_ field: String, _ key: String) -> String {
            "\(field): meer dan één onderdeel begint met \(key); geef meer tekens"
        }
        public static func refersToOther(_ field: String, _ id: String, _ noun: String) -> String {
            "\(field) noemt \(id), maar dat is niet \(noun) van dit gezin"
        }
        public static func mustReferTo(_ field: String, _ noun: String) -> String {
            "\(field) moet \(noun) van dit gezin noemen"
        }

        // Sharing
        public static func nothingToShare(_ section: String) -> String {
            "dit apparaat heeft nog niets van \(section) van dit gezin; er is niets gedeeld"
        }
        public static let lastEpoch =
            "een deel van dit gezinsplan is aan zijn laatste sleutelperiode en kan geen nieuwe sleutel krijgen; leg een nieuw gezinsplan aan (na een warme overdracht)"
        public static let withdrawalNamesNoConsent = "moet een toestemming van dit gezin noemen"
        public static func highRiskNeedsSecondDecision(_ category: String) -> String {
            "dit is een hoog-risicogezin (\(category)): elke deling op toestemming vraagt een tweede besluit; noem wie dat nam met "
                + "--tweede-besluit \"naam, functie\", of deel op een doorbreking. Er is niets gedeeld"
        }
        public static let nameTheSections = "noem de delen van het plan, gescheiden door komma's"
        public static func noBasis(_ text: String) -> String {
            "geen toestemming of doorbreking \(text) in dit gezin; 'nazorg consent list' toont ze"
        }
        public static func severalBases(_ text: String) -> String { "\(text) past bij meer dan één toestemming of doorbreking; geef meer tekens" }
        public static func recipientHasNoDevice(_ organisation: String) -> String {
            "\(organisation) heeft nog geen gecertificeerd apparaat van een hulpverlener op de server; er is niets gedeeld"
        }

        // Handover
        public static func noHandoverBundle(_ text: String) -> String {
            "geen overdrachtspakket \(text) voor deze organisatie; 'nazorg handover inbox' toont ze"
        }
        public static func noHandoverBundleHere(_ text: String) -> String {
            "geen overdrachtspakket \(text) op dit apparaat; 'nazorg handover inbox' toont ze"
        }
        public static func severalBundles(_ text: String) -> String { "\(text) past bij meer dan één overdrachtspakket; geef meer tekens" }
        public static func bundleRefused(_ message: String) -> String { "overdrachtspakket geweigerd: \(message)" }
        public static func bundleRefused(_ id: String, _ message: String) -> String { "overdrachtspakket \(id) geweigerd: \(message)" }
        public static func receiptMalformed(_ id: String) -> String { "de ontvangstbevestiging van pakket \(id) is beschadigd" }
        public static func nothingToHandOver(_ section: String) -> String {
            "dit apparaat heeft niets van \(section) van dit gezin; er is niets overgedragen"
        }
        public static func moveNeedsRegisseur(_ place: String, recipient: String) -> String {
            "een verhuizing naar \(place) vraagt eerst een nieuwe regisseur in het plan, van \(recipient) of een andere organisatie in \(place): 'nazorg regisseur add'"
        }
        public static let meetingDate = "de datum van het overdrachtsgesprek (--gesprek-datum) moet een bestaande datum zijn, als JJJJ-MM-DD of als 1 maart 2026"
        public static func meetingInFuture(today: String) -> String {
            "de datum van het overdrachtsgesprek (--gesprek-datum) ligt in de toekomst (vandaag is het \(today)); maak het pakket na het gesprek"
        }
        public static func meetingMode(_ codes: [String]) -> String {
            "de vorm van het overdrachtsgesprek (--gesprek-vorm) moet een van deze zijn: \(codes.joined(separator: ", "))"
        }
        public static func meetingAttendees(_ codes: [String]) -> String {
            "wie er bij het gesprek waren (--aanwezig) moet uit deze lijst komen: \(codes.joined(separator: ", "))"
        }
        public static let incompleteReasonTooLong = "de reden (--reden-onvolledig) is langer dan 500 tekens; maak hem korter"
        public static func handoverIncomplete(_ missing: [String]) -> String {
            "een warme overdracht heeft drie delen en drie deelnemers (norm 4.1); nu ontbreekt: \(missing.joined(separator: ", ")). "
                + "Vul aan, of leg vast waarom het niet kan met --reden-onvolledig TEKST"
        }
        public static func bundleSentHere(_ id: String) -> String {
            "pakket \(id) is door deze organisatie verstuurd; alleen de geadresseerde kan het openen"
        }
        public static let datedInFuture = "het is gedateerd in de toekomst"
        public static func senderCertificate(_ message: String) -> String { "het certificaat van de afzender: \(message)" }
        public static func madeByRole(_ role: String) -> String {
            "het is gemaakt door een apparaat met de rol \(role), dat geen gezinsplannen heeft"
        }
        public static func senderRevoked(_ device: String, organisation: String) -> String {
            "het verzendende apparaat \(device) is ingetrokken door \(organisation) of niet op de server geregistreerd; vraag de afzender om een nieuw pakket"
        }
        public static func senderNotPartner(_ id: String, organisation: String) -> String {
            "overdrachtspakket \(id) geweigerd: organisatie \(organisation) is geen partner op dit apparaat; voeg haar organisation.pub (van haar beheerder) toe met 'nazorg partner add'"
        }
        public static let notAHandoverDocument = "de inhoud is geen overdrachtsdocument"
        public static func documentFormat(_ format: String, knows: String) -> String {
            "vorm \(format) kent deze versie van Nazorg niet (zij kent \(knows)); werk Nazorg bij"
        }
        public static let contentsDoNotMatch = "de inhoud past niet bij de envelop (pakket, afzender of geadresseerde)"
        public static let basisInvalid = "de grondslag is geen geldige toestemming of doorbreking"
        public static func basisForOtherOrganisation(_ kind: String, _ id: String) -> String {
            "de \(kind) \(id) is voor een andere organisatie, niet voor deze"
        }
        public static let sectionsInvalid = "het noemt geen delen, of een deel dat nooit wordt overgedragen"
        public static func sectionNotCovered(_ section: String, kind: String, id: String, covered: [String]) -> String {
            "het bevat \(section), dat de \(kind) \(id) niet dekt (zij dekt \(Dutch.list(covered)))"
        }
        public static func basisNotYetValid(_ id: String, from: String) -> String { "de toestemming \(id) geldt pas vanaf \(from)" }
        public static func basisExpired(_ id: String, on: String) -> String { "de toestemming \(id) is verlopen op \(on)" }
        public static func overrideAfterBundle(_ id: String) -> String {
            "tot de doorbreking \(id) is pas besloten nadat het pakket was gemaakt"
        }
        public static func entityNotHandedOver(_ id: String) -> String {
            "onderdeel \(id) is geen onderdeel van een gezinsplan dat kan worden overgedragen"
        }
        public static func entityOutsideSections(_ id: String) -> String { "onderdeel \(id) ligt buiten de genoemde delen" }
        public static func entityInWrongSection(_ kind: String, section: String) -> String {
            "een \(kind) hoort niet in het deel \(section)"
        }
        public static func entityProblem(_ id: String, _ message: String) -> String { "onderdeel \(id): \(message)" }
        public static func importedBefore(_ id: String, on day: String, family: String?) -> String {
            "overdrachtspakket \(id) is ingelezen op \(day)\(family.map { " als gezin \($0)" } ?? ""); een pakket wordt één keer ingelezen"
        }
        public static let openFirst = "open het pakket eerst op dit apparaat ('nazorg handover open')"
        public static func receiptForUnsent(_ id: String) -> String {
            "een ontvangstbevestiging voor pakket \(id), dat dit apparaat niet heeft verstuurd"
        }
        public static func receiptFromOther(_ id: String) -> String {
            "de ontvangstbevestiging van pakket \(id) komt niet van de organisatie waaraan het is verstuurd"
        }
        public static func receiptDoesNotVerify(_ id: String, _ message: String) -> String {
            "de ontvangstbevestiging van pakket \(id) klopt niet: \(message)"
        }
        public static func receiptOtherBytes(_ id: String) -> String {
            "de ontvangstbevestiging van pakket \(id) bevestigt andere gegevens dan er zijn verstuurd"
        }

        // Importing a family file
        public static func notAFamilyFile(_ name: String) -> String { "\(name) is geen gezinsbestand van nazorg (versie 1)" }
        public static func fixtureUnknownKind(_ place: String, _ kind: String) -> String { "\(place): onbekende soort \(kind)" }
        public static func fixtureUnknownRef(_ place: String, _ field: String, _ ref: String) -> String {
            "\(place): \(field) verwijst naar \(ref), dat er niet eerder in staat"
        }
        public static func fixtureWrongRef(_ place: String, _ field: String, expected: String, _ ref: String, actual: String) -> String {
            "\(place): \(field) moet verwijzen naar \(expected), maar \(ref) is \(actual)"
        }
        public static func fixtureProblem(_ place: String, _ message: String) -> String { "\(place): \(message)" }
        public static func fixtureNeedsMember(_ place: String, _ kind: String) -> String {
            "\(place): \(kind) heeft een lid nodig (het kind); geef \"lid\": \"@sleutel\""
        }
        public static func fixtureKeyTwice(_ place: String, _ key: String) -> String { "\(place): de sleutel \(key) staat er twee keer in" }
        public static func fixturePlace(_ index: Int) -> String { "regel \(index) van het gezinsbestand" }

        // The share log (privacy officer)
        public static func logOnOfficerDevice(_ role: String) -> String {
            "het deellogboek wordt gelezen op het apparaat van een privacy officer; dit apparaat heeft de rol \(role)"
        }
        public static let giveServer = "geef de synchronisatieserver met --server of $NAZORG_SERVER"
        public static func noLogEntry(_ id: String) -> String {
            "geen regel \(id) in deze kopie van het deellogboek; voer eerst 'nazorg audit pull' uit"
        }
        public static func severalLogEntries(_ id: String) -> String { "\(id) past bij meer dan één regel; geef meer tekens" }
        public static func logDoesNotVerify(_ problems: [String]) -> String {
            "het deellogboek klopt niet; er is niets overgenomen:\n  " + problems.joined(separator: "\n  ")
        }
        public static let treeHeadNotPinned = "de stand van het logboek is niet ondertekend met de logsleutel van de server die dit apparaat kent"
        public static let officerPurpose = "toetsing door de privacy officer"
        public static func logNotExtended(_ size: UInt64) -> String {
            "de server toont een deellogboek dat het eerder bewezen logboek (\(Dutch.count(size, "regel", "regels"))) niet voortzet"
        }
        public static func logEntryNotProven(_ sequence: UInt64) -> String {
            "de server bewijst niet dat logregel #\(sequence) in het deellogboek staat"
        }
        public static func logEntriesLost(from: UInt64, to: UInt64) -> String {
            "de server hield eerder bevestigde logregels #\(from)–#\(to) niet meer vast; opnieuw verstuurd"
        }
        // Purposes and details written into share-log entries (NEN 7513), read by the privacy officer.
        public static let purposeLogWatch = "bewaking van het deellogboek"
        public static let purposeColleague = "behandelrelatie (collega)"
        public static let purposeReceipt = "ontvangst van gedeelde gegevens"
        public static func newSectionsForColleagues(_ count: Int) -> String {
            "nieuwe delen voor \(Dutch.count(count, "collega", "collega's"))"
        }
        public static func receivedFrom(_ organisation: String) -> String { "ontvangen van \(organisation)" }
        public static let purposeCare = "hulpverlening"
        public static let purposeHandover = "warme overdracht"
        public static let purposeSafety = "veiligheid (meldcode)"
        public static let purposeFollowUp = "vervolghulp"
        public static func colleague(_ worker: String, device: String) -> String { "collega \(worker) (apparaat \(device))" }
        public static func devices(_ count: Int) -> String { Dutch.count(count, "apparaat", "apparaten") }
        public static func newEpochs(_ count: Int) -> String { "nieuwe sleutelperiode voor \(Dutch.count(count, "deel", "delen"))" }
        public static func consentRecorded(form: String) -> String { "vastgelegd: \(form)" }
        public static func overrideRecorded(ground: String, motherInformed: Bool) -> String {
            "grond: \(ground); \(motherInformed ? Output.motherInformed : "moeder niet geïnformeerd")"
        }
        public static func handoverSent(bundle: String, devices: Int) -> String { "warme overdracht: bundel \(bundle), \(Self.devices(devices))" }
        public static func handoverImported(bundle: String, family: String) -> String {
            "warme overdracht ontvangen en geïmporteerd (bundel \(bundle), gezin daar \(family))"
        }
        public static func receiptSent(bundle: String, imported: Bool) -> String {
            "ontvangstbevestiging verstuurd (bundel \(bundle), \(imported ? "geïmporteerd" : "niet geïmporteerd"))"
        }
        public static func receiptFrom(_ worker: String, bundle: String, imported: Bool) -> String {
            "ontvangstbevestiging van \(worker) (bundel \(bundle), \(imported ? "geïmporteerd" : "niet geïmporteerd"))"
        }
        public static func reviewed(_ outcome: String, note: String) -> String { "\(outcome): \(note)" }
        public static func provenanceBasis(consent: Bool, _ id: String, purpose: String?) -> String {
            "\(consent ? "toestemming" : "doorbreking") \(id)" + (purpose.map { " (doel: \($0))" } ?? "")
        }
        public static func pulledSoFar(changes: Int, keys: Int) -> String {
            "opgehaald: \(Dutch.count(changes, "wijziging", "wijzigingen")), \(Dutch.count(keys, "sleutel", "sleutels"))"
        }

        // What a sync report lists as refused: by the server, or here.
        public static func refusedItem(grant: Bool, _ id: String, reason: String?) -> String {
            "\(grant ? "sleuteltoekenning" : "wijziging") \(id): \(reason ?? "geweigerd")"
        }
        public static func refusedGrant(from device: String, _ message: String) -> String {
            "sleuteltoekenning van apparaat \(device): \(message)"
        }
        /// A change refused here; the reason names the change already when it says which one.
        public static func refusedChange(_ id: String, _ message: String) -> String {
            message.contains(id) ? message : "wijziging \(id): \(message)"
        }
        public static func refusedLogEntry(_ sequence: UInt64, reason: String?) -> String {
            "logregel #\(sequence) van het deellogboek: \(reason ?? "geweigerd")"
        }
        public static func logProblem(_ problem: String) -> String { "deellogboek: \(problem)" }
        public static let logEntriesResent =
            "deellogboek: de server was logregels kwijt; ze zijn opnieuw verstuurd en de privacy officer is gewaarschuwd"
        /// Why a section the sender holds is not in a handover bundle.
        public static let consentStaysHome = "de toestemmingen en het logboek blijven bij de eigen organisatie"
        public static let notChosen = "niet gekozen voor deze overdracht"
        public static func outsideBasis(consent: Bool, _ id: String) -> String { "valt buiten de \(consent ? "toestemming" : "doorbreking") \(id)" }
        /// What a warm handover lacks (keurmerk norm 4.1), named with the option that adds it.
        public static let missingContext = "de persoonlijke context (--context)"
        public static let missingAgreements = "de afspraken met ketenpartners (--afspraak)"
        public static func missingAttendee(_ who: String, code: String) -> String { "\(who) bij het gesprek (--aanwezig \(code))" }
    }

    /// What `AuditLogVerifier` finds wrong with a server's copy of the share log.
    public enum Audit {
        public static let headNotSigned = "de stand van het logboek is niet ondertekend met de logsleutel van de server"
        public static func logDoesNotMatchHead(entries: Int, size: UInt64) -> String {
            "het logboek van de server (\(Dutch.count(entries, "regel", "regels"))) past niet bij zijn eigen ondertekende stand (omvang \(size))"
        }
        public static func olderHead(size: UInt64, seen: UInt64) -> String {
            "de server toonde een oudere stand: omvang \(size), nadat omvang \(seen) al was gezien"
        }
        public static func inconsistent(seen: UInt64) -> String {
            "het logboek past niet bij de eerder geziene stand (omvang \(seen)): eerdere regels zijn weggelaten, veranderd of van volgorde gewisseld"
        }
        public static func twoLogs(size: UInt64) -> String { "de server ondertekende twee verschillende logboeken van omvang \(size)" }
        public static func entry(_ index: Int) -> String { "regel \(index)" }
        public static func entryOf(_ index: Int, device: String, sequence: UInt64) -> String {
            "regel \(index) (apparaat \(device), #\(sequence))"
        }
        public static func reordered(_ name: String, to position: Int) -> String {
            "\(name) is van volgorde gewisseld: de server heeft hem nu op plaats \(position)"
        }
        public static func deleted(_ name: String) -> String { "\(name) is uit het logboek van de server verwijderd" }
        public static func missing(_ name: String) -> String { "\(name) ontbreekt in het logboek van de server" }
        public static func altered(_ name: String) -> String { "\(name) is op de server veranderd" }
        public static func uncertifiedDevice(_ index: Int, device: String) -> String {
            "regel \(index): apparaat \(device) is geen gecertificeerd apparaat van deze organisatie"
        }
        public static func repeats(_ name: String, after: UInt64) -> String {
            "\(name) herhaalt de regels van dat apparaat of wisselt hun volgorde (na #\(after))"
        }
        public static func gap(from: UInt64, to: UInt64, device: String, before index: Int) -> String {
            "regels \(from)–\(to) van apparaat \(device) ontbreken vóór regel \(index)"
        }
        public static func doesNotChain(_ name: String) -> String { "\(name) sluit niet aan op de vorige regel van dat apparaat" }
        public static func entryProblem(_ index: Int, _ message: String) -> String { "regel \(index): \(message)" }
        public static func unreadable(_ index: Int) -> String { "regel \(index) is niet te lezen" }

        /// What a share-log event is called in the privacy officer's table (CSV and JSON keep the codes).
        public static func event(_ code: String) -> String {
            switch code {
            case "consent": "toestemming"
            case "withdrawal": "intrekking"
            case "override": "doorbreking"
            case "share": "deling"
            case "grant": "toegang collega"
            case "receipt": "ontvangst"
            case "read": "inzage"
            case "review": "toetsing"
            case "incident": "incident"
            default: code
            }
        }
        /// The NEN 7513 action code in words.
        public static func action(_ code: String) -> String {
            switch code {
            case "create": "aanmaken"
            case "read": "lezen"
            case "update": "wijzigen"
            case "delete": "verwijderen"
            case "transfer": "verstrekken"
            case "execute": "uitvoeren"
            default: code
            }
        }
        /// What a disclosure rested on, in words, when it was the own organisation (a colleague's access).
        public static let ownOrganisation = "eigen organisatie"
        /// A child's or a member's own part in the table, with a short id.
        public static func childSection(_ id: String) -> String { "kind \(id)" }
        public static func memberSection(_ id: String) -> String { "lid \(id)" }
        /// `success` or `flagged` in words.
        public static func outcome(_ code: String) -> String {
            switch code {
            case "success": "gelukt"
            case "flagged": "ter toetsing"
            default: code
            }
        }
    }
}

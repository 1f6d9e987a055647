extension Messages {
    /// The family plan's own checks: field values, rules between fields, closing aftercare, share bases.
    /// `field` is always a field's reference as `FieldSpec.reference` writes it: its label and its option.
    public enum Model {
        // Field values
        public static func field(_ field: String, _ problem: String) -> String { "\(field): \(problem)" }
        public static let empty = "mag niet leeg zijn"
        public static func tooLong(_ max: Int) -> String { "is langer dan \(max) tekens; maak het korter" }
        public static let controlCharacters = "bevat stuurtekens; typ alleen gewone tekst"
        public static let notADate = "moet een bestaande datum zijn, als JJJJ-MM-DD (bijvoorbeeld 2026-03-01) of als 1 maart 2026"
        public static let notYesNo = "moet ja of nee zijn"
        public static func notInRange(_ lower: Int64, _ upper: Int64) -> String {
            "moet een heel getal van \(lower) tot en met \(upper) zijn"
        }
        public static func notAChoice(_ codes: [String]) -> String { "moet een van deze zijn: \(codes.joined(separator: ", "))" }
        public static func notAnID(_ noun: String) -> String {
            "moet het id van \(noun) zijn (32 hexadecimale tekens, of de eerste tekens ervan)"
        }
        public static func notIDs(_ noun: String) -> String {
            "moet ids van \(noun) noemen (32 hexadecimale tekens), gescheiden door komma's"
        }
        public static let idTwice = "noemt een id twee keer"
        public static let notSections =
            "moet delen van het plan noemen (core, safety, plan, child:<id van het kind>, member:<id van het lid>, health, finance, journal), gescheiden door komma's"
        public static let consentSectionStays = "het deel toestemmingen (consent) blijft bij de eigen organisatie en haar privacy officer"
        public static let sectionTwice = "noemt een deel twee keer"
        public static func unknownField(_ kind: String, _ name: String, fields: [String]) -> String {
            "\(kind) heeft geen veld \(name); de velden zijn: \(fields.joined(separator: ", "))"
        }
        public static func required(for noun: String) -> String { "is verplicht bij \(noun); geef het op" }
        public static func inTheFuture(today: String) -> String {
            "ligt in de toekomst (vandaag is het \(today)); leg vast wat gebeurd is, met de datum waarop het gebeurde"
        }
        public static let notAnOrganisationID =
            "moet het id van een organisatie zijn (32 hexadecimale tekens, uit haar organisation.pub)"
        public static func before(_ label: String, _ date: String) -> String { "ligt vóór \(label) (\(date)); controleer de datums" }
        public static let arrangementSinceRequired = "is verplicht bij omgang: sinds wanneer?"
        public static let sessionsRequired = "is verplicht bij een strippenkaart: hoeveel gesprekken zijn er afgesproken?"
        public static let sessionsOnlyPunchCard = "hoort alleen bij de vorm strippenkaart (--vorm strippenkaart)"
        public static let zrmNeedsScore = "een ZRM-meting heeft een score (1–5) nodig voor minstens één domein (--score domein=score)"
        public static let whyNotInformedRequired = "is verplicht als de moeder niet vooraf is geïnformeerd: zeg waarom niet"
        public static let shareNeedsOneBasis = "een deling heeft precies één grondslag: een toestemming of een doorbreking"
        public static let weighingNoSafety =
            "er is geen acute of structurele onveiligheid, en hulp is mogelijk, wordt aanvaard en leidt tot duurzame veiligheid (vragen 2 tot en met 5)"
        public static let weighingNoSuspicion = "er is geen vermoeden van geweld (vraag 1)"
        public static func weighingRefuses(_ why: String) -> String {
            "de antwoorden op het afwegingskader pleiten niet voor het doorbreken van het beroepsgeheim: \(why). "
                + "Bied hulp en deel met toestemming; alleen bij acuut gevaar (--grond acuut-gevaar) kan het toch"
        }

        // Finding an entity
        public static func noEntity(_ id: String) -> String {
            "\(id) staat niet in dit gezinsplan; 'nazorg family show' toont de ids"
        }
        public static func severalEntities(_ id: String) -> String { "\(id) past bij meer dan één onderdeel; geef meer tekens" }

        // Closing aftercare
        public static let noAftercareToClose = "er is geen nazorgperiode om af te sluiten; begin er een met 'nazorg aftercare start'"
        public static let aftercareClosed = "deze nazorgperiode is al afgesloten"
        public static func closedBeforeStart(_ start: String) -> String {
            "ligt vóór de start van de nazorg (\(start)); controleer de datum"
        }
        public static func closeWithoutRegisseur(until needed: String) -> String {
            "de nazorg kan niet worden afgesloten zonder een regisseur voor minstens zes maanden vinger aan de pols "
                + "(tot \(needed)); leg er een vast met 'nazorg regisseur add'"
        }
        public static func regisseurTooShort(_ until: String, needed: String) -> String {
            "de regisseur is alleen benoemd tot en met \(until); de nazorg kan worden afgesloten als er een regisseur is tot minstens \(needed)"
        }
        public static func closeWithoutAssessment(_ who: [String]) -> String {
            "de nazorg kan niet worden afgesloten zolang niet elk gezinslid een risicoclassificatie heeft; ontbreekt voor: "
                + "\(who.joined(separator: ", ")) ('nazorg risk assess')"
        }
        public static func evaluationDue(_ due: String) -> String {
            "de 3-maandenevaluatie met de cliënt (gepland op \(due)) is nog niet gedaan; leg haar vast met 'nazorg evaluation record --soort drie-maanden'"
        }
        public static func stopsBeforeEvaluation(_ due: String) -> String {
            "de nazorg stopt vóór de 3-maandenevaluatie (\(due)); leg eerst een afsluitende evaluatie met de cliënt vast ('nazorg evaluation record --soort afsluitend')"
        }
        public static let noHandover =
            "er is sinds de start van de nazorg geen warme overdracht gedaan; maak er een met 'nazorg handover create', "
            + "of leg vast waarom niet met --geen-overdracht-omdat TEKST"

        // Share bases (consent or safety override)
        public static let shareNamesNoSection = "een deling noemt minstens één deel van het plan (--secties)"
        public static let consentNeverShared = "het deel toestemmingen (consent) wordt nooit met een andere organisatie gedeeld"
        public static func notABasis(_ id: String) -> String {
            "\(id) is geen toestemming of doorbreking van dit gezin; 'nazorg consent list' toont ze"
        }
        public static func basisForOther(_ basis: String, _ id: String, recipient: String) -> String {
            "de \(basis) \(id) is voor een andere organisatie (\(recipient))"
        }
        public static func basisDoesNotCover(_ basis: String, _ id: String, missing: [String], covered: [String]) -> String {
            "de \(basis) \(id) dekt \(Dutch.list(missing)) niet; zij dekt \(Dutch.list(covered))"
        }
        public static func consentNotYetValid(_ id: String, from: String) -> String { "de toestemming \(id) geldt pas vanaf \(from)" }
        public static func consentExpired(_ id: String, on: String) -> String { "de toestemming \(id) is verlopen op \(on)" }
        public static func consentWithdrawn(_ id: String, on: String) -> String { "de toestemming \(id) is ingetrokken op \(on)" }
        public static func overrideNotYetDecided(_ id: String, on: String) -> String {
            "tot de doorbreking \(id) is pas besloten op \(on)"
        }
        public static func overrideWithoutGround(_ id: String) -> String { "de doorbreking \(id) heeft geen wettelijke grond" }
        public static func memberSectionNamesNoMember(_ section: String) -> String {
            "het deel \(section) noemt geen lid van dit gezin; 'nazorg family show' toont de leden en hun id"
        }
        public static func memberConsentsAlone(_ section: String) -> String {
            "toestemming voor het deel \(section) komt van dat gezinslid zelf; noem het bij --gevers"
        }
        public static func parentMustConsent(_ section: String) -> String {
            "toestemming voor \(section) moet komen van de ouder in de opvang; noem haar bij --gevers"
        }
        public static func childSectionNamesNoMember(_ section: String) -> String {
            "het deel \(section) noemt geen lid van dit gezin; 'nazorg family show' toont de leden en hun id"
        }
        public static func childOf16Alone(_ section: String) -> String {
            "een kind van 16 of ouder geeft zelf toestemming voor \(section): de toestemming van het kind ontbreekt"
        }
        public static func noAuthorityRecorded(_ section: String) -> String {
            "voor \(section) is geen ouder met gezag vastgelegd; leg eerst het gezag vast ('nazorg member update … --gezag ja')"
        }
        public static func authorityMissing(_ section: String, missing: [String]) -> String {
            "toestemming voor \(section) vraagt elke ouder met gezag; ontbreekt: \(missing.joined(separator: ", "))"
        }
        public static func childOf12Too(_ section: String) -> String {
            "een kind van 12 of ouder geeft ook zelf toestemming voor \(section): de toestemming van het kind ontbreekt"
        }

        // MARK: Attention and what the rules find

        public static func doneOn(_ day: String) -> String { "gedaan op \(day)" }
        public static let notDoneAnymore = "niet meer gedaan"
        public static func missed(_ rule: String, member: String?, due: String, done: String) -> String {
            "\(rule)" + (member.map { " (\($0))" } ?? "") + ": uiterlijk \(due), \(done)"
        }
        public static func open(_ urgency: String, due: String, overdue: Bool, detail: String) -> String {
            "[\(overdue ? "te laat" : urgency), uiterlijk \(due)] \(detail)"
        }
        public static let highRisk = "hoog risico"
        public static func highRiskNotice(_ category: String) -> String {
            "hoog-risicogezin (\(category)): elke deling op toestemming vraagt een tweede besluit (--tweede-besluit) of een doorbreking"
        }
        public static func highRiskWarning(_ category: String) -> String {
            "Let op: hoog-risicogezin (\(category)). Deel alleen wat strikt nodig is; het geheime adres en de afspraken met politie en OM gaan alleen mee na een tweede besluit."
        }
        public static func concurrentEdits(_ kind: String, _ id: String) -> String {
            "\(kind) \(id) heeft gelijktijdige wijzigingen die een keuze vragen: zie 'nazorg conflicts'"
        }
        public static func overrideNotReviewed(_ id: String, on day: String) -> String { "doorbreking \(id) van \(day) is nog niet getoetst" }
        public static func contactFrequency(_ count: Int, perDays days: Int) -> String { "\(count) keer per \(days) dagen" }

        // MARK: Changes that call for a new risk assessment

        public static func joinedHousehold(_ member: String) -> String { "\(member) kwam bij het huishouden" }
        public static let aChild = "een kind"
        public static func arrangement(_ kind: String, for child: String) -> String { "\(kind) voor \(child)" }
        public static func backHome(_ member: String) -> String { "\(member) is weer in huis" }
        public static let anotherMunicipality = "een andere gemeente"
        public static func moving(to place: String) -> String { "verhuizing naar \(place)" }
    }
}

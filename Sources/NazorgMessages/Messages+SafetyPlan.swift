extension Messages {
    /// The safety plan as the mother (or a child of reading age) reads it on paper: plain Dutch at B1 level,
    /// short sentences, common words, no codes, no ids, no terms of the trade ("grondslag", instrument names,
    /// risk colours). Norm 2.6: the plan in language the client understands.
    public enum SafetyPlan {
        public static let title = "Mijn veiligheidsplan"
        public static func forClient(_ name: String, made day: String, with worker: String) -> String {
            "Voor \(name). Gemaakt op \(day) met \(worker)."
        }
        public static func forChild(_ name: String, made day: String) -> String { "Voor \(name). Gemaakt op \(day)." }

        // In danger
        public static let dangerHeading = "Bent u in gevaar? Bel 112."
        public static let dangerText = "Bel 112 als u of de kinderen in gevaar zijn. Bel eerst 112. Daarna pas iemand anders."
        public static let childDangerHeading = "Voel je je niet veilig? Bel 112."
        public static let childDangerText = "Je mag altijd 112 bellen. Ook als je moeder of iemand anders in gevaar is."

        // Signals
        public static let signalsHeading = "Als dit gebeurt, doe ik dit"
        public static func signal(_ what: String, then action: String?) -> String {
            action.map { "Als \(what): \($0)." } ?? "Let op: \(what)."
        }

        // Who to call
        public static let callHeading = "Wie ik kan bellen"
        public static let childCallHeading = "Deze mensen kun je bellen"
        public static let call112 = "112: politie en ambulance. Bel bij gevaar."
        public static let veiligThuis = "Veilig Thuis: 0800-2000. Gratis, dag en nacht."
        public static let kindertelefoon = "De Kindertelefoon: 0800-0432. Gratis. Je hoeft je naam niet te zeggen."
        public static func contact(_ name: String, relation: String?, phone: String?) -> String {
            "\(name)\(relation.map { " (\($0))" } ?? "")\(phone.map { ": \($0)" } ?? "")."
        }
        public static func regisseur(_ name: String, organisation: String) -> String {
            "Mijn regisseur: \(name), \(organisation)."
        }
        public static func worker(_ name: String, organisation: String) -> String { "Mijn hulpverlener: \(name), \(organisation)." }

        // What has been arranged
        public static let arrangedHeading = "Wat er geregeld is"
        public static let childArrangedHeading = "Dit is geregeld"
        public static let contactBan = "Er is een contactverbod."
        public static let restrainingOrder = "Er is een huisverbod."
        public static let awareAlarm = "U heeft een alarmknop. Druk erop als u in gevaar bent. Dan komt de politie snel."
        public static let secretAddress = "Uw adres is geheim. Geef het niet aan mensen die u niet vertrouwt."
        public static let neighbourhoodOfficer = "De wijkagent weet wat er is gebeurd. Hij of zij komt vaker langs."
        public static let schoolBriefed = "De school weet wie de kinderen niet mag ophalen."
        public static let careReport = "Veilig Thuis weet van uw situatie."
        public static let networkAlert = "Mensen om u heen weten wat ze moeten doen als het niet goed gaat."
        public static let childContactBan = "Een rechter heeft gezegd dat er geen contact mag zijn."
        public static let childSecretAddress = "Jullie adres is geheim. Vertel het niet aan anderen."
        public static let childSchoolBriefed = "Je juf of meester weet wie jou niet mag ophalen."

        // Goals and the next appointment
        public static let goalsHeading = "Mijn doelen"
        public static func goal(_ text: String, achieved: Bool) -> String { "\(text). \(achieved ? "Dit is gelukt." : "Hier werken we aan.")" }
        public static let appointmentHeading = "Mijn volgende afspraak"
        public static func nextVisit(_ worker: String, by day: String) -> String { "\(worker) komt uiterlijk op \(day) weer bij u." }
        public static func visitSoon(_ worker: String) -> String { "\(worker) neemt snel contact met u op voor een nieuwe afspraak." }
        public static func noVisitPlanned(_ worker: String) -> String { "Maak de volgende afspraak met \(worker)." }

        // The child's own words
        public static let ownWordsHeading = "Wat ik zelf wil"

        public static let keepSafe = "Bewaar dit papier op een veilige plek. Laat het niet liggen waar anderen het kunnen lezen."
        public static let childKeepSafe = "Bewaar dit papier op een geheime plek."

        // For the worker
        public static func confirm(_ file: String) -> String {
            "Dit veiligheidsplan wordt leesbaar op papier: namen, telefoonnummers en afspraken, niet versleuteld. "
                + "Typ ja om \(file) te schrijven: "
        }
        public static let notConfirmed = "niet geschreven: er is niet met ja bevestigd"
        public static func written(_ file: String, score: Int) -> String {
            "veiligheidsplan geschreven naar \(file) (leesbaarheid Flesch-Douma \(score); 60 of hoger is eenvoudig Nederlands)"
        }
        public static func readableWarning(_ file: String) -> String {
            "let op: \(file) is leesbaar voor wie het vindt (rechten 0600). Print het, geef het aan de cliënt en verwijder het bestand."
        }
        public static let childNeedsMember = "--voor kind vraagt --lid: het kind voor wie het plan is"
        public static func childTooYoung(_ age: Int, minimum: Int) -> String {
            "dit kind is \(age) jaar; een eigen veiligheidsplan op papier is er vanaf \(minimum) jaar. Bespreek het plan met de moeder"
        }
        public static let notAChild = "--lid moet een kind van dit gezin zijn"
        public static let noMother = "dit gezin heeft geen ouder in de opvang; leg haar eerst vast ('nazorg member add … --rol ouder-in-opvang')"
        public static let safetyNotHeld = "dit apparaat heeft het veiligheidsplan van dit gezin niet"
        public static func readerOneOf(_ readers: [String]) -> String { "--voor moet een van deze zijn: \(readers.joined(separator: ", "))" }
    }
}

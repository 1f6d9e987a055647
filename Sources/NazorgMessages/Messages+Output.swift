extension Messages {
    /// What the `nazorg` commands print when they succeed: confirmations, lists and progress. Scripts read
    /// the second word of a confirmation as the id (`gezin 6dd8a1f2 aangemaakt`), so those keep their shape.
    public enum Output {
        // MARK: Plan entries

        public static func added(_ kind: String, _ id: String) -> String { "\(kind) \(id) toegevoegd" }
        public static func updated(_ kind: String, _ id: String) -> String { "\(kind) \(id) bijgewerkt" }
        public static func deleted(_ id: String) -> String { "\(id) verwijderd" }
        public static let noConflicts = "geen conflicten"
        public static func conflict(_ noun: String, _ id: String, field: String, values: String) -> String {
            "\(id) (\(noun)) \(field): \(values)   (de laatste wint nu)"
        }
        public static func conflictResolved(_ field: String) -> String { "conflict in \(field) opgelost" }

        // MARK: Families

        public static func familyCreated(_ short: String, full: String) -> String { "gezin \(short) aangemaakt (volledig id \(full))" }
        public static func familyImported(_ short: String, full: String) -> String { "gezin \(short) geïmporteerd (volledig id \(full))" }
        public static let noFamilies = "geen gezinnen op dit apparaat"
        public static func familyLine(_ id: String, name: String, phase: String, regisseur: String?) -> String {
            "\(id)  \(name)  [\(phase)]  regisseur: \(regisseur ?? "NIET BENOEMD")"
        }
        /// A family whose core another organisation did not share: nothing about its name, phase or regisseur
        /// is known here, and the line says so instead of showing defaults as facts.
        public static func sharedFamilyLine(_ id: String, by organisation: String, sections: [String]) -> String {
            "\(id)  (naam niet gedeeld)  gedeeld door \(organisation): \(Dutch.list(sections))"
        }
        public static func sharedBy(_ organisation: String) -> String { "  gedeeld door \(organisation)" }
        public static let notShared = "niet gedeeld"
        public static func sharedPlanHeading(by organisation: String, sections: [String]) -> String {
            "Gedeeld door \(organisation): alleen \(Dutch.list(sections)). Wat hier 'niet gedeeld' heet, is niet met deze organisatie gedeeld; het zegt niets over het gezin."
        }
        public static let nothingFound = "geen gezin en geen gezinslid op dit apparaat met die tekst in de naam"
        public static func foundMember(_ name: String, id: String) -> String { "    gezinslid \(name) (\(id))" }
        public static func aftercareStarted(_ id: String) -> String { "nazorg \(id) gestart" }
        public static func aftercareClosed(on day: String) -> String { "nazorg afgesloten op \(day)" }

        // MARK: Consent

        public static let noBases = "geen toestemmingen, weigeringen of doorbrekingen"
        public static func consentLine(_ id: String, recipient: String, sections: [String], purpose: String, state: String) -> String {
            "toestemming \(id)  aan \(recipient)  delen: \(Dutch.list(sections))  doel: \(purpose)  [\(state)]"
        }
        public static func withdrawnOn(_ day: String) -> String { "ingetrokken op \(day)" }
        public static func expiredOn(_ day: String) -> String { "verlopen op \(day)" }
        public static func validFrom(_ day: String) -> String { "geldig vanaf \(day)" }
        public static let valid = "geldig"
        public static let motherInformed = "moeder geïnformeerd"
        public static func motherNotInformed(_ why: String) -> String { "moeder niet geïnformeerd: \(why)" }
        public static func refusalLine(_ id: String, by who: String, to recipient: String?, purpose: String, on day: String) -> String {
            "weigering \(id)  door \(who)\(recipient.map { "  aan \($0)" } ?? "")  waarvoor: \(purpose)  op \(day)"
        }
        public static func overrideLine(_ id: String, recipient: String, sections: [String], ground: String, on day: String, told: String) -> String {
            "doorbreking \(id)  aan \(recipient)  delen: \(Dutch.list(sections))  grond: \(ground)  \(day)  (\(told))"
        }

        // MARK: Partners and shares

        public static func partnerAdded(_ id: String, name: String) -> String { "ketenpartner \(id) (\(name)) toegevoegd" }
        public static let noPartners = "geen ketenpartners; voeg er een toe met 'nazorg partner add'"
        public static func partnerLine(_ id: String, name: String, full: String) -> String { "\(id)  \(name)  (id \(full))" }
        public static func shared(with recipient: String, sections: [String], basis: String, devices: Int, share: String) -> String {
            "gedeeld met \(recipient): \(Dutch.list(sections)) op \(basis), \(Dutch.count(devices, "apparaat", "apparaten")) (deling \(share))"
        }
        public static func refusedByServer(_ reason: String) -> String { "geweigerd door de server: \(reason)" }
        public static let sent = "verstuurd"
        public static let noShares = "geen delingen"
        public static func shareLine(_ id: String, on day: String, to recipient: String, sections: [String], basis: String) -> String {
            "deling \(id)  \(day)  aan \(recipient)  delen: \(sections.joined(separator: ","))  op \(basis)"
        }
        public static func concurrentWithdrawal(_ id: String) -> String { "  LET OP: gelijktijdig met intrekking \(id) die niet bekend was" }
        public static func consentBasis(_ id: String) -> String { "toestemming \(id)" }
        public static func overrideBasis(_ id: String) -> String { "doorbreking \(id)" }

        // MARK: Organisation and devices

        public static func organisationCreated(_ id: String, name: String, in directory: String) -> String {
            "organisatie \(id) (\(name)) aangemaakt in \(directory)"
        }
        public static func certificateWritten(device: String, role: String, to file: String) -> String {
            "certificaat voor apparaat \(device) (\(role)) geschreven naar \(file)"
        }
        public static func deviceCreated(_ device: String, request file: String, organisation: String) -> String {
            "apparaat \(device) aangemaakt; laat \(file) certificeren door \(organisation)"
        }
        public static let certificateInstalled = "certificaat geïnstalleerd; dit apparaat kan nu gezinsplannen bijhouden"
        public static func deviceLine(_ device: String) -> String { "apparaat:    \(device)" }
        public static func organisationLine(_ name: String, id: String) -> String { "organisatie: \(name) (\(id))" }
        public static func certificateLine(worker: String, role: String, until day: String) -> String {
            "certificaat: \(worker), rol \(role), geldig tot \(day)"
        }
        public static let noCertificateYet = "certificaat: nog niet geïnstalleerd"
        public static func deviceRevoked(_ device: String) -> String { "apparaat \(device) ingetrokken" }

        // MARK: Sync

        public static func synced(pushed: Int, changes: Int, keys: Int, requests: Int) -> String {
            "verstuurd: \(pushed), opgehaald: \(Dutch.count(changes, "wijziging", "wijzigingen")), \(Dutch.count(keys, "sleutel", "sleutels")) "
                + "(\(Dutch.count(requests, "verzoek", "verzoeken")))"
        }
        public static func logSent(_ count: Int) -> String {
            "logboek: \(Dutch.count(count, "regel", "regels")) naar het deellogboek van de organisatie"
        }
        public static func logWaiting(_ count: Int) -> String {
            "logboek: \(Dutch.count(count, "regel wacht", "regels wachten")): er is nog geen apparaat van een privacy officer geregistreerd"
        }
        public static func receiptRefused(_ reason: String) -> String { "ontvangstbevestiging geweigerd: \(reason)" }
        public static func receiptArrived(bundle: String, worker: String, organisation: String, imported: Bool) -> String {
            "ontvangstbevestiging: overdrachtsbundel \(bundle) ontvangen door \(worker) (\(organisation))\(imported ? ", geïmporteerd" : "")"
        }
        public static func rotated(_ sections: Int) -> String {
            "ingetrokken apparaat: nieuwe sleutelperiode voor \(Dutch.count(sections, "deel", "delen")); "
                + "het ingetrokken apparaat kan wat vanaf nu wordt geschreven niet lezen"
        }
        public static func droppedGrants(_ count: Int) -> String {
            "\(Dutch.count(count, "sleutel", "sleutels")) voor een inmiddels ingetrokken apparaat niet verstuurd"
        }
        public static func repaired(_ count: Int) -> String {
            "hersteld: \(Dutch.count(count, "wijziging", "wijzigingen")) opnieuw verstuurd (de server miste ze)"
        }
        public static func notApplied(_ reason: String) -> String { "niet toegepast: \(reason)" }
        public static func diverged(_ sections: Int) -> String {
            "let op: dit apparaat loopt achter in \(Dutch.count(sections, "deel", "delen")): wat hierboven niet is toegepast, "
                + "wordt bij elke synchronisatie opnieuw opgehaald tot het klopt"
        }
        public static func conflicted(_ count: Int) -> String {
            "let op: \(Dutch.count(count, "onderdeel heeft", "onderdelen hebben")) gelijktijdige wijzigingen; zie 'nazorg conflicts list'"
        }
        public static func colleagueKeys(_ count: Int, worker: String, device: String) -> String {
            "\(Dutch.count(count, "sleutel", "sleutels")) klaargezet voor \(worker) (\(device)); ze gaan mee met de volgende 'nazorg sync'"
        }

        // MARK: Caseload

        public static func calendarWritten(_ count: Int, to file: String) -> String {
            "\(Dutch.count(count, "afspraak", "afspraken")) geschreven naar \(file)"
        }
        public static func calendarHasNames(_ file: String) -> String {
            "let op: \(file) bevat namen van gezinnen, niet versleuteld (rechten 0600); deel het met niemand."
        }
        public static func reportWritten(to file: String) -> String { "rapport geschreven naar \(file)" }
        public static func plaintextWritten(_ file: String) -> String {
            "let op: \(file) bevat leesbare gegevens van het gezin, niet versleuteld. Alleen u kunt het lezen (rechten 0600); verwijder het zodra het niet meer nodig is."
        }

        // MARK: Privacy officer

        public static func logPulled(new: Int, total: UInt64, root: String) -> String {
            "logboek: \(Dutch.count(new, "nieuwe regel", "nieuwe regels")), \(total) in totaal; boomkop gecontroleerd (\(root))"
        }
        public static func reviewsSent(_ count: Int) -> String { "eigen toetsingen verstuurd: \(count)" }
        public static func logIntact(_ entries: Int) -> String {
            "logboek in orde: \(Dutch.count(entries, "regel", "regels")), ondertekend, consistent met de vorige boomkop, ketens compleet"
        }
        public static let logNotIntact = "LOGBOEK NIET IN ORDE:"
        public static let nothingToReview = "niets te toetsen"
        public static func reviewRecorded(_ record: String, outcome: String) -> String { "toetsing van \(record) vastgelegd: \(outcome)" }
        public static func noSharesOfFamily(_ family: String) -> String { "geen delingen van gezin \(family) in het logboek" }
        public static func clientShareLine(day: String, recipient: String, sections: [String], basis: String, worker: String, organisation: String) -> String {
            "\(day)  aan \(recipient)  delen: \(Dutch.list(sections))  grondslag: \(basis)  door \(worker) (\(organisation))"
        }
        public static let noRows = "(geen regels)"

        // MARK: Handover

        public static func bundleCreated(
            _ bundle: String, for recipient: String, sections: [String], entities: Int, devices: Int, share: String
        ) -> String {
            "overdrachtsbundel \(bundle) voor \(recipient): \(Dutch.list(sections)) (\(Dutch.count(entities, "onderdeel", "onderdelen")), "
                + "\(Dutch.count(devices, "apparaat", "apparaten")); deling \(share))"
        }
        public static func withheld(_ section: String, reason: String) -> String { "niet overgedragen: \(section) — \(reason)" }
        public static func bundleWritten(to file: String, bytes: Int) -> String { "geschreven naar \(file) (\(bytes) bytes)" }
        public static func bundleMailed(to recipient: String) -> String { "verstuurd naar de postbus van \(recipient)" }
        public static func bundleSent(_ bundle: String) -> String { "bundel \(bundle) verstuurd" }
        public static func receiptOfBundle(bundle: String, worker: String, organisation: String, imported: Bool) -> String {
            "ontvangstbevestiging: bundel \(bundle) ontvangen door \(worker) (\(organisation))\(imported ? ", geïmporteerd" : "")"
        }
        public static let received = "Ontvangen"
        public static let noBundles = "  geen bundels"
        public static func inboxLine(_ bundle: String, from sender: String, on day: String, bytes: Int, status: String) -> String {
            "  \(bundle)  van \(sender)  \(day)  \(bytes) bytes  \(status)"
        }
        public static let inboxNew = "nieuw"
        public static let inboxOpened = "geopend"
        public static func inboxImported(as family: String) -> String { "geïmporteerd als gezin \(family)" }
        public static let inboxAcknowledged = ", bevestigd"
        public static func notAPartner(_ organisation: String) -> String { "organisatie \(organisation) (geen ketenpartner)" }
        public static let sentHeading = "Verzonden"
        public static func sentLine(_ bundle: String, to organisation: String, on day: String, receipt: String) -> String {
            "  \(bundle)  aan \(organisation)  \(day)  \(receipt)"
        }
        public static func receiptOn(_ day: String) -> String { "ontvangst bevestigd op \(day)" }
        public static let noReceiptYet = "nog geen ontvangstbevestiging"
        public static func bundleChecked(_ bundle: String, from sender: String, by worker: String, on day: String) -> String {
            "bundel \(bundle) van \(sender), gemaakt door \(worker) op \(day): gecontroleerd (handtekening, certificaat, apparaat niet ingetrokken, grondslag, inhoud)"
        }
        public static func basis(_ text: String) -> String { "grondslag: \(text)" }
        public static func handedOver(_ sections: [String], entities: Int) -> String {
            "overgedragen: \(Dutch.list(sections)) (\(Dutch.count(entities, "onderdeel", "onderdelen")))"
        }
        public static func meeting(on day: String, mode: String, attended: [String]) -> String {
            "gesprek: \(day), \(mode), aanwezig: \(Dutch.list(attended))"
        }
        public static func alreadyImported(on day: String, family: String) -> String { "al geïmporteerd op \(day) als gezin \(family)" }
        public static func importHint(_ bundle: String) -> String {
            "importeer met 'nazorg handover import \(bundle)'; lees met 'nazorg handover summary \(bundle)'"
        }
        public static func imported(family: String, entities: Int, from sender: String) -> String {
            "geïmporteerd als gezin \(family) (\(Dutch.count(entities, "onderdeel", "onderdelen")) van \(sender))"
        }
        public static func acknowledgeHint(_ bundle: String) -> String { "bevestig de ontvangst met 'nazorg handover ack \(bundle)'" }
        public static func acknowledged(_ bundle: String, to sender: String, imported: Bool) -> String {
            "ontvangst van bundel \(bundle) bevestigd aan \(sender)\(imported ? " (geïmporteerd)" : "")"
        }
    }
}

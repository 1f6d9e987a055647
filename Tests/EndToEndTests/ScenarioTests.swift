import Foundation
import GRDB
import Testing

/// The scenarios of REQUIREMENTS.md §9 through the real binary: what the plan records, what it refuses at the
/// moment of writing, and that a refused write leaves the store byte for byte as it was.
@Suite struct ScenarioTests {
    /// A certified worker with the Zonnebloem family (scenario 1) imported.
    struct Worker {
        let cli: CLIRunner
        let family: String

        init() throws {
            cli = try CLIRunner()
            try cli.setUpCertifiedWorker()
            family = String(try cli.run(["family", "import", CLIRunner.fixture("zonnebloem")]).stdout.split(separator: " ")[1])
        }

        /// Runs a command that must succeed; returns the id it printed.
        @discardableResult
        func add(_ arguments: [String]) throws -> String {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return String(result.stdout.split(separator: " ").dropFirst().first ?? "")
        }

        /// Runs a command that must be refused with `status`, naming `words`, and change nothing on disk.
        func refused(_ arguments: [String], _ status: Int32, _ words: String) throws {
            let before = try digest()
            let result = try cli.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(words), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(try digest() == before, "a refused write changed the store: \(arguments)")
        }

        /// Every file of the profile byte for byte, except the store, which is compared row for row: opening a
        /// store rewrites its header even when nothing is written (noted on issue 14), so bytes cannot show it.
        func digest() throws -> [String: String] {
            var out: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: cli.profile.path) where !name.hasPrefix("store.") {
                out[name] = try Data(contentsOf: cli.profile.appendingPathComponent(name)).base64EncodedString()
            }
            var configuration = Configuration()
            configuration.readonly = true
            let store = try DatabaseQueue(path: cli.profile.appendingPathComponent("store.sqlite").path, configuration: configuration)
            try store.read { db in
                for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                    let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"")
                    out["store:\(table)"] = rows.map(\.description).sorted().joined(separator: "\n")
                }
            }
            return out
        }

        func show() throws -> String { try cli.run(["family", "show", family]).stdout }

        /// The full id of the first entity of `kind` whose fields include `field` = `value`.
        func id(of kind: String, _ field: String, _ value: String) throws -> String {
            let json = try cli.run(["family", "show", family, "--json"]).stdout
            let plan = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let entity = (plan?["entities"] as? [[String: Any]] ?? []).first {
                $0["kind"] as? String == kind && ($0["fields"] as? [String: Any])?[field] as? String == value
            }
            return entity?["id"] as? String ?? ""
        }
    }

    /// Today in the form the CLI takes, `n` days on.
    static func day(_ n: Int) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        return formatter.string(from: Date().addingTimeInterval(Double(n) * 86_400))
    }

    /// Scenario 3: the mother refuses consent, a child is at risk, and the meldcode override is linked to the child
    /// and the assessment it protects; an override the afwegingskader does not support is refused.
    @Test func scenario3TheRefusalIsRecordedAndTheOverrideMustBeSupported() throws {
        let worker = try Worker()
        try worker.add([
            "consent", "refuse", worker.family, "--gever", "Anna Zonnebloem", "--ontvanger-naam", "Veilig Thuis Voorbeeldregio",
            "--doel", "zorgen over Lotte bespreken", "--datum", "2026-11-20", "--vorm", "mondeling", "--vastgelegd-door", "Mira",
        ])
        #expect(try worker.cli.run(["consent", "list", worker.family]).stdout.contains("weigering"), "the refusal is listed")

        let base = [
            "override", "record", worker.family, "--ontvanger", String(repeating: "c", count: 32), "--ontvanger-naam", "Veilig Thuis",
            "--secties", "safety", "--rechtvaardiging", "Lotte onveilig; moeder weigert", "--geraadpleegd", "aandachtsfunctionaris",
            "--moeder-geinformeerd", "ja", "--besluit-door", "teamleider", "--datum", "2026-11-21",
        ]
        // Every answer argues against breaking confidentiality: refused, unless the ground is acute danger.
        let against = ["--vermoeden", "ja", "--onveilig", "nee", "--hulp-mogelijk", "ja", "--hulp-aanvaard", "ja", "--duurzaam-veilig", "ja"]
        try worker.refused(base + against + ["--grond", "melding-veilig-thuis", "--lid", "Lotte"], 67, "afwegingskader")
        try worker.refused(
            base + ["--vermoeden", "nee", "--onveilig", "ja", "--hulp-mogelijk", "nee", "--hulp-aanvaard", "nee", "--duurzaam-veilig", "nee"]
                + ["--grond", "melding-veilig-thuis", "--lid", "Lotte"], 67, "geen vermoeden van geweld")
        // Without the member it protects: refused.
        let supported = ["--vermoeden", "ja", "--onveilig", "ja", "--hulp-mogelijk", "nee", "--hulp-aanvaard", "nee", "--duurzaam-veilig", "nee"]
        try worker.refused(base + supported + ["--grond", "melding-veilig-thuis"], 65, "(--lid): is verplicht")
        // Linked to an assessment of a member it does not name: refused.
        let anna = try worker.id(of: "lid", "naam", "Anna Zonnebloem")
        let annasAssessment = String(try worker.id(of: "risicotaxatie", "lid", anna).prefix(8))
        try worker.refused(
            base + supported + ["--grond", "melding-veilig-thuis", "--lid", "Bram", "--taxatie", annasAssessment], 67, "--taxatie")
        try worker.add(base + supported + ["--grond", "melding-veilig-thuis", "--lid", "Lotte"])
        try worker.add(base + against + ["--grond", "acuut-gevaar", "--lid", "Lotte,Bram"])
        #expect(try worker.cli.run(["consent", "list", worker.family]).stdout.components(separatedBy: "doorbreking ").count == 3)
    }

    /// Facts dated after today are refused (a day's tolerance for clocks): an evaluation dated years ahead must not
    /// mark the 3-month evaluation done.
    @Test func factsDatedInTheFutureAreRefused() throws {
        let worker = try Worker()
        try worker.refused(
            ["evaluation", "record", worker.family, "--datum", "2030-01-01", "--soort", "drie-maanden"], 65, "ligt in de toekomst")
        try worker.refused(
            ["contact", "log", worker.family, "--datum", Self.day(2), "--vorm", "huisbezoek", "--verslag", "x"], 65, "(--datum): ligt in de toekomst")
        try worker.add(["contact", "log", worker.family, "--datum", Self.day(1), "--vorm", "telefoon", "--verslag", "gebeld"])
        try worker.refused(
            ["stagnation", "add", worker.family, "--domein", "wonen", "--omschrijving", "geen woning", "--sinds", "2031-01-01"], 65,
            "(--sinds): ligt in de toekomst")
    }

    /// Every fact that can be wrong is corrected by a new record: a corrected 3-month evaluation no longer counts,
    /// and a record already corrected is corrected through its correction.
    @Test func evaluationsAndMeasurementsAreCorrectedNotEdited() throws {
        let worker = try Worker()
        let evaluation = try worker.add(["evaluation", "record", worker.family, "--datum", "2026-11-01", "--soort", "drie-maanden"])
        #expect(try worker.show().contains("3-maandenevaluatie: gedaan"))
        let correction = try worker.add([
            "evaluation", "record", worker.family, "--datum", "2026-11-01", "--soort", "periodiek", "--corrigeert", evaluation,
            "--uitkomst", "was een periodieke evaluatie, zonder de cliënt",
        ])
        #expect(!(try worker.show().contains("3-maandenevaluatie: gedaan")), "the corrected evaluation no longer counts")
        try worker.refused(
            ["evaluation", "record", worker.family, "--datum", "2026-11-01", "--soort", "periodiek", "--corrigeert", evaluation], 67,
            "al gecorrigeerd door \(correction)")
        let zrm = try worker.add(["zrm", "record", worker.family, "--datum", "2026-11-02", "--score", "justitie=1"])
        try worker.add(["zrm", "record", worker.family, "--datum", "2026-11-02", "--score", "justitie=4", "--corrigeert", zrm])
        let shown = try worker.show()
        #expect(shown.contains("justitie 4") && !shown.contains("justitie 1"), "\(shown)")
    }

    /// Scenario 12: long aftercare, then a punch card of extra sessions; the closed episode stays in view.
    @Test func scenario12APunchCardAfterLongAftercare() throws {
        let worker = try Worker()
        try worker.refused(
            ["aftercare", "start", worker.family, "--start", "2026-11-01", "--gepland-einde", "2027-03-01", "--vorm", "strippenkaart"],
            67, "de nazorg loopt al")
        let shown = try worker.show()
        #expect(shown.contains("Nazorg"), "\(shown)")
        let created = try worker.cli.run(["family", "create", "--naam", "Gezin Eik"])
        let family = String(created.stdout.split(separator: " ")[1])
        try worker.refused(
            ["aftercare", "start", family, "--start", "2026-11-01", "--gepland-einde", "2027-03-01", "--vorm", "strippenkaart"], 65,
            "(--strippen): is verplicht bij een strippenkaart")
        try worker.refused(
            ["aftercare", "start", family, "--start", "2026-11-01", "--gepland-einde", "2027-03-01", "--vorm", "begeleiding", "--strippen", "8"],
            65, "hoort alleen bij de vorm strippenkaart")
        try worker.add([
            "aftercare", "start", family, "--start", "2026-11-01", "--gepland-einde", "2027-03-01", "--vorm", "strippenkaart", "--strippen", "8",
        ])
        #expect(try worker.cli.run(["family", "show", family]).stdout.contains("strippenkaart van 2026-11-01 tot 2027-03-01, 8 gesprekken"))
        // A contact records whether the children were seen and safety discussed.
        try worker.add([
            "contact", "log", worker.family, "--datum", "2026-11-03", "--vorm", "huisbezoek", "--verslag", "kennismaking",
            "--kinderen-gezien", "ja", "--veiligheid-besproken", "nee",
        ])
        #expect(try worker.show().contains("[kinderen gezien, veiligheid niet besproken]"))
    }
}

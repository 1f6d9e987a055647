import Foundation
import Testing

/// The worker's offline flow through the real binary, checking stdout, stderr and exit codes.
struct WorkerFlowTests {
    @Test func offlineFlowFromOrganisationToClosedAftercare() throws {
        let cli = try CLIRunner()
        try cli.setUpCertifiedWorker()
        for name in ["zonnebloem", "verhuizing", "code-rood"] {
            let result = try cli.run(["family", "import", CLIRunner.fixture(name)])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("geïmporteerd"))
        }
        let list = try cli.run(["family", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == 3)
        #expect(list.stdout.contains("Gezin Berk"))

        let berk = String(try #require(list.stdout.split(separator: "\n").first { $0.contains("Gezin Berk") }).prefix(8))
        let show = try cli.run(["family", "show", berk])
        #expect(show.status == 0)
        #expect(show.stdout.contains("risicotaxatie Eva Berk: rood (10 februari 2026, RiVaS) → oranje (15 april 2026, RiVaS) → groen (20 juni 2026, RiVaS)"))
        #expect(show.stderr.isEmpty)

        let json = try cli.run(["family", "show", berk, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["entities"] as? [Any])?.count == 18)

        // A new family: members, a goal with an action, a measure, a child's part, aftercare, a contact.
        let created = try cli.run(["family", "create", "--naam", "Gezin Linde", "--gemeente", "Voorbeeldstad"])
        #expect(created.status == 0)
        let family = String(try #require(created.stdout.split(separator: " ").dropFirst().first))
        func add(_ arguments: [String]) throws -> String {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return String(result.stdout.split(separator: " ").dropFirst().first ?? "")
        }
        let mother = try add(["member", "add", family, "--naam", "Linde", "--rol", "ouder-in-opvang", "--gezag", "ja"])
        let child = try add(["member", "add", family, "--naam", "Tim", "--rol", "kind", "--geboortedatum", "2018-04-01"])
        let goal = try add(["goal", "add", family, "--domein", "onderwijs", "--omschrijving", "Tim gaat naar school"])
        _ = try add(["action", "add", family, "--doel", goal, "--omschrijving", "inschrijven", "--deadline", "2026-12-01"])
        _ = try add(["measure", "add", family, "--soort", "aware-alarm"])
        _ = try add(["risk", "assess", family, "--lid", child, "--classificatie", "oranje", "--instrument", "RiVaS",
                     "--face-to-face", "ja", "--organisatie", "Opvang", "--datum", "2026-11-01"])
        _ = try add(["risk", "assess", family, "--lid", mother, "--classificatie", "groen", "--instrument", "RiVaS",
                     "--face-to-face", "ja", "--organisatie", "Opvang", "--datum", "2026-11-01"])
        _ = try add(["child", "add", family, "--lid", child, "--school", "De Linde", "--vir", "ja"])
        let start = try cli.run(["aftercare", "start", family, "--start", "2026-11-01", "--gepland-einde", "2027-05-01", "--vorm", "begeleiding"])
        #expect(start.status == 0, "\(start.stderr)")
        _ = try add(["contact", "log", family, "--datum", "2026-11-03", "--vorm", "huisbezoek", "--verslag", "kennismaking"])
        _ = try add(["evaluation", "record", family, "--datum", "2026-11-20", "--soort", "periodiek"])
        _ = try add(["zrm", "record", family, "--datum", "2026-11-20", "--score", "financien=2", "--score", "huisvesting=4"])
        _ = try add(["goal", "update", family, goal, "--status", "loopt"])

        // Closing without a regisseur is refused, with the reason on stderr and nothing on stdout.
        let refused = try cli.run(["aftercare", "close", family, "--datum", "2026-11-22", "--reden", "doelen behaald"])
        #expect(refused.status == 67)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("regisseur"))
        _ = try add(["regisseur", "add", family, "--naam", "Wijkteam-regisseur", "--organisatie", "Wijkteam", "--vanaf", "2026-11-01"])
        // Three weeks in, before the 3-month evaluation: a closing evaluation, and why there is no handover.
        _ = try add(["evaluation", "record", family, "--datum", "2026-11-21", "--soort", "afsluitend", "--deelnemers", "Linde"])
        let closed = try cli.run([
            "aftercare", "close", family, "--datum", "2026-11-22", "--reden", "doelen behaald",
            "--geen-overdracht-omdat", "Linde wil geen vervolghulp",
        ])
        #expect(closed.status == 0, "\(closed.stderr)")

        let plan = try cli.run(["family", "show", family])
        #expect(plan.stdout.contains("fase afgesloten"))
        #expect(plan.stdout.contains("actie"))
        #expect(plan.stdout.contains("De Linde"))
        #expect(try cli.run(["conflicts", "list", family]).stdout.contains("geen conflicten"))
    }

    /// A worker knows a family by its name, not its id: find it, and give the name wherever a family is asked.
    @Test func aFamilyIsFoundByNameAndNamesWorkWhereAFamilyIsAsked() throws {
        let cli = try CLIRunner()
        try cli.setUpCertifiedWorker()
        let family = String(try cli.run(["family", "import", CLIRunner.fixture("zonnebloem")]).stdout.split(separator: " ")[1])
        // By part of the family's name, or of a member's; case and accents do not count.
        let byFamily = try cli.run(["family", "find", "ZONNE"])
        #expect(byFamily.status == 0 && byFamily.stdout.hasPrefix("\(family)  Gezin Zonnebloem"), "\(byFamily.stdout) \(byFamily.stderr)")
        let byMember = try cli.run(["family", "find", "lötte"])
        #expect(byMember.stdout.contains("\(family)  Gezin Zonnebloem") && byMember.stdout.contains("gezinslid Lotte ("), "\(byMember.stdout)")
        #expect(try cli.run(["family", "find", "Jansen"]).stdout.contains("geen gezin en geen gezinslid"))
        // The name where an id is asked: show, and an edit.
        let shown = try cli.run(["family", "show", "zonnebloem"])
        #expect(shown.status == 0 && shown.stdout.hasPrefix("Gezin Zonnebloem — gezin \(family)"), "\(shown.stderr)")
        #expect(try cli.run(["family", "show", "Gezin Zonnebloem"]).status == 0)
        let added = try cli.run(["signal", "add", "Zonnebloem", "--omschrijving", "auto van vader in de straat", "--actie", "112 bellen"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try cli.run(["family", "show", family]).stdout.contains("auto van vader in de straat"))
        // A name that fits two families is refused with their ids, never guessed; an unknown name does not echo.
        let second = String(try cli.run(["family", "import", CLIRunner.fixture("zonnebloem")]).stdout.split(separator: " ")[1])
        let ambiguous = try cli.run(["family", "show", "Zonnebloem"])
        #expect(ambiguous.status == 66 && ambiguous.stderr.contains("2 gezinnen heten zo") && ambiguous.stderr.contains(family) && ambiguous.stderr.contains(second),
            "\(ambiguous.stderr)")
        #expect(!ambiguous.stderr.contains("Zonnebloem"), "the error repeats the name")
        let unknown = try cli.run(["family", "show", "Pietersen"])
        #expect(unknown.status == 66 && unknown.stderr.contains("geen gezin met die naam") && !unknown.stderr.contains("Pietersen"), "\(unknown.stderr)")
        // An id prefix still wins.
        #expect(try cli.run(["family", "show", String(family.prefix(4))]).status == 0 || family.prefix(4) == second.prefix(4))
    }

    @Test func badInputGetsAClearErrorAndADocumentedExitCode() throws {
        let cli = try CLIRunner()
        try cli.setUpCertifiedWorker()
        let family = String(try cli.run(["family", "import", CLIRunner.fixture("zonnebloem")]).stdout.split(separator: " ")[1])
        let cases: [([String], Int32, String)] = [
            (["member", "add", family, "--naam", "X", "--rol", "moeder"], 65, "rol (--rol): moet een van deze zijn"),
            (["member", "add", family, "--naam", "X", "--rol", "kind", "--geboortedatum", "2020-02-30"], 65, "geboortedatum (--geboortedatum): moet een bestaande datum zijn"),
            (["member", "add", family, "--naam", "X"], 65, "rol (--rol): is verplicht"),
            (["zrm", "record", family, "--datum", "2026-11-01", "--score", "verslaving=0"], 65, "ZRM verslaving (--score verslaving=1..5): moet een heel getal van 1 tot en met 5 zijn"),
            (["family", "show", "ffffffff"], 66, "geen gezin ffffffff op dit apparaat"),
            (["goal", "add", family, "--domein", "wonen", "--omschrijving", "x", "--lid", "abcdef12"], 66, "(--lid): abcdef12 is niet het begin van het id van een gezinslid"),
            (["family", "show"], 64, "het argument '<gezin>' ontbreekt"),
            (["family", "import", "/nonexistent.json"], 65, "kan /nonexistent.json niet lezen (een gezin om in te lezen)"),
        ]
        for (arguments, status, message) in cases {
            let result = try cli.run(arguments)
            #expect(result.status == status, "\(arguments) gave \(result.status): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments) printed to stdout")
        }
        let wrong = cli.directory.appendingPathComponent("fout.pass")
        try Data("niet deze\n".utf8).write(to: wrong)
        let wrongResult = try cli.run(["family", "list"], passphrase: wrong)
        #expect(wrongResult.status == 77)
        #expect(wrongResult.stderr.contains("de wachtwoordzin past niet bij de sleutels van dit apparaat"))
        let none = try cli.run(["family", "list"], noPassphrase: true)
        #expect(none.status == 77)
        #expect(none.stderr.contains("NAZORG_PASSPHRASE_FILE"))
    }

    @Test func everyCommandHasHelp() throws {
        let cli = try CLIRunner()
        let commands: [[String]] = [
            [], ["org"], ["org", "init"], ["org", "certify"], ["device", "init"], ["device", "install-certificate"],
            ["family", "create"], ["family", "show"], ["family", "import"], ["member", "add"], ["member", "update"],
            ["risk", "assess"], ["risk", "add"], ["child", "add"], ["aftercare", "start"], ["aftercare", "close"], ["contact", "log"],
            ["evaluation", "record"], ["zrm", "record"], ["conflicts", "resolve"], ["delete"],
        ]
        for command in commands {
            let result = try cli.run(command + ["--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("GEBRUIK: nazorg"), "\(command)")
        }
        #expect(try cli.run(["aftercare", "close", "--help"]).stdout.contains("regisseur"))
    }
}

/// Free text need not be given on the command line, where `/proc/*/cmdline` and the shell's history keep it.
struct FreeTextFromStandardInputTests {
    @Test func aVisitReportGivenAsDashIsReadFromStandardInput() throws {
        let cli = try CLIRunner()
        try cli.setUpCertifiedWorker()
        let created = try cli.run(["family", "create", "--naam", "Gezin Stil", "--gemeente", "Voorbeeldstad"])
        try cli.expectSuccess(created)
        let family = String(try #require(created.stdout.split(separator: " ").dropFirst().first))
        let report = "Moeder vertelt over de dreiging van haar ex-partner; afspraak over een veilig adres"
        let logged = try cli.run(
            ["contact", "log", family, "--datum", "2026-11-20", "--vorm", "telefoon", "--verslag", "-"], input: Data((report + "\n").utf8))
        #expect(logged.status == 0, "\(logged.stderr)")
        let show = try cli.run(["family", "show", family, "--json"])
        #expect(show.stdout.contains(report), "\(show.stdout)")
        #expect(!show.stdout.contains("\"verslag\":\"-\""))
    }
}

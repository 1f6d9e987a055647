import Foundation
import Testing

/// The caseload overview, the calendar and the evidence report, driven through the real binary over the seed
/// fixtures, on a fixed day (`--op`) so that what is due does not move with the calendar.
struct OverviewTests {
    static let day = "2026-11-30"

    /// A worker with Gezin Zonnebloem (scenario 1) and Gezin Beuk (scenario 10).
    struct Caseload {
        let cli: CLIRunner
        let families: [String: String]

        init() throws {
            cli = try CLIRunner()
            try cli.setUpCertifiedWorker()
            var families: [String: String] = [:]
            for (name, path) in [("Zonnebloem", CLIRunner.fixture("zonnebloem")), ("Beuk", CLIRunner.scenario("kinderbescherming"))] {
                let imported = try cli.run(["family", "import", path])
                try cli.expectSuccess(imported)
                families[name] = String(imported.stdout.split(separator: " ")[1])
            }
            self.families = families
        }

        struct Item: Equatable, CustomStringConvertible {
            var rule: String
            var family: String
            var member: String?
            var due: String
            var command: String?
            var description: String { "\(rule) \(member ?? "-") \(due)" }
        }

        func overview(_ extra: [String] = []) throws -> [Item] {
            let result = try cli.run(["overzicht", "--json", "--op", OverviewTests.day] + extra)
            try cli.expectSuccess(result)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return (object?["items"] as? [[String: Any]] ?? []).map {
                Item(
                    rule: $0["rule"] as! String, family: $0["familyName"] as? String ?? "", member: $0["memberName"] as? String,
                    due: $0["due"] as! String, command: $0["command"] as? String)
            }
        }
    }

    /// Splits a printed command as a shell would (double quotes group words) and fills in its placeholders.
    static func arguments(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in command {
            if character == "\"" { quoted.toggle(); continue }
            if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        var out: [String] = []
        for (i, word) in words.dropFirst().enumerated() {  // without "nazorg"
            let option = i > 0 ? words[i] : ""
            switch word {
            case "DATUM": out.append(option == "--tot" ? "2026-11-29" : day)
            case "NAAM": out.append("Karin de Wit")
            case "TEKST": out.append("vastgelegd in de test")
            case "rood|oranje|groen": out.append("oranje")
            case "SOORT": out.append("anders")
            case "LEEFGEBIED": out.append("opvoeding")
            case "ja|nee": out.append("ja")
            default: out.append(word)
            }
        }
        return out
    }

    /// The overview lists exactly the findings the fixtures call for, most urgent first; every one is resolved by
    /// the command it names, and a finding that a resolution brings (two regisseurs at once) is resolved in turn.
    @Test func theOverviewListsWhatIsDueAndEachCommandResolvesIt() throws {
        let caseload = try Caseload()
        let found = try caseload.overview()
        // Gezin Beuk has no aftercare episode: it is followed from its earliest recorded fact (the risk assessments
        // of 2026-03-02), so its plans per member were due then and are late, not "not yet due".
        let expected: [(String, String?, String)] = [
            ("gezinsvoogd-regisseur", "Finn", "2026-06-01"),
            ("classificatie-per-lid", "Vader Zonnebloem", "2026-09-02"),
            ("hulpverleningsplan-per-lid", "Finn", "2026-03-02"),
            ("hulpverleningsplan-per-lid", "Sandra Beuk", "2026-03-02"),
            ("veiligheidsplan-per-lid", "Finn", "2026-03-02"),
            ("veiligheidsplan-per-lid", "Sandra Beuk", "2026-03-02"),
            ("hulpverleningsplan-per-lid", "Lotte", "2026-09-01"),
            ("hulpverleningsplan-per-lid", "Bram", "2026-09-01"),
            ("contactfrequentie", nil, "2026-09-15"),
            ("herbeoordeling-periodiek", "Anna Zonnebloem", "2026-11-25"),
            ("herbeoordeling-periodiek", "Lotte", "2026-11-25"),
            ("herbeoordeling-periodiek", "Bram", "2026-11-25"),
            ("eenvoudige-taal", "Sandra Beuk", "2026-03-02"),
            ("stem-van-het-kind", "Finn", "2026-06-02"),
            ("eenvoudige-taal", "Anna Zonnebloem", "2026-09-01"),
            ("actie-deadline", nil, "2026-10-01"),
            ("evaluatie-client", nil, "2026-12-01"),
            ("evaluatie-ketenpartners", nil, "2026-12-01"),
        ]
        // Members under the same rule and day come in id order (ids are random): compare those as sets.
        func normalised(_ rows: [(String, String?, String)]) -> [String] {
            var out: [[String]] = []
            var last = ""
            for (rule, member, due) in rows {
                let key = "\(rule) \(due)"
                if key != last { out.append([]) }
                last = key
                out[out.count - 1].append("\(rule) \(member ?? "-") \(due)")
            }
            return out.flatMap { $0.sorted() }
        }
        #expect(normalised(found.map { ($0.rule, $0.member, $0.due) }) == normalised(expected), "\(found)")

        var queue = found
        var handled = 0
        while let item = queue.first, handled < 20 {
            queue.removeFirst()
            handled += 1
            let command = try #require(item.command, "\(item) names no command")
            let arguments = Self.arguments(command)
            let input = arguments.contains("-") ? Data("contact in de test\n".utf8) : nil
            let result = try caseload.cli.run(arguments, input: input)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let after = try caseload.overview()
            #expect(!after.contains { $0.rule == item.rule && $0.member == item.member && $0.due == item.due && $0.family == item.family },
                    "\(command) did not resolve \(item): \(after)")
            // What the resolution brought that is already due goes to the back of the queue.
            for new in after where new.due <= Self.day && !queue.contains(new) && !found.contains(new) { queue.append(new) }
        }
        let left = try caseload.overview()
        #expect(left.allSatisfy { $0.due > Self.day }, "only what falls due later is left: \(left)")
        #expect(left.contains { $0.rule == "contactfrequentie" }, "the next contact is due again within the week: \(left)")
        #expect(handled == found.count + 1, "one finding brought by a resolution: two regisseurs at once (\(handled))")
    }

    /// Filters, and `family show` from the same engine.
    @Test func filtersAndFamilyShowAgreeWithTheOverview() throws {
        let caseload = try Caseload()
        let beuk = caseload.families["Beuk"]!
        #expect(try caseload.overview(["--gezin", beuk]).allSatisfy { $0.family == "Gezin Beuk" })
        #expect(try caseload.overview(["--regel", "eenvoudige-taal"]).map(\.member) == ["Sandra Beuk", "Anna Zonnebloem"])
        #expect(try caseload.overview(["--horizon", "1"]).allSatisfy { $0.due <= "2026-12-01" })
        #expect(try caseload.overview(["--horizon", "400"]).contains { $0.rule == "nazorg-gepland-einde" })
        // Today, not a fixed day: family show and the overview over one family list the same findings.
        let shown = try caseload.cli.run(["family", "show", beuk]).stdout
        let listed = try JSONSerialization.jsonObject(with: Data(caseload.cli.run(["overzicht", "--json", "--gezin", beuk, "--horizon", "3650"]).stdout.utf8)) as? [String: Any]
        let details = (listed?["items"] as? [[String: Any]] ?? []).map { $0["detail"] as! String }
        #expect(!details.isEmpty)
        for detail in details { #expect(shown.contains(detail), "\(detail) not in family show: \(shown)") }
        #expect(shown.components(separatedBy: "\n  ! [").count - 1 == details.count, "\(shown)")

        let unknown = try caseload.cli.run(["overzicht", "--regel", "bestaat-niet"])
        #expect(unknown.status == 64 && unknown.stderr.contains("onbekende regel 'bestaat-niet'"), "\(unknown.stderr)")
        let badDay = try caseload.cli.run(["overzicht", "--op", "2026-02-30"])
        #expect(badDay.status == 64 && badDay.stderr.contains("--op moet een bestaande datum zijn"), "\(badDay.stderr)")
        let badHorizon = try caseload.cli.run(["overzicht", "--horizon", "0"])
        #expect(badHorizon.status == 64, "\(badHorizon.stderr)")
    }

    /// The calendar file: one all-day event per due date, and without --met-namen no name, place or school in it.
    @Test func theCalendarHasTheDueDatesAndNoNames() throws {
        let caseload = try Caseload()
        let file = caseload.cli.directory.appendingPathComponent("agenda.ics")
        let result = try caseload.cli.run(["agenda", "--ics", file.path, "--op", Self.day])
        #expect(result.status == 0 && result.stdout.contains("afspraken geschreven"), "\(result.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        let events = text.components(separatedBy: "BEGIN:VEVENT").count - 1
        let items = try caseload.overview(["--horizon", "365"])
        #expect(events == items.count && events > 0)
        #expect(text.contains("DTSTART;VALUE=DATE:20270301"), "the planned end of Zonnebloem's aftercare")
        #expect(text.contains("DTSTART;VALUE=DATE:20261130"), "what is overdue is on the day itself")
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        for name in ["Zonnebloem", "Anna", "Beuk", "Finn", "Sandra", "Karin de Wit", "Voorbeeldstad", "Regenboog", "Mark Smit"] {
            #expect(!unfolded.contains(name), "\(name) is in the calendar")
        }
        // Only when asked.
        try caseload.cli.expectSuccess(caseload.cli.run(["agenda", "--ics", file.path, "--op", Self.day, "--met-namen"]))
        let named = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        #expect(named.contains("Gezin Zonnebloem") && named.contains("Finn"))
    }

    /// The evidence per norm as a table, CSV and JSON, and as one HTML page that a real headless browser renders
    /// to a PDF with a bar per norm.
    @Test func theEvidenceReportCountsFamiliesPerNormAndRendersInABrowser() throws {
        let caseload = try Caseload()
        let json = try caseload.cli.run(["rapport", "normen", "--format", "json", "--op", Self.day])
        try caseload.cli.expectSuccess(json)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let norms = object?["norms"] as? [[String: Any]] ?? []
        func counts(_ rule: String) -> [String: Int] { norms.first { $0["rule"] as? String == rule }?["counts"] as? [String: Int] ?? [:] }
        #expect(counts("classificatie-per-lid")["niet-voldaan"] == 1, "Zonnebloem's father: \(counts("classificatie-per-lid"))")
        #expect(counts("evaluatie-client")["nog-niet-aan-de-orde"] == 1 && counts("evaluatie-client")["niet-van-toepassing"] == 1)
        #expect(counts("gezinsvoogd-regisseur")["niet-voldaan"] == 1 && counts("gezinsvoogd-regisseur")["niet-van-toepassing"] == 1)
        #expect(norms.allSatisfy { ($0["counts"] as? [String: Int] ?? [:]).values.reduce(0, +) == 2 }, "each norm counts both families")
        #expect(!json.stdout.contains("Zonnebloem"), "without --met-namen: ids only")
        // A period before anything was due: nothing met or missed.
        let early = try caseload.cli.run(["rapport", "normen", "--format", "csv", "--van", "2020-01-01", "--tot", "2020-12-31", "--op", Self.day])
        #expect(early.stdout.hasPrefix("regel,norm,bron,voldaan,niet-voldaan"), "\(early.stdout)")
        #expect(!early.stdout.split(separator: "\r\n").dropFirst().contains { $0.split(separator: ",").dropFirst(3).first != "0" && !$0.contains("\"") })
        let table = try caseload.cli.run(["rapport", "normen", "--op", Self.day, "--met-namen"]).stdout
        #expect(table.contains("niet voldaan: Gezin Zonnebloem ("), "\(table)")

        let html = caseload.cli.directory.appendingPathComponent("normen.html")
        try caseload.cli.expectSuccess(caseload.cli.run(["rapport", "normen", "--format", "html", "--op", Self.day, "--uit", html.path]))
        let pdf = caseload.cli.directory.appendingPathComponent("normen.pdf")
        let chromium = Process()
        chromium.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
        chromium.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(caseload.cli.directory.appendingPathComponent("chromium").path)",
            "--print-to-pdf=\(pdf.path)", html.absoluteString,
        ]
        chromium.standardOutput = FileHandle.nullDevice
        chromium.standardError = FileHandle.nullDevice
        try chromium.run()
        chromium.waitUntilExit()
        #expect(chromium.terminationStatus == 0 && FileManager.default.fileExists(atPath: pdf.path))
        let text = Process()
        text.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        text.arguments = ["-layout", pdf.path, "-"]
        let out = Pipe()
        text.standardOutput = out
        try text.run()
        let rendered = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        text.waitUntilExit()
        #expect(rendered.contains("Normen aantoonbaar: 2 gezinnen op 30 november"), "\(rendered)")
        #expect(rendered.contains("Elk gezinslid heeft een risicoclassificatie.") && rendered.contains("001_7eae4bf534562092.txt norm 1.2a"), "\(rendered)")
        #expect(rendered.contains("niet voldaan: 1"), "\(rendered)")
        // A bar per norm: one segment per verdict with families, drawn with its width.
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.components(separatedBy: "class=\"bar\"").count - 1 == 31, "one bar per rule but the officer's review")
        #expect(page.contains("width:50.00%;background:#c62828"), "half the families missed a norm")
    }
}

import Foundation
import NazorgMessages
import Testing

/// Scenario 15 and norm 2.6: the mother takes her own safety plan home on paper, in language she understands.
@Suite struct SafetyPlanTests {
    /// Plain Dutch: Flesch–Douma 60 or more (about B1) for the whole page, worker's texts included.
    static let readability = 60.0

    static func render(_ html: URL, in directory: URL) throws -> (pages: Int, text: String, png: URL) {
        let pdf = directory.appendingPathComponent("plan.pdf")
        let png = directory.appendingPathComponent("plan.png")
        for arguments in [
            ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"], ["--screenshot=\(png.path)", "--window-size=794,1123", "--hide-scrollbars"],
        ] {
            let chromium = Process()
            chromium.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
            chromium.arguments =
                ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(directory.appendingPathComponent("chromium").path)"]
                + arguments + [html.absoluteString]
            chromium.standardOutput = FileHandle.nullDevice
            chromium.standardError = FileHandle.nullDevice
            try chromium.run()
            chromium.waitUntilExit()
        }
        func run(_ tool: String, _ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
            process.arguments = arguments
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        let info = try run("pdfinfo", [pdf.path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        return (pages, try run("pdftotext", [pdf.path, "-"]), png)
    }

    @Test func theMothersOwnPlanIsPlainDutchOnAtMostTwoA4Pages() throws {
        let cli = try CLIRunner()
        try cli.setUpCertifiedWorker()
        let family = String(try cli.run(["family", "import", CLIRunner.fixture("zonnebloem")]).stdout.split(separator: " ")[1])
        let file = cli.directory.appendingPathComponent("veiligheidsplan.html")

        // Not without the worker's yes: nothing is written.
        let declined = try cli.run(["veiligheidsplan", family, "--uit", file.path], input: Data("nee\n".utf8))
        #expect(declined.status == 67 && declined.stderr.contains("niet geschreven"), "\(declined.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file.path))

        let written = try cli.run(["veiligheidsplan", "Zonnebloem", "--voor", "client", "--uit", file.path], input: Data("ja\n".utf8))
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("leesbaar voor wie het vindt (rechten 0600)"), "\(written.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let (pages, text, png) = try Self.render(file, in: cli.directory)
        #expect((1...2).contains(pages), "\(pages) pages")
        #expect(try Data(contentsOf: png).count > 10_000, "the screenshot is empty")
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in [
            "Mijn veiligheidsplan", "Voor Anna.", "Bent u in gevaar? Bel 112.", "Als vader wordt gezien in de buurt van school of woning: 112 bellen",
            "Oma Zonnebloem (moeder van Anna): 06-00000001.", "Veilig Thuis: 0800-2000.", "Mijn regisseur: Sanne de Wit",
            "Er is een contactverbod.", "Uw adres is geheim.", "De school weet wie de kinderen niet mag ophalen.",
            "Zelfstandig en veilig wonen op het nieuwe adres. Hier werken we aan.", "Mijn volgende afspraak",
        ] {
            #expect(flat.contains(expected), "\(expected) not on the page:\n\(text)")
        }
        // 112 comes before any other number.
        #expect((flat.range(of: "112")?.lowerBound ?? flat.endIndex) < (flat.range(of: "06-00000001")?.lowerBound ?? flat.startIndex))
        // No codes, ids or terms of the trade.
        for word in ["grondslag", "RiVaS", "oranje", "safety", "core", family, "classificatie", "meldcode", "ZRM"] {
            #expect(!flat.contains(word), "\(word) on the mother's page")
        }
        // "School weet wie de kinderen niet mag ophalen" only repeats the plain sentence: it is said once.
        #expect(flat.components(separatedBy: "wie de kinderen niet mag ophalen").count == 2, "\(flat)")
        let score = try #require(Dutch.fleschDouma(text))
        #expect(score >= Self.readability, "Flesch–Douma \(score)")
        #expect(written.stdout.contains("leesbaarheid Flesch-Douma"))
    }

    @Test func aChildOfReadingAgeGetsItsOwnPlanAndAYoungChildDoesNot() throws {
        let cli = try CLIRunner()
        try cli.setUpCertifiedWorker()
        let family = String(try cli.run(["family", "import", CLIRunner.fixture("zonnebloem")]).stdout.split(separator: " ")[1])
        let file = cli.directory.appendingPathComponent("bram.html")
        // Bram is 9 (born 19 February 2017).
        let bram = try cli.run(["veiligheidsplan", family, "--voor", "kind", "--lid", "Bram", "--uit", file.path], input: Data("ja\n".utf8))
        #expect(bram.status == 0, "\(bram.stderr)")
        let (pages, text, _) = try Self.render(file, in: cli.directory)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(pages == 1, "\(pages) pages")
        for expected in ["Voor Bram.", "Voel je je niet veilig? Bel 112.", "De Kindertelefoon: 0800-0432.", "Je juf of meester weet wie jou niet mag ophalen.",
            "Bram wil weer voetballen bij zijn oude club."]
        {
            #expect(flat.contains(expected), "\(expected) not on Bram's page:\n\(text)")
        }
        #expect(!flat.contains("Lotte"), "Lotte's own words on Bram's page")
        // The emergency contact by name and number; not as "moeder van Anna", the family's relation to her.
        #expect(flat.contains("Oma Zonnebloem: 06-00000001.") && !flat.contains("moeder van Anna"), "\(flat)")
        #expect(try #require(Dutch.fleschDouma(text)) >= Self.readability)
        // Lotte is 5: no plan of her own on paper; the worker goes through it with her mother.
        let lotte = try cli.run(["veiligheidsplan", family, "--voor", "kind", "--lid", "Lotte", "--uit", "lotte.html"], input: Data("ja\n".utf8))
        #expect(lotte.status == 67 && lotte.stderr.contains("vanaf 8 jaar"), "\(lotte.stderr)")
        let missing = try cli.run(["veiligheidsplan", family, "--voor", "kind", "--uit", "x.html"])
        #expect(missing.status == 64 && missing.stderr.contains("--voor kind vraagt --lid"), "\(missing.stderr)")
    }
}

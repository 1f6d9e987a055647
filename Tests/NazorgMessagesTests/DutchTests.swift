@testable import NazorgMessages
import Testing

@Suite struct DutchTests {
    @Test func countsTakeTheRightNoun() {
        #expect(Dutch.count(1, "apparaat", "apparaten") == "1 apparaat")
        #expect(Dutch.count(2, "apparaat", "apparaten") == "2 apparaten")
        #expect(Dutch.count(0, "verzoek", "verzoeken") == "0 verzoeken")
        #expect(Dutch.count(UInt64(1), "regel", "regels") == "1 regel")
    }

    @Test func listsEndWithEn() {
        #expect(Dutch.list([]) == "")
        #expect(Dutch.list(["kern"]) == "kern")
        #expect(Dutch.list(["kern", "plan"]) == "kern en plan")
        #expect(Dutch.list(["kern", "plan", "veiligheidsplan"]) == "kern, plan en veiligheidsplan")
        #expect(Dutch.list(["a", "b"], conjunction: "of") == "a of b")
    }

    @Test func datesReadAsPeopleWriteThemAndParseBack() {
        #expect(Dutch.date(year: 2026, month: 12, day: 3) == "3 december 2026")
        #expect(Dutch.date(year: 2026, month: 3, day: 1) == "1 maart 2026")
        for month in 1...12 {
            let written = Dutch.date(year: 2027, month: month, day: 28)
            let parsed = Dutch.parseDate(written)
            #expect(parsed?.year == 2027 && parsed?.month == month && parsed?.day == 28, "\(written)")
        }
        #expect(Dutch.parseDate("1 Maart 2026")?.month == 3)
        #expect(Dutch.parseDate("1 march 2026") == nil)
        #expect(Dutch.parseDate("2026-03-01") == nil)
        #expect(Dutch.parseDate("maart 2026") == nil)
    }

    @Test func isoDaysInTextArePeoplesDatesButCommandsAndTimesStay() {
        #expect(Dutch.writingDates(in: "uiterlijk 2026-10-01, gedaan op 2026-11-20") == "uiterlijk 1 oktober 2026, gedaan op 20 november 2026")
        #expect(Dutch.writingDates(in: "  nazorg contact log 6dd8 --datum 2026-12-01") == "  nazorg contact log 6dd8 --datum 2026-12-01")
        #expect(Dutch.writingDates(in: "om 2026-12-03T13:33:33+01:00") == "om 2026-12-03T13:33:33+01:00")
        #expect(Dutch.writingDates(in: "geen datum: 2026-13-01 of 12026-01-01") == "geen datum: 2026-13-01 of 12026-01-01")
        #expect(Dutch.writingDates(in: "a 2026-01-02\nnazorg x 2026-01-02\nb 2026-01-02") == "a 2 januari 2026\nnazorg x 2026-01-02\nb 2 januari 2026")
    }

    @Test func fleschDoumaScoresPlainDutchHighAndOfficialDutchLow() throws {
        #expect(Dutch.syllableCount("veiligheidsplan") == 4)
        #expect(Dutch.syllableCount("beroepsgeheim") == 4)
        #expect(Dutch.syllableCount("112") == 1)
        let plain = try #require(Dutch.fleschDouma("Bel 112. Doe dat nu. Bel daarna je zus."))
        let official = try #require(Dutch.fleschDouma(
            "Onverminderd de toepasselijkheid van de meldcode huiselijk geweld en kindermishandeling geschiedt de "
                + "informatieverstrekking uitsluitend op basis van de daartoe strekkende wettelijke grondslag."))
        #expect(plain > 80, "\(plain)")
        #expect(official < 30, "\(official)")
        #expect(Dutch.fleschDouma("112 0800-2000") == nil)
    }

    @Test func theParsersHelpReadsDutch() {
        let help = """
            OVERVIEW: Toon een gezin.

            USAGE: nazorg family show <family> [--profile <map>]
                   [--extra]

            ARGUMENTS:
              <family>                Het gezin.

            OPTIONS:
              --format <format>       table of csv. (values: table, csv; default: table)
              -h, --help              Show help information.

            SUBCOMMANDS:
              serve (default)         Start de server.

              See 'nazorg help family <subcommand>' for detailed help.
            """
        let dutch = Messages.Parser.translate(help)
        #expect(dutch.contains("OVERZICHT: Toon een gezin."))
        #expect(dutch.contains("GEBRUIK: nazorg family show <family> [--profile <map>]\n         [--extra]"))
        #expect(dutch.contains("ARGUMENTEN:\n"))
        #expect(dutch.contains("OPTIES:\n"))
        #expect(dutch.contains("(waarden: table, csv; standaard: table)"))
        #expect(dutch.contains("Toon deze hulp."))
        #expect(dutch.contains("SUBCOMMANDO'S:\n  serve (standaard)"))
        #expect(dutch.contains("Zie 'nazorg help family <subcommando>' voor de hulp bij een subcommando."))
    }

    @Test(arguments: [
        ("Error: Missing expected argument '<family>'", "Fout: het argument '<family>' ontbreekt"),
        ("Error: Unknown option '--bogus'", "Fout: onbekende optie '--bogus'"),
        ("Error: Unknown option '--profiel'. Did you mean '--profile'?", "Fout: onbekende optie '--profiel'; bedoelt u '--profile'?"),
        ("Error: Unexpected argument 'frobnicate'", "Fout: onverwacht argument 'frobnicate'"),
        ("Error: 2 unexpected arguments: 'a', 'b'", "Fout: 2 onverwachte argumenten: 'a', 'b'"),
        ("Error: Missing value for '--server <url>'", "Fout: geef een waarde bij '--server <url>'"),
        (
            "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'json' or 'csv'.",
            "Fout: de waarde 'xml' is ongeldig voor '--format <format>'. Kies 'table', 'json' of 'csv'."
        ),
        ("Error: The value 'x' is invalid for '--port <poort>'", "Fout: de waarde 'x' is ongeldig voor '--port <poort>'"),
        ("Error: Missing required subcommand.", "Fout: geef een subcommando."),
        (
            "Error: The option '--json' does not take any value, but 'ja' was specified.",
            "Fout: de optie '--json' neemt geen waarde, maar 'ja' is opgegeven."
        ),
        ("Usage: nazorg family show <family>\n  See 'nazorg family show --help' for more information.",
         "Gebruik: nazorg family show <family>\n  Zie 'nazorg family show --help' voor meer uitleg."),
        ("Help:  <family>  Het gezin.", "Hulp:  <family>  Het gezin."),
    ])
    func theParsersErrorsReadDutch(english: String, dutch: String) {
        #expect(Messages.Parser.translate(english) == dutch)
    }
}

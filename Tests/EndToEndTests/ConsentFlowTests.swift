import Foundation
import Testing

/// Recording consent, withdrawal and a safety override with the real binary.
struct ConsentFlowTests {
    @Test func consentWithdrawalAndOverrideAreRecordedAndRefusedWhenIncomplete() throws {
        let cli = try CLIRunner()
        try cli.setUpCertifiedWorker()
        let family = String(try cli.run(["family", "import", CLIRunner.fixture("zonnebloem")]).stdout.split(separator: " ")[1])
        let plan = try JSONSerialization.jsonObject(with: Data(cli.run(["family", "show", family, "--json"]).stdout.utf8)) as? [String: Any]
        let members = (plan?["entities"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "lid" }
        func member(_ role: String, _ name: String? = nil) -> String {
            let found = members.first { m in
                let fields = m["fields"] as? [String: Any]
                return fields?["rol"] as? String == role && (name == nil || fields?["naam"] as? String == name)
            }
            return String((found?["id"] as? String ?? "").prefix(8))
        }
        let mother = member("ouder-in-opvang")
        let father = member("andere-ouder")
        let lotte = member("kind", "Lotte")
        let wijkteam = String(repeating: "a", count: 32)
        let common = ["--ontvanger", wijkteam, "--doel", "vervolghulp", "--vanaf", "2026-11-22", "--vorm", "schriftelijk", "--vastgelegd-door", "Mira"]

        let given = try cli.run(["consent", "give", family, "--gevers", mother, "--ontvanger-naam", "Wijkteam", "--secties", "core,plan"] + common)
        #expect(given.status == 0, "\(given.stderr)")
        // For Lotte's part the father, who shares parental authority, must consent too.
        let child = try cli.run(["consent", "give", family, "--gevers", mother, "--ontvanger-naam", "School", "--secties", "child:\(lotte)"] + common)
        #expect(child.status == 67)
        #expect(child.stderr.contains("vraagt elke ouder met gezag"))
        #expect(try cli.run(["consent", "give", family, "--gevers", "\(mother),\(father)", "--ontvanger-naam", "School", "--secties", "child:\(lotte)"] + common).status == 0)
        // The consent section itself is never shared; an unknown section is named.
        #expect(try cli.run(["consent", "give", family, "--gevers", mother, "--ontvanger-naam", "X", "--secties", "consent"] + common).status == 65)

        let consent = String(try cli.run(["consent", "list", family]).stdout.split(separator: "\n").first { $0.contains("Wijkteam") }?
            .split(separator: " ")[1] ?? "")
        #expect(try cli.run(["consent", "withdraw", family, "--toestemming", consent, "--datum", "2026-11-22", "--vorm", "mondeling", "--vastgelegd-door", "Mira"]).status == 0)
        #expect(try cli.run(["consent", "withdraw", family, "--toestemming", consent, "--datum", "2026-11-22", "--vorm", "mondeling", "--vastgelegd-door", "Mira"]).status == 67)
        let list = try cli.run(["consent", "list", family]).stdout
        #expect(list.contains("ingetrokken op 22 november 2026"))

        let override = ["override", "record", family, "--ontvanger", String(repeating: "c", count: 32), "--ontvanger-naam", "Veilig Thuis",
                        "--secties", "safety", "--grond", "melding-veilig-thuis", "--vermoeden", "ja", "--onveilig", "ja",
                        "--hulp-mogelijk", "nee", "--hulp-aanvaard", "nee", "--duurzaam-veilig", "nee",
                        "--rechtvaardiging", "kind onveilig, moeder weigert", "--besluit-door", "teamleider", "--datum", "2026-11-22",
                        "--lid", lotte]
        let unconsulted = try cli.run(override + ["--moeder-geinformeerd", "ja"])
        #expect(unconsulted.status == 65)
        #expect(unconsulted.stderr.contains("(--geraadpleegd): is verplicht"))
        let unexplained = try cli.run(override + ["--geraadpleegd", "aandachtsfunctionaris", "--moeder-geinformeerd", "nee"])
        #expect(unexplained.status == 65)
        #expect(unexplained.stderr.contains("(--waarom-niet): is verplicht"))
        #expect(try cli.run(override + ["--geraadpleegd", "aandachtsfunctionaris", "--moeder-geinformeerd", "nee", "--waarom-niet", "gevaar voor het kind"]).status == 0)
        #expect(try cli.run(["consent", "list", family]).stdout.contains("grond: melding veilig thuis"))
    }
}

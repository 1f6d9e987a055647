import Foundation
import GRDB
import Testing

/// The privacy officer's share log through the real binaries: what the worker's actions log, the NEN 7513
/// report, the art. 15 answer, the override review, and a server that tampers with the log.
struct AuditFlowTests {
    @Test func theShareLogRecordsVerifiesAndDetectsTampering() async throws {
        let cli = try CLIRunner()
        try cli.setUpOrganisation("org")
        try cli.addDevice("laptop", org: "org")
        try cli.addDevice("fg", org: "org", role: "privacy-officer")
        try cli.setUpOrganisation("wijkteam", name: "Wijkteam Voorbeeldstad-Noord")
        try cli.addDevice("wijkteam-laptop", org: "wijkteam")
        let server = ServerRunner(data: cli.directory.appendingPathComponent("server"))
        for org in ["org", "wijkteam"] { try server.addOrganisation(cli.directory.appendingPathComponent("\(org)/organisation.pub")) }
        try cli.expectSuccess(cli.on("laptop", ["partner", "add", "wijkteam/organisation.pub"]))
        try cli.expectSuccess(cli.on("wijkteam-laptop", ["partner", "add", "org/organisation.pub"]))
        try await server.start()
        func on(_ device: String, _ arguments: [String]) throws -> CLIRunner.Result { try cli.on(device, arguments, server: server) }

        // The privacy officer's device registers; it keeps no plans.
        try cli.expectSuccess(on("fg", ["audit", "pull"]))
        let noPlans = try on("fg", ["family", "list"])
        #expect(noPlans.status == 67 && noPlans.stderr.contains("bewaart geen gezinsplannen"), "\(noPlans.stderr)")
        try cli.expectSuccess(on("wijkteam-laptop", ["sync"]))

        // The worker: a family, a consent and a share, an override and a share on it, and a read.
        let imported = try on("laptop", ["family", "import", CLIRunner.fixture("zonnebloem")])
        let family = String(imported.stdout.split(separator: " ")[1])
        let plan = try JSONSerialization.jsonObject(with: Data(on("laptop", ["family", "show", family, "--json"]).stdout.utf8)) as? [String: Any]
        let mother = ((plan?["entities"] as? [[String: Any]]) ?? []).first {
            ($0["fields"] as? [String: Any])?["rol"] as? String == "ouder-in-opvang"
        }?["id"] as? String ?? ""
        try cli.expectSuccess(on("laptop", [
            "consent", "give", family, "--gevers", String(mother.prefix(8)), "--ontvanger", "Wijkteam Voorbeeldstad-Noord", "--secties", "core,plan",
            "--doel", "vervolghulp", "--vanaf", "2026-01-01", "--vorm", "schriftelijk", "--vastgelegd-door", "Mira",
        ]))
        let consent = String(try on("laptop", ["consent", "list", family]).stdout.split(separator: " ")[1])
        try cli.expectSuccess(on("laptop", ["share", family, "--met", "Wijkteam Voorbeeldstad-Noord", "--secties", "core,plan", "--toestemming", consent]))
        try cli.expectSuccess(on("laptop", [
            "override", "record", family, "--ontvanger", "Wijkteam Voorbeeldstad-Noord", "--secties", "safety",
            "--grond", "conflict-van-plichten", "--vermoeden", "ja", "--onveilig", "ja", "--hulp-mogelijk", "nee",
            "--hulp-aanvaard", "nee", "--duurzaam-veilig", "nee", "--rechtvaardiging", "acuut gevaar voor de kinderen",
            "--geraadpleegd", "aandachtsfunctionaris", "--moeder-geinformeerd", "ja", "--besluit-door", "teamleider", "--datum", "2026-11-23", "--lid", "Lotte",
        ]))
        let overrideLine = try on("laptop", ["consent", "list", family]).stdout.split(separator: "\n").first { $0.hasPrefix("doorbreking") } ?? ""
        let override = String(overrideLine.split(separator: " ")[1])
        try cli.expectSuccess(on("laptop", ["share", family, "--met", "Wijkteam Voorbeeldstad-Noord", "--secties", "safety", "--doorbreking", override]))
        try cli.expectSuccess(on("laptop", ["family", "show", family]))
        let synced = try on("laptop", ["sync"])
        #expect(synced.stdout.contains("naar het deellogboek"), "\(synced.stdout)")

        // The officer pulls, verifies, and reports.
        let pulled = try on("fg", ["audit", "pull"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(try on("fg", ["audit", "verify"]).stdout.contains("logboek in orde"))
        let csv = try on("fg", ["audit", "report", "--per", "gezin", "--format", "csv"]).stdout
        for event in ["\"consent\"", "\"share\"", "\"override\"", "\"read\""] { #expect(csv.contains(event), "\(event) missing: \(csv)") }
        #expect(!csv.contains("Zonnebloem") && !csv.contains("Anna"), "the log holds no client names")
        let answer = try on("fg", ["audit", "client", family]).stdout
        let lines = answer.split(separator: "\n")
        #expect(lines.count == 2, "exactly the two shares made: \(answer)")
        #expect(lines.contains { $0.contains("delen: gezinsgegevens (core) en plan van aanpak (plan)") && $0.contains("toestemming \(consent)") })
        #expect(lines.contains { $0.contains("delen: veiligheidsplan (safety)") && $0.contains("doorbreking \(override)") })

        // The override is in the review queue until reviewed; the review itself goes into the log.
        let queue = try on("fg", ["audit", "overrides", "--format", "json"]).stdout
        let queued = try JSONSerialization.jsonObject(with: Data(queue.utf8)) as? [[String: Any]] ?? []
        let overrideEntry = try #require(queued.first { $0["event"] as? String == "override" }?["id"] as? String)
        // The officer sees whose safety the override protects (member ids, never names).
        let members = queued.first { $0["event"] as? String == "override" }?["members"] as? [String] ?? []
        #expect(members.count == 1 && members[0].count == 32, "\(queue)")
        let table = try on("fg", ["audit", "overrides"]).stdout
        #expect(table.contains(String(members[0].prefix(8))), "the table shows the member")
        // The table is in words (CSV and JSON keep the codes): the event, its outcome, a Dutch date.
        #expect(table.contains("doorbreking") && table.contains("ter toetsing") && !table.contains(" override ") && !table.contains("flagged"), "\(table)")
        #expect(table.range(of: #"\d{4}-\d{2}-\d{2}T"#, options: .regularExpression) == nil, "the table shows ISO times: \(table)")
        // The review is due in the officer's own overview (5 working days), with the command that records it.
        let due = try on("fg", ["overzicht", "--horizon", "3650"])
        #expect(due.status == 0 && due.stdout.contains("doorbreking-getoetst") && due.stdout.contains("nazorg audit review \(overrideEntry.prefix(8))"), "\(due.stdout) \(due.stderr)")
        try cli.expectSuccess(on("fg", ["audit", "review", String(overrideEntry.prefix(8)), "--uitkomst", "akkoord", "--toelichting", "grond en afweging volledig"]))
        try cli.expectSuccess(on("fg", ["audit", "pull"]))
        #expect(!(try on("fg", ["audit", "overrides"]).stdout.contains(String(overrideEntry.prefix(8)))))
        #expect(!(try on("fg", ["overzicht", "--horizon", "3650"]).stdout.contains("nazorg audit review \(overrideEntry.prefix(8))")))
        #expect(try on("fg", ["audit", "report", "--format", "csv"]).stdout.contains("\"review\""))

        // The officer's device never received a plan key: its store holds none.
        let officerStore = try DatabaseQueue(path: cli.directory.appendingPathComponent("fg/store.sqlite").path)
        #expect(try await officerStore.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM section_key") } == 0)
        #expect(try await officerStore.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM family") } == 0)
        try officerStore.close()

        // The server deletes one entry and renumbers the rest: verify names it; pull refuses to take it over.
        _ = server.stop()
        let database = try DatabaseQueue(path: server.data.appendingPathComponent("server.sqlite").path)
        try await database.write { db in
            try db.execute(sql: "DELETE FROM audit_leaf WHERE idx = 1")
            try db.execute(sql: "UPDATE audit_leaf SET idx = idx - 1 WHERE idx > 1")
        }
        try database.close()
        try await server.start()
        let tampered = try on("fg", ["audit", "verify"])
        #expect(tampered.status == 65, "\(tampered.stdout)")
        #expect(tampered.stdout.contains("regel 1 ") && tampered.stdout.contains("verwijderd"), "\(tampered.stdout)")
        let refused = try on("fg", ["audit", "pull"])
        #expect(refused.status != 0 && refused.stderr.contains("het deellogboek klopt niet"), "\(refused.stderr)")
    }
}

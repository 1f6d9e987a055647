import Foundation
import Testing

/// A colleague in the own organisation, with grants from `share-with-colleague`: may read and write the plans
/// shared with it, including sections created later; never a plan not shared with it.
@Suite(.serialized)
struct ColleagueAccessTests {
    /// Finding 7: a colleague never received sections created after `share-with-colleague` (the consent section,
    /// once the first consent is recorded), and its copy silently lacked them.
    @Test func aColleagueReceivesSectionsCreatedAfterTheFamilyWasShared() async throws {
        let setup = try await SyncEndToEndTests.Setup()
        let cli = setup.cli
        let plan = try JSONSerialization.jsonObject(with: Data(setup.plan("laptop").utf8)) as? [String: Any]
        let mother = try #require(((plan?["entities"] as? [[String: Any]]) ?? []).first {
            ($0["fields"] as? [String: Any])?["naam"] as? String == "Anna Zonnebloem"
        }?["id"] as? String)
        let given = try cli.on("laptop", [
            "consent", "give", setup.family, "--gevers", String(mother.prefix(8)), "--ontvanger", String(repeating: "a", count: 32),
            "--ontvanger-naam", "Wijkteam", "--secties", "core,plan",
            "--doel", "vervolghulp", "--vanaf", "2026-01-01", "--vorm", "schriftelijk", "--vastgelegd-door", "Mira",
        ])
        try cli.expectSuccess(given)
        try cli.expectSuccess(setup.sync("laptop"))
        for colleague in ["laptop2", "collega"] {
            try cli.expectSuccess(setup.sync(colleague))
            let consents = try cli.on(colleague, ["consent", "list", setup.family])
            #expect(consents.stdout.contains("Wijkteam"), "\(colleague) lacks the consent section: \(consents.stdout) \(consents.stderr)")
        }
        // And the colleague can write into it (a withdrawal is a consent-section record).
        let consent = try #require(try cli.on("collega", ["consent", "list", setup.family]).stdout.split(separator: " ").dropFirst().first)
        try cli.expectSuccess(cli.on("collega", [
            "consent", "withdraw", setup.family, "--toestemming", String(consent), "--datum", "2026-11-23", "--vorm", "mondeling",
            "--vastgelegd-door", "Collega",
        ]))
        let synced = try setup.sync("collega")
        #expect(synced.status == 0, "\(synced.stdout) \(synced.stderr)")
    }
}

import Foundation
import Testing

/// Two laptops of one worker and a colleague's, through the real `nazorg-server` on loopback.
struct SyncEndToEndTests {
    /// An organisation on a running server, with three certified devices holding one family.
    struct Setup {
        let cli: CLIRunner
        let server: ServerRunner
        let family: String
        let devices: [String: String]

        init(shareWithAll: Bool = true) async throws {
            cli = try CLIRunner()
            try cli.setUpOrganisation("org")
            var devices: [String: String] = [:]
            for name in ["laptop", "laptop2", "collega"] { devices[name] = try cli.addDevice(name, org: "org") }
            self.devices = devices
            server = ServerRunner(data: cli.directory.appendingPathComponent("server"))
            try server.addOrganisation(cli.directory.appendingPathComponent("org/organisation.pub"))
            try await server.start()
            let imported = try cli.on("laptop", ["family", "import", CLIRunner.fixture("zonnebloem")])
            try cli.expectSuccess(imported)
            family = String(imported.stdout.split(separator: " ")[1])
            if shareWithAll {
                for name in ["laptop2", "collega"] {
                    try cli.expectSuccess(cli.on(name, ["sync"], server: server))
                    try cli.expectSuccess(cli.on("laptop", ["family", "share-with-colleague", family, "--device", devices[name]!], server: server))
                }
                for name in ["laptop", "laptop2", "collega"] { try cli.expectSuccess(cli.on(name, ["sync"], server: server)) }
            }
        }

        func sync(_ name: String) throws -> CLIRunner.Result { try cli.on(name, ["sync"], server: server) }
        func plan(_ name: String) throws -> String { try cli.on(name, ["family", "show", family, "--json"]).stdout }
    }

    @Test func threeDevicesEditOfflineAndConvergeInAnyOrder() async throws {
        let setup = try await Setup()
        let cli = setup.cli
        #expect(try setup.plan("laptop2") == setup.plan("laptop"))
        #expect(try setup.plan("collega") == setup.plan("laptop"))
        let json = try JSONSerialization.jsonObject(with: Data(setup.plan("laptop").utf8)) as? [String: Any]
        let entities = json?["entities"] as? [[String: Any]] ?? []
        let goal = String((entities.first { $0["kind"] as? String == "doel" }?["id"] as? String ?? "").prefix(8))
        let measure = String((entities.first { $0["kind"] as? String == "maatregel" }?["id"] as? String ?? "").prefix(8))

        // Offline on all three: one field edited concurrently, other parts edited independently.
        try cli.expectSuccess(cli.on("laptop", ["goal", "update", setup.family, goal, "--status", "behaald"]))
        try cli.expectSuccess(cli.on("collega", ["goal", "update", setup.family, goal, "--status", "gestopt"]))
        try cli.expectSuccess(cli.on("laptop2", ["measure", "update", setup.family, measure, "--omschrijving", "aangepast op laptop 2"]))
        try cli.expectSuccess(cli.on("collega", ["contact", "log", setup.family, "--datum", "2026-11-21", "--vorm", "telefoon", "--verslag", "gebeld"]))
        try cli.expectSuccess(cli.on("laptop2", ["member", "add", setup.family, "--naam", "Buurvrouw", "--rol", "netwerk"]))

        // Sync in a scrambled order, twice round.
        for name in ["collega", "laptop2", "laptop", "collega", "laptop2", "laptop"] {
            let result = try setup.sync(name)
            #expect(result.status == 0, "\(name): \(result.stderr) \(result.stdout)")
        }
        let reference = try setup.plan("laptop")
        #expect(try setup.plan("laptop2") == reference)
        #expect(try setup.plan("collega") == reference)
        #expect(reference.contains("aangepast op laptop 2") && reference.contains("Buurvrouw") && reference.contains("gebeld"))
        for name in ["laptop", "laptop2", "collega"] {
            let conflicts = try cli.on(name, ["conflicts", "list", setup.family]).stdout
            #expect(conflicts.contains("status") && conflicts.contains("behaald") && conflicts.contains("gestopt"), "\(name): \(conflicts)")
        }
        // An incremental sync with nothing new is one round trip; with a local edit, two.
        #expect(try setup.sync("laptop").stdout.contains("(1 verzoek)"))
        try cli.expectSuccess(cli.on("laptop", ["conflicts", "resolve", setup.family, goal, "status", "loopt"]))
        #expect(try setup.sync("laptop").stdout.contains("(2 verzoeken)"))
        _ = try setup.sync("collega")
        #expect(try cli.on("collega", ["conflicts", "list", setup.family]).stdout.contains("geen conflicten"))
    }

    @Test func otherOrganisationRevokedAndUngrantedDevicesAreRefused() async throws {
        let setup = try await Setup(shareWithAll: false)
        let cli = setup.cli
        // A device of an organisation the server does not know.
        try cli.setUpOrganisation("other", name: "Onbekende organisatie")
        try cli.addDevice("vreemd", org: "other")
        let stranger = try setup.sync("vreemd")
        #expect(stranger.status == 67)
        #expect(stranger.stderr.contains("niet geregistreerd op deze server"))
        // A colleague without a grant syncs fine but receives nothing of the family.
        try cli.expectSuccess(setup.sync("laptop"))
        try cli.expectSuccess(setup.sync("collega"))
        #expect(try cli.on("collega", ["family", "list"]).stdout.contains("geen gezinnen"))
        // A revoked device is refused from its next request on.
        let revoke = try cli.run(
            ["device", "revoke", setup.devices["laptop"]!, "--org-key", "org/organisation.key", "--server", setup.server.url],
            passphrase: cli.adminPassphraseFile)
        #expect(revoke.status == 0, "\(revoke.stderr)")
        try cli.expectSuccess(cli.on("laptop", ["member", "add", setup.family, "--naam", "Na intrekking", "--rol", "netwerk"]))
        let refused = try setup.sync("laptop")
        #expect(refused.status == 67)
        #expect(refused.stderr.contains("ingetrokken"))
        // Its offline work stays on the laptop, unsent.
        #expect(try cli.on("laptop", ["family", "show", setup.family]).stdout.contains("Na intrekking"))
    }

    @Test func killedServerLosesNothingAcknowledgedAndARestoredServerIsRepaired() async throws {
        let setup = try await Setup()
        let cli = setup.cli
        // Many edits, then SIGKILL the server while the laptop pushes.
        for i in 0..<15 {
            try cli.expectSuccess(cli.on("laptop", ["contact", "log", setup.family, "--datum", "2026-11-20", "--vorm", "telefoon", "--verslag", "gesprek \(i)"]))
        }
        // Keep a copy of the server's data as a "backup" from before these pushes.
        let backup = cli.directory.appendingPathComponent("server-backup")
        _ = setup.server.stop()
        try FileManager.default.copyItem(at: setup.server.data, to: backup)
        try await setup.server.start()
        let (process, _, _) = try cli.start(["sync"], passphrase: cli.passphraseFile, environment: [
            "NAZORG_PROFILE": cli.directory.appendingPathComponent("laptop").path, "NAZORG_SERVER": setup.server.url,
        ])
        try await Task.sleep(for: .milliseconds(Int.random(in: 60...250)))
        setup.server.kill()
        process.waitUntilExit()
        try await setup.server.start()
        // Retrying converges: nothing acknowledged was lost, nothing is doubled.
        try cli.expectSuccess(setup.sync("laptop"))
        try cli.expectSuccess(setup.sync("collega"))
        #expect(try setup.plan("collega") == setup.plan("laptop"))
        #expect(try setup.plan("collega").components(separatedBy: "gesprek ").count - 1 == 15)

        // The operator restores the older backup: the server has lost the 15 contacts.
        _ = setup.server.stop()
        try FileManager.default.removeItem(at: setup.server.data)
        try FileManager.default.copyItem(at: backup, to: setup.server.data)
        try await setup.server.start()
        let repaired = try setup.sync("laptop")
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stdout.contains("hersteld"), "\(repaired.stdout)")
        // A device that never saw the lost changes gets them from the repaired server.
        try cli.expectSuccess(setup.sync("laptop2"))
        #expect(try setup.plan("laptop2") == setup.plan("laptop"))
    }

    @Test func aLateGrantBringsTheWholeHistoryWhateverThePagesAndCursor() async throws {
        let setup = try await Setup()
        let cli = setup.cli
        // The colleague's cursor moves past a second family's changes it cannot see yet ...
        let second = try cli.on("laptop", ["family", "import", CLIRunner.fixture("code-rood")])
        let family2 = String(second.stdout.split(separator: " ")[1])
        for i in 0..<5 {
            try cli.expectSuccess(cli.on("laptop", ["contact", "log", family2, "--datum", "2026-11-2\(i)", "--vorm", "telefoon", "--verslag", "nabellen \(i)"]))
        }
        try cli.expectSuccess(setup.sync("laptop"))
        try cli.expectSuccess(cli.on("laptop", ["member", "add", setup.family, "--naam", "Later lid", "--rol", "netwerk"]))
        try cli.expectSuccess(setup.sync("laptop"))
        try cli.expectSuccess(cli.on("collega", ["sync", "--page-size", "2"], server: setup.server))
        #expect(try cli.on("collega", ["family", "list"]).stdout.split(separator: "\n").count == 1)
        // ... and only then receives its key: the grant comes after the history in the server's order.
        try cli.expectSuccess(cli.on("laptop", ["family", "share-with-colleague", family2, "--device", setup.devices["collega"]!], server: setup.server))
        try cli.expectSuccess(setup.sync("laptop"))
        let pulled = try cli.on("collega", ["sync", "--page-size", "2"], server: setup.server)
        #expect(pulled.status == 0, "\(pulled.stdout) \(pulled.stderr)")
        #expect(!pulled.stdout.contains("niet toegepast"), "\(pulled.stdout)")
        let mine = try cli.on("laptop", ["family", "show", family2, "--json"]).stdout
        let theirs = try cli.on("collega", ["family", "show", family2, "--json"]).stdout
        #expect(mine == theirs)
        #expect(theirs.contains("nabellen 4"))
    }

    @Test func theServerDatabaseHoldsNoPlaintext() async throws {
        let setup = try await Setup()
        let marker = "Hyacintlaan-Zuidbroek"
        try setup.cli.expectSuccess(setup.cli.on("laptop", ["member", "add", setup.family, "--naam", marker, "--rol", "netwerk"]))
        try setup.cli.expectSuccess(setup.sync("laptop"))
        _ = setup.server.stop()
        var bytes = Data()
        for file in try FileManager.default.contentsOfDirectory(at: setup.server.data, includingPropertiesForKeys: nil) {
            bytes.append(try Data(contentsOf: file))
        }
        for needle in [marker, "Zonnebloem", "Anna", "contactverbod", "safety", "child:"] {
            #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(needle) found in the server's files")
        }
    }

    @Test func gracefulShutdownOnSIGTERM() async throws {
        let setup = try await Setup(shareWithAll: false)
        #expect(setup.server.stop() == 0)
    }
}

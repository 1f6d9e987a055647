import Foundation
import GRDB
import Testing

/// The operator, with the server's files: must never drop, alter or reorder a share-log entry without the writing
/// device or the privacy officer noticing. Devices keep inclusion proofs under signed tree heads; an entry the
/// server lost is sent again and the loss reaches the officer as a flagged entry.
@Suite(.serialized)
struct ShareLogOperatorTests {
    struct Setup {
        let cli: CLIRunner
        let server: ServerRunner
        let family: String

        init() async throws {
            cli = try CLIRunner()
            try cli.setUpOrganisation("org")
            try cli.addDevice("laptop", org: "org")
            try cli.addDevice("fg", org: "org", role: "privacy-officer")
            server = ServerRunner(data: cli.directory.appendingPathComponent("server"))
            try server.addOrganisation(cli.directory.appendingPathComponent("org/organisation.pub"))
            try await server.start()
            try cli.expectSuccess(cli.on("fg", ["audit", "pull"], server: server))
            let imported = try cli.on("laptop", ["family", "import", CLIRunner.fixture("zonnebloem")])
            try cli.expectSuccess(imported)
            family = String(imported.stdout.split(separator: " ")[1])
            try cli.expectSuccess(cli.on("laptop", ["family", "show", family]))
            try cli.expectSuccess(cli.on("laptop", ["family", "show", family]))
            let synced = try cli.on("laptop", ["sync"], server: server)
            try cli.expectSuccess(synced)
            #expect(synced.stdout.contains("regels naar het deellogboek"), "\(synced.stdout)")
        }

        func on(_ device: String, _ arguments: [String]) throws -> CLIRunner.Result { try cli.on(device, arguments, server: server) }

        /// The laptop's next sync notices the loss and sends the entry again (exit 67), the one after is quiet, and
        /// the officer finds the log whole with the incident in the review queue.
        func expectTheLossRepairedAndFlagged() throws {
            let noticed = try on("laptop", ["sync"])
            #expect(noticed.status == 67, "\(noticed.stdout)")
            #expect(noticed.stdout.contains("de server was logregels kwijt"), "\(noticed.stdout)")
            let settled = try on("laptop", ["sync"])
            #expect(settled.status == 0, "\(settled.stdout)")
            try cli.expectSuccess(on("fg", ["audit", "pull"]))
            #expect(try on("fg", ["audit", "verify"]).stdout.contains("logboek in orde"))
            let queue = try on("fg", ["audit", "overrides", "--format", "json"]).stdout
            let queued = try JSONSerialization.jsonObject(with: Data(queue.utf8)) as? [[String: Any]] ?? []
            #expect(queued.contains { $0["event"] as? String == "incident" }, "\(queue)")
        }

        /// The operator deletes the organisation's newest share-log entry while the server is stopped.
        func dropNewestEntry() async throws {
            #expect(server.stop() == 0)
            let database = try DatabaseQueue(path: server.data.appendingPathComponent("server.sqlite").path)
            try await database.write { db in try db.execute(sql: "DELETE FROM audit_leaf WHERE idx = (SELECT MAX(idx) FROM audit_leaf)") }
            try database.close()
            try await server.start()
        }
    }

    /// Finding 6: deleting the newest leaf after the worker's sync and before `audit pull` went unnoticed by both
    /// `audit pull` and `audit verify`; the worker's later entries were refused and the dropped one never re-sent.
    @Test func aDroppedEntryIsSentAgainAndTheOfficerIsWarned() async throws {
        let setup = try await Setup()
        try await setup.dropNewestEntry()
        // The worker's next entry: the server expects the dropped one first; the device sends it again.
        try setup.cli.expectSuccess(setup.on("laptop", ["family", "show", setup.family]))
        try setup.expectTheLossRepairedAndFlagged()
    }

    /// With nothing new to send, the next plain sync finds the drop: the pull says how many of the device's entries
    /// the log holds, fewer than were proved.
    @Test func aPlainSyncFindsADroppedEntryWithNothingNewToSend() async throws {
        let setup = try await Setup()
        try await setup.dropNewestEntry()
        try setup.expectTheLossRepairedAndFlagged()
    }

    /// With nothing new to send, `sync --verify` checks the kept proof against the server's log.
    @Test func syncVerifyFindsADroppedEntryWithNothingNewToSend() async throws {
        let setup = try await Setup()
        try await setup.dropNewestEntry()
        let verified = try setup.on("laptop", ["sync", "--verify"])
        #expect(verified.status == 67, "\(verified.stdout)")
        #expect(verified.stdout.contains("deellogboek"), "\(verified.stdout)")
        // The next syncs send the incident and the lost entry; then all is quiet again.
        _ = try setup.on("laptop", ["sync"])
        let settled = try setup.on("laptop", ["sync"])
        #expect(settled.status == 0, "\(settled.stdout)")
        try setup.cli.expectSuccess(setup.on("fg", ["audit", "pull"]))
        #expect(try setup.on("fg", ["audit", "verify"]).stdout.contains("logboek in orde"))
    }

    /// Finding 11: `audit pull` accepted a leaf whose bytes the operator changed while leaving its stored hash.
    @Test func aLeafAlteredUnderItsOldHashIsRefusedByPull() async throws {
        let setup = try await Setup()
        try setup.cli.expectSuccess(setup.on("fg", ["audit", "pull"]))
        #expect(setup.server.stop() == 0)
        let database = try DatabaseQueue(path: setup.server.data.appendingPathComponent("server.sqlite").path)
        try await database.write { db in
            // One byte of the first leaf's sealed bytes flipped; the hash column (what roots and proofs use) kept.
            let bytes = try #require(try Data.fetchOne(db, sql: "SELECT bytes FROM audit_leaf WHERE idx = 0"))
            var altered = bytes
            altered[altered.count / 2] ^= 0x01
            try db.execute(sql: "UPDATE audit_leaf SET bytes = ? WHERE idx = 0", arguments: [altered])
        }
        try database.close()
        try await setup.server.start()
        // Something new to pull, so the officer's pull does real work.
        try setup.cli.expectSuccess(setup.on("laptop", ["family", "show", setup.family]))
        try setup.cli.expectSuccess(setup.on("laptop", ["sync"]))
        let pulled = try setup.on("fg", ["audit", "pull"])
        #expect(pulled.status != 0, "\(pulled.stdout)")
        #expect(pulled.stderr.contains("het deellogboek klopt niet"), "\(pulled.stderr)")
    }

    /// The tree-head key on the real server: in its own owner-only file, in no byte of the database.
    @Test func theRealServerKeepsItsTreeHeadKeyOutOfTheDatabase() async throws {
        let setup = try await Setup()
        let file = setup.server.data.appendingPathComponent("log-signing.key")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let secret = try Data(contentsOf: file)
        #expect(secret.count == 64)
        for name in try FileManager.default.contentsOfDirectory(atPath: setup.server.data.path) where name.hasPrefix("server.sqlite") {
            let bytes = try Data(contentsOf: setup.server.data.appendingPathComponent(name))
            #expect(bytes.firstRange(of: secret.prefix(32)) == nil, "\(name) holds the tree-head key")
        }
    }
}

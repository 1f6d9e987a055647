import Foundation
import GRDB
import Testing

/// The operator (or a damaged disk) serving a damaged change: a device must never silently stop converging.
@Suite(.serialized)
struct DivergenceTests {
    /// Finding 8: after the server served one damaged change, the device stayed behind, later syncs and
    /// `sync --verify` exited 0, and the correct bytes were never fetched again.
    @Test func aRefusedChangeIsReportedAtEverySyncAndFetchedAgainUntilItApplies() async throws {
        let setup = try await SyncEndToEndTests.Setup()
        let cli = setup.cli
        try cli.expectSuccess(cli.on("laptop", ["contact", "log", setup.family, "--datum", "2026-11-20", "--vorm", "telefoon", "--verslag", "gebeld over school"]))
        try cli.expectSuccess(setup.sync("laptop"))

        // The server's copy of that newest change is damaged (its last signature byte flipped).
        let path = setup.server.data.appendingPathComponent("server.sqlite").path
        #expect(setup.server.stop() == 0)
        let (seq, good) = try await Self.newestChange(path)
        var damaged = good
        damaged[damaged.count - 1] ^= 0x01
        try await Self.setBytes(damaged, of: seq, path)
        try await setup.server.start()

        let first = try setup.sync("collega")
        #expect(first.status == 67, "\(first.stdout)")
        #expect(first.stdout.contains("niet toegepast: wijziging"), "\(first.stdout)")
        // Not silent afterwards: every later sync, and --verify, says so again.
        for arguments in [["sync"], ["sync", "--verify"]] {
            let again = try cli.on("collega", arguments, server: setup.server)
            #expect(again.status == 67, "\(arguments): \(again.stdout)")
            #expect(again.stdout.contains("loopt achter in 1 deel"), "\(arguments): \(again.stdout)")
        }
        #expect(!(try setup.plan("collega")).contains("gebeld over school"))

        // Once the server serves the right bytes again, the next sync fetches and applies them.
        #expect(setup.server.stop() == 0)
        try await Self.setBytes(good, of: seq, path)
        try await setup.server.start()
        let repaired = try setup.sync("collega")
        #expect(repaired.status == 0, "\(repaired.stdout)")
        #expect(try setup.plan("collega") == setup.plan("laptop"))
        #expect(try setup.sync("collega").status == 0)
    }

    static func newestChange(_ path: String) async throws -> (Int64, Data) {
        let database = try DatabaseQueue(path: path)
        defer { try? database.close() }
        let row = try database.read { db in try Row.fetchOne(db, sql: "SELECT seq, bytes FROM item WHERE kind = 1 ORDER BY seq DESC LIMIT 1") }
        let found = try #require(row)
        return (found["seq"], found["bytes"])
    }

    static func setBytes(_ bytes: Data, of seq: Int64, _ path: String) async throws {
        let database = try DatabaseQueue(path: path)
        try await database.write { db in try db.execute(sql: "UPDATE item SET bytes = ? WHERE seq = ?", arguments: [bytes, seq]) }
        try database.close()
    }
}

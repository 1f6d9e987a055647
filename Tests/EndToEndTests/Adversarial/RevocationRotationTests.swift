import Foundation
import GRDB
import Testing

/// A revoked laptop (lost, or its worker left), with its old keys and local store: may read what it had; must
/// never read anything written after the revocation, even when the operator gives it a copy of the server's
/// database with the revocation cleared. The real CLI on three devices of one organisation, on the real server.
@Suite(.serialized)
struct RevocationRotationTests {
    /// Finding 4: after `nazorg device revoke`, new data was still written under the old epoch.
    @Test func aRevocationStartsNewKeyEpochsThatTheRevokedLaptopNeverGets() async throws {
        let setup = try await SyncEndToEndTests.Setup()
        let cli = setup.cli
        let revoke = try cli.run(
            ["device", "revoke", setup.devices["collega"]!, "--org-key", "org/organisation.key", "--server", setup.server.url],
            passphrase: cli.adminPassphraseFile)
        try cli.expectSuccess(revoke)

        // The next sync of a device that may write the family re-keys every section the revoked laptop held.
        let rotated = try setup.sync("laptop")
        #expect(rotated.status == 0, "\(rotated.stdout) \(rotated.stderr)")
        #expect(rotated.stdout.contains("nieuwe sleutelperiode"), "\(rotated.stdout)")
        try cli.expectSuccess(cli.on("laptop", ["member", "add", setup.family, "--naam", "Na intrekking", "--rol", "netwerk"]))
        try cli.expectSuccess(setup.sync("laptop"))
        // The colleague who keeps access reads on, under the new keys.
        try cli.expectSuccess(setup.sync("laptop2"))
        #expect(try setup.plan("laptop2").contains("Na intrekking"))

        // The operator clears the revocation in a copy of the database and lets the laptop in again.
        #expect(setup.server.stop() == 0)
        let database = try DatabaseQueue(path: setup.server.data.appendingPathComponent("server.sqlite").path)
        try await database.write { db in try db.execute(sql: "UPDATE device SET revoked_at = NULL") }
        try database.close()
        try await setup.server.start()
        _ = try setup.sync("collega")
        let leaked = try setup.plan("collega")
        #expect(!leaked.contains("Na intrekking"), "the revoked laptop read data written after its revocation")
        #expect(leaked.contains("Zonnebloem"), "what it had, it keeps")
    }

    /// Re-keying skips revoked devices, and a grant queued for a device revoked since is dropped: it used to stay
    /// in the outbox and make every later sync exit 67.
    @Test func aGrantQueuedForADeviceRevokedSinceDoesNotBlockLaterSyncs() async throws {
        let setup = try await SyncEndToEndTests.Setup(shareWithAll: false)
        let cli = setup.cli
        try cli.expectSuccess(setup.sync("collega"))
        try cli.expectSuccess(setup.sync("laptop"))
        try cli.expectSuccess(cli.on("laptop", ["family", "share-with-colleague", setup.family, "--device", setup.devices["collega"]!], server: setup.server))
        try cli.expectSuccess(cli.run(
            ["device", "revoke", setup.devices["collega"]!, "--org-key", "org/organisation.key", "--server", setup.server.url],
            passphrase: cli.adminPassphraseFile))
        let first = try setup.sync("laptop")
        #expect(first.status == 0, "\(first.stdout) \(first.stderr)")
        let second = try setup.sync("laptop")
        #expect(second.status == 0, "\(second.stdout) \(second.stderr)")
    }
}

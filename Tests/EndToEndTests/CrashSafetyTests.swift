import Foundation
import GRDB
import NazorgStore
import Testing

/// One writing process per profile, and a killed process leaves the old or the new state.
struct CrashSafetyTests {
    @Test func aSecondProcessOnTheProfileIsRefused() throws {
        let cli = try CLIRunner()
        try cli.setUpCertifiedWorker()
        let holder = try LocalStore.open(directory: cli.profile)
        let result = try cli.run(["family", "list"])
        #expect(result.status == 75)
        #expect(result.stderr.contains("another nazorg process is using this profile"))
        _ = holder
    }

    @Test func killingAnImportAtRandomMomentsLeavesWholeFamiliesOnly() throws {
        let cli = try CLIRunner()
        try cli.setUpCertifiedWorker()
        var rng = SystemRandomNumberGenerator()
        // Time one import, then kill at 20%–130% of that: some kills land mid-write, some after the commit.
        let started = Date()
        try cli.expectSuccess(cli.run(["family", "import", CLIRunner.fixture("zonnebloem")]))
        let micros = UInt32(Date().timeIntervalSince(started) * 1_000_000)
        var imported = 1
        for _ in 0..<25 {
            let (process, _, _) = try cli.start(["family", "import", CLIRunner.fixture("zonnebloem")], passphrase: cli.passphraseFile)
            usleep(UInt32.random(in: micros / 5...micros * 13 / 10, using: &rng))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { imported += 1 }

            let list = try cli.run(["family", "list"])
            #expect(list.status == 0, "\(list.stderr)")
            let ids = list.stdout.split(separator: "\n").map { String($0.prefix(8)) }.filter { $0.count == 8 && $0.allSatisfy(\.isHexDigit) }
            #expect(ids.count >= imported)
            for id in ids {
                let json = try cli.run(["family", "show", id, "--json"])
                #expect(json.status == 0, "family show \(id): \(json.stderr)")
                let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
                #expect((object?["entities"] as? [Any])?.count == 26, "a half-imported family \(id)")
            }
        }
        let database = try DatabaseQueue(path: cli.profile.appendingPathComponent("store.sqlite").path)
        #expect(try database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }
}

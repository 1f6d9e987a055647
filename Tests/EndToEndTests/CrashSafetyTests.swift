import Foundation
import GRDB
import NazorgStore
import Testing

/// One writing process per profile (the kills themselves: `CrashHarnessTests`).
struct CrashSafetyTests {
    @Test func aSecondProcessOnTheProfileIsRefused() throws {
        let cli = try CLIRunner()
        try cli.setUpCertifiedWorker()
        let holder = try LocalStore.open(directory: cli.profile)
        let result = try cli.run(["family", "list"])
        #expect(result.status == 75)
        #expect(result.stderr.contains("een ander nazorg-proces gebruikt dit profiel"))
        _ = holder
    }
}

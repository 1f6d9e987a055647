import Foundation
import GRDB
import NazorgSync
import Testing

/// Kills the real `nazorg` binary with SIGKILL at random moments during local edits, sync (push and pull) and
/// import, and after every kill checks the store: `PRAGMA integrity_check`, every own hash chain whole, every
/// acknowledged edit present exactly once, the profile opens; and every few kills that everything syncs and the
/// server and the other laptop hold each of the laptop's changes exactly once.
///
/// 210 kills in CI: rounds run until that many commands were killed, not merely run. A longer run:
/// `NAZORG_CRASH_KILLS=2000 swift test --filter CrashHarness`. A failure names
/// its round, the command and how long after its start it was killed.
struct CrashHarnessTests {
    enum Operation: CaseIterable { case edit, pushAndPull, pull, importFamily }

    /// What one test run has asked the laptop to do, and what it answered.
    struct Ledger {
        /// Edits whose command exited 0: each must be present exactly once, from then on.
        var acknowledged: Set<Int> = []
        /// Edits that were killed: each may be present once or not at all, never twice.
        var killed: Set<Int> = []
        var importsAcknowledged = 0
        var importsAttempted = 0
        var kills = 0
        var killsByOperation: [Operation: Int] = [:]
    }

    @Test func killedAtRandomMomentsTheStoreKeepsEveryAcknowledgedChangeExactlyOnce() async throws {
        let environment = ProcessInfo.processInfo.environment
        let wanted = Int(environment["NAZORG_CRASH_KILLS"] ?? "") ?? 210
        // A command that finishes before its kill is a round without a kill; the harness runs rounds until it
        // has killed `wanted` times, within a bound that only a machine far slower than its own estimates hits.
        let maximumRounds = wanted * 4
        var rng = SystemRandomNumberGenerator()
        let setup = try await SyncEndToEndTests.Setup()
        let cli = setup.cli
        let laptop = Profile(cli: cli, name: "laptop", device: setup.devices["laptop"]!)
        let laptop2 = Profile(cli: cli, name: "laptop2", device: setup.devices["laptop2"]!)
        let families = try laptop.familyIDs().count

        // How long each operation takes when left alone, kept up to date from every run that finished before
        // its kill (the machine's load changes while the suite runs). Kills land between 25% and 130% of it:
        // some during start-up, most during the write, some after the commit.
        var ledger = Ledger()
        var durations: [Operation: Double] = [:]
        for operation in Operation.allCases {
            let started = Date()
            let result = try cli.run(command(operation, setup: setup, edit: -1), environment: profileEnvironment(operation, setup))
            try cli.expectSuccess(result)
            durations[operation] = Date().timeIntervalSince(started)
        }
        // The size of a whole imported family, from the import that was left alone.
        let wholeFamily = try laptop.entityCount(Set(laptop.familyIDs()).subtracting([setup.family]).first!)
        ledger.acknowledged.insert(-1)
        ledger.importsAcknowledged = 1
        ledger.importsAttempted = 1

        var rounds = 0
        while ledger.kills < wanted && rounds < maximumRounds {
            let round = rounds
            rounds += 1
            let operation = pick(&rng)
            let arguments = command(operation, setup: setup, edit: round)
            let delay = durations[operation]! * Double.random(in: 0.25...1.3, using: &rng)
            let started = Date()
            let (process, out, err) = try cli.start(arguments, passphrase: cli.passphraseFile, environment: profileEnvironment(operation, setup))
            while process.isRunning && Date().timeIntervalSince(started) < delay { usleep(500) }
            let ranFor = Date().timeIntervalSince(started)
            kill(process.processIdentifier, SIGKILL)
            _ = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let finished = process.terminationReason == .exit
            if finished { #expect(process.terminationStatus == 0, "round \(round) \(arguments[0]): \(stderr)") }
            let succeeded = finished && process.terminationStatus == 0
            if succeeded {
                durations[operation] = (durations[operation]! + ranFor) / 2
            } else {
                ledger.kills += 1
                ledger.killsByOperation[operation, default: 0] += 1
            }
            switch operation {
            case .edit: if succeeded { ledger.acknowledged.insert(round) } else { ledger.killed.insert(round) }
            case .importFamily:
                ledger.importsAttempted += 1
                if succeeded { ledger.importsAcknowledged += 1 }
            case .pushAndPull, .pull: break
            }

            let context = "round \(round), \(arguments.prefix(2).joined(separator: " ")) killed after \(Int(delay * 1_000)) ms"
            let profile = operation == .pull ? laptop2 : laptop
            try profile.checkStore(context)
            try laptop.checkEdits(ledger, family: setup.family, context)
            if operation == .importFamily {
                let count = try laptop.familyIDs().count
                #expect(count >= families + ledger.importsAcknowledged, "\(context): an acknowledged import is missing")
                #expect(count <= families + ledger.importsAttempted, "\(context): more families than imports")
            }
            if round % 30 == 29 {
                try settle(setup, laptop, laptop2, ledger, context)
            }
        }
        try settle(setup, laptop, laptop2, ledger, "after the last round")
        #expect(ledger.kills >= wanted, "only \(ledger.kills) kills in \(rounds) rounds: the commands finished before their kill")
        let byOperation = Operation.allCases.map { "\($0) \(ledger.killsByOperation[$0] ?? 0)" }.joined(separator: ", ")
        print("crash harness: \(rounds) rounds, \(ledger.kills) killed (\(byOperation)), \(ledger.acknowledged.count - 1) edits acknowledged")
        for family in try laptop.familyIDs() where family != setup.family {
            #expect(try laptop.entityCount(family) == wholeFamily, "imported family \(family) is not whole")
        }
    }

    private func pick(_ rng: inout SystemRandomNumberGenerator) -> Operation {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0..<9: .edit
        case 9..<14: .pushAndPull
        case 14..<17: .pull
        default: .importFamily
        }
    }

    private func command(_ operation: Operation, setup: SyncEndToEndTests.Setup, edit: Int) -> [String] {
        switch operation {
        case .edit: ["contact", "log", setup.family, "--datum", "2026-11-21", "--vorm", "telefoon", "--verslag", "crash-\(edit)"]
        case .pushAndPull, .pull: ["sync"]
        case .importFamily: ["family", "import", CLIRunner.fixture("verhuizing")]
        }
    }

    private func profileEnvironment(_ operation: Operation, _ setup: SyncEndToEndTests.Setup) -> [String: String] {
        let name = operation == .pull ? "laptop2" : "laptop"
        return ["NAZORG_PROFILE": setup.cli.directory.appendingPathComponent(name).path, "NAZORG_SERVER": setup.server.url]
    }

    /// Both laptops sync to the end; then the server and the second laptop hold each of the laptop's changes
    /// exactly once, and both laptops show the same plan.
    private func settle(
        _ setup: SyncEndToEndTests.Setup, _ laptop: Profile, _ laptop2: Profile, _ ledger: Ledger, _ context: String
    ) throws {
        for name in ["laptop", "laptop2", "laptop"] {
            let result = try setup.sync(name)
            #expect(result.status == 0, "\(context): sync on \(name) after the kills: \(result.stderr)")
        }
        let own = try laptop.ownChangeIDs()
        #expect(try laptop.outboxCount() == 0, "\(context): the outbox did not empty")
        let server = try DatabaseQueue(path: setup.server.data.appendingPathComponent("server.sqlite").path, configuration: Profile.readOnly)
        let onServer = try server.read { db in
            try Data.fetchAll(db, sql: "SELECT id FROM item WHERE kind = 1 AND author = ?", arguments: [laptop.deviceID])
        }
        #expect(onServer.count == Set(onServer).count, "\(context): the server holds a change twice")
        #expect(Set(onServer) == own, "\(context): server \(onServer.count) changes of the laptop, the laptop \(own.count)")
        let shared = try laptop2.changeIDs(author: laptop.deviceID)
        let expected = try laptop.ownChangeIDs(in: laptop2.familyIDBytes())
        #expect(shared == expected, "\(context): laptop 2 holds \(shared.count) of the laptop's \(expected.count) changes in its family")
        let plan = try laptop.plan(setup.family)
        #expect(try laptop2.plan(setup.family) == plan, "\(context): the laptops differ after syncing")
        try laptop2.checkEdits(ledger, family: setup.family, context)
    }

    /// One device profile, read the way the harness checks it: the CLI for what the worker sees, SQL for what
    /// the worker cannot see (chains, outbox, integrity).
    struct Profile {
        static let readOnly: Configuration = {
            var configuration = Configuration()
            configuration.readonly = true
            return configuration
        }()

        let cli: CLIRunner
        let name: String
        let deviceID: Data

        init(cli: CLIRunner, name: String, device: String) {
            self.cli = cli
            self.name = name
            deviceID = ID128(hex: device)!.data
        }

        private func database() throws -> DatabaseQueue {
            try DatabaseQueue(path: cli.directory.appendingPathComponent("\(name)/store.sqlite").path, configuration: Self.readOnly)
        }

        /// Integrity, and every own chain whole: sequences 1…n each once, and the head naming the last.
        func checkStore(_ context: String) throws {
            let database = try database()
            try database.read { db in
                #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok", "\(context): integrity_check on \(name)")
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty, "\(context): foreign keys on \(name)")
                let broken = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.family, c.tag, count(*) AS n, max(c.sequence) AS top, h.sequence AS head
                        FROM change c LEFT JOIN author_head h USING (family, tag, author)
                        WHERE c.author = ?
                        GROUP BY c.family, c.tag
                        HAVING n != top OR head IS NULL OR head != top
                            OR h.change_id != (SELECT id FROM change WHERE family = c.family AND tag = c.tag
                                               AND author = c.author AND sequence = top)
                        """,
                    arguments: [deviceID])
                #expect(broken.isEmpty, "\(context): \(broken.count) broken chains on \(name)")
                let orphans = try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE change_rowid NOT IN (SELECT rowid FROM change)")
                #expect(orphans == 0, "\(context): outbox rows without their change on \(name)")
            }
        }

        /// Every acknowledged edit shows exactly once; a killed one at most once.
        func checkEdits(_ ledger: Ledger, family: String, _ context: String) throws {
            let json = try cli.on(name, ["family", "show", family, "--json"])
            #expect(json.status == 0, "\(context): \(name) does not open after the kill: \(json.stderr)")
            guard json.status == 0 else { return }
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            var seen: [String: Int] = [:]
            for entity in object?["entities"] as? [[String: Any]] ?? [] {
                if let report = (entity["fields"] as? [String: Any])?["verslag"] as? String, report.hasPrefix("crash-") {
                    seen[report, default: 0] += 1
                }
            }
            for round in ledger.acknowledged where name == "laptop" {
                #expect(seen["crash-\(round)"] == 1, "\(context): acknowledged edit \(round) seen \(seen["crash-\(round)"] ?? 0) times")
            }
            for (report, count) in seen { #expect(count == 1, "\(context): \(report) on \(name) \(count) times") }
        }

        /// The families `family list` shows, by the short ids it prints.
        func familyIDs() throws -> [String] {
            let list = try cli.on(name, ["family", "list"])
            try cli.expectSuccess(list)
            return list.stdout.split(separator: "\n").map { String($0.prefix(8)) }.filter { $0.count == 8 && $0.allSatisfy(\.isHexDigit) }
        }

        func entityCount(_ family: String) throws -> Int {
            let json = try cli.on(name, ["family", "show", family, "--json"])
            try cli.expectSuccess(json)
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            return (object?["entities"] as? [Any])?.count ?? -1
        }

        func plan(_ family: String) throws -> String { try cli.on(name, ["family", "show", family, "--json"]).stdout }

        func outboxCount() throws -> Int {
            try database().read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox") ?? -1 }
        }

        func ownChangeIDs() throws -> Set<Data> { try changeIDs(author: deviceID) }

        func changeIDs(author: Data) throws -> Set<Data> {
            try database().read { Set(try Data.fetchAll($0, sql: "SELECT id FROM change WHERE author = ?", arguments: [author])) }
        }

        func familyIDBytes() throws -> Set<Data> {
            try database().read { Set(try Data.fetchAll($0, sql: "SELECT id FROM family")) }
        }

        /// This profile's own changes in the given families.
        func ownChangeIDs(in families: Set<Data>) throws -> Set<Data> {
            try database().read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT id, family FROM change WHERE author = ?", arguments: [deviceID])
                return Set(rows.filter { families.contains($0["family"]) }.map { $0["id"] as Data })
            }
        }
    }
}

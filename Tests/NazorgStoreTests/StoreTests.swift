import Foundation
import GRDB
import NazorgCrypto
@testable import NazorgStore
import NazorgSync
import Testing

/// A temporary profile directory, removed at the end of the test.
final class TempDirectory {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-store-\(UUID().uuidString)")
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    /// Every byte of every file in the directory (database, WAL, shared memory, lock, anything else).
    func allBytes() throws -> Data {
        var all = Data()
        let files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
        for file in files { all.append(try Data(contentsOf: file)) }
        return all
    }
}

struct StoreFixture {
    let directory = TempDirectory()
    let storageKey: SymmetricKey
    let family = FamilyID.random()
    let section: SectionKeyRecord
    let author: Author

    init() throws {
        storageKey = try .random()
        section = SectionKeyRecord(tag: .random(), epoch: 1, name: "core", key: try .random())
        author = Author(device: .random(), signer: try .generate())
    }

    func open() throws -> LocalStore {
        let store = try LocalStore.open(directory: directory.url).unlocked(with: storageKey)
        if try store.families().isEmpty {
            try store.createFamily(family, secret: .random())
            try store.addSectionKey(section, family: family)
        }
        return store
    }

    func edit(_ ops: [PendingOp]) -> LocalEdit { LocalEdit(family: family, section: section, ops: ops) }

    /// Another device's store holding this fixture's family and section key, as a grant would give it. The
    /// directory is removed when the returned `TempDirectory` goes.
    func peer() throws -> (directory: TempDirectory, store: LocalStore) {
        let directory = TempDirectory()
        let store = try LocalStore.open(directory: directory.url).unlocked(with: try .random())
        try store.createFamily(family, secret: .random())
        try store.addSectionKey(section, family: family)
        return (directory, store)
    }
}

struct StoreTests {
    let now: UInt64 = 1_790_000_000_000

    @Test func localEditIsLoggedAppliedAndQueued() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let entity = EntityID.random()
        let changes = try store.commit(
            [f.edit([.write(entity, "naam", .string("Zonnebloem"), replacing: [])])],
            author: f.author, schemaVersion: 1, wallMillis: now)
        #expect(changes.count == 1)
        #expect(try store.outbox().map(\.id) == changes.map(\.id))
        #expect(try store.entities(family: f.family, tag: f.section.tag)[entity]?["naam"] == .string("Zonnebloem"))
        // The store's state hash equals the in-memory reference fed the same changes.
        var reference = ReplicaState()
        for change in changes { try reference.apply(change, authorKey: f.author.signer.publicKey, key: f.section.key) }
        #expect(try store.stateHash() == reference.stateHash)
        // Sequence numbers and the author hash chain advance.
        let next = try store.commit(
            [f.edit([.write(entity, "naam", .string("Z2"), replacing: [])])], author: f.author, schemaVersion: 1, wallMillis: now)
        #expect(next[0].header.sequence == 2)
        #expect(next[0].header.previous == changes[0].id)
        #expect(next[0].header.first > changes[0].header.last)
    }

    @Test func aLateReplacedWriteStaysReplacedAcrossTransactions() throws {
        // The history (what replaced writes a register has seen) must survive each merge.
        let a = try StoreFixture()
        let storeA = try a.open()
        let (directoryB, storeB) = try a.peer()
        defer { withExtendedLifetime(directoryB) {} }
        let keys = [a.author.device: a.author.signer.publicKey]
        let entity = EntityID.random()
        var changes: [SignedChange] = []
        var head: [OpID] = []
        for (offset, value) in ["een", "twee", "drie"].enumerated() {
            let change = try storeA.commit(
                [a.edit([.write(entity, "naam", .string(value), replacing: head)])], author: a.author, schemaVersion: 1,
                wallMillis: now + UInt64(offset))
            head = [OpID(timestamp: change[0].header.first, device: a.author.device)]
            changes += change
        }
        // B receives them newest first, each in a transaction of its own.
        for change in changes.reversed() { _ = try storeB.apply([change], authorKey: { keys[$0] }, wallMillis: now) }
        let state = try storeB.entities(family: a.family, tag: a.section.tag)[entity]!
        #expect(state["naam"] == .string("drie"))
        #expect(state.conflictedFields.isEmpty)
        #expect(try storeB.stateHash() == storeA.stateHash())
    }

    /// An entity row as stored: its whole state, and whether it is in the inline layout (`history` NULL).
    func storedEntity(_ f: StoreFixture, _ store: LocalStore, _ entity: EntityID) throws -> (state: EntityState, isInline: Bool) {
        let ad = LocalStore.entityAD(f.family, f.section.tag, entity)
        return try store.database.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT state, history FROM entity WHERE entity = ?", arguments: [entity.data]))
            let state = try AEAD.open(combined: row["state"] as Data, associatedData: ad, key: f.storageKey)
            guard let history = row["history"] as Data? else { return (try EntityState(encoded: state), true) }
            let opened = try AEAD.open(combined: history, associatedData: ad + LocalStore.historyMark, key: f.storageKey)
            return (try EntityState(visible: state, history: opened), false)
        }
    }

    /// From v7 until merging spliced, a row kept its history in a column of its own; such rows are read, and
    /// rewritten inline (`history` NULL) on their next merge, history kept.
    @Test func rowsWithTheirHistoryInItsOwnColumnAreReadMergedAndRewrittenInline() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let entity = EntityID.random()
        let first = try store.commit([f.edit([.write(entity, "naam", .string("oud"), replacing: [])])], author: f.author, schemaVersion: 1, wallMillis: now)
        let firstID = OpID(timestamp: first[0].header.first, device: f.author.device)
        try store.commit(
            [f.edit([.write(entity, "naam", .string("nieuw"), replacing: [firstID])])], author: f.author, schemaVersion: 1, wallMillis: now + 1)
        let (whole, isInline) = try storedEntity(f, store, entity)
        #expect(isInline, "a merge writes the inline layout")
        #expect(whole.registers["naam"]?.replacedThrough == [f.author.device: firstID.timestamp])
        // Put the row back the way v7 to v12 wrote it: the visible state in `state`, the history beside it.
        let ad = LocalStore.entityAD(f.family, f.section.tag, entity)
        try store.database.write { db in
            try db.execute(
                sql: "UPDATE entity SET state = ?, history = ? WHERE entity = ?",
                arguments: [
                    AEAD.seal(whole.encodedVisible(), associatedData: ad, key: f.storageKey),
                    AEAD.seal(whole.encodedHistory(), associatedData: ad + LocalStore.historyMark, key: f.storageKey), entity.data,
                ])
        }
        #expect(try storedEntity(f, store, entity).isInline == false)
        #expect(try store.entities(family: f.family, tag: f.section.tag)[entity]?["naam"] == .string("nieuw"))
        try store.commit([f.edit([.write(entity, "fase", .int(2), replacing: [])])], author: f.author, schemaVersion: 1, wallMillis: now + 2)
        let (merged, isInlineNow) = try storedEntity(f, store, entity)
        #expect(isInlineNow, "the merge rewrote the row inline")
        #expect(merged.registers["naam"]?.replacedThrough == [f.author.device: firstID.timestamp])
        #expect(merged["naam"] == .string("nieuw") && merged["fase"] == .int(2))
        var reference = ReplicaState()
        for change in try store.changes() { try reference.apply(change, authorKey: f.author.signer.publicKey, key: f.section.key) }
        #expect(try store.stateHash() == reference.stateHash)
    }

    /// Histories written before the compact context (v11 and earlier) list every replaced id; they are read as
    /// the context those ids imply and rewritten compact on the entity's next merge.
    @Test func historiesListingReplacedIDsAreReadAsTheirContextAndRewrittenCompact() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let entity = EntityID.random()
        var head: [OpID] = []
        for offset in 0..<20 as Range<UInt64> {
            let change = try store.commit(
                [f.edit([.write(entity, "naam", .string("v\(offset)"), replacing: head)])], author: f.author, schemaVersion: 1,
                wallMillis: now + offset)
            head = [OpID(timestamp: change[0].header.first, device: f.author.device)]
        }
        let other = DeviceID.random()
        var replaced = (0..<19).map { OpID(timestamp: Timestamp(millis: now + UInt64($0), counter: 0), device: f.author.device) }
        replaced.append(OpID(timestamp: Timestamp(millis: now + 3, counter: 0), device: other))
        // The layout before: version 1, then per register its name and every replaced id.
        var legacy = ByteWriter()
        legacy.write(UInt8(1))
        legacy.writeVarint(1)
        legacy.writeString("naam")
        legacy.writeVarint(UInt64(replaced.count))
        for id in replaced.sorted() {
            legacy.writeFixed(id.timestamp.rawValue)
            legacy.write(id.device)
        }
        let visible = try storedEntity(f, store, entity).state.encodedVisible()
        let ad = LocalStore.entityAD(f.family, f.section.tag, entity), historyAD = ad + LocalStore.historyMark
        try store.database.write { db in
            try db.execute(
                sql: "UPDATE entity SET state = ?, history = ? WHERE entity = ?",
                arguments: [
                    AEAD.seal(visible, associatedData: ad, key: f.storageKey),
                    AEAD.seal(legacy.data, associatedData: historyAD, key: f.storageKey), entity.data,
                ])
        }
        #expect(try store.entities(family: f.family, tag: f.section.tag)[entity]?["naam"] == .string("v19"))
        try store.commit([f.edit([.write(entity, "fase", .int(2), replacing: [])])], author: f.author, schemaVersion: 1, wallMillis: now + 30)
        try store.database.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT state, history FROM entity WHERE entity = ?", arguments: [entity.data])!
            #expect((row["history"] as Data?) == nil, "rewritten inline")
            let state = try AEAD.open(combined: row["state"] as Data, associatedData: ad, key: f.storageKey)
            #expect(state.first == 2, "rewritten in the compact layout")
            let whole = try EntityState(encoded: state)
            // Two devices, 24 bytes each, where the list held 20 ids.
            #expect(state.count < visible.count + legacy.data.count / 2)
            #expect(whole.registers["naam"]?.replacedThrough == [f.author.device: replaced[18].timestamp, other: replaced[19].timestamp])
            #expect(whole["naam"] == .string("v19") && whole["fase"] == .int(2))
        }
    }

    /// A colleague's device holds the section key and its own valid signing key (`SECURITY.md`, colleague). Under the
    /// register's compact context, a write naming another device's write *after* its own time would silence all of
    /// that device's writes up to it. Such a change is refused whole, leaves no trace, and the victim's next write
    /// is current as it should be.
    @Test func aColleagueCannotSilenceAnotherDevicesFutureWrites() throws {
        let f = try StoreFixture()
        let victimStore = try f.open()
        let entity = EntityID.random()
        let first = try victimStore.commit(
            [f.edit([.write(entity, "naam", .string("eerste"), replacing: [])])], author: f.author, schemaVersion: 1, wallMillis: now)
        let colleague = Author(device: .random(), signer: try .generate())
        // Sealed by hand: `SignedChange.seal` refuses such ops, a hostile device does not use it.
        let t = Timestamp(millis: now + 10, counter: 0)
        let ops = [Op(
            id: OpID(timestamp: t, device: colleague.device), entity: entity,
            payload: .write(field: "naam", value: .string("overgenomen"), predecessors: [
                OpID(timestamp: first[0].header.first, device: f.author.device),
                OpID(timestamp: Timestamp(millis: now + 60_000, counter: 0), device: f.author.device),
            ]))]
        let header = ChangeHeader(
            family: f.family, sectionTag: f.section.tag, epoch: 1, author: colleague.device, sequence: 1, previous: Data(count: 32),
            first: t, opCount: 1, schemaVersion: 1)
        var writer = ByteWriter()
        header.encode(to: &writer)
        let nonce = Random.bytes(AEAD.nonceByteCount)
        let sealed = AEAD.seal(
            OpsCodec.encode(ops, version: 2, author: colleague.device), associatedData: writer.data, nonce: nonce, key: f.section.key)
        writer.writeRaw(nonce)
        writer.writeFixed(UInt32(sealed.count))
        writer.writeRaw(sealed)
        writer.writeRaw(colleague.signer.sign(writer.data))
        let hostile = try SignedChange(bytes: writer.data)
        let before = try victimStore.stateHash()
        let keys = [f.author.device: f.author.signer.publicKey, colleague.device: colleague.signer.publicKey]
        let report = try victimStore.apply([hostile], authorKey: { keys[$0] }, wallMillis: now + 20)
        #expect(report.applied.isEmpty && report.rejected.count == 1)
        #expect(report.rejected.first?.error.code == .malformedChange)
        #expect(try victimStore.stateHash() == before)
        #expect(try !victimStore.changes().contains { $0.id == hostile.id })
        // The victim's own next write, within the minute the hostile change named, is the field's value.
        try victimStore.commit(
            [f.edit([.write(entity, "naam", .string("tweede"), replacing: [OpID(timestamp: first[0].header.first, device: f.author.device)])])],
            author: f.author, schemaVersion: 1, wallMillis: now + 30)
        #expect(try victimStore.entities(family: f.family, tag: f.section.tag)[entity]?["naam"] == .string("tweede"))
    }

    /// Every apply reports the conflicted entities: counted from a partial index, not a scan of every entity.
    @Test func theConflictCountReadsOnlyTheConflicts() throws {
        let f = try StoreFixture()
        let store = try f.open()
        try store.commit(
            [f.edit((0..<50).map { _ in .write(.random(), "naam", .string("x"), replacing: []) })], author: f.author, schemaVersion: 1,
            wallMillis: now)
        #expect(try store.conflictedEntityCount() == 0)
        try store.database.read { db in
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM entity WHERE has_conflict")
                .map { $0["detail"] as String }.joined(separator: "; ")
            #expect(plan.contains("entity_conflicted"), "query plan: \(plan)")
        }
    }

    @Test func twoStoresConvergeAndKeepConcurrentWritesAsConflicts() throws {
        let a = try StoreFixture()
        let storeA = try a.open()
        let (directoryB, storeB) = try a.peer()
        defer { withExtendedLifetime(directoryB) {} }
        let authorB = Author(device: .random(), signer: try .generate())
        let keys = [a.author.device: a.author.signer.publicKey, authorB.device: authorB.signer.publicKey]

        let entity = EntityID.random()
        let base = try storeA.commit([a.edit([.write(entity, "status", .string("open"), replacing: [])])], author: a.author, schemaVersion: 1, wallMillis: now)
        _ = try storeB.apply(base, authorKey: { keys[$0] }, wallMillis: now)
        let heads = try storeB.entities(family: a.family, tag: a.section.tag)[entity]!.registers["status"]!.heads
        // Both edit the same field offline.
        let fromA = try storeA.commit([a.edit([.write(entity, "status", .string("loopt"), replacing: heads)])], author: a.author, schemaVersion: 1, wallMillis: now + 5)
        let fromB = try storeB.commit([a.edit([.write(entity, "status", .string("behaald"), replacing: heads)])], author: authorB, schemaVersion: 1, wallMillis: now + 9)
        let reportA = try storeA.apply(fromB, authorKey: { keys[$0] }, wallMillis: now)
        let reportB = try storeB.apply(fromA, authorKey: { keys[$0] }, wallMillis: now)
        #expect(reportA.applied.count == 1 && reportB.applied.count == 1)
        #expect(reportA.conflictedEntities == 1)
        #expect(try storeA.stateHash() == storeB.stateHash())
        let merged = try storeA.entities(family: a.family, tag: a.section.tag)[entity]!
        #expect(merged.conflictedFields == ["status"])
        #expect(merged["status"] == .string("behaald"))
        // A duplicate delivery is skipped.
        let again = try storeA.apply(fromB + base, authorKey: { keys[$0] }, wallMillis: now)
        #expect(again.duplicates.count == 2 && again.applied.isEmpty)
    }

    @Test func refusedChangesLeaveNoTrace() throws {
        let a = try StoreFixture()
        let source = try a.open()
        let changes = try source.commit(
            [a.edit([.write(.random(), "naam", .string("x"), replacing: [])])], author: a.author, schemaVersion: 1, wallMillis: now)
        let b = try StoreFixture()
        let target = try b.open()
        try target.createFamily(a.family, secret: .random())
        try target.addSectionKey(a.section, family: a.family)
        let before = try target.stateHash()
        let countBefore = try target.changes().count

        let impostor = try SigningKeyPair.generate()
        var report = try target.apply(changes, authorKey: { _ in impostor.publicKey }, wallMillis: now)
        #expect(report.rejected.map(\.error.code) == [.badSignature])
        report = try target.apply(changes, authorKey: { _ in nil }, wallMillis: now)
        #expect(report.rejected.map(\.error.code) == [.unknownAuthor])
        report = try target.apply(changes, authorKey: { _ in a.author.signer.publicKey }, wallMillis: now - 3_600_000)
        #expect(report.rejected.map(\.error.code) == [.clockInFuture])
        #expect(try target.stateHash() == before)
        #expect(try target.changes().count == countBefore)
    }

    @Test func aChangeTwiceInOneBatchIsAppliedOnce() throws {
        let a = try StoreFixture()
        let entity = EntityID.random()
        let changes = try a.open().commit(
            [a.edit([.write(entity, "naam", .string("x"), replacing: [])])], author: a.author, schemaVersion: 1, wallMillis: now)
        let b = try StoreFixture()
        let target = try b.open()
        try target.createFamily(a.family, secret: .random())
        try target.addSectionKey(a.section, family: a.family)
        let report = try target.apply(changes + changes, authorKey: { _ in a.author.signer.publicKey }, wallMillis: now)
        #expect(report.applied.count == 1 && report.duplicates.count == 1)
        #expect(try target.changes().count == 1)
        #expect(try target.entities(family: a.family, tag: a.section.tag)[entity]?.registers["naam"]?.current.count == 1)
    }

    @Test func changeForASectionWithoutAKeyIsRefused() throws {
        let a = try StoreFixture()
        let changes = try a.open().commit(
            [a.edit([.write(.random(), "naam", .string("x"), replacing: [])])], author: a.author, schemaVersion: 1, wallMillis: now)
        let b = try StoreFixture()
        let report = try b.open().apply(changes, authorKey: { _ in a.author.signer.publicKey }, wallMillis: now)
        #expect(report.rejected.map(\.error.code) == [.missingKey])
    }

    @Test func secondProcessOnTheProfileGetsAClearError() throws {
        let f = try StoreFixture()
        let first = try f.open()
        let error = #expect(throws: StoreError.self) { _ = try LocalStore.open(directory: f.directory.url) }
        #expect(error?.code == .locked)
        #expect(error?.message.contains("een ander nazorg-proces") == true)
        _ = first
    }

    @Test func noPlaintextReachesAnyFile() throws {
        let f = try StoreFixture()
        let marker = "Xylofoonstraat-Zevenhuizen-\(UInt32.random(in: 0...UInt32.max))"
        do {
            let store = try f.open()
            try store.commit(
                [f.edit([.write(.random(), "naam", .string(marker), replacing: []),
                         .insert(.random(), kind: "contact", fields: ["verslag": .string(marker)])])],
                author: f.author, schemaVersion: 1, wallMillis: now)
            // While open: database, WAL and shared memory files.
            let bytes = try f.directory.allBytes()
            #expect(bytes.range(of: Data(marker.utf8)) == nil)
            #expect(bytes.range(of: Data("naam".utf8)) == nil, "even field names stay inside the ciphertext")
        }
        let bytes = try f.directory.allBytes()
        #expect(bytes.range(of: Data(marker.utf8)) == nil)
    }

    @Test func aFailedCommitWritesNothingAndReopeningShowsTheOldState() throws {
        let f = try StoreFixture()
        let entity = EntityID.random()
        do {
            let store = try f.open()
            try store.commit([f.edit([.write(entity, "naam", .string("oud"), replacing: [])])], author: f.author, schemaVersion: 1, wallMillis: now)
            let tooMany = (0...ChangeHeader.maxOps).map { _ in PendingOp.write(entity, "naam", .string("nieuw"), replacing: []) }
            // The first edit is valid, the second too large: the whole transaction must roll back.
            #expect(throws: SyncError.self) {
                try store.commit(
                    [f.edit([.write(entity, "naam", .string("nieuw"), replacing: [])]), f.edit(tooMany)],
                    author: f.author, schemaVersion: 1, wallMillis: now)
            }
        }
        let reopened = try f.open()
        #expect(try reopened.entities(family: f.family, tag: f.section.tag)[entity]?["naam"] == .string("oud"))
        #expect(try reopened.changes().count == 1)
        #expect(try reopened.outbox().count == 1)
    }

    @Test func wrongStorageKeyCannotReadState() throws {
        let f = try StoreFixture()
        do {
            let store = try f.open()
            try store.commit([f.edit([.write(.random(), "naam", .string("x"), replacing: [])])], author: f.author, schemaVersion: 1, wallMillis: now)
        }
        let wrong = try LocalStore.open(directory: f.directory.url).unlocked(with: try .random())
        let error = #expect(throws: StoreError.self) { try wrong.entities(family: f.family, tag: f.section.tag) }
        #expect(error?.code == .corrupt)
    }
}

/// Version vectors and what a peer lacks: two stores that swap exactly the missing changes end equal.
struct StoreExchangeTests {
    let now: UInt64 = 1_790_000_000_000

    @Test func peersExchangeExactlyWhatTheOtherLacks() throws {
        let a = try StoreFixture()
        let storeA = try a.open()
        let (directoryB, storeB) = try a.peer()
        defer { withExtendedLifetime(directoryB) {} }
        let authorB = Author(device: .random(), signer: try .generate())
        let keys = [a.author.device: a.author.signer.publicKey, authorB.device: authorB.signer.publicKey]

        var fromA: [SignedChange] = []
        for i in 0..<30 {
            fromA += try storeA.commit([a.edit([.write(.random(), "naam", .string("a\(i)"), replacing: [])])], author: a.author, schemaVersion: 1, wallMillis: now)
        }
        // B already holds A's first 10 changes and wrote 5 of its own.
        _ = try storeB.apply(Array(fromA[0..<10]), authorKey: { keys[$0] }, wallMillis: now)
        for i in 0..<5 {
            _ = try storeB.commit([a.edit([.write(.random(), "naam", .string("b\(i)"), replacing: [])])], author: authorB, schemaVersion: 1, wallMillis: now)
        }
        let vectorA = try VersionVector(encoded: try storeA.versionVector().encoded())
        let vectorB = try VersionVector(encoded: try storeB.versionVector().encoded())
        let chainA = ChainKey(section: SectionRef(family: a.family, tag: a.section.tag), author: a.author.device)
        #expect(vectorB[chainA] == 10 && vectorA[chainA] == 30)
        let toB = try storeA.changes(missingFrom: vectorB)
        let toA = try storeB.changes(missingFrom: vectorA)
        #expect(toB.map(\.id) == fromA[10...].map(\.id))
        #expect(toA.count == 5)
        let reportB = try storeB.apply(toB, authorKey: { keys[$0] }, wallMillis: now)
        let reportA = try storeA.apply(toA, authorKey: { keys[$0] }, wallMillis: now)
        #expect(reportB.applied.count == 20 && reportB.rejected.isEmpty && reportA.applied.count == 5)
        #expect(try storeA.versionVector() == storeB.versionVector())
        #expect(try storeA.stateHash() == storeB.stateHash())
    }

    @Test func aChainWithAGapReportsTheSequenceBeforeIt() throws {
        let a = try StoreFixture()
        let storeA = try a.open()
        var changes: [SignedChange] = []
        for i in 0..<6 {
            changes += try storeA.commit([a.edit([.write(.random(), "naam", .string("\(i)"), replacing: [])])], author: a.author, schemaVersion: 1, wallMillis: now)
        }
        let (directoryB, storeB) = try a.peer()
        defer { withExtendedLifetime(directoryB) {} }
        // B holds 1, 2, 4 and 6: its vector says 2, so a peer sends 3 to 6 (4 and 6 again, skipped as duplicates).
        _ = try storeB.apply([changes[0], changes[1], changes[3], changes[5]], authorKey: { _ in a.author.signer.publicKey }, wallMillis: now)
        let chain = ChainKey(section: SectionRef(family: a.family, tag: a.section.tag), author: a.author.device)
        #expect(try storeB.versionVector()[chain] == 2)
        let missing = try storeA.changes(missingFrom: storeB.versionVector())
        #expect(missing.map(\.header.sequence) == [3, 4, 5, 6])
        let report = try storeB.apply(missing, authorKey: { _ in a.author.signer.publicKey }, wallMillis: now)
        #expect(report.applied.count == 2 && report.duplicates.count == 2)
        #expect(try storeB.versionVector()[chain] == 6)
    }

    @Test func aVersionVectorRefusesMalformedBytes() throws {
        var vector = VersionVector()
        vector.observe(ChainKey(section: SectionRef(family: .random(), tag: .random()), author: .random()), sequence: 7)
        let bytes = vector.encoded()
        #expect(try VersionVector(encoded: bytes) == vector)
        for cut in 0..<bytes.count { #expect(throws: SyncError.self) { try VersionVector(encoded: bytes.prefix(cut)) } }
        #expect(throws: SyncError.self) { try VersionVector(encoded: bytes + Data([0])) }
        #expect(throws: SyncError.self) { try VersionVector(encoded: Data([0xFF, 0xFF, 0xFF, 0xFF, 0x0F])) }
        // The same chain twice: count 2, then the one entry repeated.
        var twice = Data([2])
        twice.append(bytes.dropFirst())
        twice.append(bytes.dropFirst())
        #expect(throws: SyncError.self) { try VersionVector(encoded: twice) }
    }
}

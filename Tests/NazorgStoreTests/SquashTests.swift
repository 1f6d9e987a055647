import Foundation
import GRDB
import NazorgCrypto
@testable import NazorgStore
import NazorgSync
import Testing

/// Squashing the outbox before a push: a section's never-offered changes travel as one change, the plan does not
/// change, the chain stays whole, and nothing that may have reached a server is ever rewritten.
struct SquashTests {
    let now: UInt64 = 1_790_000_000_000

    func commitEdits(_ count: Int, _ f: StoreFixture, _ store: LocalStore, section: SectionKeyRecord? = nil, label: String = "v") throws -> [SignedChange] {
        try (0..<count).flatMap { i in
            try store.commit(
                [LocalEdit(family: f.family, section: section ?? f.section, ops: [.write(.random(), "naam", .string("\(label)\(i)"), replacing: [])])],
                author: f.author, schemaVersion: 1, wallMillis: now)
        }
    }

    /// Integrity, and the own chain of every section whole: sequences 1…n, each naming the one before, the head on n.
    func expectWholeChains(_ store: LocalStore, _ author: Author) throws {
        try store.database.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let rows = try Row.fetchAll(db, sql: "SELECT family, tag, sequence, bytes FROM change WHERE author = ? ORDER BY family, tag, sequence", arguments: [author.device.data])
            var byChain: [Data: [SignedChange]] = [:]
            for row in rows { byChain[(row["family"] as Data) + (row["tag"] as Data), default: []].append(try SignedChange(bytes: row["bytes"])) }
            for (chain, changes) in byChain {
                #expect(changes.map(\.header.sequence) == Array(1...UInt64(changes.count)))
                for (before, after) in zip(changes, changes.dropFirst()) { #expect(after.header.previous == before.id) }
                let head = try Row.fetchOne(
                    db, sql: "SELECT sequence, change_id FROM author_head WHERE family = ? AND tag = ? AND author = ?",
                    arguments: [chain.prefix(16), chain.suffix(16), author.device.data])
                #expect(head?["sequence"] == Int64(changes.count) && head?["change_id"] == changes.last?.id)
            }
        }
    }

    @Test func aSectionsEditsTravelAsOneChangeAndThePlanDoesNotChange() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let other = SectionKeyRecord(tag: .random(), epoch: 1, name: "veiligheid", key: try .random())
        try store.addSectionKey(other, family: f.family)
        // Edits of two sections, interleaved, as a worker makes them: the timestamps of each section have gaps.
        var originals: [SignedChange] = []
        for i in 0..<10 {
            originals += try commitEdits(1, f, store, label: "kern\(i)-")
            if i % 2 == 0 { originals += try commitEdits(1, f, store, section: other, label: "veilig\(i)-") }
        }
        let before = try store.stateHash()
        let (pushed, report) = try store.squashOutbox(author: f.author)
        #expect(report == LocalStore.SquashReport(before: 15, after: 2))
        #expect(Set(pushed.map(\.header.sectionTag)) == [f.section.tag, other.tag])
        #expect(pushed.allSatisfy { $0.header.version == 2 && $0.header.sequence == 1 })
        #expect(pushed.map(\.header.opCount).sorted() == [5, 10])
        #expect(try store.stateHash() == before)
        #expect(try store.outbox().map(\.id) == pushed.map(\.id))
        try expectWholeChains(store, f.author)

        // A peer that applies the two changes holds exactly what a peer applying the fifteen originals holds.
        let (squashedDirectory, squashedPeer) = try f.peer()
        let (originalDirectory, originalPeer) = try f.peer()
        defer { withExtendedLifetime((squashedDirectory, originalDirectory)) {} }
        try squashedPeer.addSectionKey(other, family: f.family)
        try originalPeer.addSectionKey(other, family: f.family)
        let key: (DeviceID) -> Data? = { _ in f.author.signer.publicKey }
        #expect(try squashedPeer.apply(pushed, authorKey: key, wallMillis: now).applied.count == 2)
        #expect(try originalPeer.apply(originals, authorKey: key, wallMillis: now).applied.count == 15)
        #expect(try squashedPeer.stateHash() == before && originalPeer.stateHash() == before)
        // The same ops in 2 changes instead of 15: the bytes fall with the per-change header, nonce, tag and signature.
        #expect(pushed.reduce(0) { $0 + $1.bytes.count } * 3 < originals.reduce(0) { $0 + $1.bytes.count })
    }

    @Test func whatWasOfferedToAServerIsNeverRewritten() throws {
        let f = try StoreFixture()
        let store = try f.open()
        _ = try commitEdits(3, f, store)
        // The push of this change may have reached the server and its answer got lost.
        let offered = try store.outboxForPush(author: f.author)
        #expect(offered.count == 1 && offered[0].header.sequence == 1)
        _ = try commitEdits(4, f, store, label: "later")
        let next = try store.outboxForPush(author: f.author)
        #expect(next.count == 2)
        #expect(next[0].id == offered[0].id, "the offered change is sent again byte for byte")
        #expect(next[1].header.sequence == 2 && next[1].header.previous == offered[0].id && next[1].header.opCount == 4)
        // Asking again, with nothing new, changes nothing.
        #expect(try store.outboxForPush(author: f.author).map(\.id) == next.map(\.id))
        try expectWholeChains(store, f.author)
        // A server that holds the first change accepts the second as its successor: the peer applies both in turn.
        let (directory, peer) = try f.peer()
        defer { withExtendedLifetime(directory) {} }
        let key: (DeviceID) -> Data? = { _ in f.author.signer.publicKey }
        #expect(try peer.apply([offered[0]], authorKey: key, wallMillis: now).applied.count == 1)
        let report = try peer.apply(next, authorKey: key, wallMillis: now)
        #expect(report.applied.count == 1 && report.duplicates.count == 1)
        #expect(try peer.stateHash() == store.stateHash())
    }

    @Test func aChangeAcknowledgedBeforeIsTheFloorOfTheNextSquash() throws {
        let f = try StoreFixture()
        let store = try f.open()
        _ = try commitEdits(2, f, store)
        let first = try store.outboxForPush(author: f.author)
        try store.acknowledge(changes: first.map(\.id), grants: [])
        _ = try commitEdits(3, f, store, label: "b")
        let second = try store.outboxForPush(author: f.author)
        #expect(second.count == 1 && second[0].header.sequence == 2 && second[0].header.previous == first[0].id)
        try expectWholeChains(store, f.author)
        // Re-queued after a server restore, every change counts as offered: none is rewritten.
        try store.acknowledge(changes: second.map(\.id), grants: [])
        #expect(try store.requeue(family: f.family, tag: f.section.tag) == 2)
        #expect(try store.outboxForPush(author: f.author).map(\.id) == first.map(\.id) + second.map(\.id))
    }

    @Test func aNewKeyEpochStartsANewChange() throws {
        let f = try StoreFixture()
        let store = try f.open()
        _ = try commitEdits(3, f, store)
        // A withdrawal re-keys the section: what follows is under epoch 2, which the withdrawn recipient never gets.
        let epoch2 = SectionKeyRecord(tag: f.section.tag, epoch: 2, name: f.section.name, key: try .random())
        try store.addSectionKey(epoch2, family: f.family)
        _ = try commitEdits(2, f, store, section: epoch2, label: "na")
        _ = try commitEdits(1, f, store, label: "oud")
        let pushed = try store.outboxForPush(author: f.author)
        #expect(pushed.map(\.header.epoch) == [1, 2, 1])
        #expect(pushed.map(\.header.opCount) == [3, 2, 1])
        #expect(pushed.map(\.header.sequence) == [1, 2, 3])
        try expectWholeChains(store, f.author)
        let (directory, peer) = try f.peer()
        defer { withExtendedLifetime(directory) {} }
        try peer.addSectionKey(epoch2, family: f.family)
        #expect(try peer.apply(pushed, authorKey: { _ in f.author.signer.publicKey }, wallMillis: now).applied.count == 3)
        #expect(try peer.stateHash() == store.stateHash())
    }

    @Test func aStoreWithAQueuedOutboxMigratesItAsOffered() throws {
        let f = try StoreFixture()
        // As a store of the version before: no `attempted` column, and its migration not yet run.
        try {
            let store = try f.open()
            _ = try commitEdits(3, f, store)
            try store.database.write { db in
            try db.execute(sql: "CREATE TABLE outbox_old (change_rowid INTEGER PRIMARY KEY REFERENCES change (rowid))")
            try db.execute(sql: "INSERT INTO outbox_old SELECT change_rowid FROM outbox")
            try db.execute(sql: "DROP TABLE outbox")
            try db.execute(sql: "ALTER TABLE outbox_old RENAME TO outbox")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v11-outbox-attempted'")
            }
        }()
        let reopened = try f.open()
        // What the old version queued may have reached a server already: sent as it is.
        let pushed = try reopened.outboxForPush(author: f.author)
        #expect(pushed.count == 3 && pushed.allSatisfy { $0.header.version == 2 })
    }

    // MARK: Coalescing: the offline week's half

    func coalesced(_ f: StoreFixture, _ store: LocalStore, _ ops: [PendingOp], section: SectionKeyRecord? = nil, at wall: UInt64) throws -> SignedChange {
        let changes = try store.commit(
            [LocalEdit(family: f.family, section: section ?? f.section, ops: ops)], author: f.author, schemaVersion: 1, wallMillis: wall,
            coalescing: true)
        #expect(changes.count == 1)
        return changes[0]
    }

    @Test func editsJoinTheirSectionsUnpushedChangeEachInItsOwnTransaction() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let entity = EntityID.random()
        var head: [OpID] = []
        var last: SignedChange?
        for i in 0..<5 {
            let change = try coalesced(f, store, [.write(entity, "naam", .string("v\(i)"), replacing: head)], at: now + UInt64(i))
            head = [OpID(timestamp: change.header.last, device: f.author.device)]
            // Durable after each edit: the store holds one change with every edit so far, the plan shows the last.
            #expect(change.header.sequence == 1 && change.header.opCount == UInt32(i + 1) && change.header.version == 2)
            #expect(try store.outbox().map(\.id) == [change.id])
            #expect(try store.entities(family: f.family, tag: f.section.tag)[entity]?["naam"] == .string("v\(i)"))
            last = change
        }
        try expectWholeChains(store, f.author)
        // A peer applying the one change holds what the author holds; the register has the last write only.
        let (directory, peer) = try f.peer()
        defer { withExtendedLifetime(directory) {} }
        #expect(try peer.apply([last!], authorKey: { _ in f.author.signer.publicKey }, wallMillis: now).applied.count == 1)
        #expect(try peer.stateHash() == store.stateHash())
        #expect(try peer.entities(family: f.family, tag: f.section.tag)[entity]?.registers["naam"]?.current.count == 1)
    }

    @Test func anOfferedChangeANewEpochAndTheSizeLimitEachStartANewChange() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let first = try coalesced(f, store, [.write(.random(), "naam", .string("a"), replacing: [])], at: now)
        let offered = try store.outboxForPush(author: f.author)
        #expect(offered.map(\.id) == [first.id])
        // Offered to a server: never rewritten; the next edit is the chain's next change.
        let second = try coalesced(f, store, [.write(.random(), "naam", .string("b"), replacing: [])], at: now + 1)
        #expect(second.header.sequence == 2 && second.header.previous == first.id)
        // A new key epoch (after a withdrawal) is a change of its own.
        let epoch2 = SectionKeyRecord(tag: f.section.tag, epoch: 2, name: f.section.name, key: try .random())
        try store.addSectionKey(epoch2, family: f.family)
        let third = try coalesced(f, store, [.write(.random(), "naam", .string("c"), replacing: [])], section: epoch2, at: now + 2)
        #expect(third.header.sequence == 3 && third.header.epoch == 2)
        // Up to the limit of ops, then the next change.
        let bulk = (0..<LocalStore.maxCoalescedOps - 1).map { PendingOp.write(.random(), "naam", .string("d\($0)"), replacing: []) }
        let full = try coalesced(f, store, bulk, section: epoch2, at: now + 3)
        #expect(full.header.sequence == 3 && Int(full.header.opCount) == LocalStore.maxCoalescedOps)
        let over = try coalesced(f, store, [.write(.random(), "naam", .string("e"), replacing: [])], section: epoch2, at: now + 4)
        #expect(over.header.sequence == 4)
        try expectWholeChains(store, f.author)
        // The push then squashes the two never-offered changes of epoch 2 into one (the offered first change waits
        // in the outbox for its acknowledgement, as it was).
        let (pushed, report) = try store.squashOutbox(author: f.author)
        #expect(report.before == 4 && report.after == 3)
        #expect(pushed.map(\.header.sequence) == [1, 2, 3] && pushed[0].id == first.id)
        #expect(pushed[2].header.opCount == UInt32(LocalStore.maxCoalescedOps + 1))
        try expectWholeChains(store, f.author)
    }
}

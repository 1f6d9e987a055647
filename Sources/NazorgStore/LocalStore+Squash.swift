import NazorgMessages
import Foundation
import GRDB
import NazorgCrypto
public import NazorgSync

/// Squashing the outbox: a section's local changes that no server has seen yet travel as one change.
///
/// Every local edit is committed as its own change (durable on its own, as the worker expects). Before a push
/// the changes of one chain (family, section, this device) that were never offered to a server are combined:
/// their ops, with their own timestamps, sealed and signed as one change of format version 2, which takes the
/// first one's place in the chain. The plan does not change — the ops and their ids are the same — only how
/// they travel.
///
/// Only changes no one can hold are rewritten. An outbox row is marked `attempted` in the same transaction that
/// hands it to a push, and an attempted change is never rewritten again: its push may have reached the server
/// even if the answer was lost. Changes re-queued after a server restore are attempted from the start. So the
/// rewritten changes are always a suffix of their chain above every change that may have left this device.
extension LocalStore {
    /// Most ops in one squashed change (a pull page and a push stay moderate).
    public static let maxSquashedOps = 10_000
    /// Most bytes of original changes squashed into one.
    public static let maxSquashedBytes = 1 << 20

    /// What squashing did, for benchmarks and reports.
    public struct SquashReport: Sendable, Equatable {
        /// Outbox changes before.
        public var before = 0
        /// Outbox changes after.
        public var after = 0
    }

    /// Squashes every chain's never-offered changes, marks the whole outbox as offered, and returns it (oldest
    /// first), all in one transaction: what a push sends.
    public func outboxForPush(author: Author) throws -> [SignedChange] {
        try squashOutbox(author: author).changes
    }

    /// `outboxForPush`, with counts.
    public func squashOutbox(author: Author) throws -> (changes: [SignedChange], report: SquashReport) {
        let storageKey = try key()
        return try withDatabase(.bundlingTheOutbox) {
            try database.write { db in
                var report = SquashReport()
                report.before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
                for suffix in try Self.squashableSuffixes(author.device, db) {
                    try squash(suffix, author: author, storageKey: storageKey, db)
                }
                try db.execute(sql: "UPDATE outbox SET attempted = 1 WHERE attempted = 0")
                let changes = try Self.outbox(db)
                report.after = changes.count
                return (changes, report)
            }
        }
    }

    private struct Pending {
        var rowid: Int64
        var change: SignedChange
    }

    /// Per chain of `device`, its never-offered top: the changes above the last one that may have left this
    /// device, in sequence order, where there are at least two. One query for the whole outbox.
    ///
    /// The never-offered changes of a chain are consecutive up to its head, unless a change re-queued after a
    /// server restore (offered from the start) lies above some of them; then only those above it count.
    private static func squashableSuffixes(_ device: DeviceID, _ db: Database) throws -> [[Pending]] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT change.rowid, change.bytes, change.sequence, author_head.sequence AS head
                FROM outbox JOIN change ON change.rowid = outbox.change_rowid
                JOIN author_head ON author_head.family = change.family AND author_head.tag = change.tag
                    AND author_head.author = change.author
                WHERE outbox.attempted = 0 AND change.author = ?
                ORDER BY change.family, change.tag, change.sequence DESC
                """, arguments: [device.data])
        var suffixes: [[Pending]] = []
        var chain: [Pending] = [], expected: Int64 = -1, head: Int64 = -1
        func close() {
            if chain.count > 1 { suffixes.append(chain.reversed()) }
            chain = []
        }
        var last: (family: Data, tag: Data)?
        while let row = try rows.next() {
            let change = try SignedChange(bytes: row["bytes"])
            let key = (family: change.header.family.data, tag: change.header.sectionTag.data)
            if last.map({ $0.family != key.family || $0.tag != key.tag }) ?? true {
                close()
                last = key
                head = row["head"]
                expected = head
            }
            // Below a gap (something offered lies between) nothing more of this chain is squashable.
            guard row["sequence"] as Int64 == expected else {
                expected = -1
                continue
            }
            chain.append(Pending(rowid: row["rowid"], change: change))
            expected -= 1
        }
        close()
        return suffixes
    }

    /// Rewrites the never-offered suffix of one chain as few changes as the limits allow: one per run of equal
    /// key epoch and schema version.
    private func squash(_ suffix: [Pending], author: Author, storageKey: SymmetricKey, _ db: Database) throws {
        let first = suffix[0].change.header
        let args: StatementArguments = [first.family.data, first.sectionTag.data, author.device.data]
        var previous = first.previous
        var sequence = first.sequence
        var keys: [UInt32: SymmetricKey] = [:]
        for run in Self.runs(suffix) {
            let h = run[0].change.header
            if run.count == 1, h.sequence == sequence, h.previous == previous {
                previous = run[0].change.id
                sequence += 1
                continue
            }
            if keys[h.epoch] == nil { keys[h.epoch] = try sectionKey(family: h.family, tag: h.sectionTag, epoch: h.epoch, db) }
            guard let key = keys[h.epoch] else {
                throw StoreError(.corrupt, Messages.Store.noKeyForChange(String(run[0].change.idHex.prefix(16))))
            }
            let ops = try run.flatMap { try $0.change.open(key: key) }
            let squashed = try SignedChange.seal(
                stamped: ops, header: h.spanning(ops, sequence: sequence, previous: previous), key: key, signer: author.signer)
            // Row by row through prepared statements: an `IN (…)` list would be a new statement to parse per run.
            let deleteOutbox = try db.cachedStatement(sql: "DELETE FROM outbox WHERE change_rowid = ?")
            let deleteChange = try db.cachedStatement(sql: "DELETE FROM change WHERE rowid = ?")
            for pending in run {
                try deleteOutbox.execute(arguments: [pending.rowid])
                try deleteChange.execute(arguments: [pending.rowid])
            }
            let rowid = try Self.insertRow(squashed, isLocal: true, db)
            try db.cachedStatement(sql: "INSERT INTO outbox (change_rowid, attempted) VALUES (?, 0)").execute(arguments: [rowid])
            previous = squashed.id
            sequence += 1
        }
        // The chain is shorter now: its head moves back to the last rewritten change.
        try db.cachedStatement(sql: "UPDATE author_head SET sequence = ?, change_id = ? WHERE family = ? AND tag = ? AND author = ?")
            .execute(arguments: [Int64(sequence - 1), previous] + args)
    }

    /// Consecutive changes that can share one change: same epoch and schema, within the size limits.
    private static func runs(_ changes: [Pending]) -> [[Pending]] {
        var runs: [[Pending]] = []
        var ops = 0, bytes = 0
        for pending in changes {
            let h = pending.change.header
            if let last = runs.last?.last?.change.header, last.epoch == h.epoch, last.schemaVersion == h.schemaVersion,
                ops + Int(h.opCount) <= maxSquashedOps, bytes + pending.change.bytes.count <= maxSquashedBytes
            {
                runs[runs.count - 1].append(pending)
                ops += Int(h.opCount)
                bytes += pending.change.bytes.count
            } else {
                runs.append([pending])
                ops = Int(h.opCount)
                bytes = pending.change.bytes.count
            }
        }
        return runs
    }
}

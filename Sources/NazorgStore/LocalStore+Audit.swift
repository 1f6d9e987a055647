import NazorgMessages
public import Foundation
import GRDB
import NazorgCrypto
public import NazorgSync

extension LocalStore {
    /// Appends records to this device's share-log chain (signed, hash-chained), in one transaction.
    public func appendAudit(_ records: [AuditRecord], author: Author) throws {
        let storageKey = try key()
        try withDatabase(.writingTheShareLog) {
            try database.write { db in try Self.appendAudit(records, author: author, storageKey: storageKey, db) }
        }
    }

    static func appendAudit(_ records: [AuditRecord], author: Author, storageKey: SymmetricKey, _ db: Database) throws {
        guard !records.isEmpty else { return }
        let head = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1")
        var sequence = UInt64(head?["sequence"] as Int64? ?? 0)
        var previous: Data = head?["hash"] ?? Data(count: 32)
        for record in records {
            sequence += 1
            let entry = try AuditEntry.make(record, device: author.device, sequence: sequence, previous: previous, signer: author.signer)
            let sealed = AEAD.seal(entry.bytes, associatedData: Self.auditAD(sequence), key: storageKey)
            try db.execute(
                sql: "INSERT INTO audit_entry (sequence, hash, sealed) VALUES (?, ?, ?)",
                arguments: [Int64(sequence), entry.hash, sealed])
            previous = entry.hash
        }
    }

    private static func auditAD(_ sequence: UInt64) -> Data { Data("audit:\(sequence)".utf8) }

    /// This device's share-log entries, all or only those not yet on the server.
    public func auditEntries(unpushedOnly: Bool = false) throws -> [AuditEntry] {
        let storageKey = try key()
        return try withDatabase(.readingTheShareLog) {
            try database.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT sequence, sealed FROM audit_entry \(unpushedOnly ? "WHERE pushed = 0" : "") ORDER BY sequence"
                ).map { row in
                    let sequence = UInt64(row["sequence"] as Int64)
                    do {
                        return try AuditEntry(bytes: AEAD.open(combined: row["sealed"] as Data, associatedData: Self.auditAD(sequence), key: storageKey))
                    } catch {
                        throw StoreError(.corrupt, Messages.Store.logEntryUnreadable(sequence), cause: error)
                    }
                }
            }
        }
    }

    /// Marks entries the server holds.
    public func markAuditPushed(_ sequences: [UInt64]) throws {
        try withDatabase(.markingShareLogEntriesSent) {
            try database.write { db in
                for sequence in sequences { try db.execute(sql: "UPDATE audit_entry SET pushed = 1 WHERE sequence = ?", arguments: [Int64(sequence)]) }
            }
        }
    }

    /// The sealed leaf kept for each entry that was sent before (by sequence): sent again as it was.
    public func auditLeaves() throws -> [UInt64: Data] {
        try withDatabase(.readingTheShareLog) {
            try database.read { db in
                var leaves: [UInt64: Data] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT sequence, leaf FROM audit_entry WHERE leaf IS NOT NULL") {
                    leaves[UInt64(row["sequence"] as Int64)] = row["leaf"]
                }
                return leaves
            }
        }
    }

    /// Keeps the sealed leaves about to be sent, so that a re-send is byte-identical.
    public func keepAuditLeaves(_ leaves: [UInt64: Data]) throws {
        try withDatabase(.keepingShareLogLeaves) {
            try database.write { db in
                for (sequence, leaf) in leaves {
                    try db.execute(sql: "UPDATE audit_entry SET leaf = ? WHERE sequence = ?", arguments: [leaf, Int64(sequence)])
                }
            }
        }
    }

    /// Marks entries the server proved included in the organisation's log, with their index.
    public func markAuditIncluded(_ included: [(sequence: UInt64, index: UInt64)]) throws {
        try withDatabase(.markingShareLogEntriesSent) {
            try database.write { db in
                for (sequence, index) in included {
                    try db.execute(
                        sql: "UPDATE audit_entry SET pushed = 1, log_index = ? WHERE sequence = ?",
                        arguments: [Int64(clamping: index), Int64(sequence)])
                }
            }
        }
    }

    /// Marks entries from `sequence` on as not on the server (it lost them): they are sent again.
    public func markAuditUnpushed(from sequence: UInt64) throws {
        try withDatabase(.markingShareLogEntriesToSendAgain) {
            try database.write { db in
                try db.execute(sql: "UPDATE audit_entry SET pushed = 0, log_index = NULL WHERE sequence >= ?", arguments: [Int64(clamping: sequence)])
            }
        }
    }

    /// The highest sequence of this device's entries the server proved included (0 if none).
    public func lastIncludedAuditSequence() throws -> UInt64 {
        try withDatabase(.readingTheShareLog) {
            try database.read { db in
                UInt64(try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), 0) FROM audit_entry WHERE pushed = 1") ?? 0)
            }
        }
    }

    // MARK: The privacy officer's copy

    /// The privacy officer's copy of the organisation's log: each leaf as received and its opened entry.
    public func auditCopy() throws -> [(leaf: Data, entry: AuditEntry)] {
        let storageKey = try key()
        return try withDatabase(.readingTheShareLogCopy) {
            try database.read { db in
                try Row.fetchAll(db, sql: "SELECT idx, leaf, sealed FROM audit_copy ORDER BY idx").map { row in
                    let index = row["idx"] as Int64
                    let plain = try AEAD.open(combined: row["sealed"] as Data, associatedData: Data("copy:\(index)".utf8), key: storageKey)
                    return (row["leaf"], try AuditEntry(bytes: plain))
                }
            }
        }
    }

    /// Appends verified leaves to the copy (and the tree head they were checked against) in one transaction.
    public func appendAuditCopy(_ items: [(leaf: Data, entry: AuditEntry)], from start: Int, head: Data, headKey: String) throws {
        let storageKey = try key()
        try withDatabase(.savingTheShareLogCopy) {
            try database.write { db in
                for (offset, item) in items.enumerated() {
                    let index = Int64(start + offset)
                    try db.execute(
                        sql: "INSERT INTO audit_copy (idx, leaf, sealed) VALUES (?, ?, ?)",
                        arguments: [index, item.leaf, AEAD.seal(item.entry.bytes, associatedData: Data("copy:\(index)".utf8), key: storageKey)])
                }
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [headKey, head])
            }
        }
    }
}

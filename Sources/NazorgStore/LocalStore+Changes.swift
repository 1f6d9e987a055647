import NazorgMessages
public import Foundation
import GRDB
public import NazorgCrypto
public import NazorgSync

/// One local edit of one section, before it is stamped, sealed and signed.
public struct LocalEdit: Sendable {
    /// The family.
    public var family: FamilyID
    /// Section tag, epoch and key to encrypt under.
    public var section: SectionKeyRecord
    /// The ops.
    public var ops: [PendingOp]
    /// Whether the key is new (a new section's first key, or a new epoch after a withdrawal): it is then
    /// stored in the same transaction as this edit. An edit without ops only stores its new key.
    public var isNewKey: Bool

    /// Creates an edit.
    public init(family: FamilyID, section: SectionKeyRecord, ops: [PendingOp], isNewKey: Bool = false) {
        self.family = family
        self.section = section
        self.ops = ops
        self.isNewKey = isNewKey
    }
}

/// The signing identity of this device, as the store needs it to author changes.
public struct Author: Sendable {
    /// The device id.
    public var device: DeviceID
    /// Its signing key pair.
    public var signer: SigningKeyPair

    /// Creates an author.
    public init(device: DeviceID, signer: SigningKeyPair) {
        self.device = device
        self.signer = signer
    }
}

/// What applying a pulled batch did.
public struct ApplyReport: Sendable {
    /// Changes applied now.
    public var applied: [Data] = []
    /// Changes already held (duplicates), skipped.
    public var duplicates: [Data] = []
    /// Changes refused, with the reason; they left no trace.
    public var rejected: [(id: Data, error: SyncError)] = []
    /// Entities that have a conflict after the batch.
    public var conflictedEntities: Int = 0
}

extension LocalStore {
    private static let clockKey = "hlc"

    /// Stamps, seals, signs and commits local edits in one transaction: the changes are appended to the log,
    /// applied to the encrypted state, and queued in the outbox — all, or (on any error) none.
    ///
    /// A new family (`newFamily`, with its tag secret) and new keys (`isNewKey`) are registered in the same
    /// transaction, so neither exists without its first edit; `rekeys` queues new epochs whose other holders
    /// still need the key (granted at the next sync, when the server says who holds the section).
    @discardableResult
    public func commit(
        _ edits: [LocalEdit], author: Author, schemaVersion: UInt16, wallMillis: UInt64,
        newFamily: (id: FamilyID, secret: SymmetricKey)? = nil, grants: [KeyGrant] = [], rekeys: [Rekey] = [],
        audit: [AuditRecord] = [], handover: HandoverRecord? = nil, coalescing: Bool = false
    ) throws -> [SignedChange] {
        let storageKey = try key()
        return try withDatabase(.savingTheEdit) {
            try database.write { db in
                if let newFamily { try Self.insertFamily(newFamily.id, secret: newFamily.secret, storageKey: storageKey, db) }
                if let handover {
                    // A bundle is imported once: a replay of the same bundle changes nothing.
                    if handover.importedAt != nil,
                        try Row.fetchOne(
                            db, sql: "SELECT 1 FROM handover WHERE id = ? AND imported_at IS NOT NULL", arguments: [handover.id.data]) != nil
                    {
                        throw StoreError(.conflict, Messages.Store.bundleImportedBefore(handover.id.short))
                    }
                    try Self.save(handover, db)
                }
                for edit in edits where edit.isNewKey {
                    try Self.insertSectionKey(edit.section, family: edit.family, storageKey: storageKey, db)
                }
                for rekey in rekeys {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO rekey_outbox (family, tag, epoch, basis) VALUES (?, ?, ?, ?)",
                        arguments: [rekey.family.data, rekey.tag.data, Int64(rekey.epoch), rekey.withdrawnBasis.data])
                }
                for grant in grants {
                    try db.execute(sql: "INSERT OR IGNORE INTO grant_outbox (id, bytes) VALUES (?, ?)", arguments: [grant.id, grant.bytes])
                }
                var clock = HybridClock(last: Timestamp(rawValue: try Self.readClock(db)))
                var changes: [SignedChange] = []
                for edit in edits where !edit.ops.isEmpty {
                    let first = try clock.reserve(edit.ops.count, wallMillis: wallMillis)
                    let head = try Row.fetchOne(
                        db.cachedStatement(sql: "SELECT sequence, change_id FROM author_head WHERE family = ? AND tag = ? AND author = ?"),
                        arguments: [edit.family.data, edit.section.tag.data, author.device.data])
                    if coalescing,
                        let change = try Self.coalesce(
                            edit, first: first, into: head?["change_id"], author: author, schemaVersion: schemaVersion,
                            storageKey: storageKey, db)
                    {
                        changes.append(change)
                        continue
                    }
                    let header = ChangeHeader(
                        family: edit.family, sectionTag: edit.section.tag, epoch: edit.section.epoch,
                        author: author.device, sequence: UInt64(head?["sequence"] as Int64? ?? 0) + 1,
                        previous: head?["change_id"] ?? Data(count: 32), first: first,
                        opCount: UInt32(edit.ops.count), schemaVersion: schemaVersion)
                    let change = try SignedChange.seal(edit.ops, header: header, key: edit.section.key, signer: author.signer)
                    let ops = try change.open(key: edit.section.key)
                    let rowid = try Self.insert(change, isLocal: true, db)
                    try db.cachedStatement(sql: "INSERT INTO outbox (change_rowid) VALUES (?)").execute(arguments: [rowid])
                    try Self.apply(ops, family: edit.family, tag: edit.section.tag, storageKey: storageKey, db)
                    changes.append(change)
                }
                try Self.writeClock(clock.last.rawValue, db)
                try Self.appendAudit(audit, author: author, storageKey: storageKey, db)
                return changes
            }
        }
    }

    /// Applies changes received from elsewhere in one transaction. Each is checked (structure, author key,
    /// signature, section key, decryption, clock) before it touches anything; a refused change leaves no
    /// trace, a duplicate is skipped. A run of one author's changes in a section is authenticated by the
    /// signature of its last change, which covers the ids of those before it (`ChainAuthenticator`). The ops
    /// of all accepted changes are then merged grouped by entity, so each touched entity is decrypted and
    /// re-encrypted once per batch.
    public func apply(
        _ changes: [SignedChange], authorKey: (DeviceID) -> Data?, wallMillis: UInt64
    ) throws -> ApplyReport {
        let storageKey = try key()
        return try withDatabase(.applyingChanges) {
            try database.write { db in
                var report = ApplyReport()
                var clock = HybridClock(last: Timestamp(rawValue: try Self.readClock(db)))
                var keys: [EpochRef: SymmetricKey] = [:]
                var seen = Set<Data>()
                var accepted: [SectionRef: [Op]] = [:]
                // The highest sequence accepted per chain: its head is written once per batch, not per change.
                var heads: [ChainKey: (sequence: UInt64, id: Data)] = [:]
                var authenticator = ChainAuthenticator(changes)
                let held = try Self.heldChangeIDs(changes.map(\.id), db)
                authenticator.checkChainTops(changes, skipping: held, authorKey: authorKey)
                for change in changes {
                    let isKnown = seen.contains(change.id) || held.contains(change.id)
                    if isKnown {
                        report.duplicates.append(change.id)
                        continue
                    }
                    do {
                        let h = change.header
                        guard let publicKey = authorKey(h.author) else {
                            throw SyncError(.unknownAuthor, Messages.Store.changeByUnknownDevice(String(change.idHex.prefix(16)), device: h.author.short))
                        }
                        if !authenticator.isAuthentic(change, authorKey: publicKey) {
                            // Not vouched for and not signed: let the change's own check say why.
                            try change.verifySignature(authorKey: publicKey)
                        }
                        let cacheKey = EpochRef(section: SectionRef(family: h.family, tag: h.sectionTag), epoch: h.epoch)
                        if keys[cacheKey] == nil {
                            keys[cacheKey] = try sectionKey(family: h.family, tag: h.sectionTag, epoch: h.epoch, db)
                        }
                        guard let sectionKey = keys[cacheKey] else {
                            throw SyncError(.missingKey, Messages.Store.noKeyForChange(String(change.idHex.prefix(16))))
                        }
                        let ops = try change.open(key: sectionKey)
                        var candidate = clock
                        try candidate.observe(h.last, wallMillis: wallMillis)
                        clock = candidate
                        try Self.insertRow(change, isLocal: false, db)
                        let chain = ChainKey(section: SectionRef(family: h.family, tag: h.sectionTag), author: h.author)
                        if h.sequence > heads[chain]?.sequence ?? 0 { heads[chain] = (h.sequence, change.id) }
                        accepted[chain.section, default: []].append(contentsOf: ops)
                        seen.insert(change.id)
                        report.applied.append(change.id)
                    } catch let error as SyncError {
                        report.rejected.append((change.id, error))
                    }
                }
                for (chain, head) in heads { try Self.advanceHead(chain, sequence: head.sequence, to: head.id, db) }
                for (section, ops) in accepted {
                    try Self.apply(ops, family: section.family, tag: section.tag, storageKey: storageKey, db)
                }
                try Self.writeClock(clock.last.rawValue, db)
                report.conflictedEntities = try Self.conflictedEntityCount(db)
                return report
            }
        }
    }

    /// One key epoch of a section, to cache its key for a batch.
    private struct EpochRef: Hashable {
        var section: SectionRef
        var epoch: UInt32
    }

    /// Most ops a local change grows to by coalescing (the push squashes such changes further).
    public static let maxCoalescedOps = 256
    /// Most bytes a change may have before an edit is coalesced into it.
    public static let maxCoalescedBytes = 64 << 10

    /// Folds an edit into its section's latest change when no server can have seen that change yet: the head
    /// of this device's chain, waiting never offered in the outbox, of the same key epoch and schema. The
    /// change is sealed and signed again with the old ops and the new (its sequence and predecessor kept, a
    /// new id), and only the new ops are merged into the plan. Returns nil when the edit needs a change of
    /// its own.
    ///
    /// This is the offline week's half of squashing: each edit is still durable on its own (this is its
    /// transaction), and what is pushed later is already one change per section, not one per edit.
    private static func coalesce(
        _ edit: LocalEdit, first: Timestamp, into headID: Data?, author: Author, schemaVersion: UInt16,
        storageKey: SymmetricKey, _ db: Database
    ) throws -> SignedChange? {
        guard let headID,
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT change.rowid, change.bytes FROM change JOIN outbox ON outbox.change_rowid = change.rowid
                        WHERE change.id = ? AND outbox.attempted = 0
                        """),
                arguments: [headID])
        else { return nil }
        let held = try SignedChange(bytes: row["bytes"])
        let h = held.header
        guard h.epoch == edit.section.epoch, h.schemaVersion == schemaVersion,
            Int(h.opCount) + edit.ops.count <= maxCoalescedOps, held.bytes.count <= maxCoalescedBytes
        else { return nil }
        let added = ChangeHeader.stamp(edit.ops, from: first, by: author.device)
        let ops = try held.open(key: edit.section.key) + added
        let change = try SignedChange.seal(
            stamped: ops, header: h.spanning(ops, sequence: h.sequence, previous: h.previous), key: edit.section.key,
            signer: author.signer)
        try db.cachedStatement(sql: "UPDATE change SET id = ?, bytes = ? WHERE rowid = ?")
            .execute(arguments: [change.id, change.bytes, row["rowid"] as Int64])
        try db.cachedStatement(sql: "UPDATE author_head SET change_id = ? WHERE family = ? AND tag = ? AND author = ?")
            .execute(arguments: [change.id, h.family.data, h.sectionTag.data, h.author.data])
        try apply(added, family: edit.family, tag: edit.section.tag, storageKey: storageKey, db)
        return change
    }

    /// How many entities hold concurrent writes in some field.
    public func conflictedEntityCount() throws -> Int {
        try withDatabase(.countingConflicts) { try database.read { try Self.conflictedEntityCount($0) } }
    }

    private static func conflictedEntityCount(_ db: Database) throws -> Int {
        // Served by the partial index `entity_conflicted` (v12): the cost is the conflicts, not the entities.
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM entity WHERE has_conflict")) ?? 0
    }

    /// Merged state of every entity in a section, for reading: values, conflicts and heads, without the ids of
    /// replaced writes (`Register.replaced` is empty), which only merging needs and which grow with every edit.
    public func entities(family: FamilyID, tag: ID128) throws -> [EntityID: EntityState] {
        let storageKey = try key()
        return try withDatabase(.readingThePlan) {
            try database.read { db in
                var result: [EntityID: EntityState] = [:]
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT entity, state, history IS NULL AS inline FROM entity WHERE family = ? AND tag = ?",
                    arguments: [family.data, tag.data])
                while let row = try rows.next() {
                    let id = ID128(data: row["entity"] as Data) ?? ID128(high: 0, low: 0)
                    result[id] = try Self.openForReading(row, family: family, tag: tag, entity: id, storageKey: storageKey)
                }
                return result
            }
        }
    }

    /// Changes written here and not yet acknowledged by a server, oldest first.
    public func outbox() throws -> [SignedChange] {
        try withDatabase(.readingTheOutbox) { try database.read { try Self.outbox($0) } }
    }

    /// The outbox, oldest first, inside a transaction.
    static func outbox(_ db: Database) throws -> [SignedChange] {
        try Data.fetchAll(db, sql: "SELECT bytes FROM change JOIN outbox ON outbox.change_rowid = change.rowid ORDER BY change.rowid")
            .map { try SignedChange(bytes: $0) }
    }

    /// Every change held, in arrival order.
    public func changes() throws -> [SignedChange] {
        try withDatabase(.readingTheChangeLog) {
            try database.read { db in
                try Data.fetchAll(db, sql: "SELECT bytes FROM change ORDER BY rowid").map { try SignedChange(bytes: $0) }
            }
        }
    }

    /// BLAKE2b-256 over the visible state of every entity, in canonical order: equal on replicas that hold
    /// the same changes, and equal to `ReplicaState.stateHash` for them.
    public func stateHash() throws -> Data {
        let storageKey = try key()
        return try withDatabase(.hashingTheState) {
            try database.read { db in
                let hasher = StateHasher()
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT family, tag, entity, state, history IS NULL AS inline FROM entity ORDER BY family, tag, entity")
                while let row = try rows.next() {
                    let family = ID128(data: row["family"] as Data)!
                    let tag = ID128(data: row["tag"] as Data)!
                    let entity = ID128(data: row["entity"] as Data)!
                    let state = try Self.openForReading(row, family: family, tag: tag, entity: entity, storageKey: storageKey)
                    hasher.add(section: SectionRef(family: family, tag: tag), entity: entity, state: state)
                }
                return hasher.finalize()
            }
        }
    }

    // MARK: Internals (inside a transaction)

    func sectionKey(family: FamilyID, tag: ID128, epoch: UInt32, _ db: Database) throws -> SymmetricKey? {
        guard
            let sealed = try Data.fetchOne(
                db.cachedStatement(sql: "SELECT sealed FROM section_key WHERE family = ? AND tag = ? AND epoch = ?"),
                arguments: [family.data, tag.data, Int64(epoch)])
        else { return nil }
        let plain = try AEAD.open(combined: sealed, associatedData: Self.keyAD(family, tag, epoch), key: try key())
        return try SymmetricKey(data: plain.prefix(32))
    }

    /// Which of these change ids the log holds already: one query per 500 ids, not one per change.
    private static func heldChangeIDs(_ ids: [Data], _ db: Database) throws -> Set<Data> {
        var held = Set<Data>()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(start + 500, ids.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let sql = "SELECT id FROM change WHERE id IN (\(marks))"
            held.formUnion(try Data.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(Array(chunk))))
        }
        return held
    }

    /// Appends a change to the log and advances its author's chain head; returns the change's rowid.
    @discardableResult
    private static func insert(_ change: SignedChange, isLocal: Bool, _ db: Database) throws -> Int64 {
        let rowid = try insertRow(change, isLocal: isLocal, db)
        let h = change.header
        let chain = ChainKey(section: SectionRef(family: h.family, tag: h.sectionTag), author: h.author)
        try advanceHead(chain, sequence: h.sequence, to: change.id, db)
        return rowid
    }

    /// Appends a change to the log (its chain head is the caller's to advance); returns its rowid.
    @discardableResult
    static func insertRow(_ change: SignedChange, isLocal: Bool, _ db: Database) throws -> Int64 {
        let h = change.header
        try db.cachedStatement(
            sql: "INSERT INTO change (id, family, tag, author, sequence, bytes, is_local) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [change.id, h.family.data, h.sectionTag.data, h.author.data, Int64(h.sequence), change.bytes, isLocal])
        return db.lastInsertedRowID
    }

    /// Moves a chain's head to `sequence` unless it is further already.
    private static func advanceHead(_ chain: ChainKey, sequence: UInt64, to change: Data, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO author_head (family, tag, author, sequence, change_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (family, tag, author) DO UPDATE SET sequence = excluded.sequence, change_id = excluded.change_id
                WHERE excluded.sequence > author_head.sequence
                """
        ).execute(arguments: [chain.section.family.data, chain.section.tag.data, chain.author.data, Int64(sequence), change])
    }

    /// Applies ops to the encrypted entity rows: one read, decrypt, merge, encrypt, write per touched entity.
    /// The merge splices: only the registers the ops write are decoded (`EntityState.merge(_:intoEncoded:)`).
    private static func apply(_ ops: [Op], family: FamilyID, tag: ID128, storageKey: SymmetricKey, _ db: Database) throws {
        var grouped: [EntityID: [Op]] = [:]
        for op in ops { grouped[op.entity, default: []].append(op) }
        let rows = try EntityRows(db)
        for (entity, entityOps) in grouped {
            let row = try rows.fetch(family: family, tag: tag, entity: entity)
            let stored = try row.map { try openForMerging($0, family: family, tag: tag, entity: entity, storageKey: storageKey) }
            let merged = try decrypting(entity) { try EntityState.merge(entityOps, intoEncoded: stored) }
            guard case .merged(let encoded, let conflicted) = merged else { continue }
            let sealed = AEAD.seal(encoded, associatedData: entityAD(family, tag, entity), key: storageKey)
            if let row {
                try rows.update(rowid: row.rowid, state: sealed, isConflicted: conflicted)
            } else {
                try rows.insert(family: family, tag: tag, entity: entity, state: sealed, isConflicted: conflicted)
            }
        }
    }

    /// Appended to an entity's associated data for its history, so a state and a history cannot be swapped.
    static let historyMark = Data("history".utf8)

    /// An entity's full encoding, history included, to merge ops into. Rows are written with it inline in
    /// `state` (`history` NULL); rows written between v7 and the compact context keep their history in its
    /// own column, and are rewritten inline on their next merge.
    private static func openForMerging(
        _ row: StoredEntityRow, family: FamilyID, tag: ID128, entity: EntityID, storageKey: SymmetricKey
    ) throws -> Data {
        try decrypting(entity) {
            let state = try AEAD.open(combined: row.state, associatedData: entityAD(family, tag, entity), key: storageKey)
            guard let history = row.history else { return state }
            let historyAD = entityAD(family, tag, entity, history: true)
            return try EntityState(visible: state, history: try AEAD.open(combined: history, associatedData: historyAD, key: storageKey)).encoded()
        }
    }

    /// An entity's visible state (values, conflicts, heads) without its history, from a row that has `state`
    /// and `inline` (whether the history is inside `state`: the layout before v7, and again since merging splices).
    private static func openForReading(
        _ row: Row, family: FamilyID, tag: ID128, entity: EntityID, storageKey: SymmetricKey
    ) throws -> EntityState {
        try decrypting(entity) {
            let state = try AEAD.open(combined: row["state"] as Data, associatedData: entityAD(family, tag, entity), key: storageKey)
            return row["inline"] as Bool
                ? try EntityState(encoded: state, keepingHistory: false) : try EntityState(visible: state, history: nil)
        }
    }

    private static func decrypting<T>(_ entity: EntityID, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw StoreError(.corrupt, Messages.Store.entityUnreadable(entity.short), cause: error)
        }
    }

    /// `family || tag || entity`, 48 bytes, followed by `historyMark` for the entity's history; built in one
    /// allocation (three `Data` concatenations cost more than decrypting a small entity).
    static func entityAD(_ family: FamilyID, _ tag: ID128, _ entity: EntityID, history: Bool = false) -> Data {
        var ad = Data(capacity: 48 + historyMark.count)
        withUnsafeBytes(
            of: (
                family.high.bigEndian, family.low.bigEndian, tag.high.bigEndian, tag.low.bigEndian,
                entity.high.bigEndian, entity.low.bigEndian
            )
        ) { ad.append(contentsOf: $0) }
        if history { ad.append(historyMark) }
        return ad
    }

    private static func readClock(_ db: Database) throws -> UInt64 {
        guard let data = try Data.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [clockKey]),
            data.count == 8
        else { return 0 }
        return data.reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static func writeClock(_ raw: UInt64, _ db: Database) throws {
        var writer = ByteWriter()
        writer.writeFixed(raw)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").execute(arguments: [clockKey, writer.data])
    }
}

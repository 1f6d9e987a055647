public import Foundation
import GRDB
public import NazorgCrypto
public import NazorgSync

/// `SyncStorage` on an embedded SQLite file (`DIR/server.sqlite`, WAL, `synchronous = FULL`).
public struct SQLiteStorage: SyncStorage {
    let database: DatabasePool
    /// The tree-head signing key, from its own 0600 file (`LogKeyFile`).
    private let logSigner: SigningKeyPair

    /// Opens or creates the store in `directory`.
    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY")
        }
        database = try DatabasePool(path: directory.appendingPathComponent("server.sqlite").path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE organisation (id BLOB PRIMARY KEY, info TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE device (
                        id BLOB PRIMARY KEY, organisation BLOB NOT NULL, certificate TEXT NOT NULL, revoked_at INTEGER
                    ) WITHOUT ROWID;
                    CREATE TABLE item (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind INTEGER NOT NULL,
                        id BLOB NOT NULL UNIQUE,
                        family BLOB NOT NULL,
                        tag BLOB NOT NULL,
                        epoch INTEGER NOT NULL,
                        author BLOB NOT NULL,
                        recipient BLOB,
                        sequence INTEGER,
                        bytes BLOB NOT NULL);
                    CREATE UNIQUE INDEX item_change_sequence ON item (family, tag, author, sequence) WHERE kind = 1;
                    CREATE INDEX item_recipient ON item (recipient, seq) WHERE kind = 2;
                    CREATE INDEX item_section ON item (family, tag, seq);
                    CREATE TABLE access (
                        family BLOB NOT NULL, tag BLOB NOT NULL, device BLOB NOT NULL,
                        PRIMARY KEY (family, tag, device)) WITHOUT ROWID;
                    CREATE TABLE nonce (
                        device BLOB NOT NULL, nonce TEXT NOT NULL, time INTEGER NOT NULL,
                        PRIMARY KEY (device, nonce)) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2-epochs") { db in
            // Access per key epoch, and whether it allows writing (a share to another organisation does not).
            try db.execute(
                sql: """
                    CREATE TABLE section_access (
                        family BLOB NOT NULL, tag BLOB NOT NULL, epoch INTEGER NOT NULL, device BLOB NOT NULL,
                        writable INTEGER NOT NULL,
                        PRIMARY KEY (family, tag, epoch, device)) WITHOUT ROWID;
                    CREATE INDEX section_access_by_device ON section_access (device, family, tag, epoch);
                    INSERT INTO section_access (family, tag, epoch, device, writable)
                        SELECT DISTINCT family, tag, epoch, recipient, 1 FROM item WHERE kind = 2;
                    DROP TABLE access;
                    ALTER TABLE item ADD COLUMN access_epoch INTEGER;
                    UPDATE item SET access_epoch = epoch;
                    CREATE INDEX device_by_organisation ON device (organisation);
                    """)
        }
        migrator.registerMigration("v3-share-log") { db in
            // One append-only log per organisation; leaves are sealed to its privacy officers.
            try db.execute(
                sql: """
                    CREATE TABLE audit_leaf (
                        organisation BLOB NOT NULL, idx INTEGER NOT NULL, device BLOB NOT NULL, sequence INTEGER NOT NULL,
                        hash BLOB NOT NULL, bytes BLOB NOT NULL,
                        PRIMARY KEY (organisation, idx)) WITHOUT ROWID;
                    CREATE UNIQUE INDEX audit_leaf_by_device ON audit_leaf (organisation, device, sequence);
                    CREATE TABLE log_key (id INTEGER PRIMARY KEY CHECK (id = 1), secret BLOB NOT NULL);
                    """)
        }
        migrator.registerMigration("v4-mailbox") { db in
            // Handover bundles and receipts, addressed to an organisation; the server routes, never opens.
            try db.execute(
                sql: """
                    CREATE TABLE mail (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT, kind INTEGER NOT NULL, id BLOB NOT NULL,
                        recipient BLOB NOT NULL, sender BLOB NOT NULL, sender_device BLOB NOT NULL,
                        received INTEGER NOT NULL, bytes BLOB NOT NULL);
                    CREATE UNIQUE INDEX mail_by_id ON mail (kind, id);
                    CREATE INDEX mail_by_recipient ON mail (recipient, seq);
                    """)
        }
        migrator.registerMigration("v5-log-key-file") { db in
            // The tree-head key leaves the database for its own file (moved by `init` before this runs).
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "DELETE FROM log_key")
        }
        migrator.registerMigration("v6-family-owner") { db in
            // Each family belongs to the organisation whose device first granted a key of it.
            try db.execute(
                sql: """
                    CREATE TABLE family_owner (family BLOB PRIMARY KEY, organisation BLOB NOT NULL) WITHOUT ROWID;
                    INSERT OR IGNORE INTO family_owner (family, organisation)
                        SELECT item.family, device.organisation FROM item JOIN device ON device.id = item.author
                        WHERE item.kind = 2 ORDER BY item.seq;
                    """)
        }
        // A key an older version kept in the database is moved to its file first, then erased from the database
        // (secure_delete overwrites it; the checkpoint takes it out of the WAL).
        let legacy = try database.read { db in
            try db.tableExists("log_key") ? try Data.fetchOne(db, sql: "SELECT secret FROM log_key WHERE id = 1") : nil
        }
        logSigner = try LogKeyFile.load(in: directory, legacy: legacy)
        try migrator.migrate(database)
        if legacy != nil { _ = try database.writeWithoutTransaction { db in try db.checkpoint(.truncate) } }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    public func addOrganisation(_ info: OrganisationInfo) throws {
        let json = String(decoding: try Self.encoder.encode(info), as: UTF8.self)
        try database.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO organisation (id, info) VALUES (?, ?)", arguments: [info.id.data, json])
        }
    }

    public func organisation(_ id: ID128) throws -> OrganisationInfo? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT info FROM organisation WHERE id = ?", arguments: [id.data])
        }.map { try JSONDecoder().decode(OrganisationInfo.self, from: Data($0.utf8)) }
    }

    public func registerDevice(_ certificate: DeviceCertificate) throws -> RegistrationOutcome {
        let json = String(decoding: try Self.encoder.encode(certificate), as: UTF8.self)
        return try database.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT organisation, certificate FROM device WHERE id = ?", arguments: [certificate.device.data]) {
                let stored = try JSONDecoder().decode(DeviceCertificate.self, from: Data((row["certificate"] as String).utf8))
                guard (row["organisation"] as Data) == certificate.organisation.data, stored.organisation == certificate.organisation,
                    stored.signingKey == certificate.signingKey, stored.boxKey == certificate.boxKey
                else { return .boundElsewhere }
                try db.execute(sql: "UPDATE device SET certificate = ? WHERE id = ?", arguments: [json, certificate.device.data])
                return .renewed
            }
            try db.execute(
                sql: "INSERT INTO device (id, organisation, certificate) VALUES (?, ?, ?)",
                arguments: [certificate.device.data, certificate.organisation.data, json])
            return .registered
        }
    }

    public func device(_ id: DeviceID) throws -> DeviceRecord? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT certificate, revoked_at FROM device WHERE id = ?", arguments: [id.data])
        }.map { row in
            DeviceRecord(
                certificate: try JSONDecoder().decode(DeviceCertificate.self, from: Data((row["certificate"] as String).utf8)),
                revokedAt: row["revoked_at"])
        }
    }

    public func devices(of organisation: ID128) throws -> [DeviceRecord] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT certificate, revoked_at FROM device WHERE organisation = ? ORDER BY id", arguments: [organisation.data])
        }.map { row in
            DeviceRecord(
                certificate: try JSONDecoder().decode(DeviceCertificate.self, from: Data((row["certificate"] as String).utf8)),
                revokedAt: row["revoked_at"])
        }
    }

    public func revoke(_ device: DeviceID, at: Int64) throws {
        try database.write { db in
            try db.execute(
                sql: "UPDATE device SET revoked_at = MIN(COALESCE(revoked_at, ?), ?) WHERE id = ?",
                arguments: [at, at, device.data])
        }
    }

    public func useNonce(device: DeviceID, nonce: String, time: Int64, forgetBefore: Int64) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "DELETE FROM nonce WHERE time < ?", arguments: [forgetBefore])
            try db.execute(
                sql: "INSERT OR IGNORE INTO nonce (device, nonce, time) VALUES (?, ?, ?)",
                arguments: [device.data, nonce, time])
            return db.changesCount == 1
        }
    }

    public func canWrite(device: DeviceID, family: FamilyID, tag: ID128, epoch: UInt32) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(
                db.cachedStatement(
                    sql: "SELECT EXISTS (SELECT 1 FROM section_access WHERE family = ? AND tag = ? AND epoch = ? AND device = ? AND writable)"),
                arguments: [family.data, tag.data, Int64(epoch), device.data]) ?? false
        }
    }

    public func holders(family: FamilyID, tag: ID128) throws -> [SectionAccess] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT device, epoch, writable FROM section_access WHERE family = ? AND tag = ? ORDER BY epoch, device",
                arguments: [family.data, tag.data])
        }.compactMap { row in
            ID128(data: row["device"] as Data).map {
                SectionAccess(device: $0, epoch: UInt32(truncatingIfNeeded: row["epoch"] as Int64), writable: row["writable"])
            }
        }
    }

    public func sectionsToRotate(writableBy device: DeviceID, now: Int64, limit: Int) throws -> [SectionRotations.Section] {
        try database.read { db in
            try Row.fetchAll(
                db,
                // From the revoked devices (few, usually none) to their access, then to the caller's writable
                // access at the same, newest epoch: a pull without revocations costs one scan of a small table.
                sql: """
                    SELECT DISTINCT a.family, a.tag, a.epoch FROM device d
                    JOIN section_access r ON r.device = d.id
                    JOIN section_access a ON a.family = r.family AND a.tag = r.tag AND a.epoch = r.epoch AND a.device = ? AND a.writable
                    WHERE d.revoked_at <= ?
                      AND a.epoch = (SELECT MAX(m.epoch) FROM section_access m WHERE m.family = a.family AND m.tag = a.tag)
                    ORDER BY a.family, a.tag LIMIT ?
                    """,
                arguments: [device.data, now, limit])
        }.compactMap { row in
            guard let family = ID128(data: row["family"] as Data), let tag = ID128(data: row["tag"] as Data) else { return nil }
            return SectionRotations.Section(family: family, tag: tag, epoch: UInt32(truncatingIfNeeded: row["epoch"] as Int64))
        }
    }

    public func holders(family: FamilyID) throws -> [(tag: ID128, access: SectionAccess)] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT tag, device, epoch, writable FROM section_access WHERE family = ? ORDER BY tag, epoch, device",
                arguments: [family.data])
        }.compactMap { row in
            guard let tag = ID128(data: row["tag"] as Data), let device = ID128(data: row["device"] as Data) else { return nil }
            return (tag, SectionAccess(device: device, epoch: UInt32(truncatingIfNeeded: row["epoch"] as Int64), writable: row["writable"]))
        }
    }

    public func latestEpoch(family: FamilyID, tag: ID128) throws -> UInt32? {
        try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(epoch) FROM section_access WHERE family = ? AND tag = ?", arguments: [family.data, tag.data])
        }.map { UInt32(truncatingIfNeeded: $0) }
    }

    public func familyOwner(_ family: FamilyID) throws -> ID128? {
        try database.read { db in
            try Data.fetchOne(db.cachedStatement(sql: "SELECT organisation FROM family_owner WHERE family = ?"), arguments: [family.data])
        }.flatMap { ID128(data: $0) }
    }

    public func store(_ items: [SyncBatch.Item], organisation: ID128) throws -> [StoreOutcome] {
        try database.write { db in
            try items.map { item in
                switch item {
                case .grant(let grant, _):
                    try db.cachedStatement(sql: "INSERT OR IGNORE INTO family_owner (family, organisation) VALUES (?, ?)")
                        .execute(arguments: [grant.family.data, organisation.data])
                    return try Self.insert(grant, db)
                case .change(let change, _): return try Self.insert(change, db)
                }
            }
        }
    }

    private static func insert(_ grant: KeyGrant, _ db: Database) throws -> StoreOutcome {
        if let seq = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM item WHERE id = ?"), arguments: [grant.id]) {
            return .duplicate(UInt64(seq))
        }
        try db.cachedStatement(
            sql: "INSERT INTO item (kind, id, family, tag, epoch, author, recipient, bytes) VALUES (2, ?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
            grant.id, grant.family.data, grant.tag.data, Int64(grant.epoch), grant.granter.data, grant.recipient.data, grant.bytes,
        ])
        let seq = db.lastInsertedRowID
        // A device keeps the widest access any of its grants gives (write access from its own organisation).
        try db.cachedStatement(
            sql: """
                INSERT INTO section_access (family, tag, epoch, device, writable) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET writable = MAX(writable, excluded.writable)
                """
        ).execute(arguments: [grant.family.data, grant.tag.data, Int64(grant.epoch), grant.recipient.data, !grant.basis.isShare])
        return .stored(UInt64(seq))
    }

    private static func insert(_ change: SignedChange, _ db: Database) throws -> StoreOutcome {
        let h = change.header
        if let seq = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM item WHERE id = ?"), arguments: [change.id]) {
            return .duplicate(UInt64(seq))
        }
        let taken = try Bool.fetchOne(
            db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM item WHERE kind = 1 AND family = ? AND tag = ? AND author = ? AND sequence = ?)"),
            arguments: [h.family.data, h.sectionTag.data, h.author.data, Int64(clamping: h.sequence)]) ?? false
        if taken { return .sequenceTaken }
        // A change goes only to devices that hold the section's newest epoch at the time it arrives: an edit
        // written offline under an older key after a withdrawal still never reaches the withdrawn recipient.
        let latest = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT MAX(epoch) FROM section_access WHERE family = ? AND tag = ?"),
            arguments: [h.family.data, h.sectionTag.data]) ?? 0
        try db.cachedStatement(
            sql: "INSERT INTO item (kind, id, family, tag, epoch, author, sequence, bytes, access_epoch) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
            change.id, h.family.data, h.sectionTag.data, Int64(h.epoch), h.author.data, Int64(clamping: h.sequence), change.bytes,
            max(Int64(h.epoch), latest),
        ])
        return .stored(UInt64(db.lastInsertedRowID))
    }

    public func items(for device: DeviceID, after cursor: UInt64, limit: Int) throws -> [StoredItem] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, seq, bytes FROM item
                    WHERE seq > ? AND (
                        (kind = 2 AND recipient = ?)
                        OR (kind = 1 AND author != ? AND EXISTS (
                            SELECT 1 FROM section_access a
                            WHERE a.family = item.family AND a.tag = item.tag AND a.epoch = item.access_epoch AND a.device = ?)))
                    ORDER BY seq LIMIT ?
                    """,
                arguments: [Int64(clamping: cursor), device.data, device.data, device.data, limit]
            ).compactMap { row in
                ItemKind(byte: UInt8(row["kind"] as Int64)).map { StoredItem(kind: $0, sequence: UInt64(row["seq"] as Int64), bytes: row["bytes"]) }
            }
        }
    }

    public func changes(for device: DeviceID, family: FamilyID, tag: ID128, after cursor: UInt64, until: UInt64, limit: Int) throws -> [StoredItem] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, bytes FROM item
                    WHERE kind = 1 AND family = ? AND tag = ? AND seq > ? AND seq <= ? AND access_epoch IN (
                        SELECT epoch FROM section_access WHERE family = ? AND tag = ? AND device = ?)
                    ORDER BY seq LIMIT ?
                    """,
                arguments: [family.data, tag.data, Int64(clamping: cursor), Int64(clamping: until), family.data, tag.data, device.data, limit]
            ).map { StoredItem(kind: .change, sequence: UInt64($0["seq"] as Int64), bytes: $0["bytes"]) }
        }
    }

    public func grants(for device: DeviceID, after cursor: UInt64, limit: Int) throws -> [StoredItem] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT seq, bytes FROM item WHERE kind = 2 AND recipient = ? AND seq > ? ORDER BY seq LIMIT ?",
                arguments: [device.data, Int64(clamping: cursor), limit]
            ).map { StoredItem(kind: .grant, sequence: UInt64($0["seq"] as Int64), bytes: $0["bytes"]) }
        }
    }

    public func head() throws -> UInt64 {
        try database.read { db in UInt64(try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM item") ?? 0) }
    }

    public func logKey() throws -> SigningKeyPair { logSigner }

    public func appendAudit(organisation: ID128, device: DeviceID, leaves: [AuditLeaf]) throws -> [AuditAppendOutcome] {
        try database.write { db in
            var outcomes: [AuditAppendOutcome] = []
            for leaf in leaves {
                if let row = try Row.fetchOne(
                    db, sql: "SELECT idx, bytes FROM audit_leaf WHERE organisation = ? AND device = ? AND sequence = ?",
                    arguments: [organisation.data, device.data, Int64(bitPattern: leaf.sequence)])
                {
                    outcomes.append((row["bytes"] as Data) == leaf.bytes ? .duplicate(UInt64(row["idx"] as Int64)) : .outOfOrder(expected: 0))
                    continue
                }
                let last = UInt64(bitPattern: try Int64.fetchOne(
                    db, sql: "SELECT MAX(sequence) FROM audit_leaf WHERE organisation = ? AND device = ?",
                    arguments: [organisation.data, device.data]) ?? 0)
                guard leaf.sequence == last &+ 1 else {
                    outcomes.append(.outOfOrder(expected: last &+ 1))
                    continue
                }
                let index = try Int64.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM audit_leaf WHERE organisation = ?", arguments: [organisation.data]) ?? 0
                try db.execute(
                    sql: "INSERT INTO audit_leaf (organisation, idx, device, sequence, hash, bytes) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [organisation.data, index, device.data, Int64(bitPattern: leaf.sequence), MerkleTree.leafHash(leaf.bytes), leaf.bytes])
                outcomes.append(.stored(UInt64(index)))
            }
            return outcomes
        }
    }

    public func lastAuditSequence(organisation: ID128, device: DeviceID) throws -> UInt64 {
        try database.read { db in
            UInt64(bitPattern: try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT COALESCE(MAX(sequence), 0) FROM audit_leaf WHERE organisation = ? AND device = ?"),
                arguments: [organisation.data, device.data]) ?? 0)
        }
    }

    public func auditLeaves(organisation: ID128, from: UInt64, limit: Int) throws -> [Data] {
        try database.read { db in
            try Data.fetchAll(
                db, sql: "SELECT bytes FROM audit_leaf WHERE organisation = ? AND idx >= ? ORDER BY idx LIMIT ?",
                arguments: [organisation.data, Int64(clamping: from), limit])
        }
    }

    public func auditHashes(organisation: ID128) throws -> [Data] {
        try database.read { db in
            try Data.fetchAll(db, sql: "SELECT hash FROM audit_leaf WHERE organisation = ? ORDER BY idx", arguments: [organisation.data])
        }
    }

    public func digest(family: FamilyID, tag: ID128) throws -> (count: Int, hash: Data) {
        try database.read { db in
            let ids = try Data.fetchAll(
                db, sql: "SELECT id FROM item WHERE kind = 1 AND family = ? AND tag = ?", arguments: [family.data, tag.data])
            return (ids.count, SectionDigest.of(ids))
        }
    }
}

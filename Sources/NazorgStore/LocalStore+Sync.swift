import NazorgMessages
public import Foundation
import GRDB
public import NazorgCrypto
public import NazorgSync

/// A new key epoch whose other holders still need the key: started by withdrawing a consent, so the
/// recipient it named cannot read what is written afterwards.
public struct Rekey: Sendable, Hashable {
    /// The family.
    public var family: FamilyID
    /// The section tag.
    public var tag: ID128
    /// The new epoch.
    public var epoch: UInt32
    /// The withdrawn consent: devices that held the section only on it do not get the new key.
    public var withdrawnBasis: EntityID

    /// Creates a re-key record.
    public init(family: FamilyID, tag: ID128, epoch: UInt32, withdrawnBasis: EntityID) {
        self.family = family
        self.tag = tag
        self.epoch = epoch
        self.withdrawnBasis = withdrawnBasis
    }
}

extension LocalStore {
    /// New epochs whose other holders still need the key.
    public func pendingRekeys() throws -> [Rekey] {
        try withDatabase(.readingTheReKeyQueue) {
            try database.read { db in
                try Row.fetchAll(db, sql: "SELECT family, tag, epoch, basis FROM rekey_outbox ORDER BY family, tag, epoch").compactMap { row in
                    guard let family = ID128(data: row["family"] as Data), let tag = ID128(data: row["tag"] as Data),
                        let basis = ID128(data: row["basis"] as Data)
                    else { return nil }
                    return Rekey(family: family, tag: tag, epoch: UInt32(truncatingIfNeeded: row["epoch"] as Int64), withdrawnBasis: basis)
                }
            }
        }
    }

    /// Queues the grants of a re-key and drops it from the queue, in one transaction.
    public func complete(_ rekey: Rekey, grants: [KeyGrant]) throws {
        try withDatabase(.queueingReKeyGrants) {
            try database.write { db in
                for grant in grants {
                    try db.execute(sql: "INSERT OR IGNORE INTO grant_outbox (id, bytes) VALUES (?, ?)", arguments: [grant.id, grant.bytes])
                }
                try db.execute(
                    sql: "DELETE FROM rekey_outbox WHERE family = ? AND tag = ? AND epoch = ?",
                    arguments: [rekey.family.data, rekey.tag.data, Int64(rekey.epoch)])
            }
        }
    }

    /// Queues key grants to push (for example to a colleague's device), with the share-log records that
    /// log them, in one transaction.
    public func queue(grants: [KeyGrant], audit: [AuditRecord] = [], author: Author? = nil) throws {
        let storageKey = try key()
        try withDatabase(.queueingKeyGrants) {
            try database.write { db in
                for grant in grants {
                    try db.execute(sql: "INSERT OR IGNORE INTO grant_outbox (id, bytes) VALUES (?, ?)", arguments: [grant.id, grant.bytes])
                }
                if let author { try Self.appendAudit(audit, author: author, storageKey: storageKey, db) }
            }
        }
    }

    /// Grants waiting to be pushed.
    public func grantOutbox() throws -> [KeyGrant] {
        try withDatabase(.readingTheGrantOutbox) {
            try database.read { db in try Data.fetchAll(db, sql: "SELECT bytes FROM grant_outbox").map { try KeyGrant(bytes: $0) } }
        }
    }

    /// Removes pushed items the server acknowledged (accepted or already held) from the outboxes.
    public func acknowledge(changes: [Data], grants: [Data]) throws {
        try withDatabase(.acknowledgingPushedItems) {
            try database.write { db in
                for id in changes {
                    try db.execute(
                        sql: "DELETE FROM outbox WHERE change_rowid = (SELECT rowid FROM change WHERE id = ?)", arguments: [id])
                }
                for id in grants { try db.execute(sql: "DELETE FROM grant_outbox WHERE id = ?", arguments: [id]) }
            }
        }
    }

    /// Puts every change of a section back in the outbox (repair after a server lost some).
    public func requeue(family: FamilyID, tag: ID128) throws -> Int {
        try withDatabase(.reQueueingChanges) {
            try database.write { db in
                try db.execute(
                    sql: "INSERT OR IGNORE INTO outbox (change_rowid, attempted) SELECT rowid, 1 FROM change WHERE family = ? AND tag = ?",
                    arguments: [family.data, tag.data])
                return db.changesCount
            }
        }
    }

    /// Count and BLAKE2b-256 over the sorted ids of a section's changes: the same digest the server computes.
    public func digest(family: FamilyID, tag: ID128) throws -> (count: Int, hash: Data) {
        try withDatabase(.computingADigest) {
            try database.read { db in
                let ids = try Data.fetchAll(
                    db, sql: "SELECT id FROM change WHERE family = ? AND tag = ?", arguments: [family.data, tag.data])
                return (ids.count, SectionDigest.of(ids))
            }
        }
    }

    /// Stores a family learnt from a grant, if it is new here.
    public func adoptFamily(_ family: FamilyID, secret: SymmetricKey, owner: ID128? = nil) throws {
        let key = try key()
        try withDatabase(.adoptingAFamily) {
            try database.write { db in
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM family WHERE id = ?", arguments: [family.data]) == 0 else { return }
                try Self.insertFamily(family, secret: secret, owner: owner, storageKey: key, db)
            }
        }
    }

    /// Remembers a device certificate this device has verified (public data: keys, worker, role).
    public func remember(deviceCertificate json: String, for device: DeviceID) throws {
        try withDatabase(.cachingADeviceCertificate) {
            try database.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO known_device (id, certificate) VALUES (?, ?)", arguments: [device.data, json])
            }
        }
    }

    /// Every cached device certificate, as JSON.
    public func knownDevices() throws -> [DeviceID: String] {
        try withDatabase(.readingCachedDeviceCertificates) {
            try database.read { db in
                var result: [DeviceID: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, certificate FROM known_device") {
                    if let id = ID128(data: row["id"] as Data) { result[id] = row["certificate"] }
                }
                return result
            }
        }
    }
}

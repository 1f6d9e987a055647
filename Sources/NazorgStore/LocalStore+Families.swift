import NazorgMessages
import Foundation
import GRDB
public import NazorgCrypto
public import NazorgSync

/// A section key as held by this device: the section's name is sealed with it, so the store shows only tags.
public struct SectionKeyRecord: Sendable {
    /// The opaque section tag.
    public var tag: ID128
    /// The key epoch.
    public var epoch: UInt32
    /// The section's name (`core`, `child:<member>`, …), known only after unsealing.
    public var name: String
    /// The section key.
    public var key: SymmetricKey

    /// Creates a record.
    public init(tag: ID128, epoch: UInt32, name: String, key: SymmetricKey) {
        self.tag = tag
        self.epoch = epoch
        self.name = name
        self.key = key
    }
}

extension LocalStore {
    /// Registers a new family with its tag secret; refuses an id that exists.
    public func createFamily(_ family: FamilyID, secret: SymmetricKey) throws {
        let key = try key()
        try withDatabase(.creatingAFamily) {
            try database.write { db in try Self.insertFamily(family, secret: secret, storageKey: key, db) }
        }
    }

    static func insertFamily(
        _ family: FamilyID, secret: SymmetricKey, owner: ID128? = nil, storageKey: SymmetricKey, _ db: Database
    ) throws {
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM family WHERE id = ?", arguments: [family.data]) == 0
        else { throw StoreError(.conflict, Messages.Store.familyExists(family.short)) }
        let sealed = AEAD.seal(secret.bytes.unprotectedData(), associatedData: family.data, key: storageKey)
        try db.execute(sql: "INSERT INTO family (id, sealed, owner) VALUES (?, ?, ?)", arguments: [family.data, sealed, owner?.data])
    }

    /// The organisation that shared this family with this device; nil for a family of the device's own
    /// organisation. A family of another organisation is read-only here.
    public func familyOwner(_ family: FamilyID) throws -> ID128? {
        try withDatabase(.readingAFamily) {
            try database.read { db in
                try Data.fetchOne(db, sql: "SELECT owner FROM family WHERE id = ?", arguments: [family.data])
            }
        }.flatMap { ID128(data: $0) }
    }

    /// Every family this profile holds, in creation order.
    public func families() throws -> [FamilyID] {
        try withDatabase(.listingFamilies) {
            try database.read { db in
                try Data.fetchAll(db, sql: "SELECT id FROM family ORDER BY rowid").compactMap { ID128(data: $0) }
            }
        }
    }

    /// The family's tag secret, from which section tags are derived.
    public func familySecret(_ family: FamilyID) throws -> SymmetricKey {
        let key = try key()
        let sealed = try withDatabase(.readingAFamily) {
            try database.read { db in
                try Data.fetchOne(db, sql: "SELECT sealed FROM family WHERE id = ?", arguments: [family.data])
            }
        }
        guard let sealed else { throw StoreError(.notFound, Messages.Store.noFamily(family.short)) }
        do {
            return try SymmetricKey(data: AEAD.open(combined: sealed, associatedData: family.data, key: key))
        } catch {
            throw StoreError(.corrupt, Messages.Store.familyKeyUnreadable(family.short), cause: error)
        }
    }

    /// Stores a section key for (family, tag, epoch), sealed under the storage key.
    public func addSectionKey(_ record: SectionKeyRecord, family: FamilyID) throws {
        let key = try key()
        try withDatabase(.storingASectionKey) {
            try database.write { db in try Self.insertSectionKey(record, family: family, storageKey: key, db) }
        }
    }

    static func insertSectionKey(_ record: SectionKeyRecord, family: FamilyID, storageKey: SymmetricKey, _ db: Database) throws {
        var plaintext = record.key.bytes.unprotectedData()
        plaintext.append(contentsOf: Array(record.name.utf8))
        let sealed = AEAD.seal(plaintext, associatedData: keyAD(family, record.tag, record.epoch), key: storageKey)
        plaintext.resetBytes(in: 0..<plaintext.count)
        try db.execute(
            sql: "INSERT OR REPLACE INTO section_key (family, tag, epoch, sealed) VALUES (?, ?, ?, ?)",
            arguments: [family.data, record.tag.data, Int64(record.epoch), sealed])
    }

    /// Every section key held for a family.
    public func sectionKeys(_ family: FamilyID) throws -> [SectionKeyRecord] {
        let key = try key()
        let rows = try withDatabase(.readingSectionKeys) {
            try database.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT tag, epoch, sealed FROM section_key WHERE family = ? ORDER BY tag, epoch",
                    arguments: [family.data])
            }
        }
        return try rows.map { row in
            let tag = ID128(data: row["tag"] as Data) ?? ID128(high: 0, low: 0)
            let epoch = UInt32(truncatingIfNeeded: row["epoch"] as Int64)
            do {
                let plain = try AEAD.open(
                    combined: row["sealed"] as Data, associatedData: Self.keyAD(family, tag, epoch), key: key)
                guard plain.count >= 32, let name = String(data: plain.dropFirst(32), encoding: .utf8) else {
                    throw StoreError(.corrupt, Messages.Store.sectionKeyMalformed)
                }
                return SectionKeyRecord(tag: tag, epoch: epoch, name: name, key: try SymmetricKey(data: plain.prefix(32)))
            } catch {
                throw StoreError(.corrupt, Messages.Store.sectionKeyUnreadable(family.short), cause: error)
            }
        }
    }

    static func keyAD(_ family: FamilyID, _ tag: ID128, _ epoch: UInt32) -> Data {
        var writer = ByteWriter()
        writer.write(family)
        writer.write(tag)
        writer.writeFixed(epoch)
        return writer.data
    }
}

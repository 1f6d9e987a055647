import NazorgMessages
public import Foundation
import GRDB
public import NazorgCrypto
import NazorgSync

/// A device profile's local store: one SQLite file (WAL), locked to one process.
///
/// Holds the sealed keystore, every change as received (ciphertext), the merged state of every entity
/// (encrypted with the profile's storage key), section keys (sealed), per-author chain heads and the outbox.
/// A local edit and a pulled batch are each one transaction: a crash leaves the old or the new state.
public struct LocalStore: Sendable {
    /// The profile directory.
    public let directory: URL
    let database: DatabasePool
    private let lock: FileLock
    let storageKey: SymmetricKey?

    /// Opens (creating if needed) the store in `directory` and takes the profile lock.
    public static func open(directory: URL) throws -> LocalStore {
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError(.io, Messages.Store.cannotCreateDirectory(directory.path), cause: error)
        }
        let lockPath = directory.appendingPathComponent("store.lock").path
        let lock = try FileLock(
            path: lockPath,
            busyMessage: Messages.Store.profileBusy(lockPath))
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // No temp files on disk; overwrite deleted content; fsync every commit.
            try db.execute(sql: "PRAGMA temp_store = MEMORY; PRAGMA secure_delete = ON; PRAGMA synchronous = FULL")
        }
        let path = directory.appendingPathComponent("store.sqlite").path
        do {
            let database = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
            return LocalStore(directory: directory, database: database, lock: lock, storageKey: nil)
        } catch {
            throw StoreError(.io, Messages.Store.cannotOpen(path, Self.describe(error)), cause: error)
        }
    }

    /// The same store, able to read and write encrypted state with the profile's storage key.
    public func unlocked(with storageKey: SymmetricKey) -> LocalStore {
        LocalStore(directory: directory, database: database, lock: lock, storageKey: storageKey)
    }

    func key() throws -> SymmetricKey {
        guard let storageKey else { throw StoreError(.notUnlocked, Messages.Store.notUnlocked) }
        return storageKey
    }

    /// Wraps GRDB's errors so callers see `StoreError` only.
    func withDatabase<T>(_ what: Messages.Store.Activity, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as SyncError {
            throw error
        } catch {
            throw StoreError(.io, Messages.Store.failed(what, Self.describe(error)), cause: error)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let db = error as? DatabaseError {
            return Messages.Store.sqliteError(db.resultCode.primaryResultCode.rawValue, "\(db.resultCode)")
        }
        return String(describing: type(of: error))
    }

    // MARK: Keystore and metadata

    /// The sealed keystore and its KDF parameters (JSON), if the profile has one.
    public func keystore() throws -> (kdf: String, sealed: Data)? {
        try withDatabase(.readingTheKeystore) {
            try database.read { db in
                try Row.fetchOne(db, sql: "SELECT kdf, sealed FROM keystore WHERE id = 1").map { ($0["kdf"], $0["sealed"]) }
            }
        }
    }

    /// Writes the keystore once; refuses to overwrite an existing one.
    public func createKeystore(kdf: String, sealed: Data) throws {
        try withDatabase(.writingTheKeystore) {
            try database.write { db in
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM keystore") == 0 else {
                    throw StoreError(.conflict, Messages.Store.hasKeys)
                }
                try db.execute(sql: "INSERT INTO keystore (id, kdf, sealed) VALUES (1, ?, ?)", arguments: [kdf, sealed])
            }
        }
    }

    /// A metadata value.
    public func meta(_ key: String) throws -> Data? {
        try withDatabase(.readingMetadata) {
            try database.read { db in try Data.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
        }
    }

    /// Sets a metadata value.
    public func setMeta(_ key: String, _ value: Data) throws {
        try withDatabase(.writingMetadata) {
            try database.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }
    }
}

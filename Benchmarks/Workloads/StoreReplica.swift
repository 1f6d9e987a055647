import Foundation
import NazorgCrypto
import NazorgStore
import NazorgSync

/// The full engine (peer name `nazorg+sqlite+crypto`): a real `LocalStore` on a SQLite file in WAL mode
/// with `synchronous = FULL`, changes sealed with XChaCha20-Poly1305 under the section key and signed with
/// Ed25519, entity state encrypted under the storage key. Every commit and every apply is one transaction.
final class StoreReplica {
    let author: Author
    let directory: URL
    private(set) var store: LocalStore?
    private let storageKey: SymmetricKey

    init(device: DeviceID, signer: SigningKeyPair, storageKey: SymmetricKey, directory: URL) throws {
        self.author = Author(device: device, signer: signer)
        self.directory = directory
        self.storageKey = storageKey
        self.store = try LocalStore.open(directory: directory).unlocked(with: storageKey)
    }

    var local: LocalStore { store! }

    /// Holds the sections' keys (as sharing would have granted them).
    func hold(_ sections: [SectionKeyRecord], families: [FamilyID]) throws {
        for (family, section) in zip(families, sections) {
            try local.createFamily(family, secret: .random())
            try local.addSectionKey(section, family: family)
        }
    }

    /// One local transaction.
    @discardableResult
    /// With `coalescing`, an edit joins its section's change that no push has offered yet (as the client's
    /// edits do); without, every edit is a change of its own (as when each is pushed at once).
    func commit(_ edits: [LocalEdit], wallMillis: UInt64, coalescing: Bool = false) throws -> [SignedChange] {
        try local.commit(edits, author: author, schemaVersion: 1, wallMillis: wallMillis, coalescing: coalescing)
    }

    /// Applies changes in one transaction; every one must be accepted or already held.
    func apply(_ changes: [SignedChange], keys: [DeviceID: Data], wallMillis: UInt64) throws {
        let report = try local.apply(changes, authorKey: { keys[$0] }, wallMillis: wallMillis)
        guard report.rejected.isEmpty else {
            throw BenchError("\(report.rejected.count) changes refused, first: \(report.rejected[0].error)")
        }
    }

    /// Closes the store (checkpointing its WAL) so its files can be copied.
    func close() { store = nil }

    /// A fresh replica opened on a copy of this one's files.
    func copy(to target: URL) throws -> StoreReplica {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name != "store.lock" {
            try FileManager.default.copyItem(at: directory.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        return try StoreReplica(device: author.device, signer: author.signer, storageKey: storageKey, directory: target)
    }

    /// Size of the store's files (database and WAL).
    var fileBytes: Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix("store.sqlite") }.reduce(0) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }

    func remove() {
        store = nil
        try? FileManager.default.removeItem(at: directory)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Wire size of changes sent as sync batches (`SyncBatch`, at most 10,000 items each): change bytes plus
/// 13 bytes of framing per item and 8 per batch.
func wireBytes(_ changeSizes: [Int]) -> Int {
    let batches = (changeSizes.count + SyncBatch.maxItems - 1) / SyncBatch.maxItems
    return changeSizes.reduce(0, +) + 13 * changeSizes.count + 8 * max(batches, 1)
}

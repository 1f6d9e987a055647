import Foundation
import NazorgStore
import NazorgSync

/// What a device remembers about its sync with one server, typed: the pull cursor, the highest sequence it has
/// seen, whether its certificate is registered, and the sections it is behind in. Kept in the store's meta table
/// under keys scoped by the server's address; the encodings are those earlier versions wrote (decimal text for
/// the numbers, a byte for the registration, JSON for the sections), so existing profiles read as before.
struct SyncState {
    let store: LocalStore
    /// The server's address, as the keys name it.
    let server: String

    private var cursorKey: String { "cursor:\(server)" }
    private var seenKey: String { "seen:\(server)" }
    private var registeredKey: String { "registered:\(server)" }
    private var divergedKey: String { "diverged:\(server)" }

    private func number(_ key: String) throws -> UInt64 {
        try store.meta(key).flatMap { UInt64(String(decoding: $0, as: UTF8.self)) } ?? 0
    }

    private func setNumber(_ value: UInt64, _ key: String) throws { try store.setMeta(key, Data(String(value).utf8)) }

    /// The server sequence this device has pulled up to.
    func cursor() throws -> UInt64 { try number(cursorKey) }
    func setCursor(_ cursor: UInt64) throws { try setNumber(cursor, cursorKey) }

    /// The highest server sequence number this device has seen: pulled, or assigned to its own pushes.
    func seen() throws -> UInt64 { try number(seenKey) }
    /// Raises `seen` to `sequence` (never lowers it; `restart` does).
    func noteSeen(_ sequence: UInt64) throws {
        if sequence > (try seen()) { try setNumber(sequence, seenKey) }
    }

    /// Starts over after the server was restored from an older copy: cursor and seen back to 0.
    func restart() throws {
        try setCursor(0)
        try setNumber(0, seenKey)
    }

    /// Whether this device's certificate is registered on the server.
    func isRegistered() throws -> Bool { try store.meta(registeredKey) != nil }
    func setRegistered() throws { try store.setMeta(registeredKey, Data([1])) }

    /// Sections where a pulled change was refused in an earlier sync and has not applied since.
    func divergedSections() throws -> Set<DivergedSection> {
        try store.meta(divergedKey).flatMap { try? JSONDecoder().decode(Set<DivergedSection>.self, from: $0) } ?? []
    }

    func setDivergedSections(_ sections: Set<DivergedSection>) throws {
        try store.setMeta(divergedKey, try JSONEncoder().encode(sections))
    }
}

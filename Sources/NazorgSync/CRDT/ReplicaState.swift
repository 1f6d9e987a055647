public import Foundation
public import NazorgCrypto

/// The merged state of every section a replica holds, in memory.
///
/// The local store keeps the same `EntityState` values on disk; this type is the reference the
/// convergence laws are tested against, and what a store's state hash must equal.
public struct ReplicaState: Hashable, Sendable {
    /// Entities by section, then entity id.
    public private(set) var sections: [SectionRef: [EntityID: EntityState]] = [:]

    /// An empty replica.
    public init() {}

    /// Applies already-verified ops of one section; returns how many changed anything.
    @discardableResult
    public mutating func apply(_ ops: [Op], in section: SectionRef) -> Int {
        var entities = sections[section, default: [:]]
        var changed = 0
        for op in ops where entities[op.entity, default: EntityState()].apply(op) {
            changed += 1
        }
        sections[section] = entities
        return changed
    }

    /// Verifies, decrypts and applies a change. Nothing changes unless every step succeeds.
    @discardableResult
    public mutating func apply(_ change: SignedChange, authorKey: Data, key: SymmetricKey) throws -> Int {
        try change.verifySignature(authorKey: authorKey)
        let ops = try change.open(key: key)
        return apply(ops, in: SectionRef(family: change.header.family, tag: change.header.sectionTag))
    }

    /// One entity's state.
    public func entity(_ id: EntityID, in section: SectionRef) -> EntityState? {
        sections[section]?[id]
    }

    /// BLAKE2b-256 over the canonical encoding of the visible state (sections, entities, current writes).
    public var stateHash: Data {
        let hasher = StateHasher()
        for (section, entities) in sections.sorted(by: { $0.key < $1.key }) {
            for (id, entity) in entities.sorted(by: { $0.key < $1.key }) {
                hasher.add(section: section, entity: id, state: entity)
            }
        }
        return hasher.finalize()
    }
}

/// Hashes entities in canonical order (sections, then entities, sorted by id) to a state hash.
public final class StateHasher {
    private let hasher = GenericHash.Hasher()

    /// Starts an empty hash.
    public init() {}

    /// Adds one entity; callers add entities in ascending (section, entity) order.
    public func add(section: SectionRef, entity: EntityID, state: EntityState) {
        var writer = ByteWriter()
        writer.write(section.family)
        writer.write(section.tag)
        writer.write(entity)
        state.encode(to: &writer, includeHistory: false)
        hasher.update(writer.data)
    }

    /// The digest.
    public func finalize() -> Data { hasher.finalize() }
}

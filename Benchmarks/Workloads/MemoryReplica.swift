import NazorgMessages
import Foundation
import NazorgCrypto
import NazorgSync

/// The engine in memory (peer name `nazorg`): the same changes, clock, merge and version vectors as the
/// store, without encryption, signatures or SQLite. A change is its 107-byte header and the `OpsCodec`
/// body, chained by BLAKE2b ids as on disk. This is what the peers' in-memory documents are compared with.
final class MemoryReplica {
    let device: DeviceID
    private var clock = HybridClock()
    private(set) var state = ReplicaState()
    private(set) var vector = VersionVector()
    /// Every change held, per chain, in sequence order.
    private var log: [ChainKey: [Data]] = [:]
    private var lastID: [ChainKey: Data] = [:]

    init(device: DeviceID) { self.device = device }

    /// A local transaction: stamps, encodes and applies one change per section edited.
    @discardableResult
    func commit(_ edits: [(SectionRef, [PendingOp])], wallMillis: UInt64) throws -> [Data] {
        var out: [Data] = []
        for (section, pending) in edits {
            let chain = ChainKey(section: section, author: device)
            let first = try clock.reserve(pending.count, wallMillis: wallMillis)
            let header = ChangeHeader(
                family: section.family, sectionTag: section.tag, epoch: 1, author: device, sequence: vector[chain] + 1,
                previous: lastID[chain] ?? Data(count: 32), first: first, opCount: UInt32(pending.count), schemaVersion: 1)
            var writer = ByteWriter(capacity: ChangeHeader.byteCount + pending.count * 40)
            header.encode(to: &writer)
            let ops = header.stamp(pending)
            writer.writeRaw(OpsCodec.encode(ops, version: header.version, author: device))
            let bytes = writer.data
            state.apply(ops, in: section)
            keep(bytes, chain: chain, sequence: header.sequence)
            out.append(bytes)
        }
        return out
    }

    /// Applies changes from elsewhere: decode, observe the clock, merge; a change already held is skipped.
    func apply(_ changes: [Data], wallMillis: UInt64) throws {
        for bytes in changes {
            var reader = ByteReader(bytes, context: .change)
            let header = try ChangeHeader.decode(from: &reader)
            let chain = ChainKey(header)
            guard header.sequence > vector[chain] else { continue }
            let ops = try OpsCodec.decode(bytes.subdata(in: bytes.startIndex + header.byteCount..<bytes.endIndex), header: header)
            try clock.observe(header.last, wallMillis: wallMillis)
            state.apply(ops, in: chain.section)
            keep(bytes, chain: chain, sequence: header.sequence)
        }
    }

    /// What a replica with `vector` lacks.
    func changes(missingFrom other: VersionVector) -> [Data] {
        log.sorted { $0.key < $1.key }.flatMap { chain, list in list.dropFirst(Int(other[chain])) }
    }

    /// Every change held (the full state with its history).
    var allChanges: [Data] { changes(missingFrom: VersionVector()) }

    /// The visible state, encoded entity by entity without history (the "shallow" size).
    var stateBytes: Int {
        state.sections.values.reduce(0) { total, entities in
            entities.values.reduce(total) { $0 + 32 + $1.encoded().count }
        }
    }

    private func keep(_ bytes: Data, chain: ChainKey, sequence: UInt64) {
        log[chain, default: []].append(bytes)
        lastID[chain] = GenericHash.hash(bytes)
        vector.observe(chain, sequence: sequence)
    }
}

import NazorgMessages
public import Foundation

/// The plaintext header of a change: what the server may see. It is the AEAD associated data of the body
/// and covered by the author's signature. Layouts (big-endian; version 2 is 115 bytes, version 1 107) in
/// `docs/change-format.md`.
public struct ChangeHeader: Hashable, Sendable {
    /// The format version this build writes. It reads versions 1 and 2.
    public static let currentVersion: UInt8 = 2
    /// Encoded size in bytes of a header of the current version.
    public static let byteCount = byteCount(version: currentVersion)
    /// Most ops one change may carry.
    public static let maxOps = 100_000

    /// Encoded size of a header of `version`: version 1 has no `last` field (its ops' timestamps are
    /// consecutive, so the last follows from the first and the count).
    public static func byteCount(version: UInt8) -> Int { version == 1 ? 107 : 115 }

    /// Format version: 2 (ops carry their own timestamps) or 1 (op `i` has `first + i`).
    public var version: UInt8
    /// The family (plan) the change belongs to.
    public var family: FamilyID
    /// Opaque keyed hash of the section name: the server cannot tell which section it is.
    public var sectionTag: ID128
    /// Key epoch of the section key the body is encrypted under.
    public var epoch: UInt32
    /// The device that wrote and signed the change.
    public var author: DeviceID
    /// Per-author, per-section sequence number, from 1.
    public var sequence: UInt64
    /// Change id of the author's previous change in this section (32 zero bytes for the first).
    public var previous: Data
    /// Timestamp of the first op.
    public var first: Timestamp
    /// Timestamp of the last op; the ops' timestamps rise strictly from `first` to `last`.
    public var last: Timestamp
    /// Number of ops in the body.
    public var opCount: UInt32
    /// Version of the domain schema the ops were written against.
    public var schemaVersion: UInt16

    /// Encoded size of this header.
    public var byteCount: Int { Self.byteCount(version: version) }

    /// Creates a header for ops with consecutive timestamps from `first` (what one local edit produces).
    public init(
        family: FamilyID, sectionTag: ID128, epoch: UInt32, author: DeviceID, sequence: UInt64, previous: Data,
        first: Timestamp, opCount: UInt32, schemaVersion: UInt16, version: UInt8 = Self.currentVersion
    ) {
        self.init(
            family: family, sectionTag: sectionTag, epoch: epoch, author: author, sequence: sequence, previous: previous,
            first: first, last: first.advanced(by: UInt64(max(opCount, 1) - 1)), opCount: opCount,
            schemaVersion: schemaVersion, version: version)
    }

    /// Creates a header for ops whose timestamps rise from `first` to `last` with gaps (a squashed run of
    /// edits); only version 2 can carry such ops.
    public init(
        family: FamilyID, sectionTag: ID128, epoch: UInt32, author: DeviceID, sequence: UInt64, previous: Data,
        first: Timestamp, last: Timestamp, opCount: UInt32, schemaVersion: UInt16, version: UInt8 = Self.currentVersion
    ) {
        self.version = version
        self.family = family
        self.sectionTag = sectionTag
        self.epoch = epoch
        self.author = author
        self.sequence = sequence
        self.previous = previous
        self.first = first
        self.last = last
        self.opCount = opCount
        self.schemaVersion = schemaVersion
    }

    /// The header bytes (107 for version 1, 115 for version 2).
    public func encode(to writer: inout ByteWriter) {
        writer.write(version)
        writer.write(family)
        writer.write(sectionTag)
        writer.writeFixed(epoch)
        writer.write(author)
        writer.writeFixed(sequence)
        writer.writeRaw(previous)
        writer.writeFixed(first.rawValue)
        if version >= 2 { writer.writeFixed(last.rawValue) }
        writer.writeFixed(opCount)
        writer.writeFixed(schemaVersion)
    }

    /// Reads and checks a header of version 1 or 2.
    public static func decode(from reader: inout ByteReader) throws -> ChangeHeader {
        let version = try reader.readByte()
        guard version == 1 || version == 2 else {
            throw SyncError(.unsupportedVersion, Messages.Sync.unsupportedVersion(.change, version, reads: currentVersion))
        }
        let family = try reader.readID()
        let tag = try reader.readID()
        let epoch = try reader.readFixed(UInt32.self)
        let author = try reader.readID()
        let sequence = try reader.readFixed(UInt64.self)
        let previous = try reader.readRaw(32)
        let first = Timestamp(rawValue: try reader.readFixed(UInt64.self))
        let last = version >= 2 ? Timestamp(rawValue: try reader.readFixed(UInt64.self)) : nil
        let opCount = try reader.readFixed(UInt32.self)
        let schema = try reader.readFixed(UInt16.self)
        guard opCount >= 1, opCount <= UInt32(maxOps) else {
            throw SyncError(.malformedChange, Messages.Sync.opCount(max: maxOps, got: opCount))
        }
        guard sequence >= 1 else { throw SyncError(.malformedChange, Messages.Sync.sequenceStartsAtOne) }
        // Stores keep sequence numbers as signed 64-bit integers: a larger one is malformed, never converted.
        guard sequence <= UInt64(Int64.max) else { throw SyncError(.malformedChange, Messages.Sync.sequenceTooLarge) }
        guard first.rawValue <= UInt64.max - UInt64(opCount) else {
            throw SyncError(.malformedChange, Messages.Sync.timestampsOverflow)
        }
        if let last {
            // Strictly rising timestamps need room for every op between the first and the last.
            guard last >= first, last.rawValue - first.rawValue >= UInt64(opCount - 1),
                opCount > 1 || last == first
            else { throw SyncError(.malformedChange, Messages.Sync.lastBeforeFirst) }
        }
        return ChangeHeader(
            family: family, sectionTag: tag, epoch: epoch, author: author, sequence: sequence, previous: previous,
            first: first, last: last ?? first.advanced(by: UInt64(opCount - 1)), opCount: opCount,
            schemaVersion: schema, version: version)
    }

    /// Gives pending ops this header's ids: consecutive timestamps from `first`, by the author.
    public func stamp(_ pending: [PendingOp]) -> [Op] { Self.stamp(pending, from: first, by: author) }

    /// Gives pending ops ids: consecutive timestamps from `first`, by `author`.
    public static func stamp(_ pending: [PendingOp], from first: Timestamp, by author: DeviceID) -> [Op] {
        pending.enumerated().map { offset, op in
            Op(id: OpID(timestamp: first.advanced(by: UInt64(offset)), device: author), entity: op.entity, payload: op.payload)
        }
    }

    /// The header of a change carrying `ops` (this author's, timestamps rising) in this header's section, epoch
    /// and schema, at `sequence` after `previous`: how changes are sealed again as one (coalescing, squashing).
    public func spanning(_ ops: [Op], sequence: UInt64, previous: Data) -> ChangeHeader {
        ChangeHeader(
            family: family, sectionTag: sectionTag, epoch: epoch, author: author, sequence: sequence, previous: previous,
            first: ops[0].id.timestamp, last: ops[ops.count - 1].id.timestamp, opCount: UInt32(ops.count),
            schemaVersion: schemaVersion)
    }
}

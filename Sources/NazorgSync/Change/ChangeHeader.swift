import NazorgMessages
public import Foundation

/// The plaintext header of a change: what the server may see. It is the AEAD associated data of the body
/// and covered by the author's signature. Layout (107 bytes, big-endian) in `docs/change-format.md`.
public struct ChangeHeader: Hashable, Sendable {
    /// The only format version this build writes and reads.
    public static let currentVersion: UInt8 = 1
    /// Encoded size in bytes.
    public static let byteCount = 107
    /// Most ops one change may carry.
    public static let maxOps = 100_000

    /// Format version.
    public var version: UInt8 = Self.currentVersion
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
    /// Timestamp of the first op; op `i` has `first + i`.
    public var first: Timestamp
    /// Number of ops in the body.
    public var opCount: UInt32
    /// Version of the domain schema the ops were written against.
    public var schemaVersion: UInt16

    /// Timestamp of the last op.
    public var last: Timestamp { first.advanced(by: UInt64(max(opCount, 1) - 1)) }

    /// Creates a header.
    public init(
        family: FamilyID, sectionTag: ID128, epoch: UInt32, author: DeviceID, sequence: UInt64, previous: Data,
        first: Timestamp, opCount: UInt32, schemaVersion: UInt16
    ) {
        self.family = family
        self.sectionTag = sectionTag
        self.epoch = epoch
        self.author = author
        self.sequence = sequence
        self.previous = previous
        self.first = first
        self.opCount = opCount
        self.schemaVersion = schemaVersion
    }

    /// The 107 header bytes.
    public func encode(to writer: inout ByteWriter) {
        writer.write(version)
        writer.write(family)
        writer.write(sectionTag)
        writer.writeFixed(epoch)
        writer.write(author)
        writer.writeFixed(sequence)
        writer.writeRaw(previous)
        writer.writeFixed(first.rawValue)
        writer.writeFixed(opCount)
        writer.writeFixed(schemaVersion)
    }

    /// Reads and checks a header.
    public static func decode(from reader: inout ByteReader) throws -> ChangeHeader {
        let version = try reader.readByte()
        guard version == currentVersion else {
            throw SyncError(.unsupportedVersion, Messages.Sync.unsupportedVersion(.change, version, reads: 1))
        }
        let family = try reader.readID()
        let tag = try reader.readID()
        let epoch = try reader.readFixed(UInt32.self)
        let author = try reader.readID()
        let sequence = try reader.readFixed(UInt64.self)
        let previous = try reader.readRaw(32)
        let first = Timestamp(rawValue: try reader.readFixed(UInt64.self))
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
        return ChangeHeader(
            family: family, sectionTag: tag, epoch: epoch, author: author, sequence: sequence, previous: previous,
            first: first, opCount: opCount, schemaVersion: schema)
    }
}

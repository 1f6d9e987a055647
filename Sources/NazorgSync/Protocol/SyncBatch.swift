import NazorgMessages
public import Foundation

/// The body of a push or a pull: changes and key grants, each with the server sequence number it was
/// stored under (0 in a push). Layout in `docs/sync-protocol.md`:
///
/// `"NZB" | version u8 | u32 item count | (kind u8 | u64 server sequence | u32 length | bytes) × count`
public struct SyncBatch: Hashable, Sendable {
    /// One item.
    public enum Item: Hashable, Sendable {
        case change(SignedChange, sequence: UInt64)
        case grant(KeyGrant, sequence: UInt64)

        /// The server sequence number (0 before the server stored it).
        public var sequence: UInt64 {
            switch self {
            case .change(_, let s), .grant(_, let s): s
            }
        }
    }

    /// Most items one batch may hold.
    public static let maxItems = 10_000
    /// Largest encoded batch (32 MiB).
    public static let maxByteCount = 32 << 20
    private static let magic: [UInt8] = Array("NZB".utf8)
    private static let version: UInt8 = 1

    /// The items, in order.
    public var items: [Item]

    /// Creates a batch.
    public init(items: [Item]) { self.items = items }

    /// The encoded bytes.
    public func encoded() -> Data {
        var writer = ByteWriter(capacity: 8 + items.count * 600)
        writer.writeRaw(Self.magic)
        writer.write(Self.version)
        writer.writeFixed(UInt32(items.count))
        for item in items {
            switch item {
            case .change(let change, let sequence):
                writer.write(ItemKind.change.byte)
                writer.writeFixed(sequence)
                writer.writeFixed(UInt32(change.bytes.count))
                writer.writeRaw(change.bytes)
            case .grant(let grant, let sequence):
                writer.write(ItemKind.grant.byte)
                writer.writeFixed(sequence)
                writer.writeFixed(UInt32(grant.bytes.count))
                writer.writeRaw(grant.bytes)
            }
        }
        return writer.data
    }

    /// Decodes a batch; every item is parsed (not verified), and anything malformed is refused whole.
    public init(decoding data: Data) throws {
        guard data.count <= Self.maxByteCount else {
            throw SyncError(.tooLarge, Messages.Sync.batchTooLarge(bytes: data.count, limit: Self.maxByteCount))
        }
        var reader = ByteReader(data, context: .batch)
        guard try reader.readRaw(3) == Data(Self.magic) else { throw SyncError(.malformedChange, Messages.Sync.notABatch) }
        let version = try reader.readByte()
        guard version == Self.version else {
            throw SyncError(.unsupportedVersion, Messages.Sync.unsupportedVersion(.batch, version, reads: 1))
        }
        let count = Int(try reader.readFixed(UInt32.self))
        guard count <= Self.maxItems else {
            throw SyncError(.tooLarge, Messages.Sync.batchTooManyItems(count, limit: Self.maxItems))
        }
        var items: [Item] = []
        items.reserveCapacity(count)
        for index in 0..<count {
            let kind = try reader.readByte()
            let sequence = try reader.readFixed(UInt64.self)
            let length = Int(try reader.readFixed(UInt32.self))
            let bytes = try reader.readRaw(length)
            do {
                switch ItemKind(byte: kind) {
                case .change: items.append(.change(try SignedChange(bytes: bytes), sequence: sequence))
                case .grant: items.append(.grant(try KeyGrant(bytes: bytes), sequence: sequence))
                case nil: throw SyncError(.malformedChange, Messages.Sync.unknownItemKind(kind))
                }
            } catch let error as SyncError {
                throw SyncError(error.code, Messages.Sync.batchItem(index + 1, error.message))
            }
        }
        try reader.expectEnd()
        self.items = items
    }
}

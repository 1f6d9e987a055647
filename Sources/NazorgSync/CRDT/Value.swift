import NazorgMessages

/// A field value. Deleting is writing `.tombstone`, resolved by the same register rule as any write.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case int(Int64)
    case bool(Bool)
    /// A reference to another entity of the same plan.
    case ref(EntityID)
    /// The value was deleted.
    case tombstone

    public var description: String {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .bool(let b): b ? "yes" : "no"
        case .ref(let id): id.short
        case .tombstone: "(deleted)"
        }
    }

    /// The string payload, if this is a string.
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    /// The integer payload, if this is an integer.
    public var int: Int64? { if case .int(let i) = self { i } else { nil } }
    /// The boolean payload, if this is a boolean.
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The referenced entity, if this is a reference.
    public var ref: EntityID? { if case .ref(let r) = self { r } else { nil } }
}

extension Value {
    private enum Tag: UInt8 { case string = 1, int = 2, bool = 3, ref = 4, tombstone = 5 }

    /// Appends the canonical binary form.
    public func encode(to writer: inout ByteWriter) {
        switch self {
        case .string(let s):
            writer.write(Tag.string.rawValue)
            writer.writeString(s)
        case .int(let i):
            writer.write(Tag.int.rawValue)
            writer.writeSignedVarint(i)
        case .bool(let b):
            writer.write(Tag.bool.rawValue)
            writer.write(b ? 1 : 0)
        case .ref(let id):
            writer.write(Tag.ref.rawValue)
            writer.write(id)
        case .tombstone:
            writer.write(Tag.tombstone.rawValue)
        }
    }

    /// Steps over one value in its binary form without building it (its bytes are copied as they are).
    public static func skip(from reader: inout ByteReader) throws {
        let tag = try reader.readByte()
        switch Tag(rawValue: tag) {
        case .string: _ = try reader.skipString()
        case .int: _ = try reader.readVarint()
        case .bool: try reader.skip(1)
        case .ref: try reader.skip(16)
        case .tombstone: break
        case nil: throw SyncError(.malformedChange, Messages.Sync.unknownValueTag(tag))
        }
    }

    /// Reads the canonical binary form.
    public static func decode(from reader: inout ByteReader) throws -> Value {
        let tag = try reader.readByte()
        switch Tag(rawValue: tag) {
        case .string: return .string(try reader.readString())
        case .int: return .int(try reader.readSignedVarint())
        case .bool:
            switch try reader.readByte() {
            case 0: return .bool(false)
            case 1: return .bool(true)
            default: throw SyncError(.malformedChange, Messages.Sync.booleanInvalid)
            }
        case .ref: return .ref(try reader.readID())
        case .tombstone: return .tombstone
        case nil: throw SyncError(.malformedChange, Messages.Sync.unknownValueTag(tag))
        }
    }
}

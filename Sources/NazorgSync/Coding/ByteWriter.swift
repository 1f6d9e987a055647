public import Foundation

/// Appends the primitives of Nazorg's binary formats: fixed big-endian integers, LEB128 varints,
/// length-prefixed bytes and strings. The layouts are documented in `docs/change-format.md`.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public private(set) var data: Data

    /// Starts empty, with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        self.data = Data(capacity: capacity)
    }

    /// One byte.
    public mutating func write(_ byte: UInt8) { data.append(byte) }

    /// A big-endian fixed-width integer.
    public mutating func writeFixed<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { data.append(contentsOf: $0) }
    }

    /// An unsigned LEB128 varint.
    public mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            data.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        data.append(UInt8(v))
    }

    /// A signed integer, zigzag-encoded as a varint.
    public mutating func writeSignedVarint(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Raw bytes without a length.
    public mutating func writeRaw(_ bytes: some DataProtocol) { data.append(contentsOf: bytes) }

    /// A 128-bit id as 16 raw bytes.
    public mutating func write(_ id: ID128) {
        writeFixed(id.high)
        writeFixed(id.low)
    }

    /// Bytes with a varint length prefix.
    public mutating func writeBytes(_ bytes: some DataProtocol) {
        writeVarint(UInt64(bytes.count))
        data.append(contentsOf: bytes)
    }

    /// A UTF-8 string with a varint length prefix.
    public mutating func writeString(_ string: String) {
        var copy = string
        copy.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            data.append(utf8.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: utf8.count)
        }
    }
}

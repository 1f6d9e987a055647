public import Foundation

/// Appends the primitives of Nazorg's binary formats: fixed big-endian integers, LEB128 varints,
/// length-prefixed bytes and strings. The layouts are documented in `docs/change-format.md`.
///
/// The bytes are kept in an array, not in `Data`: appending single bytes to `Data` costs an exclusivity
/// check and a range replacement each, which made encoding entity state the largest cost of applying a
/// change (callgrind, `docs/benchmarks.md`).
public struct ByteWriter: Sendable {
    private var bytes: [UInt8]

    /// Starts empty, with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
    }

    /// The bytes written so far (a copy).
    public var data: Data { Data(bytes) }

    /// How many bytes were written.
    public var count: Int { bytes.count }

    /// One byte.
    public mutating func write(_ byte: UInt8) { bytes.append(byte) }

    /// A big-endian fixed-width integer.
    public mutating func writeFixed<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// An unsigned LEB128 varint.
    public mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A signed integer, zigzag-encoded as a varint.
    public mutating func writeSignedVarint(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Raw bytes without a length.
    public mutating func writeRaw(_ raw: some DataProtocol) {
        for region in raw.regions { region.withUnsafeBytes { bytes.append(contentsOf: $0) } }
    }

    /// A 128-bit id as 16 raw bytes.
    public mutating func write(_ id: ID128) {
        writeFixed(id.high)
        writeFixed(id.low)
    }

    /// Bytes with a varint length prefix.
    public mutating func writeBytes(_ raw: some DataProtocol) {
        writeVarint(UInt64(raw.count))
        writeRaw(raw)
    }

    /// A UTF-8 string with a varint length prefix.
    public mutating func writeString(_ string: String) {
        var copy = string
        copy.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
}

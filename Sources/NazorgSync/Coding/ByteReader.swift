public import NazorgMessages
public import Foundation

/// Reads what `ByteWriter` wrote. Every read is bounds-checked and throws `malformedChange` on truncation,
/// over-long varints, absurd lengths or invalid UTF-8, so hostile input can only produce an error.
public struct ByteReader: Sendable {
    private let bytes: [UInt8]
    /// The read position.
    public private(set) var offset: Int = 0
    /// What is being decoded, for error messages ("change", "entity state").
    private let context: Messages.Sync.Encoded

    /// Reads from a copy of `data`.
    public init(_ data: some DataProtocol, context: Messages.Sync.Encoded) {
        self.bytes = Array(data)
        self.context = context
    }

    /// Bytes not yet read.
    public var remaining: Int { bytes.count - offset }

    private func fail(_ what: String) -> SyncError {
        SyncError(.malformedChange, Messages.Sync.decodeFailed(context, what, at: offset))
    }

    /// One byte.
    public mutating func readByte() throws -> UInt8 {
        guard offset < bytes.count else { throw fail(Messages.Sync.unexpectedEnd) }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A big-endian fixed-width integer.
    public mutating func readFixed<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw fail(Messages.Sync.unexpectedEnd) }
        var value: T = 0
        for i in 0..<size { value = value << 8 | T(bytes[offset + i]) }
        offset += size
        return value
    }

    /// An unsigned LEB128 varint of at most 10 bytes.
    public mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64, !(shift == 63 && byte > 1) else { throw fail(Messages.Sync.varintTooLong) }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A varint that must fit `limit` (a count or length); guards against huge allocations.
    public mutating func readCount(limit: Int, _ what: Messages.Sync.Counted) throws -> Int {
        let value = try readVarint()
        guard value <= UInt64(limit) else { throw fail(Messages.Sync.countTooLarge(what, value, limit: limit)) }
        return Int(value)
    }

    /// A zigzag-encoded signed varint.
    public mutating func readSignedVarint() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Exactly `count` raw bytes.
    public mutating func readRaw(_ count: Int) throws -> Data {
        guard count >= 0, remaining >= count else { throw fail(Messages.Sync.unexpectedEnd) }
        defer { offset += count }
        return Data(bytes[offset..<offset + count])
    }

    /// Skips exactly `count` bytes.
    public mutating func skip(_ count: Int) throws {
        guard count >= 0, remaining >= count else { throw fail(Messages.Sync.unexpectedEnd) }
        offset += count
    }

    /// A 128-bit id.
    public mutating func readID() throws -> ID128 {
        let high = try readFixed(UInt64.self)
        let low = try readFixed(UInt64.self)
        return ID128(high: high, low: low)
    }

    /// Length-prefixed bytes.
    public mutating func readBytes(limit: Int = 1 << 24) throws -> Data {
        try readRaw(readCount(limit: limit, .byteLength))
    }

    /// A length-prefixed UTF-8 string; invalid UTF-8 is refused.
    public mutating func readString(limit: Int = 1 << 20) throws -> String {
        let count = try readCount(limit: limit, .stringLength)
        guard count <= remaining else { throw fail(Messages.Sync.stringTooLong(count, remaining: remaining)) }
        let start = offset
        let string = bytes.withUnsafeBufferPointer { all -> String? in
            let slice = UnsafeBufferPointer(rebasing: all[start..<start + count])
            // ASCII (field names, most values) is valid UTF-8 as it is; the general check costs far more.
            if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
            return String(validating: slice, as: UTF8.self)
        }
        guard let string else { throw fail(Messages.Sync.invalidUTF8) }
        offset += count
        return string
    }

    /// Skips a length-prefixed string without building it; returns where its bytes are (for `bytes(in:)`).
    public mutating func skipString(limit: Int = 1 << 20) throws -> Range<Int> {
        let count = try readCount(limit: limit, .stringLength)
        guard count <= remaining else { throw fail(Messages.Sync.stringTooLong(count, remaining: remaining)) }
        defer { offset += count }
        return offset..<offset + count
    }

    /// Bytes already read, for copying them unchanged; `range` must lie before the read position.
    public func bytes(in range: Range<Int>) -> ArraySlice<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= offset, "only bytes already read")
        return bytes[range]
    }

    /// Orders bytes already read against `other` as a byte string: negative, zero or positive.
    public func compare(_ range: Range<Int>, with other: [UInt8]) -> Int {
        precondition(range.lowerBound >= 0 && range.upperBound <= offset, "only bytes already read")
        return bytes.withUnsafeBufferPointer { all in
            other.withUnsafeBufferPointer { Self.order(UnsafeBufferPointer(rebasing: all[range]), $0) }
        }
    }

    /// Orders two byte strings already read: negative, zero or positive.
    public func compare(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        precondition(a.upperBound <= offset && b.upperBound <= offset && a.lowerBound >= 0 && b.lowerBound >= 0, "only bytes already read")
        return bytes.withUnsafeBufferPointer { Self.order(UnsafeBufferPointer(rebasing: $0[a]), UnsafeBufferPointer(rebasing: $0[b])) }
    }

    /// Whether bytes already read are all ASCII.
    public func isASCII(_ range: Range<Int>) -> Bool {
        precondition(range.lowerBound >= 0 && range.upperBound <= offset, "only bytes already read")
        return bytes.withUnsafeBufferPointer { all in all[range].allSatisfy { $0 < 0x80 } }
    }

    private static func order(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let x = a.baseAddress, let y = b.baseAddress {
            let byBytes = memcmp(x, y, common)
            if byBytes != 0 { return Int(byBytes) }
        }
        return a.count - b.count
    }

    /// Goes back to an earlier read position, to decode what was skipped.
    public mutating func rewind(to position: Int) {
        precondition(position >= 0 && position <= offset, "only back to a position already read")
        offset = position
    }

    /// Throws unless every byte was consumed.
    public func expectEnd() throws {
        guard remaining == 0 else { throw fail(Messages.Sync.trailingBytes(remaining)) }
    }
}

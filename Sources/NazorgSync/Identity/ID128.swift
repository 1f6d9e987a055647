public import Foundation
import NazorgCrypto

/// A random 128-bit identifier (family, entity, device, opaque section tag).
public struct ID128: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The first 8 bytes, big-endian.
    public var high: UInt64
    /// The last 8 bytes, big-endian.
    public var low: UInt64

    /// Creates an identifier from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A fresh random identifier.
    public static func random() -> ID128 {
        ID128(data: Random.bytes(16))!
    }

    /// Reads 16 bytes; nil for any other length.
    public init?(data: some DataProtocol) {
        let bytes = Array(data)
        guard bytes.count == 16 else { return nil }
        self.high = bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
        self.low = bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Parses 32 hexadecimal digits (dashes allowed, as in a UUID).
    public init?(hex: String) {
        let digits = hex.filter { $0 != "-" }
        // Hex digits only: no sign, which the integer parser would otherwise take (two spellings of one id).
        guard digits.utf8.count == 32, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }),
            let high = UInt64(digits.prefix(16), radix: 16),
            let low = UInt64(digits.suffix(16), radix: 16)
        else { return nil }
        self.high = high
        self.low = low
    }

    /// The 16 bytes, big-endian.
    public var data: Data {
        withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { Data($0) }
    }

    /// 32 lowercase hexadecimal digits.
    public var hex: String {
        let h = String(high, radix: 16)
        let l = String(low, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h + String(repeating: "0", count: 16 - l.count) + l
    }

    /// The first 8 hex digits, for display where the full id is noise.
    public var short: String { String(hex.prefix(8)) }

    public var description: String { hex }

    public static func < (a: ID128, b: ID128) -> Bool { (a.high, a.low) < (b.high, b.low) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ID128(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a 128-bit hex id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

/// Identifies a family (its plan). Random, carries no personal data.
public typealias FamilyID = ID128
/// Identifies one entity of a plan (a member, a goal, a measure, …).
public typealias EntityID = ID128
/// Identifies a device profile.
public typealias DeviceID = ID128

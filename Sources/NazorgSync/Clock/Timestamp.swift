/// A hybrid logical clock reading: 48 bits of wall-clock milliseconds, then a 16-bit counter.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The packed value: `millis << 16 | counter`. Ordering the packed value orders the clock.
    public var rawValue: UInt64

    /// Wraps a packed value.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Packs milliseconds since 1970 and a counter.
    public init(millis: UInt64, counter: UInt16) {
        self.rawValue = (millis & 0xFFFF_FFFF_FFFF) << 16 | UInt64(counter)
    }

    /// Wall-clock milliseconds since 1970.
    public var millis: UInt64 { rawValue >> 16 }
    /// Logical counter within the millisecond.
    public var counter: UInt16 { UInt16(truncatingIfNeeded: rawValue) }

    /// The timestamp `n` ticks later; the counter carries into the milliseconds.
    public func advanced(by n: UInt64) -> Timestamp { Timestamp(rawValue: rawValue + n) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.rawValue < b.rawValue }

    public var description: String { "\(millis).\(counter)" }
}

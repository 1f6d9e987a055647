import NazorgMessages

/// A hybrid logical clock (Kulkarni et al.): monotonic, close to wall time, and causal across devices.
///
/// A value type with the wall time passed in, so tests drive it without sleeping.
public struct HybridClock: Hashable, Sendable {
    /// How far ahead of local wall time a remote timestamp may be before it is refused (5 minutes).
    public static let defaultMaxDrift: UInt64 = 5 * 60 * 1000

    /// The last timestamp issued or observed.
    public private(set) var last: Timestamp
    /// Refusal threshold for remote timestamps, in milliseconds.
    public var maxDrift: UInt64

    /// Starts from a previously persisted reading (or zero).
    public init(last: Timestamp = Timestamp(rawValue: 0), maxDrift: UInt64 = Self.defaultMaxDrift) {
        self.last = last
        self.maxDrift = maxDrift
    }

    /// Reserves `count` consecutive timestamps for a local change and returns the first.
    public mutating func reserve(_ count: Int, wallMillis: UInt64) throws -> Timestamp {
        let floor = Timestamp(millis: wallMillis, counter: 0)
        let first = max(floor, last.advanced(by: 1))
        let (end, overflow) = first.rawValue.addingReportingOverflow(UInt64(max(count, 1) - 1))
        guard !overflow, end >> 16 <= 0xFFFF_FFFF_FFFF else {
            throw SyncError(.clockExhausted, Messages.Sync.clockExhausted)
        }
        last = Timestamp(rawValue: end)
        return first
    }

    /// Merges a remote timestamp into the clock, refusing one too far ahead of `wallMillis`.
    public mutating func observe(_ remote: Timestamp, wallMillis: UInt64) throws {
        guard remote.millis <= wallMillis &+ maxDrift else {
            throw SyncError(
                .clockInFuture,
                Messages.Sync.clockAhead(remote.millis - wallMillis, limit: maxDrift))
        }
        if remote > last { last = remote }
    }
}

import Foundation
import NazorgSync
import Synchronization

/// A token bucket per device, in memory. Protects the server from a flood of tiny requests.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let buckets = Mutex<[DeviceID: Bucket]>([:])
    private let rate: Double
    private let burst: Double

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = burst
    }

    /// Takes one token for `device`; false if its bucket is empty.
    func allow(_ device: DeviceID, now: Date) -> Bool {
        buckets.withLock { buckets in
            var bucket = buckets[device] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * rate)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                buckets[device] = bucket
                return false
            }
            bucket.tokens -= 1
            buckets[device] = bucket
            return true
        }
    }
}

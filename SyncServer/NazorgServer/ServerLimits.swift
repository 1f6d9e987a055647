import NazorgSync

/// Limits on what one request may carry and how often a device may ask.
public struct ServerLimits: Sendable, Hashable {
    /// Largest push body in bytes.
    public var maxBodyBytes: Int = 32 << 20
    /// Most items in one push.
    public var maxBatchItems: Int = SyncBatch.maxItems
    /// Most items in one pull page.
    public var maxPullItems: Int = 5_000
    /// Requests per second a device may make (sustained).
    public var requestsPerSecond: Double = 50
    /// Requests a device may make in a burst.
    public var burst: Double = 200

    /// The defaults.
    public init() {}
}



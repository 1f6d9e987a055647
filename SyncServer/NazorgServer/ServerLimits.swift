import NazorgSync

/// Limits on what one request may carry, how long it may take to arrive, and how often a device may ask.
public struct ServerLimits: Sendable, Hashable {
    /// Largest body of an authenticated request in bytes (read only after its headers authenticated).
    public var maxBodyBytes: Int = 32 << 20
    /// Largest body of a device registration (read before the request can be authenticated: kept small).
    public var maxRegistrationBytes: Int = 64 << 10
    /// Most items in one push.
    public var maxBatchItems: Int = SyncBatch.maxItems
    /// Most items in one pull page.
    public var maxPullItems: Int = 5_000
    /// Requests per second a device may make (sustained).
    public var requestsPerSecond: Double = 50
    /// Requests a device may make in a burst.
    public var burst: Double = 200
    /// Seconds a client has to send its first request's head, from the connection's start.
    public var headTimeoutSeconds: Int64 = 10
    /// Seconds a kept-alive connection may wait for its next request after a response.
    public var keepAliveSeconds: Int64 = 60
    /// Seconds a client has to send the whole request, head and body, from the moment its head arrived.
    public var requestTimeoutSeconds: Int64 = 120
    /// Open connections at most; more wait in the listen backlog.
    public var maxConnections: Int = 512

    /// The defaults.
    public init() {}
}

public import Foundation
public import Hummingbird
public import Logging
public import Prometheus
import HummingbirdCore

/// Builds the sync server: `/healthz`, `/metrics`, and the `/v1` protocol over a storage backend.
public enum SyncServerApplication {
    /// The router, for tests (`app.test(.router)`) and for `build`.
    public static func router(
        storage: any SyncStorage, limits: ServerLimits = ServerLimits(), registry: PrometheusCollectorRegistry? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) -> Router<SyncRequestContext> {
        let router = Router(context: SyncRequestContext.self)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.get("healthz") { _, _ in "ok\n" }
        router.get("metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4"
            let text = registry?.emitToBuffer() ?? []
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
        SyncController(
            storage: storage, limits: limits, now: now,
            rateLimiter: RateLimiter(rate: limits.requestsPerSecond, burst: limits.burst)
        ).addRoutes(to: router)
        return router
    }

    /// The application on `host:port`; run it with `runService()` (SIGTERM and SIGINT shut down gracefully:
    /// in-flight requests finish, then the store closes). Slow clients are cut off (`ServerLimits`), and at most
    /// `limits.maxConnections` connections are open at once.
    public static func build(
        storage: any SyncStorage, host: String, port: Int, limits: ServerLimits = ServerLimits(),
        registry: PrometheusCollectorRegistry?, logger: Logger
    ) -> some ApplicationProtocol {
        let (head, whole) = (limits.headTimeoutSeconds, limits.requestTimeoutSeconds)
        return Application(
            router: router(storage: storage, limits: limits, registry: registry),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [
                        RequestDeadlineHandler(headTimeout: .seconds(head), requestTimeout: .seconds(whole))
                    ],
                    idleTimeout: .seconds(max(head, 60)))),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "nazorg-server",
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)),
            logger: logger)
    }
}

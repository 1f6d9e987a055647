import NazorgMessages
public import Foundation
public import Hummingbird
public import Logging
public import Prometheus
import HummingbirdCore

/// Builds the sync server: `/healthz`, `/metrics`, and the `/v1` protocol over a storage backend.
public enum SyncServerApplication {
    /// The router, for tests (`app.test(.router)`) and for `build`. `/metrics` answers only with
    /// `Authorization: Bearer <metricsToken>`, and not at all without a token: request counts and push outcomes are
    /// the operator's, not for anyone on the network.
    public static func router(
        storage: any SyncStorage, limits: ServerLimits = ServerLimits(), registry: PrometheusCollectorRegistry? = nil,
        metricsToken: String? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) -> Router<SyncRequestContext> {
        let router = Router(context: SyncRequestContext.self)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.get("healthz") { _, _ in "ok\n" }
        router.get("metrics") { request, _ -> Response in
            guard let metricsToken else { throw ServerError.notFound(Messages.Server.metricsDisabled) }
            guard let given = request.headers[.authorization], Self.equalInConstantTime(given, "Bearer \(metricsToken)") else {
                throw ServerError.unauthenticated(Messages.Server.metricsNeedToken)
            }
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

    static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The application on `host:port`; run it with `runService()` (SIGTERM and SIGINT shut down gracefully:
    /// in-flight requests finish, then the store closes). Slow clients are cut off (`ServerLimits`), and at most
    /// `limits.maxConnections` connections are open at once.
    public static func build(
        storage: any SyncStorage, host: String, port: Int, limits: ServerLimits = ServerLimits(),
        registry: PrometheusCollectorRegistry?, metricsToken: String? = nil, logger: Logger
    ) -> some ApplicationProtocol {
        let (head, idle, whole) = (limits.headTimeoutSeconds, limits.keepAliveSeconds, limits.requestTimeoutSeconds)
        return Application(
            router: router(storage: storage, limits: limits, registry: registry, metricsToken: metricsToken),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [
                        RequestDeadlineHandler(headTimeout: .seconds(head), keepAlive: .seconds(idle), requestTimeout: .seconds(whole))
                    ])),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "nazorg-server",
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)),
            onServerRunning: { channel in
                logger.info("\(Messages.Server.listening(host: host, port: channel.localAddress?.port ?? port))")
            },
            logger: logger)
    }
}

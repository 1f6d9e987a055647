public import Logging

/// The operator's log: what the server itself says, in Dutch, from the catalogue. The framework's own
/// progress lines (HummingbirdCore's "Server started and listening on …", ServiceLifecycle's start and stop)
/// are English and say nothing the server's own lines do not: below `warning` they are left out, and the server
/// writes its own start-up line (`Messages.Server.listening`). Warnings and errors from the framework still pass.
public struct OperatorLogHandler: LogHandler {
    /// Where the lines that pass go.
    public var wrapped: any LogHandler
    /// The sources whose lines below `warning` are left out.
    public static let frameworkSources: Set<String> = ["HummingbirdCore", "Hummingbird", "ServiceLifecycle"]

    public init(_ wrapped: any LogHandler) { self.wrapped = wrapped }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }
    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    /// Whether a line from `source` at `level` reaches the operator.
    public static func passes(source: String, level: Logger.Level) -> Bool {
        level >= .warning || !frameworkSources.contains(source)
    }

    public func log(event: LogEvent) {
        guard Self.passes(source: event.source, level: event.level) else { return }
        wrapped.log(event: event)
    }
}

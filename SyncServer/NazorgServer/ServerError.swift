import Foundation
public import Hummingbird

/// An error answered to a client: an HTTP status and a JSON body `{"error": code, "message": text}` that is
/// part of the protocol. Messages name ids and limits, never content (the server has none to name).
public struct ServerError: HTTPResponseError, Hashable, Sendable {
    /// A stable machine-readable code (`unauthenticated`, `revoked`, `forbidden`, `malformed`, …).
    public var code: String
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// What was wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func unauthenticated(_ message: String) -> ServerError { ServerError(.unauthorized, "unauthenticated", message) }
    static func forbidden(_ message: String) -> ServerError { ServerError(.forbidden, "forbidden", message) }
    static func malformed(_ message: String) -> ServerError { ServerError(.badRequest, "malformed", message) }
    static func notFound(_ message: String) -> ServerError { ServerError(.notFound, "not-found", message) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try JSONSerialization.data(withJSONObject: ["error": code, "message": message], options: [.sortedKeys])
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

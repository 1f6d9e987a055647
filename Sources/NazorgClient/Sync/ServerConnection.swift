import NazorgMessages
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NazorgCrypto
import NazorgStore
import NazorgSync

/// A server's answer to a request that succeeded (2xx); header names in lower case.
struct ServerReply: Sendable {
    var body: Data
    var status: Int
    var headers: [String: String]
}

/// How the sync client reaches a server. In use: signed HTTP (`ServerConnection`). A test gives another, to drive
/// the client through answers no real server gives (cut-off, malformed, refused) without a server or sleeps.
protocol SyncTransport: Sendable {
    /// The server's address: what this device's sync state with it is kept under.
    var server: URL { get }
    /// Sends a request; a refusal (non-2xx) or an unreachable server is a `ClientError`.
    func send(_ method: String, _ pathAndQuery: String, body: Data) async throws -> ServerReply
}

extension SyncTransport {
    func send(_ method: String, _ pathAndQuery: String) async throws -> ServerReply { try await send(method, pathAndQuery, body: Data()) }
}

/// Signed HTTP requests from this device to a sync server.
struct ServerConnection: SyncTransport {
    let server: URL
    let profile: Profile
    /// The time each request is signed with (the server refuses one far from its own clock).
    var now: @Sendable () -> Date = { Date() }

    typealias Reply = ServerReply

    /// Sends a signed request.
    func send(_ method: String, _ pathAndQuery: String, body: Data) async throws -> Reply {
        guard let url = URL(string: pathAndQuery, relativeTo: server) else {
            throw ClientError(.usage, Messages.Client.notAServerAddress(server.absoluteString))
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = 60
        if !body.isEmpty { request.httpBody = body }
        for (name, value) in RequestSignature.headers(
            method: method, path: pathAndQuery, body: body, device: profile.device, signer: profile.author.signer, now: now())
        {
            request.setValue(value, forHTTPHeaderField: name)
        }
        return try await Self.perform(request, server: server)
    }

    /// The session every request goes through: ephemeral, with no response cache and no cookie store, so no
    /// answer of a server (a pulled page, a certificate list) is kept anywhere but in the profile's own store.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = 60
        return URLSession(configuration: configuration)
    }()

    /// Sends a request (signed or not); a non-2xx answer becomes a `ClientError` carrying the server's message.
    static func perform(_ request: URLRequest, server: URL) async throws -> Reply {
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw ClientError(.network, Messages.Client.serverUnreachable(server.absoluteString))
        }
        guard let http = response as? HTTPURLResponse else { throw ClientError(.network, Messages.Client.answerNotHTTP) }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        guard (200..<300).contains(http.statusCode) else {
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            let message = object?["message"] as? String ?? "HTTP \(http.statusCode)"
            let code = object?["error"] as? String ?? ""
            throw ClientError(
                code == "revoked" || http.statusCode == 401 || http.statusCode == 403 ? .refused : .network,
                Messages.Client.serverRefused(message))
        }
        return Reply(body: data, status: http.statusCode, headers: headers)
    }
}

import Foundation
@testable import NazorgClient
import NazorgMessages
import NazorgStore
import NazorgSync
import Synchronization
import Testing

/// A transport that answers from a script and records what was sent: the sync client driven through answers a
/// real server does not give (cut off, malformed, short), without a server or sleeps.
final class ScriptedTransport: SyncTransport {
    let server = URL(string: "http://sync.test/")!
    let answer: @Sendable (_ method: String, _ path: String, _ body: Data) throws -> ServerReply
    let sent = Mutex<[String]>([])

    init(_ answer: @escaping @Sendable (_ method: String, _ path: String, _ body: Data) throws -> ServerReply) { self.answer = answer }

    func send(_ method: String, _ pathAndQuery: String, body: Data) async throws -> ServerReply {
        sent.withLock { $0.append("\(method) \(pathAndQuery.split(separator: "?").first ?? "")") }
        return try answer(method, pathAndQuery, body)
    }

    static func json(_ text: String, status: Int = 200) -> ServerReply {
        ServerReply(body: Data(text.utf8), status: status, headers: ["content-type": "application/json"])
    }
}

struct SyncTransportTests {
    let organisation: TestOrganisation
    let profile: Profile
    let outboxBefore: (changes: Int, grants: Int)

    init() throws {
        organisation = try TestOrganisation()
        profile = try organisation.worker("mira")
        let workspace = try Workspace(profile: profile)
        _ = try workspace.createFamily(["naam": "Gezin Test"])
        outboxBefore = (try profile.store.outbox().count, try profile.store.grantOutbox().count)
    }

    func sync(_ transport: ScriptedTransport) async throws -> SyncReport {
        try await SyncClient(profile: profile, transport: transport).sync()
    }

    func expectOutboxWhole() throws {
        #expect(try profile.store.outbox().count == outboxBefore.changes)
        #expect(try profile.store.grantOutbox().count == outboxBefore.grants)
    }

    /// The connection drops during the push: nothing leaves the outbox, the registration is kept, and the next
    /// sync sends it all again.
    @Test func anInterruptedPushLeavesTheOutboxWhole() async throws {
        #expect(outboxBefore.changes > 0 && outboxBefore.grants > 0)
        let transport = ScriptedTransport { method, path, _ in
            if path == "/v1/devices" { return ScriptedTransport.json(#"{"device":"ab","status":"registered"}"#, status: 201) }
            throw ClientError(.network, Messages.Client.serverUnreachable("http://sync.test/"))
        }
        let error = await #expect(throws: ClientError.self) { try await sync(transport) }
        #expect(error?.code == .network)
        try expectOutboxWhole()
        #expect(try SyncClient(profile: profile, transport: transport).state.isRegistered())
        // Registered once: the second sync goes straight to the push.
        _ = await #expect(throws: ClientError.self) { try await sync(transport) }
        #expect(transport.sent.withLock { $0 } == ["POST /v1/devices", "POST /v1/push", "POST /v1/push"])
    }

    /// A push answer that is not JSON, or names fewer items than were pushed, acknowledges nothing.
    @Test(arguments: ["niet json", #"{"results":[]}"#, #"{"results":[{"id":"ab","kind":"change","status":"misschien"}]}"#])
    func aMalformedPushAnswerAcknowledgesNothing(answer: String) async throws {
        let transport = ScriptedTransport { _, path, _ in
            path == "/v1/devices" ? ScriptedTransport.json("{}", status: 201) : ScriptedTransport.json(answer)
        }
        let error = await #expect(throws: ClientError.self) { try await sync(transport) }
        #expect(error?.message == Messages.Client.serverAnswerMalformed(.push))
        try expectOutboxWhole()
    }

    /// The server refuses an item: a refused change stays queued and the worker is told why, in the server's
    /// words; a grant refused because its recipient is revoked leaves the queue for good (its key is replaced by
    /// a new epoch); what was accepted leaves the queue. The next push sends exactly what was refused.
    @Test func aRefusedChangeStaysQueuedWithItsReasonAndARevokedRecipientsGrantIsDropped() async throws {
        let reason = "Dit apparaat houdt de sectie niet."
        let pushes = Mutex<[[SyncBatch.Item]]>([])
        let transport = ScriptedTransport { _, path, body in
            guard path == "/v1/push" else { return ScriptedTransport.json("{}", status: 201) }
            let items = try SyncBatch(decoding: body).items
            let isFirst = pushes.withLock { $0.append(items); return $0.count == 1 }
            var revokedOne = false
            let results = items.enumerated().map { index, item -> PushAnswer.Result in
                switch item {
                case .change(let change, _):
                    return .init(id: change.idHex, kind: .change, status: .rejected, reason: reason)
                case .grant(let grant, _):
                    if isFirst && !revokedOne {
                        revokedOne = true
                        return .init(id: grant.id.hexEncoded, kind: .grant, status: .rejected, reason: "ingetrokken", code: .recipientRevoked)
                    }
                    return .init(id: grant.id.hexEncoded, kind: .grant, status: .accepted, sequence: UInt64(index + 1))
                }
            }
            return ScriptedTransport.json(String(decoding: try JSONEncoder().encode(PushAnswer(results: results)), as: UTF8.self))
        }
        let client = try SyncClient(profile: profile, transport: transport)
        var report = SyncReport()
        try await client.push(&report)
        let first = pushes.withLock { $0[0] }
        let pushedChanges = first.compactMap { if case .change(let change, _) = $0 { change } else { nil } }
        #expect(!pushedChanges.isEmpty && first.count > pushedChanges.count)
        #expect(report.droppedGrants == 1)
        #expect(report.pushed == first.count - pushedChanges.count - 1)
        #expect(report.rejected == pushedChanges.map { Messages.Client.refusedItem(grant: false, String($0.idHex.prefix(16)), reason: reason) })
        #expect(try profile.store.grantOutbox().isEmpty)
        #expect(try profile.store.outbox().map(\.id) == pushedChanges.map(\.id))
        // Pushed again: only the refused changes, the same bytes (offered once, never squashed again).
        var again = SyncReport()
        try await client.push(&again)
        #expect(pushes.withLock { $0.count } == 2)
        #expect(pushes.withLock { $0[1] } == pushedChanges.map { .change($0, sequence: 0) })
    }
}

import NazorgMessages
public import Foundation
import NazorgStore
public import NazorgSync

/// The warm handover through the server's mailbox: deliver a bundle, list and fetch what is addressed to this
/// organisation, send a receipt, and collect the receipts for bundles this device sent.
public struct HandoverMail: Sendable {
    /// The workspace the bundles are made in and imported into.
    public let workspace: Workspace
    let client: SyncClient

    /// Mail for `workspace` through `server`.
    public init(workspace: Workspace, server: URL) {
        self.workspace = workspace
        self.client = SyncClient(profile: workspace.profile, server: server)
    }

    /// The connection, once this device's certificate is registered on the server (once per server).
    private func registered() async throws -> any SyncTransport {
        var report = SyncReport()
        try await client.register(&report)
        return client.connection
    }

    /// The devices of an organisation that the server lists as registered and not revoked.
    public func devices(of organisation: OrganisationInfo) async throws -> [DeviceCertificate] {
        try await client.recipientDevices(of: organisation)
    }

    /// Delivers a sealed bundle to its addressee's mailbox (again: the server keeps one copy).
    public func deliver(_ bytes: Data) async throws {
        _ = try await registered().send("POST", "/v1/mailbox/bundles", body: bytes)
    }

    /// What the mailbox holds for this organisation.
    public func inbox() async throws -> [MailboxEntry] {
        let reply = try await registered().send("GET", "/v1/mailbox")
        guard let listing = try? JSONDecoder().decode(MailboxListing.self, from: reply.body) else {
            throw ClientError(.network, Messages.Client.serverAnswerMalformed(.mailbox))
        }
        return listing.items
    }

    /// Fetches a bundle (by full id) from the mailbox.
    public func fetch(_ bundle: ID128) async throws -> Data {
        try await registered().send("GET", "/v1/mailbox/bundles/\(bundle.hex)").body
    }

    /// A bundle's bytes by id or its first digits: kept on this device, else from the mailbox.
    public func bytes(of idOrPrefix: String) async throws -> Data {
        if let kept = try? workspace.handover(idOrPrefix), kept.direction == .received, let bytes = kept.bytes { return bytes }
        let key = idOrPrefix.lowercased().filter { $0 != "-" }
        let matches = try await inbox().filter { $0.kind == .bundle && !key.isEmpty && $0.id.hasPrefix(key) }
        guard matches.count == 1, let id = ID128(hex: matches[0].id) else {
            throw ClientError(
                .notFound,
                matches.isEmpty
                    ? Messages.Client.noHandoverBundle(idOrPrefix) : Messages.Client.severalBundles(idOrPrefix))
        }
        return try await fetch(id)
    }

    /// Opens and verifies a bundle's bytes, asking the server which devices of the sender are registered and
    /// not revoked, and keeps it on this device.
    public func open(_ bytes: Data) async throws -> OpenedHandover {
        let header: HandoverEnvelope.Header
        do { header = try HandoverEnvelope.header(of: bytes) } catch let error as SyncError {
            throw ClientError(.refused, Messages.Client.bundleRefused(error.message))
        }
        let sender = try workspace.handoverSender(header)
        let opened = try workspace.openHandover(bytes, registeredSenderDevices: try await devices(of: sender))
        try workspace.keep(opened)
        return opened
    }

    /// Signs a receipt for an opened bundle, records it in the share log, and posts it to the sender.
    public func acknowledge(_ opened: OpenedHandover) async throws -> HandoverReceipt {
        let receipt = try workspace.acknowledge(opened)
        _ = try await client.connection.send("POST", "/v1/mailbox/receipts", body: try JSONEncoder().encode(receipt))
        return receipt
    }

    /// Fetches the receipts for bundles this device sent that were not acknowledged yet, checks and records each.
    /// Returns those that arrived now, and why others were refused (a refused receipt never blocks a sync). Asks
    /// the server nothing when no sent bundle is waiting.
    public func collectReceipts() async throws -> (arrived: [HandoverReceipt], refused: [String]) {
        let waiting = Set(try workspace.profile.store.handovers(.sent).filter { $0.acknowledgedAt == nil }.map(\.id.hex))
        guard !waiting.isEmpty else { return ([], []) }
        var arrived: [HandoverReceipt] = []
        var refused: [String] = []
        for entry in try await inbox() where entry.kind == .receipt && waiting.contains(entry.id) {
            let body = try await client.connection.send("GET", "/v1/mailbox/receipts/\(entry.id)").body
            do {
                guard let receipt = try? JSONDecoder().decode(HandoverReceipt.self, from: body) else {
                    throw ClientError(.refused, Messages.Client.receiptMalformed(String(entry.id.prefix(8))))
                }
                if try workspace.record(receipt: receipt) { arrived.append(receipt) }
            } catch let error as ClientError {
                refused.append(error.message)
            }
        }
        return (arrived, refused)
    }
}

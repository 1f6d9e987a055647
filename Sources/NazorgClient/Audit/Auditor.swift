import NazorgMessages
public import Foundation
import NazorgCrypto
import NazorgStore
public import NazorgSync

/// What `audit pull` did.
public struct AuditPullReport: Sendable {
    /// Entries new since the last pull.
    public var newEntries: Int
    /// The tree head now held.
    public var head: TreeHead
}

/// The privacy officer's view of the organisation's share log. It reads metadata only: the log entries are
/// sealed to the officer's device, and no plan section key ever is (the server refuses such grants).
///
/// Nothing the server says is taken on trust: tree heads must be signed by the log key pinned at the first
/// pull, each new head must extend the last one seen (RFC 6962 consistency proof), the leaves must hash to the
/// head, and every entry must be signed by a certified device of the organisation and continue its chain.
public struct Auditor: Sendable {
    let profile: Profile
    private let server: SyncClient?

    /// An auditor on a privacy officer's profile; `server` is needed for `pull`, `verify` and sending reviews,
    /// not for the reports, which read the verified copy on this device.
    public init(profile: Profile, server: URL? = nil) throws {
        let certificate = try profile.requireCertificate(keepsPlans: false)
        guard certificate.role == .privacyOfficer else {
            throw ClientError(.refused, Messages.Client.logOnOfficerDevice(certificate.role.label))
        }
        self.profile = profile
        self.server = server.map { SyncClient(profile: profile, server: $0) }
    }

    private var client: SyncClient {
        get throws {
            guard let server else { throw ClientError(.usage, Messages.Client.giveServer) }
            return server
        }
    }

    /// The last tree head and the pinned log key are kept per organisation (one log per organisation).
    private var headKey: String { "audit-head:\(profile.organisation.id.hex)" }
    private var store: LocalStore { profile.store }

    /// The tree head seen at the last pull.
    public func lastHead() throws -> TreeHead? {
        try store.meta(headKey).flatMap { try? JSONDecoder().decode(TreeHead.self, from: $0) }
    }

    /// Fetches what is new in the log, checks it against the last head seen, and keeps a verified copy.
    public func pull() async throws -> AuditPullReport {
        var report = SyncReport()
        try await client.register(&report)
        let logKey = try await pinnedLogKey()
        let head = try await fetchHead(logKey: logKey)
        let copy = try store.auditCopy()
        if let last = try lastHead() {
            guard head.size >= last.size else {
                throw tampered([Messages.Audit.olderHead(size: head.size, seen: last.size)])
            }
            if head.size > last.size {
                let reply = try await client.connection.send("GET", "/v1/audit/consistency?first=\(last.size)&second=\(head.size)")
                guard let proof = try? JSONDecoder().decode(ProofAnswer.self, from: reply.body).proof,
                    MerkleTree.verifyConsistency(oldSize: Int(last.size), oldRoot: last.root, newSize: Int(head.size), newRoot: head.root, proof: proof)
                else {
                    throw tampered([Messages.Audit.inconsistent(seen: last.size)])
                }
            } else if head.root != last.root {
                throw tampered([Messages.Audit.twoLogs(size: head.size)])
            }
        }
        // The whole log, not only what is new: an entry the server altered after this copy took it (its stored
        // hash left as it was) must be found by every pull, not only by 'audit verify'.
        let leaves = try await fetchLeaves(from: 0, until: Int(head.size))
        let check = try await verify(leaves: leaves, head: head, logKey: logKey, copy: copy.map(\.leaf))
        guard check.isIntact else { throw tampered(check.problems) }
        let newItems = check.entries.filter { $0.index >= copy.count }.map { (leaves[$0.index], $0.entry) }
        try store.appendAuditCopy(newItems, from: copy.count, head: try JSONEncoder().encode(head), headKey: headKey)
        return AuditPullReport(newEntries: newItems.count, head: head)
    }

    /// Checks the server's whole log afresh against the last head seen and this device's copy.
    public func verify() async throws -> AuditLogCheck {
        var report = SyncReport()
        try await client.register(&report)
        let logKey = try await pinnedLogKey()
        let head = try await fetchHead(logKey: logKey)
        let leaves = try await fetchLeaves(from: 0, until: Int(head.size))
        return try await verify(leaves: leaves, head: head, logKey: logKey, copy: try store.auditCopy().map(\.leaf))
    }

    /// The verified records of the copy, in log order.
    public func records() throws -> [AuditRecord] {
        try store.auditCopy().map(\.entry.record)
    }

    /// Records a review of an override (or any flagged entry) in the officer's own chain; it goes to the log
    /// with the next `audit pull`/`sync`.
    public func review(_ entryID: String, outcome: String, note: String) throws -> AuditRecord {
        let key = entryID.lowercased()
        let matches = try records().filter { !key.isEmpty && $0.id.hasPrefix(key) }
        guard matches.count == 1, let reviewed = matches.first else {
            throw ClientError(
                .notFound, matches.isEmpty ? Messages.Client.noLogEntry(entryID) : Messages.Client.severalLogEntries(entryID))
        }
        let certificate = try profile.requireCertificate(keepsPlans: false)
        let record = AuditRecord(
            event: .review, action: .update, time: Int64(Date().timeIntervalSince1970 * 1000), worker: certificate.worker,
            role: certificate.role.rawValue, purpose: Messages.Client.officerPurpose, organisation: profile.organisation.id.hex,
            organisationName: profile.organisation.name, device: profile.device.hex, family: reviewed.family, sections: reviewed.sections,
            basis: reviewed.basis, record: reviewed.id, detail: Messages.Client.reviewed(outcome, note: note))
        try store.appendAudit([record], author: profile.author)
        return record
    }

    /// Sends the officer's own entries (reviews) to the log.
    public func pushOwnEntries() async throws -> SyncReport {
        try await client.sync()
    }

    // MARK: Internals

    private func tampered(_ problems: [String]) -> ClientError {
        ClientError(.refused, Messages.Client.logDoesNotVerify(problems))
    }

    private func pinnedLogKey() async throws -> Data {
        var report = SyncReport()
        return try await client.pinnedLogKey(&report)
    }

    private func fetchHead(logKey: Data) async throws -> TreeHead {
        let reply = try await client.connection.send("GET", "/v1/audit/head")
        guard let head = try? JSONDecoder().decode(TreeHead.self, from: reply.body) else {
            throw ClientError(.network, Messages.Client.serverAnswerMalformed(.treeHead))
        }
        guard head.isSigned(by: logKey), head.organisation == profile.organisation.id else {
            throw tampered([Messages.Audit.headNotSigned])
        }
        return head
    }

    private func fetchLeaves(from start: Int, until end: Int) async throws -> [Data] {
        var leaves: [Data] = []
        while start + leaves.count < end {
            let reply = try await client.connection.send("GET", "/v1/audit/log?from=\(start + leaves.count)&limit=1000")
            guard let page = try? JSONDecoder().decode(AuditLeavesAnswer.self, from: reply.body).leaves else {
                throw ClientError(.network, Messages.Client.serverAnswerMalformed(.logEntries))
            }
            if page.isEmpty { break }
            leaves += page
        }
        return leaves
    }

    private func verify(leaves: [Data], head: TreeHead, logKey: Data, copy: [Data]) async throws -> AuditLogCheck {
        var keys: [DeviceID: Data] = [:]
        var report = SyncReport()
        for device in Set(leaves.compactMap { try? AuditLeaf(bytes: $0).device }) {
            if let certificate = try? await client.certificate(of: device, &report), certificate.organisation == profile.organisation.id {
                keys[device] = certificate.signingKey
            }
        }
        let box = profile.box
        let me = profile.device
        return AuditLogVerifier.verify(
            leaves: leaves, head: head, serverKey: logKey, lastSeen: try lastHead(), localCopy: copy,
            open: { try $0.open(officer: me, box: box) }, deviceKey: { keys[$0] })
    }
}

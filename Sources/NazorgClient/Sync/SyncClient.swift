import NazorgMessages
public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NazorgCrypto
import NazorgModel
import NazorgStore
public import NazorgSync

/// What one `nazorg sync` did.
public struct SyncReport: Sendable {
    /// Changes and grants the server took (new or already held).
    public var pushed = 0
    /// Items the server refused, with its reason.
    public var rejected: [String] = []
    /// Changes applied from the server.
    public var pulledChanges = 0
    /// Key grants received for sections this device did not hold yet.
    public var receivedGrants = 0
    /// Pulled changes refused locally (bad signature, unknown author, no key), with the reason.
    public var refusedLocally: [String] = []
    /// Entities with conflicting edits after the sync.
    public var conflictedEntities = 0
    /// HTTP requests made.
    public var roundTrips = 0
    /// Changes pushed again because the server had lost them (restored from an older copy).
    public var repaired = 0
    /// Share-log entries sent to the organisation's log.
    public var auditPushed = 0
    /// Share-log entries waiting because no privacy officer's device is registered yet.
    public var auditWaiting = 0
    /// Short ids of changes fetched by a section backfill.
    var backfilled = Set<String>()
    /// The server said a revoked device holds the newest epoch of a section this device may write.
    var mustRotate = false
    /// Pulled changes refused here and not applied since, by id, with their section and the reason.
    var refusedChanges: [Data: (section: DivergedSection, message: String)] = [:]
    /// The newest of this device's entries the server's log holds, as the pull said.
    var serverLogSequence: UInt64?
    /// Times this sync found the log server at fault (recorded as flagged `incident` entries).
    public var auditIncidents = 0
    /// Sections where this device is behind the server because a change is refused; fetched again at every sync.
    public var divergedSections = 0
    /// Sections this device created in this sync's pushes (their first key epoch), to give to colleagues.
    var createdSections: [SectionEpochKey] = []
    /// Sections given a new key epoch after a revocation.
    public var rotatedSections = 0
    /// Queued grants dropped because their recipient was revoked since.
    public var droppedGrants = 0
}

/// Synchronises this device with a server: push the outboxes, pull everything after the cursor, apply each
/// page in one transaction. Safe to repeat after any interruption: pushes are idempotent on change id and
/// applying skips what is already held.
public struct SyncClient: Sendable {
    let connection: any SyncTransport
    let profile: Profile

    /// Items per pull page.
    let pageSize: Int
    /// The time, for certificate checks, cache ages and share-log entries (injected by tests).
    let now: @Sendable () -> Date

    /// A client for `server`, pulling `pageSize` items per request (smaller pages for slow networks).
    public init(profile: Profile, server: URL, pageSize: Int = 1000, now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(profile: profile, transport: ServerConnection(server: server, profile: profile, now: now), pageSize: pageSize, now: now)
    }

    /// A client that reaches its server through `transport`.
    init(profile: Profile, transport: any SyncTransport, pageSize: Int = 1000, now: @escaping @Sendable () -> Date = { Date() }) {
        self.profile = profile
        self.connection = transport
        self.pageSize = max(1, min(pageSize, 5000))
        self.now = now
    }

    private var serverKey: String { connection.server.absoluteString }
    private var store: LocalStore { profile.store }
    /// What this device remembers of its sync with this server.
    var state: SyncState { SyncState(store: store, server: serverKey) }
    private var wallMillis: UInt64 { UInt64(now().timeIntervalSince1970 * 1000) }

    /// Runs one sync; `progress` receives a line per pulled page when a pull takes several pages.
    public func sync(verify: Bool = false, progress: @Sendable (String) -> Void = { _ in }) async throws -> SyncReport {
        var report = SyncReport()
        try await register(&report)
        try await push(&report)
        if try await rekey(&report) { try await push(&report) }
        if try await followNewSections(&report) { try await push(&report) }
        let restored = try await pull(&report, progress: progress)
        if report.mustRotate {
            try await rotateAfterRevocations(&report)
            if try await rekey(&report) || report.rotatedSections > 0 { try await push(&report) }
        }
        var behind = try state.divergedSections().union(report.refusedChanges.values.map(\.section))
        if restored || verify {
            behind.formUnion(try await repair(&report))
        }
        try await refetch(behind, &report)
        try noticeLostAuditEntries(&report)
        try await pushAudit(&report, verify: verify)
        report.conflictedEntities = try store.conflictedEntityCount()
        return report
    }

    /// Registers this device's certificate once per server.
    func register(_ report: inout SyncReport) async throws {
        guard try !state.isRegistered() else { return }
        let certificate = try profile.requireCertificate(keepsPlans: false)
        _ = try await connection.send("POST", "/v1/devices", body: try JSONEncoder().encode(certificate))
        report.roundTrips += 1
        try state.setRegistered()
    }

    func push(_ report: inout SyncReport) async throws {
        // Creator grants first: a grant to a colleague needs the server to know this device holds the section.
        let grants = try store.grantOutbox().sorted { $0.basis.rawValue < $1.basis.rawValue }
        // A section's edits since the last push travel as one change (`LocalStore+Squash`).
        let changes = try store.outboxForPush(author: profile.author)
        var items: [SyncBatch.Item] = grants.map { .grant($0, sequence: 0) } + changes.map { .change($0, sequence: 0) }
        while !items.isEmpty {
            let chunk = Self.nextChunk(of: items)
            items.removeFirst(chunk.count)
            let reply = try await connection.send("POST", "/v1/push", body: SyncBatch(items: chunk).encoded())
            report.roundTrips += 1
            guard let results = try? JSONDecoder().decode(PushAnswer.self, from: reply.body).results, results.count == chunk.count else {
                throw ClientError(.network, Messages.Client.serverAnswerMalformed(.push))
            }
            var acknowledgedChanges: [Data] = []
            var acknowledgedGrants: [Data] = []
            for (item, result) in zip(chunk, results) {
                if result.status == .rejected {
                    // A grant to a device revoked since it was queued can never be delivered: it leaves the outbox
                    // (the key it carried is replaced by a new epoch, `rotateAfterRevocations`).
                    if result.code == .recipientRevoked, case .grant(let grant, _) = item {
                        acknowledgedGrants.append(grant.id)
                        report.droppedGrants += 1
                        continue
                    }
                    report.rejected.append(Messages.Client.refusedItem(grant: result.kind == .grant, String(result.id.prefix(16)), reason: result.reason))
                    continue
                }
                report.pushed += 1
                switch item {
                case .change(let change, _): acknowledgedChanges.append(change.id)
                case .grant(let grant, _):
                    acknowledgedGrants.append(grant.id)
                    if grant.basis == .creator, grant.epoch == 1, result.status == .accepted {
                        report.createdSections.append(SectionEpochKey(family: grant.family, tag: grant.tag, epoch: grant.epoch))
                    }
                }
            }
            try store.acknowledge(changes: acknowledgedChanges, grants: acknowledgedGrants)
            try state.noteSeen(results.compactMap(\.sequence).max() ?? 0)
        }
    }


    /// Most items and bytes per push request, well inside the server's limits (`SyncBatch.maxItems`, 32 MiB).
    static let pushItemLimit = 5_000
    static let pushByteLimit = 16 << 20

    /// The items of the next push request: at least one, then as many as fit the limits.
    static func nextChunk(of items: [SyncBatch.Item]) -> [SyncBatch.Item] {
        var bytes = 0
        var count = 0
        for item in items.prefix(pushItemLimit) {
            let size: Int
            switch item {
            case .change(let change, _): size = change.bytes.count
            case .grant(let grant, _): size = grant.bytes.count
            }
            if count > 0, bytes + size > pushByteLimit { break }
            bytes += size
            count += 1
        }
        return Array(items.prefix(max(count, 1)))
    }

    /// Pulls pages until the server has no more; returns whether the server appears restored from an
    /// older copy (its head is behind this device's cursor).
    private func pull(_ report: inout SyncReport, progress: @Sendable (String) -> Void) async throws -> Bool {
        var machine = PullMachine(cursor: try state.cursor(), seen: try state.seen())
        while true {
            let reply = try await connection.send("GET", "/v1/pull?after=\(machine.cursor)&limit=\(pageSize)")
            report.roundTrips += 1
            switch machine.receive(PullMachine.Page(headers: reply.headers)) {
            case .restart:
                // The server lost items this device had seen: start over; repair pushes what it lacks.
                try state.restart()
            case .apply(let backfillUntil, let cursor, let more):
                let batch: SyncBatch
                do {
                    batch = try SyncBatch(decoding: reply.body)
                } catch {
                    throw ClientError(.network, Messages.Client.serverAnswerMalformed(.batch))
                }
                let newSections = try await apply(batch, &report)
                if let backfillUntil {
                    for (family, tag) in newSections { try await backfill(family: family, tag: tag, until: backfillUntil, &report) }
                }
                if reply.headers["nazorg-rotate"] == "1" { report.mustRotate = true }
                if let logged = reply.headers["nazorg-log-sequence"].flatMap(UInt64.init) { report.serverLogSequence = logged }
                // Stored page by page: an interrupted pull resumes after the last page applied.
                try state.setCursor(cursor)
                try state.noteSeen(cursor)
                if more || machine.pages > 1 {
                    progress(Messages.Client.pulledSoFar(changes: report.pulledChanges, keys: report.receivedGrants))
                }
                if !more { return machine.restored }
            }
        }
    }

    /// Fetches a section's history up to `until`, for a section whose key this device just received: those
    /// changes lie at or below this device's cursor, passed while it had no access.
    private func backfill(family: FamilyID, tag: ID128, until: UInt64, _ report: inout SyncReport) async throws {
        var cursor: UInt64 = 0
        while true {
            let reply = try await connection.send(
                "GET", "/v1/pull?after=\(cursor)&limit=\(pageSize)&family=\(family.hex)&tag=\(tag.hex)&until=\(until)")
            report.roundTrips += 1
            guard let batch = try? SyncBatch(decoding: reply.body) else {
                throw ClientError(.network, Messages.Client.serverAnswerMalformed(.batch))
            }
            let ids = batch.items.compactMap { item -> String? in
                if case .change(let change, _) = item { return change.id.prefix(8).hexEncoded }
                return nil
            }
            report.backfilled.formUnion(ids)
            _ = try await apply(batch, &report)
            if reply.headers["nazorg-rotate"] == "1" { report.mustRotate = true }
            cursor = reply.headers["nazorg-cursor"].flatMap(UInt64.init) ?? cursor
            if reply.headers["nazorg-more"] != "1" { return }
        }
    }

    /// Applies a page: grants first (returning the sections newly readable here), then changes.
    private func apply(_ batch: SyncBatch, _ report: inout SyncReport) async throws -> [(FamilyID, ID128)] {
        var changes: [SignedChange] = []
        var newSections: [(FamilyID, ID128)] = []
        for item in batch.items {
            switch item {
            case .grant(let grant, _):
                guard grant.recipient == profile.device else { continue }
                let granter = try await certificate(of: grant.granter, &report)
                do {
                    try grant.verifySignature(granterKey: granter.signingKey)
                    let contents = try grant.open(with: profile.box)
                    let held = (try? store.sectionKeys(grant.family).contains { $0.tag == grant.tag }) ?? false
                    if !held { newSections.append((grant.family, grant.tag)) }
                    // A share makes the family another organisation's here: read-only (`Workspace.write`).
                    try store.adoptFamily(
                        grant.family, secret: contents.familySecret,
                        owner: grant.basis.isShare && granter.organisation != profile.organisation.id ? granter.organisation : nil)
                    try store.addSectionKey(
                        SectionKeyRecord(tag: grant.tag, epoch: grant.epoch, name: contents.name, key: contents.key), family: grant.family)
                    if !held { report.receivedGrants += 1 }
                    if !held, grant.basis.isShare, let record = grant.basisRecord {
                        try logReceipt(of: grant, section: contents.name, record: record, from: granter)
                    }
                } catch let error as SyncError {
                    report.refusedLocally.append(Messages.Client.refusedGrant(from: grant.granter.short, error.message))
                }
            case .change(let change, _):
                changes.append(change)
            }
        }
        var keys: [DeviceID: Data] = [:]
        for author in Set(changes.map(\.header.author)) { keys[author] = try await certificate(of: author, &report).signingKey }
        let applied = try store.apply(changes, authorKey: { keys[$0] }, wallMillis: wallMillis)
        report.pulledChanges += applied.applied.count
        // A refused change is remembered with its section until a later fetch applies it: a device never stops
        // converging in silence (`Divergence`).
        for id in applied.applied + applied.duplicates { report.refusedChanges[id] = nil }
        let sections = Dictionary(changes.map { ($0.id, DivergedSection(family: $0.header.family, tag: $0.header.sectionTag)) }) { a, _ in a }
        for (id, error) in applied.rejected {
            guard let section = sections[id] else { continue }
            report.refusedChanges[id] = (section, error.message)
        }
        return newSections
    }

    /// Sends this device's new share-log entries to the organisation's log, sealed to its privacy officers, and
    /// checks the server's proof that they are in it: a signed tree head (by the log key pinned here), each
    /// entry's inclusion under it, and that the head extends the last one this device verified. An entry the
    /// server acknowledged before and has since lost is sent again (byte-identical), and the loss is recorded as a
    /// flagged `incident` entry for the privacy officer. With `verify`, the check runs even with nothing to send.
    private func pushAudit(_ report: inout SyncReport, verify: Bool) async throws {
        var entries = try store.auditEntries(unpushedOnly: true)
        let sentBefore = try store.lastIncludedAuditSequence()
        guard !entries.isEmpty || (verify && sentBefore > 0) else { return }
        let own = profile.organisation
        let officers = try await privacyOfficers(&report)
        guard !officers.isEmpty else {
            report.auditWaiting = entries.count
            return
        }
        let logKey = try await pinnedLogKey(&report)
        var problems: [String] = []
        for _ in 0..<2 {
            var kept = try store.auditLeaves()
            var fresh: [UInt64: Data] = [:]
            for entry in entries where kept[entry.sequence] == nil {
                fresh[entry.sequence] = try AuditLeaf.seal(
                    entry, organisation: own.id, officers: officers.prefix(16).map { ($0.device, $0.boxKey) }).bytes
            }
            try store.keepAuditLeaves(fresh)
            kept.merge(fresh) { $1 }
            let leaves = entries.compactMap { kept[$0.sequence] }
            let last = try lastVerifiedHead()
            let body = try JSONEncoder().encode(AuditAppendRequest(leaves: leaves, since: last?.size))
            let reply = try await connection.send("POST", "/v1/audit", body: body)
            report.roundTrips += 1
            guard let answer = try? JSONDecoder().decode(AuditAppendAnswer.self, from: reply.body), answer.results.count == leaves.count else {
                throw ClientError(.network, Messages.Client.serverAnswerMalformed(.shareLog))
            }
            let head = answer.head
            guard head.organisation == own.id, head.isSigned(by: logKey) else {
                throw ClientError(.refused, Messages.Client.logKeyUnknown)
            }
            if let last {
                let extends = head.size >= last.size && MerkleTree.verifyConsistency(
                    oldSize: Int(last.size), oldRoot: last.root, newSize: Int(head.size), newRoot: head.root, proof: answer.consistency ?? [])
                if !extends {
                    problems.append(Messages.Client.logNotExtended(last.size))
                }
            }
            var included: [(sequence: UInt64, index: UInt64)] = []
            var lostFrom: UInt64?
            for (leaf, result) in zip(leaves, answer.results) {
                switch result.status {
                case .accepted, .duplicate:
                    guard let index = result.index, let proof = result.proof,
                        MerkleTree.verifyInclusion(
                            leafHash: MerkleTree.leafHash(leaf), index: Int(clamping: index), size: Int(clamping: head.size), proof: proof,
                            root: head.root)
                    else {
                        problems.append(Messages.Client.logEntryNotProven(result.sequence))
                        continue
                    }
                    included.append((result.sequence, index))
                case .rejected:
                    let lastIncluded = try store.lastIncludedAuditSequence()
                    if let expected = result.expected, expected <= lastIncluded {
                        lostFrom = min(lostFrom ?? expected, expected)
                    } else {
                        report.rejected.append(Messages.Client.refusedLogEntry(result.sequence, reason: result.reason))
                    }
                }
            }
            try store.markAuditIncluded(included)
            report.auditPushed += included.count
            if problems.isEmpty { try store.setMeta(headKey, try JSONEncoder().encode(head)) }
            guard let lostFrom else { break }
            // The server lost entries it had acknowledged: send them again, and tell the privacy officer.
            let lastIncluded = try store.lastIncludedAuditSequence()
            problems.append(Messages.Client.logEntriesLost(from: lostFrom, to: lastIncluded))
            try store.markAuditUnpushed(from: lostFrom)
            try store.setMeta(headKey, try JSONEncoder().encode(head))
            try recordIncident(problems)
            entries = try store.auditEntries(unpushedOnly: true)
            problems = []
            report.auditIncidents += 1
        }
        if !problems.isEmpty {
            try recordIncident(problems)
            report.auditIncidents += 1
            report.rejected += problems.map(Messages.Client.logProblem)
            // The incident entry goes out with the next sync; the head is not taken as verified.
        } else if report.auditIncidents > 0 {
            report.rejected.append(Messages.Client.logEntriesResent)
        }
    }

    /// The server says the log holds fewer of this device's entries than it once proved included: the rest were
    /// dropped. They are sent again at once, and the loss is flagged for the privacy officer.
    private func noticeLostAuditEntries(_ report: inout SyncReport) throws {
        guard let logged = report.serverLogSequence else { return }
        let included = try store.lastIncludedAuditSequence()
        guard logged < included else { return }
        try store.markAuditUnpushed(from: logged + 1)
        // The kept head described the log before the loss; the loss is recorded here, once.
        try store.setMeta(headKey, Data())
        try recordIncident([Messages.Client.logEntriesLost(from: logged + 1, to: included)])
        report.auditIncidents += 1
    }

    private var headKey: String { "audit-device-head:\(profile.organisation.id.hex)" }
    var logKeyKey: String { "audit-log-key:\(profile.organisation.id.hex)" }

    /// The last tree head this device verified its own entries under.
    private func lastVerifiedHead() throws -> TreeHead? {
        try store.meta(headKey).flatMap { try? JSONDecoder().decode(TreeHead.self, from: $0) }
    }

    /// The server's log key, pinned at first use; the privacy officer's `Auditor` reads the same pin.
    func pinnedLogKey(_ report: inout SyncReport) async throws -> Data {
        if let pinned = try store.meta(logKeyKey) { return pinned }
        let reply = try await connection.send("GET", "/v1/audit/key")
        report.roundTrips += 1
        guard let key = try? JSONDecoder().decode(LogKeyAnswer.self, from: reply.body).key, key.count == SigningKeyPair.publicKeyByteCount else {
            throw ClientError(.network, Messages.Client.serverAnswerMalformed(.logKey))
        }
        try store.setMeta(logKeyKey, key)
        return key
    }

    /// A flagged share-log entry of this device: what it found wrong with the log server.
    private func recordIncident(_ problems: [String]) throws {
        let certificate = try profile.requireCertificate(keepsPlans: false)
        try store.appendAudit(
            [AuditRecord(
                event: .incident, action: .execute, time: Int64(wallMillis), outcome: "flagged", worker: certificate.worker,
                role: certificate.role.rawValue, purpose: Messages.Client.purposeLogWatch, organisation: profile.organisation.id.hex,
                organisationName: profile.organisation.name, device: profile.device.hex, detail: problems.joined(separator: "; "))],
            author: profile.author)
    }

    private func privacyOfficers(_ report: inout SyncReport) async throws -> [DeviceCertificate] {
        struct Cached: Codable {
            var time: Double
            var devices: [DeviceCertificate]
        }
        let key = "officers:\(serverKey)"
        if let data = try store.meta(key), let cached = try? JSONDecoder().decode(Cached.self, from: data),
            now().timeIntervalSince1970 - cached.time < 600
        {
            return cached.devices
        }
        let own = profile.organisation
        let reply = try await connection.send("GET", "/v1/organisations/\(own.id.hex)/devices?role=privacy-officer")
        report.roundTrips += 1
        guard let listed = try? JSONDecoder().decode(DeviceList.self, from: reply.body).devices else {
            throw ClientError(.network, Messages.Client.serverAnswerMalformed(.officers))
        }
        let officers = listed.filter { $0.role == .privacyOfficer && $0.organisation == own.id && (try? $0.verify(by: own, at: now())) != nil }
        try store.setMeta(key, try JSONEncoder().encode(Cached(time: now().timeIntervalSince1970, devices: officers)))
        return officers
    }

    /// Gives each new key epoch (started by a withdrawal) to the section's other holders: colleagues of this
    /// organisation, and other organisations only where another, still valid consent or override covers the
    /// section. Devices that held the section only on the withdrawn consent get nothing. Returns whether
    /// grants were queued.
    private func rekey(_ report: inout SyncReport) async throws -> Bool {
        let pending = try store.pendingRekeys()
        guard !pending.isEmpty else { return false }
        let workspace = try Workspace(profile: profile)
        var queued = false
        for rekey in pending {
            let holders = try await holders(family: rekey.family, tag: rekey.tag, &report)
            guard let key = try store.sectionKeys(rekey.family).first(where: { $0.tag == rekey.tag && $0.epoch == rekey.epoch }) else {
                try store.complete(rekey, grants: [])
                continue
            }
            let plan = try workspace.plan(rekey.family)
            let secret = try store.familySecret(rekey.family)
            var grants: [KeyGrant] = []
            var byDevice: [DeviceID: Bool] = [:]
            for holder in holders where holder.device != profile.device {
                byDevice[holder.device] = (byDevice[holder.device] ?? false) || holder.writable
            }
            for (device, writable) in byDevice.sorted(by: { $0.key.hex < $1.key.hex }) {
                guard let certificate = try? await certificate(of: device, &report) else { continue }
                if writable {
                    grants.append(try profile.grant(key, of: rekey.family, familySecret: secret, to: (device, certificate.boxKey), basis: .ownOrganisation))
                    continue
                }
                // Another organisation keeps the new key only on a basis other than the withdrawn consent.
                guard let section = Section(name: key.name),
                    let basis = ShareBasis.remaining(
                        for: certificate.organisation.hex, section: section, withdrawn: rekey.withdrawnBasis.hex, on: workspace.today, in: plan)
                else { continue }
                let (grantBasis, basisID): (KeyGrant.Basis, String) =
                    switch basis {
                    case .consent(let id): (.consent, id)
                    case .safetyOverride(let id, _): (.safetyOverride, id)
                    }
                grants.append(
                    try profile.grant(
                        key, of: rekey.family, familySecret: secret, to: (device, certificate.boxKey), basis: grantBasis,
                        basisRecord: EntityID(hex: basisID)))
            }
            try store.complete(rekey, grants: grants)
            queued = queued || !grants.isEmpty
        }
        return queued
    }

    /// Who holds a section (or, without `tag`, every section of a family), as the server lists them.
    private func holders(family: FamilyID, tag: ID128?, _ report: inout SyncReport) async throws -> [SectionHolders.Holder] {
        let reply = try await connection.send("GET", "/v1/access?family=\(family.hex)" + (tag.map { "&tag=\($0.hex)" } ?? ""))
        report.roundTrips += 1
        guard let holders = try? JSONDecoder().decode(SectionHolders.self, from: reply.body).holders else {
            throw ClientError(.network, Messages.Client.serverAnswerMalformed(.holders))
        }
        return holders
    }

    /// Access within the own organisation follows new sections: a section this device just created (a consent
    /// section once the first consent is recorded, a new child's part) is granted to every colleague's device that
    /// may write another section of the family — whoever was given the family with `share-with-colleague` gets what
    /// is added to it later. Returns whether grants were queued.
    private func followNewSections(_ report: inout SyncReport) async throws -> Bool {
        let created = report.createdSections
        report.createdSections = []
        guard !created.isEmpty else { return false }
        let workspace = try Workspace(profile: profile)
        var queued = false
        for (family, sections) in Dictionary(grouping: created, by: \.family) {
            let holders = try await holders(family: family, tag: nil, &report)
            let colleagues = Set(holders.filter { $0.writable && $0.device != profile.device }.map(\.device))
            let keys = try store.sectionKeys(family)
            let secret = try store.familySecret(family)
            var grants: [KeyGrant] = []
            var names: Set<String> = []
            for colleague in colleagues.sorted() {
                guard let certificate = try? await certificate(of: colleague, &report),
                    certificate.organisation == profile.organisation.id, certificate.role != .privacyOfficer
                else { continue }
                for section in sections where !holders.contains(where: { $0.tag == section.tag && $0.device == colleague }) {
                    guard let key = keys.first(where: { $0.tag == section.tag && $0.epoch == section.epoch }) else { continue }
                    grants.append(try profile.grant(key, of: family, familySecret: secret, to: (colleague, certificate.boxKey), basis: .ownOrganisation))
                    names.insert(key.name)
                }
            }
            guard !grants.isEmpty else { continue }
            let audit = workspace.auditRecord(
                .grant, .transfer, family: family, sections: names.sorted(), basis: AuditRecord.ownOrganisationBasis,
                recipient: (profile.organisation.id.hex, profile.organisation.name),
                detail: Messages.Client.newSectionsForColleagues(colleagues.count), purpose: Messages.Client.purposeColleague)
            try store.queue(grants: grants, audit: [audit], author: profile.author)
            queued = true
        }
        return queued
    }

    /// After a device was revoked, every section it held in its newest epoch gets a new key epoch here, granted at
    /// once to every other holder that keeps access (`rekey`): whatever is written from now on is under a key the
    /// revoked laptop never had, even if someone gives it a copy of the server's database. The server names the
    /// sections (`GET /v1/rotations`); it cannot name one this device may not write.
    private func rotateAfterRevocations(_ report: inout SyncReport) async throws {
        let reply = try await connection.send("GET", "/v1/rotations")
        report.roundTrips += 1
        guard let sections = try? JSONDecoder().decode(SectionRotations.self, from: reply.body).sections else {
            throw ClientError(.network, Messages.Client.serverAnswerMalformed(.rekeys))
        }
        guard !sections.isEmpty else { return }
        let workspace = try Workspace(profile: profile)
        for (family, due) in Dictionary(grouping: sections, by: \.family) {
            let rotated = try workspace.startNewEpochs(
                family, after: Set(due.map { SectionEpochKey(family: family, tag: $0.tag, epoch: $0.epoch) }))
            report.rotatedSections += rotated
        }
    }

    /// The devices of another organisation that a share reaches, as the server lists them; `Workspace.share`
    /// keeps only those certified by the organisation's key pinned on this device (never the server's word).
    public func recipientDevices(of organisation: OrganisationInfo) async throws -> [DeviceCertificate] {
        var report = SyncReport()
        try await register(&report)
        let reply = try await connection.send("GET", "/v1/organisations/\(organisation.id.hex)/devices")
        guard let devices = try? JSONDecoder().decode(DeviceList.self, from: reply.body).devices else {
            throw ClientError(.network, Messages.Client.serverAnswerMalformed(.devices))
        }
        return devices
    }

    /// Logs receiving a section shared by another organisation (NEN 7513: the receiving side logs too).
    private func logReceipt(of grant: KeyGrant, section: String, record: EntityID, from granter: DeviceCertificate) throws {
        let certificate = try profile.requireCertificate(keepsPlans: false)
        let basis = grant.basis == .consent ? "consent:\(record.hex)" : "safety-override:\(record.hex)"
        try store.appendAudit(
            [AuditRecord(
                event: .receipt, action: .create, time: Int64(wallMillis), worker: certificate.worker, role: certificate.role.rawValue,
                purpose: Messages.Client.purposeReceipt, organisation: profile.organisation.id.hex,
                organisationName: profile.organisation.name, device: profile.device.hex, family: grant.family.hex, sections: [section],
                basis: basis, recipient: granter.organisation.hex, recipientName: granter.organisationName,
                detail: Messages.Client.receivedFrom(granter.organisationName))],
            author: profile.author)
    }

    /// A colleague's certificate from the server, verified against this organisation's key.
    public func colleague(_ device: DeviceID) async throws -> DeviceCertificate {
        var report = SyncReport()
        try await register(&report)
        return try await certificate(of: device, &report)
    }

    /// Sends an organisation's signed revocation of a device.
    public static func revoke(_ notice: RevocationNotice, server: URL) async throws {
        var request = URLRequest(url: URL(string: "/v1/revocations", relativeTo: server)!)
        request.httpMethod = "POST"
        request.httpBody = try JSONEncoder().encode(notice)
        _ = try await ServerConnection.perform(request, server: server)
    }

    /// A device's certificate, from the local cache or the server, verified against the key of its organisation:
    /// this device's own, or a partner pinned with `nazorg partner add`.
    func certificate(of device: DeviceID, _ report: inout SyncReport) async throws -> DeviceCertificate {
        if device == profile.device, let own = profile.certificate { return own }
        if let json = try store.knownDevices()[device], let cached = try? JSONDecoder().decode(DeviceCertificate.self, from: Data(json.utf8)) {
            return cached
        }
        let reply = try await connection.send("GET", "/v1/devices/\(device.hex)")
        report.roundTrips += 1
        guard let certificate = try? JSONDecoder().decode(DeviceCertificate.self, from: reply.body), certificate.device == device else {
            throw ClientError(.network, Messages.Client.deviceProblem(device.short, Messages.Client.serverAnswerMalformed(.certificate)))
        }
        guard let organisation = try profile.trustedOrganisation(certificate.organisation) else {
            throw ClientError(
                .badCertificate,
                Messages.Client.deviceOfUnknownOrganisation(device.short, organisation: certificate.organisation.short))
        }
        do {
            try certificate.verify(by: organisation, at: Date(timeIntervalSince1970: TimeInterval(certificate.validFrom)))
        } catch let error as SyncError {
            throw ClientError(.badCertificate, Messages.Client.deviceProblem(device.short, error.message))
        }
        try store.remember(deviceCertificate: String(decoding: reply.body, as: UTF8.self), for: device)
        return certificate
    }

    /// Compares each section's digest with the server's; re-pushes sections the server holds less of, and returns
    /// those it holds more of (to fetch again whole: a change this device once refused may be served right now).
    private func repair(_ report: inout SyncReport) async throws -> Set<DivergedSection> {
        var requeued = 0
        var behind: Set<DivergedSection> = []
        for family in try store.families() {
            for tag in Set(try store.sectionKeys(family).map(\.tag)) {
                let local = try store.digest(family: family, tag: tag)
                let reply = try await connection.send("GET", "/v1/digest?family=\(family.hex)&tag=\(tag.hex)")
                report.roundTrips += 1
                guard let answer = try? JSONDecoder().decode(DigestAnswer.self, from: reply.body) else {
                    throw ClientError(.network, Messages.Client.serverAnswerMalformed(.digest))
                }
                let remote = answer.count
                guard answer.hash != local.hash.hexEncoded else { continue }
                if remote < local.count, local.count > 0 { requeued += try store.requeue(family: family, tag: tag) }
                if remote > local.count { behind.insert(DivergedSection(family: family, tag: tag)) }
            }
        }
        if requeued > 0 {
            // Grants too: the server may have lost the creator grants that give this device write access.
            try reissueCreatorGrants()
            report.repaired = requeued
            try await push(&report)
        }
        return behind
    }

    // MARK: Divergence

    /// Fetches `sections` again whole (a damaged copy the server served once may be served correctly now) and
    /// keeps the sections where a change is still refused; each such change is reported by id, at every sync,
    /// until it applies — never a silent stop. Sections this device cannot fetch stay on the list.
    private func refetch(_ sections: Set<DivergedSection>, _ report: inout SyncReport) async throws {
        var unreachable: Set<DivergedSection> = []
        for section in sections.sorted() {
            do {
                try await backfill(family: section.family, tag: section.tag, until: RequestQuery.maxCursor, &report)
            } catch let error as ClientError where error.code != .network {
                unreachable.insert(section)
            }
        }
        let still = Set(report.refusedChanges.values.map(\.section)).union(unreachable)
        if still != (try state.divergedSections()) { try state.setDivergedSections(still) }
        for (id, refusal) in report.refusedChanges.sorted(by: { $0.key.hexEncoded < $1.key.hexEncoded }) {
            report.refusedLocally.append(Messages.Client.refusedChange(id.prefix(8).hexEncoded, refusal.message))
        }
        report.divergedSections = still.count
    }

    private func reissueCreatorGrants() throws {
        var grants: [KeyGrant] = []
        for family in try store.families() {
            let secret = try store.familySecret(family)
            for key in try store.sectionKeys(family) {
                grants.append(try profile.grant(key, of: family, familySecret: secret, basis: .creator))
            }
        }
        try store.queue(grants: grants)
    }
}

/// A section where this device refused a change the server served.
struct DivergedSection: Hashable, Codable, Comparable, Sendable {
    var family: FamilyID
    var tag: ID128

    static func < (a: Self, b: Self) -> Bool { (a.family, a.tag) < (b.family, b.tag) }
}

import NazorgMessages
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import NazorgCrypto
import NazorgSync

/// The `/v1` routes: device registration, revocation, push, pull, digest. Every request but revocation is
/// a signed request of a registered, unrevoked device with a valid certificate.
struct SyncController: Sendable {
    let storage: any SyncStorage
    let limits: ServerLimits
    let now: @Sendable () -> Date
    let rateLimiter: RateLimiter

    var authenticator: DeviceAuthenticator {
        DeviceAuthenticator(storage: storage, limits: limits, now: now, rateLimiter: rateLimiter)
    }

    func addRoutes(to router: Router<SyncRequestContext>) {
        // Open routes: registration is signed by the certificate it registers, a revocation by the organisation.
        let open = router.group("v1")
        open.post("devices") { request, context in try await self.registerDevice(request, context) }
        open.post("revocations") { request, context in try await self.revoke(request, context) }
        // Every other route is reached only through the authenticator (`AuthenticatedContext` cannot be made
        // without an authenticated device).
        let v1 = router.group("v1").add(middleware: authenticator).group(context: AuthenticatedContext.self)
        v1.get("devices/:id") { request, context in try await self.device(request, context) }
        v1.post("push") { request, context in try await self.push(request, context) }
        v1.get("pull") { request, context in try await self.pull(request, context) }
        v1.get("digest") { request, context in try await self.digest(request, context) }
        v1.get("organisations/:id/devices") { request, context in try await self.organisationDevices(request, context) }
        v1.get("access") { request, context in try await self.access(request, context) }
        v1.get("rotations") { request, context in try await self.rotations(request, context) }
        addAuditRoutes(to: v1)
        addMailboxRoutes(to: v1)
    }

    /// The request's query, parsed and range-checked once (`RequestQuery`); bad parameters are a 400.
    func query(_ request: Request) throws -> RequestQuery {
        do { return try RequestQuery(request.uri.query) } catch let error as SyncError { throw ServerError.malformed(error.message) }
    }

    /// Runs a parameter check; its `SyncError` becomes a 400.
    func checked<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as SyncError { throw ServerError.malformed(error.message) }
    }

    // MARK: Devices

    private func registerDevice(_ request: Request, _ context: SyncRequestContext) async throws -> Response {
        // Unauthenticated until the certificate in the body is read: the body is small and read once.
        let claim = try DeviceAuthenticator.claim(request)
        let data = try await DeviceAuthenticator.body(of: request, claim: claim, limit: limits.maxRegistrationBytes)
        guard let certificate = try? JSONDecoder().decode(DeviceCertificate.self, from: data) else {
            throw ServerError.malformed(Messages.Server.notACertificate)
        }
        // A device registers its own certificate only: the one whose key signs this request (and is verified).
        guard certificate.device == claim.device else {
            throw ServerError.forbidden(Messages.Server.registersOwnCertificate(certificate.device.short))
        }
        _ = try authenticator.authenticate(claim, method: request.method.rawValue, path: request.uri.description, registering: certificate)
        switch try storage.registerDevice(certificate) {
        case .boundElsewhere:
            throw ServerError(
                .conflict, "device-bound",
                Messages.Server.deviceBoundElsewhere(certificate.device.short))
        case .registered, .renewed:
            break
        }
        context.logger.info("\(Messages.Server.deviceRegistered)", metadata: ["device": "\(certificate.device.short)", "role": "\(certificate.role.rawValue)"])
        return try encoded(DeviceAnswer(device: certificate.device.hex, status: .registered), status: .created)
    }

    private func device(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        // A device of another organisation is looked up to check the signature on a share it made: it gets the
        // keys, role and organisation, not the worker's name. Ids are bound to keys.
        guard let id = context.parameters.get("id").flatMap(ID128.init(hex:)), let record = try storage.device(id)
        else { throw ServerError.notFound(Messages.Server.noSuchDevice) }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let certificate = Self.visible(record.certificate, to: context.device)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(certificate))))
    }

    /// What a device sees of a certificate: another organisation's worker names are withheld (the keys, role and
    /// organisation still verify); a handover bundle carries its sender's name itself.
    static func visible(_ certificate: DeviceCertificate, to caller: DeviceRecord) -> DeviceCertificate {
        certificate.organisation == caller.certificate.organisation ? certificate : certificate.withholdingWorker
    }

    private func revoke(_ request: Request, _ context: SyncRequestContext) async throws -> Response {
        let data = try await DeviceAuthenticator.read(request, limit: 16 << 10)
        guard let notice = try? JSONDecoder().decode(RevocationNotice.self, from: data) else {
            throw ServerError.malformed(Messages.Server.notARevocation)
        }
        guard let organisation = try storage.organisation(notice.organisation) else {
            throw ServerError.forbidden(Messages.Server.organisationNotRegistered(notice.organisation.short))
        }
        do { try notice.verify(by: organisation) } catch { throw ServerError.forbidden(Messages.Server.revocationNotSigned(organisation.id.short)) }
        guard let device = try storage.device(notice.device), device.certificate.organisation == organisation.id else {
            throw ServerError.notFound(Messages.Server.deviceNotOfOrganisation(notice.device.short))
        }
        try storage.revoke(notice.device, at: notice.revokedAt)
        context.logger.notice("\(Messages.Server.deviceRevokedLog)", metadata: ["device": "\(notice.device.short)"])
        return try encoded(DeviceAnswer(device: notice.device.hex, status: .revoked))
    }

    // MARK: Push, pull, digest

    private func push(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let data = context.body
        let me = context.device
        let batch: SyncBatch
        do {
            batch = try SyncBatch(decoding: data)
        } catch let error as SyncError {
            throw ServerError.malformed(error.message)
        }
        guard batch.items.count <= limits.maxBatchItems else {
            throw ServerError(.contentTooLarge, "too-large", Messages.Server.pushTooLarge(limits.maxBatchItems))
        }
        let pusher = PushHandler(storage: storage, me: me, now: now())
        let results = pusher.handle(batch.items)
        for result in results { Counter(label: "nazorg_push_items_total", dimensions: [("status", result.status.rawValue)]).increment() }
        return try encoded(PushAnswer(results: results))
    }

    private func pull(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let me = context.device
        let query = try query(request)
        let (after, limit) = try checked { (try query.cursor("after"), try query.limit(default: 1000, maximum: limits.maxPullItems)) }
        let stored: [StoredItem]
        var ahead: [StoredItem] = []
        if query.has("family") || query.has("tag") {
            // One section's history, for a device that just received its key.
            let (family, tag, until) = try checked {
                (try query.requiredID("family"), try query.requiredID("tag"), try query.cursor("until", default: RequestQuery.maxCursor))
            }
            try requireAccess(me, family: family, tag: tag)
            stored = try storage.changes(for: me.certificate.device, family: family, tag: tag, after: after, until: until, limit: limit + 1)
        } else {
            stored = try storage.items(for: me.certificate.device, after: after, limit: limit + 1)
            // Grants further ahead go first, so keys arrive before the changes they open.
            let inPage = Set(stored.prefix(limit).map(\.sequence))
            ahead = try storage.grants(for: me.certificate.device, after: after, limit: 1000).filter { !inPage.contains($0.sequence) }
        }
        let page = stored.prefix(limit)
        var items: [SyncBatch.Item] = []
        for item in ahead + page {
            switch item.kind {
            case .change: items.append(.change(try SignedChange(bytes: item.bytes), sequence: item.sequence))
            case .grant: items.append(.grant(try KeyGrant(bytes: item.bytes), sequence: item.sequence))
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.nazorg.batch"
        headers[HTTPField.Name("Nazorg-Cursor")!] = String(page.last?.sequence ?? after)
        headers[HTTPField.Name("Nazorg-More")!] = stored.count > limit ? "1" : "0"
        headers[HTTPField.Name("Nazorg-Head")!] = String(try storage.head())
        // On the last page: a revoked device still holds the newest epoch of a section this device may write, so it
        // re-keys it (GET /v1/rotations).
        let nowMillis = Int64(now().timeIntervalSince1970 * 1000)
        if stored.count <= limit, try !storage.sectionsToRotate(writableBy: me.certificate.device, now: nowMillis, limit: 1).isEmpty {
            headers[HTTPField.Name("Nazorg-Rotate")!] = "1"
        }
        // The newest of this device's share-log entries the log holds: a device that was proved more finds a drop
        // at its next sync, not only at its next entry (`docs/share-log.md`).
        headers[HTTPField.Name("Nazorg-Log-Sequence")!] = String(
            try storage.lastAuditSequence(organisation: me.certificate.organisation, device: me.certificate.device))
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: SyncBatch(items: items).encoded())))
    }

    private func digest(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let me = context.device
        let query = try query(request)
        let (family, tag) = try checked { (try query.requiredID("family"), try query.requiredID("tag")) }
        try requireAccess(me, family: family, tag: tag)
        let digest = try storage.digest(family: family, tag: tag)
        return try encoded(DigestAnswer(count: digest.count, hash: digest.hash.hexEncoded))
    }

    /// The certified, unrevoked worker and admin devices of an organisation: the devices a share reaches. The
    /// sharing client verifies every certificate against the recipient organisation's key it holds itself.
    private func organisationDevices(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let me = context.device
        guard let id = context.parameters.get("id").flatMap(ID128.init(hex:)) else {
            throw ServerError.malformed(Messages.Server.organisationIDFormat)
        }
        guard try storage.organisation(id) != nil else { throw ServerError.notFound(Messages.Server.organisationNotRegistered(id.short)) }
        // The privacy officers' devices (to seal share-log entries to) are listed only within the organisation.
        let officers = try query(request).text("role") == DeviceRole.privacyOfficer.rawValue
        if officers && id != me.certificate.organisation {
            throw ServerError.forbidden(Messages.Server.officersOwnOnly)
        }
        let nowMillis = Int64(now().timeIntervalSince1970 * 1000)
        let certificates = try storage.devices(of: id).filter { record in
            record.revokedAt.map { $0 > nowMillis } ?? true
        }.map { Self.visible($0.certificate, to: me) }.filter { ($0.role == .privacyOfficer) == officers }
        return try encoded(DeviceList(devices: certificates))
    }

    /// Who holds which key epoch of a section (`tag` given) or of every section of a family (no `tag`), for a
    /// device that may write it: to re-key after a withdrawal or revocation, and to give colleagues a new section.
    /// Revoked devices are no holders: a new key is never granted to them.
    private func access(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let me = context.device
        let query = try query(request)
        let (family, tag) = try checked { (try query.requiredID("family"), try query.id("tag")) }
        let all: [(tag: ID128, access: SectionAccess)] =
            if let tag { try storage.holders(family: family, tag: tag).map { (tag, $0) } } else { try storage.holders(family: family) }
        guard all.contains(where: { $0.access.device == me.certificate.device && $0.access.writable }) else {
            throw ServerError.forbidden(Messages.Server.holdersWritersOnly)
        }
        let nowMillis = Int64(now().timeIntervalSince1970 * 1000)
        var revoked: [DeviceID: Bool] = [:]
        for device in Set(all.map(\.access.device)) {
            let record = try storage.device(device)
            revoked[device] = record == nil || record!.revokedAt.map { $0 <= nowMillis } == true
        }
        let holders = all.filter { revoked[$0.access.device] == false }.map {
            SectionHolders.Holder(tag: $0.tag, device: $0.access.device, epoch: $0.access.epoch, writable: $0.access.writable)
        }
        return try encoded(SectionHolders(holders: holders))
    }

    /// The sections this device may write whose newest epoch a revoked device holds: the device starts a new
    /// epoch for each at its next sync (`docs/sync-protocol.md`, "Revocation").
    private func rotations(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let sections = try storage.sectionsToRotate(
            writableBy: context.device.certificate.device, now: Int64(now().timeIntervalSince1970 * 1000), limit: limits.maxPullItems)
        return try encoded(SectionRotations(sections: sections))
    }

    private func requireAccess(_ me: DeviceRecord, family: FamilyID, tag: ID128) throws {
        guard try storage.holders(family: family, tag: tag).contains(where: { $0.device == me.certificate.device }) else {
            throw ServerError.forbidden(Messages.Server.noGrantForSection)
        }
    }

    func encoded(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

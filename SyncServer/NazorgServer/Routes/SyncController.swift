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

    func addRoutes(to router: Router<BasicRequestContext>) {
        let v1 = router.group("v1")
        v1.post("devices") { request, context in try await self.registerDevice(request, context) }
        v1.get("devices/:id") { request, context in try await self.device(request, context) }
        v1.post("revocations") { request, context in try await self.revoke(request, context) }
        v1.post("push") { request, context in try await self.push(request, context) }
        v1.get("pull") { request, context in try await self.pull(request, context) }
        v1.get("digest") { request, context in try await self.digest(request, context) }
        v1.get("organisations/:id/devices") { request, context in try await self.organisationDevices(request, context) }
        v1.get("access") { request, context in try await self.access(request, context) }
        addAuditRoutes(to: v1)
        addMailboxRoutes(to: v1)
    }

    // MARK: Authentication

    func body(_ request: Request, limit: Int) async throws -> Data {
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        } catch is ServerError {
            throw ServerError(.contentTooLarge, "too-large", "the request body exceeds \(limit) bytes")
        } catch {
            throw ServerError(.contentTooLarge, "too-large", "the request body exceeds \(limit) bytes or was cut off")
        }
    }

    /// Checks a signed request; `registering` is the certificate being registered by this very request.
    func authenticate(_ request: Request, body: Data, registering: DeviceCertificate? = nil) throws -> DeviceRecord {
        let claim: RequestSignature.Claim
        do {
            claim = try RequestSignature.Claim { name in HTTPField.Name(name).flatMap { request.headers[$0] } }
        } catch let error as SyncError {
            throw ServerError.unauthenticated(error.message)
        }
        let (device, time, nonce) = (claim.device, claim.time, claim.nonce)
        let nowMillis = Int64(now().timeIntervalSince1970 * 1000)
        guard abs(nowMillis - time) <= RequestSignature.maxSkewMillis else {
            throw ServerError.unauthenticated("the request time is \(abs(nowMillis - time) / 1000) s off the server's clock; check the device clock")
        }
        let record: DeviceRecord
        if let registering, registering.device == device {
            record = DeviceRecord(certificate: registering, revokedAt: try storage.device(device)?.revokedAt)
        } else if let stored = try storage.device(device) {
            record = stored
        } else {
            throw ServerError.unauthenticated("device \(device.short) is not registered; register its certificate first")
        }
        if let revokedAt = record.revokedAt, revokedAt <= nowMillis {
            throw ServerError(.unauthorized, "revoked", "device \(device.short) was revoked by its organisation")
        }
        guard let organisation = try storage.organisation(record.certificate.organisation) else {
            throw ServerError.unauthenticated("the organisation of device \(device.short) is not registered on this server")
        }
        do {
            try record.certificate.verify(by: organisation, at: now())
        } catch let error as SyncError {
            throw ServerError.unauthenticated(error.message)
        }
        guard claim.verifies(method: request.method.rawValue, path: request.uri.description, body: body, publicKey: record.certificate.signingKey) else {
            throw ServerError.unauthenticated("the request signature does not verify for device \(device.short)")
        }
        guard try storage.useNonce(device: device, nonce: nonce, time: time, forgetBefore: nowMillis - 2 * RequestSignature.maxSkewMillis) else {
            throw ServerError.unauthenticated("replayed request: this nonce was used before")
        }
        guard rateLimiter.allow(device, now: now()) else {
            throw ServerError(.tooManyRequests, "rate-limited", "device \(device.short) sends too many requests; retry in a second")
        }
        return record
    }

    // MARK: Devices

    private func registerDevice(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let data = try await body(request, limit: 64 << 10)
        guard let certificate = try? JSONDecoder().decode(DeviceCertificate.self, from: data) else {
            throw ServerError.malformed("the body is not a device certificate (JSON)")
        }
        _ = try authenticate(request, body: data, registering: certificate)
        try storage.registerDevice(certificate)
        context.logger.info("device registered", metadata: ["device": "\(certificate.device.short)", "role": "\(certificate.role.rawValue)"])
        return try json(["device": certificate.device.hex, "status": "registered"], status: .created)
    }

    private func device(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        // Certificates are public (keys, role, organisation, the worker's name as staff); a device of another
        // organisation is looked up to check the signature on a share it made. Ids are random, not guessable.
        _ = try authenticate(request, body: try await body(request, limit: 0))
        guard let id = context.parameters.get("id").flatMap(ID128.init(hex:)), let record = try storage.device(id)
        else { throw ServerError.notFound("no such device") }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(record.certificate))))
    }

    private func revoke(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let data = try await body(request, limit: 16 << 10)
        guard let notice = try? JSONDecoder().decode(RevocationNotice.self, from: data) else {
            throw ServerError.malformed("the body is not a revocation notice (JSON)")
        }
        guard let organisation = try storage.organisation(notice.organisation) else {
            throw ServerError.forbidden("organisation \(notice.organisation.short) is not registered on this server")
        }
        do { try notice.verify(by: organisation) } catch { throw ServerError.forbidden("the revocation is not signed by organisation \(organisation.id.short)") }
        guard let device = try storage.device(notice.device), device.certificate.organisation == organisation.id else {
            throw ServerError.notFound("device \(notice.device.short) is not registered for this organisation")
        }
        try storage.revoke(notice.device, at: notice.revokedAt)
        context.logger.notice("device revoked", metadata: ["device": "\(notice.device.short)"])
        return try json(["device": notice.device.hex, "status": "revoked"], status: .ok)
    }

    // MARK: Push, pull, digest

    private func push(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let data = try await body(request, limit: limits.maxBodyBytes)
        let me = try authenticate(request, body: data)
        let batch: SyncBatch
        do {
            batch = try SyncBatch(decoding: data)
        } catch let error as SyncError {
            throw ServerError.malformed(error.message)
        }
        guard batch.items.count <= limits.maxBatchItems else {
            throw ServerError(.contentTooLarge, "too-large", "a push holds at most \(limits.maxBatchItems) items")
        }
        let pusher = PushHandler(storage: storage, me: me, now: now())
        let results = pusher.handle(batch.items)
        for result in results { Counter(label: "nazorg_push_items_total", dimensions: [("status", result.status)]).increment() }
        let encoded = try JSONEncoder().encode(["results": results])
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: encoded)))
    }

    private func pull(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let me = try authenticate(request, body: try await body(request, limit: 0))
        let query = request.uri.queryParameters
        guard let after = UInt64(query.get("after") ?? "0") else { throw ServerError.malformed("after must be a cursor (a whole number)") }
        let limit = min(max(Int(query.get("limit") ?? "") ?? 1000, 1), limits.maxPullItems)
        let stored: [StoredItem]
        var ahead: [StoredItem] = []
        if query.get("family") != nil || query.get("tag") != nil {
            // One section's history, for a device that just received its key.
            guard let family = query.get("family").flatMap(ID128.init(hex:)), let tag = query.get("tag").flatMap(ID128.init(hex:)) else {
                throw ServerError.malformed("a section pull needs family and tag (32 hex digits each)")
            }
            try requireAccess(me, family: family, tag: tag)
            let until = UInt64(query.get("until") ?? "") ?? UInt64(Int64.max)
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
            case 1: items.append(.change(try SignedChange(bytes: item.bytes), sequence: item.sequence))
            default: items.append(.grant(try KeyGrant(bytes: item.bytes), sequence: item.sequence))
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.nazorg.batch"
        headers[HTTPField.Name("Nazorg-Cursor")!] = String(page.last?.sequence ?? after)
        headers[HTTPField.Name("Nazorg-More")!] = stored.count > limit ? "1" : "0"
        headers[HTTPField.Name("Nazorg-Head")!] = String(try storage.head())
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: SyncBatch(items: items).encoded())))
    }

    private func digest(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let me = try authenticate(request, body: try await body(request, limit: 0))
        let query = request.uri.queryParameters
        guard let family = query.get("family").flatMap(ID128.init(hex:)), let tag = query.get("tag").flatMap(ID128.init(hex:)) else {
            throw ServerError.malformed("digest needs family and tag (32 hex digits each)")
        }
        try requireAccess(me, family: family, tag: tag)
        let digest = try storage.digest(family: family, tag: tag)
        return try json(["count": String(digest.count), "hash": digest.hash.hexEncoded], status: .ok)
    }

    /// The certified, unrevoked worker and admin devices of an organisation: the devices a share reaches. The
    /// sharing client verifies every certificate against the recipient organisation's key it holds itself.
    private func organisationDevices(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let me = try authenticate(request, body: try await body(request, limit: 0))
        guard let id = context.parameters.get("id").flatMap(ID128.init(hex:)) else {
            throw ServerError.malformed("an organisation id is 32 hex digits")
        }
        guard try storage.organisation(id) != nil else { throw ServerError.notFound("organisation \(id.short) is not registered on this server") }
        // The privacy officers' devices (to seal share-log entries to) are listed only within the organisation.
        let officers = request.uri.queryParameters.get("role") == DeviceRole.privacyOfficer.rawValue
        if officers && id != me.certificate.organisation {
            throw ServerError.forbidden("only an organisation's own devices see its privacy officers")
        }
        let nowMillis = Int64(now().timeIntervalSince1970 * 1000)
        let certificates = try storage.devices(of: id).filter { record in
            record.revokedAt.map { $0 > nowMillis } ?? true
        }.map(\.certificate).filter { ($0.role == .privacyOfficer) == officers }
        return try encoded(["devices": certificates])
    }

    /// Who holds which key epoch of a section, for a device that may write it (to re-key after a withdrawal).
    private func access(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let me = try authenticate(request, body: try await body(request, limit: 0))
        let query = request.uri.queryParameters
        guard let family = query.get("family").flatMap(ID128.init(hex:)), let tag = query.get("tag").flatMap(ID128.init(hex:)) else {
            throw ServerError.malformed("access needs family and tag (32 hex digits each)")
        }
        let holders = try storage.holders(family: family, tag: tag)
        guard holders.contains(where: { $0.device == me.certificate.device && $0.writable }) else {
            throw ServerError.forbidden("only a device that may write the section sees who holds it")
        }
        struct Holder: Encodable {
            var device: String
            var epoch: UInt32
            var writable: Bool
        }
        return try encoded(["holders": holders.map { Holder(device: $0.device.hex, epoch: $0.epoch, writable: $0.writable) }])
    }

    private func requireAccess(_ me: DeviceRecord, family: FamilyID, tag: ID128) throws {
        guard try storage.holders(family: family, tag: tag).contains(where: { $0.device == me.certificate.device }) else {
            throw ServerError.forbidden("this device holds no grant for that section")
        }
    }

    func encoded(_ value: some Encodable) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    private func json(_ object: [String: String], status: HTTPResponse.Status) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

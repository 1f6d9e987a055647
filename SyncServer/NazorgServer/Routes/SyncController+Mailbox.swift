import NazorgMessages
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NazorgSync

/// The mailbox routes: a worker posts a sealed handover bundle to another organisation, that organisation's
/// devices list and fetch it, and post a signed receipt back. The server reads only the bundle's clear header
/// (who to, from whom, which devices can open it) and checks it against the sending device and the registry.
extension SyncController {
    func addMailboxRoutes(to v1: RouterGroup<AuthenticatedContext>) {
        v1.post("mailbox/bundles") { request, context in try await self.postBundle(request, context) }
        v1.post("mailbox/receipts") { request, context in try await self.postReceipt(request, context) }
        v1.get("mailbox") { request, context in try await self.listMail(request, context) }
        v1.get("mailbox/bundles/:id") { request, context in try await self.fetchMail(.bundle, request, context) }
        v1.get("mailbox/receipts/:id") { request, context in try await self.fetchMail(.receipt, request, context) }
    }

    /// Bundles and receipts are a worker's business: a privacy officer's device neither sends nor reads them.
    private func requireWorker(_ me: DeviceRecord) throws {
        guard me.certificate.role == .worker || me.certificate.role == .admin else {
            throw ServerError.forbidden(Messages.Server.roleHasNoMailbox(me.certificate.role.label))
        }
    }

    private func postBundle(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let data = try context.body(limit: HandoverEnvelope.maxByteCount)
        let me = context.device
        try requireWorker(me)
        let header: HandoverEnvelope.Header
        do { header = try HandoverEnvelope.header(of: data) } catch let error as SyncError { throw ServerError.malformed(error.message) }
        guard header.sender == me.certificate.organisation, header.senderDevice == me.certificate.device else {
            throw ServerError.forbidden(Messages.Server.bundleOtherSender)
        }
        guard header.recipient != me.certificate.organisation else {
            throw ServerError.malformed(Messages.Server.bundleToOwnOrganisation)
        }
        guard try storage.organisation(header.recipient) != nil else {
            throw ServerError.notFound(Messages.Server.organisationNotRegistered(header.recipient.short))
        }
        let registered = Set(try storage.devices(of: header.recipient).map(\.certificate.device))
        if let stranger = header.devices.first(where: { !registered.contains($0) }) {
            throw ServerError.malformed(Messages.Server.bundleSealedToStranger(stranger.short))
        }
        let item = MailItem(
            kind: .bundle, id: header.bundle, recipient: header.recipient, sender: header.sender, senderDevice: header.senderDevice,
            received: Int64(now().timeIntervalSince1970 * 1000), bytes: data)
        return try posted(item, context)
    }

    private func postReceipt(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let data = try context.body(limit: 64 << 10)
        let me = context.device
        try requireWorker(me)
        guard let receipt = try? JSONDecoder().decode(HandoverReceipt.self, from: data) else {
            throw ServerError.malformed(Messages.Server.notAReceipt)
        }
        do { try receipt.verifySignature() } catch let error as SyncError { throw ServerError.malformed(error.message) }
        guard receipt.certificate.device == me.certificate.device, receipt.receiver == me.certificate.organisation else {
            throw ServerError.forbidden(Messages.Server.receiptSignedByPoster)
        }
        // A bundle that came through the mailbox must have been addressed to this organisation by the receipt's
        // addressee; one carried as a file is unknown here, and the sender checks the receipt against what it sent.
        if let bundle = try storage.mailItem(.bundle, id: receipt.bundle),
            bundle.recipient != me.certificate.organisation || bundle.sender != receipt.sender
        {
            throw ServerError.notFound(Messages.Server.noBundleFrom(receipt.bundle.short, sender: receipt.sender.short))
        }
        guard receipt.sender != me.certificate.organisation, try storage.organisation(receipt.sender) != nil else {
            throw ServerError.notFound(Messages.Server.organisationNotRegistered(receipt.sender.short))
        }
        let item = MailItem(
            kind: .receipt, id: receipt.bundle, recipient: receipt.sender, sender: me.certificate.organisation,
            senderDevice: me.certificate.device, received: Int64(now().timeIntervalSince1970 * 1000), bytes: data)
        return try posted(item, context)
    }

    private func posted(_ item: MailItem, _ context: AuthenticatedContext) throws -> Response {
        switch try storage.postMail(item) {
        case .conflict:
            throw ServerError(.conflict, "conflict", Messages.Server.itemHeldWithOtherBytes(isBundle: item.kind == .bundle, item.id.short))
        case .duplicate:
            return try encoded(MailboxPostAnswer(id: item.id.hex, status: .duplicate))
        case .stored:
            context.logger.info(
                "\(Messages.Server.mailStored)",
                metadata: ["kind": "\(item.kind == .bundle ? "bundle" : "receipt")", "to": "\(item.recipient.short)", "bytes": "\(item.size)"])
            return try encoded(MailboxPostAnswer(id: item.id.hex, status: .stored), status: .created)
        }
    }

    private func listMail(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let me = context.device
        try requireWorker(me)
        let after = try checked { try query(request).cursor("after") }
        let items = try storage.mail(for: me.certificate.organisation, after: after, limit: 1000).map {
            MailboxEntry(
                sequence: $0.sequence, kind: $0.kind == .bundle ? .bundle : .receipt, id: $0.id.hex, sender: $0.sender.hex,
                senderDevice: $0.senderDevice.hex, received: $0.received, size: $0.size)
        }
        return try encoded(MailboxListing(items: items))
    }

    private func fetchMail(_ kind: MailItem.Kind, _ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let me = context.device
        try requireWorker(me)
        guard let id = context.parameters.get("id").flatMap(ID128.init(hex:)) else {
            throw ServerError.malformed(Messages.Server.bundleIDFormat)
        }
        // Another organisation's mail is answered as absent: its existence is not for this device to learn.
        guard let item = try storage.mailItem(kind, id: id), item.recipient == me.certificate.organisation else {
            throw ServerError.notFound(Messages.Server.noItem(isBundle: kind == .bundle, id.short))
        }
        var headers = HTTPFields()
        headers[.contentType] = kind == .bundle ? "application/vnd.nazorg.handover" : "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: item.bytes)))
    }
}

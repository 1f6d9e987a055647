import Foundation
import NazorgSync

/// The answer for one pushed item.
struct PushResult: Codable, Sendable, Hashable {
    /// Change or grant id, hex.
    var id: String
    /// `change` or `grant`.
    var kind: String
    /// `accepted`, `duplicate` or `rejected`.
    var status: String
    /// Why it was rejected.
    var reason: String?
    /// The server sequence number it is stored under.
    var sequence: UInt64?
}

/// Checks and stores pushed items one by one: each is accepted, a duplicate, or rejected with a reason,
/// and a rejected item leaves nothing behind.
struct PushHandler {
    let storage: any SyncStorage
    let me: DeviceRecord
    let now: Date

    func handle(_ item: SyncBatch.Item) -> PushResult {
        switch item {
        case .change(let change, _):
            return result(id: change.id, kind: "change") { try storeChange(change) }
        case .grant(let grant, _):
            return result(id: grant.id, kind: "grant") { try storeGrant(grant) }
        }
    }

    private struct Rejection: Error {
        var reason: String
    }

    private func result(id: Data, kind: String, _ body: () throws -> StoreOutcome) -> PushResult {
        let hex = id.map { String(format: "%02x", $0) }.joined()
        do {
            switch try body() {
            case .stored(let seq): return PushResult(id: hex, kind: kind, status: "accepted", sequence: seq)
            case .duplicate(let seq): return PushResult(id: hex, kind: kind, status: "duplicate", sequence: seq)
            case .sequenceTaken:
                return PushResult(id: hex, kind: kind, status: "rejected", reason: "this author's sequence number in the section is already used by another change")
            }
        } catch let rejection as Rejection {
            return PushResult(id: hex, kind: kind, status: "rejected", reason: rejection.reason)
        } catch {
            return PushResult(id: hex, kind: kind, status: "rejected", reason: "the server could not store it; retry")
        }
    }

    private var device: DeviceID { me.certificate.device }

    private func storeChange(_ change: SignedChange) throws -> StoreOutcome {
        let h = change.header
        guard h.author == device else { throw Rejection(reason: "the change is signed by another device (\(h.author.short)); push only your own changes") }
        do { try change.verifySignature(authorKey: me.certificate.signingKey) } catch { throw Rejection(reason: "the change's signature does not verify") }
        guard try storage.hasAccess(device: device, family: h.family, tag: h.sectionTag) else {
            throw Rejection(reason: "this device holds no grant for the change's section")
        }
        let nowMillis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        guard h.last.millis <= nowMillis + HybridClock.defaultMaxDrift else {
            throw Rejection(reason: "the change is stamped \((h.last.millis - nowMillis) / 1000) s in the future; check the device clock")
        }
        return try storage.storeChange(change)
    }

    private func storeGrant(_ grant: KeyGrant) throws -> StoreOutcome {
        guard grant.granter == device else { throw Rejection(reason: "a device pushes only grants it signed itself") }
        do { try grant.verifySignature(granterKey: me.certificate.signingKey) } catch { throw Rejection(reason: "the grant's signature does not verify") }
        guard let recipient = try storage.device(grant.recipient) else {
            throw Rejection(reason: "the recipient device \(grant.recipient.short) is not registered on this server")
        }
        guard recipient.certificate.organisation == me.certificate.organisation else {
            throw Rejection(reason: "sharing with another organisation needs the client's consent or a safety override; not supported by this server version")
        }
        if recipient.revokedAt != nil { throw Rejection(reason: "the recipient device \(grant.recipient.short) is revoked") }
        let holds = try storage.hasAccess(device: device, family: grant.family, tag: grant.tag)
        switch grant.basis {
        case .creator:
            guard grant.recipient == device else { throw Rejection(reason: "a creator grant is addressed to its own granter") }
            let exists = try storage.sectionExists(family: grant.family, tag: grant.tag)
            guard holds || !exists else {
                throw Rejection(reason: "the section exists already; ask a device that holds it for a grant")
            }
        case .ownOrganisation:
            guard holds else { throw Rejection(reason: "this device holds no grant for the section it tries to share") }
        }
        return try storage.storeGrant(grant)
    }
}

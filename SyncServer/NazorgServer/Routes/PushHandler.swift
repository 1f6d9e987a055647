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

    /// Checks every item, then stores the accepted ones in one transaction. Grants earlier in the same push
    /// count for the items after them (a new section's creator grant, then its first changes).
    func handle(_ items: [SyncBatch.Item]) -> [PushResult] {
        var results: [PushResult?] = Array(repeating: nil, count: items.count)
        var valid: [(index: Int, item: SyncBatch.Item)] = []
        var granted = Set<String>()
        for (index, item) in items.enumerated() {
            do {
                switch item {
                case .change(let change, _): try check(change, granted: granted)
                case .grant(let grant, _):
                    try check(grant, granted: granted)
                    if grant.recipient == device { granted.insert(Self.key(grant.family, grant.tag)) }
                }
                valid.append((index, item))
            } catch let rejection as Rejection {
                results[index] = result(for: item, status: "rejected", reason: rejection.reason)
            } catch {
                results[index] = result(for: item, status: "rejected", reason: "the server could not check it; retry")
            }
        }
        do {
            let outcomes = try storage.store(valid.map(\.item))
            for ((index, item), outcome) in zip(valid, outcomes) {
                switch outcome {
                case .stored(let seq): results[index] = result(for: item, status: "accepted", sequence: seq)
                case .duplicate(let seq): results[index] = result(for: item, status: "duplicate", sequence: seq)
                case .sequenceTaken:
                    results[index] = result(
                        for: item, status: "rejected", reason: "this author's sequence number in the section is already used by another change")
                }
            }
        } catch {
            for (index, item) in valid { results[index] = result(for: item, status: "rejected", reason: "the server could not store it; retry") }
        }
        return results.map { $0! }
    }

    private struct Rejection: Error {
        var reason: String
    }

    private static func key(_ family: FamilyID, _ tag: ID128) -> String { family.hex + tag.hex }

    private func result(for item: SyncBatch.Item, status: String, reason: String? = nil, sequence: UInt64? = nil) -> PushResult {
        let (id, kind): (Data, String) =
            switch item {
            case .change(let change, _): (change.id, "change")
            case .grant(let grant, _): (grant.id, "grant")
            }
        return PushResult(
            id: id.hexEncoded, kind: kind, status: status, reason: reason, sequence: sequence)
    }

    private var device: DeviceID { me.certificate.device }

    private func check(_ change: SignedChange, granted: Set<String>) throws {
        let h = change.header
        guard h.author == device else { throw Rejection(reason: "the change is signed by another device (\(h.author.short)); push only your own changes") }
        do { try change.verifySignature(authorKey: me.certificate.signingKey) } catch { throw Rejection(reason: "the change's signature does not verify") }
        guard try granted.contains(Self.key(h.family, h.sectionTag)) || storage.hasAccess(device: device, family: h.family, tag: h.sectionTag) else {
            throw Rejection(reason: "this device holds no grant for the change's section")
        }
        let nowMillis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        guard h.last.millis <= nowMillis + HybridClock.defaultMaxDrift else {
            throw Rejection(reason: "the change is stamped \((h.last.millis - nowMillis) / 1000) s in the future; check the device clock")
        }
    }

    private func check(_ grant: KeyGrant, granted: Set<String>) throws {
        guard grant.granter == device else { throw Rejection(reason: "a device pushes only grants it signed itself") }
        do { try grant.verifySignature(granterKey: me.certificate.signingKey) } catch { throw Rejection(reason: "the grant's signature does not verify") }
        guard let recipient = try storage.device(grant.recipient) else {
            throw Rejection(reason: "the recipient device \(grant.recipient.short) is not registered on this server")
        }
        guard recipient.certificate.organisation == me.certificate.organisation else {
            throw Rejection(reason: "sharing with another organisation needs the client's consent or a safety override; not supported by this server version")
        }
        if recipient.revokedAt != nil { throw Rejection(reason: "the recipient device \(grant.recipient.short) is revoked") }
        let holds = try granted.contains(Self.key(grant.family, grant.tag)) || storage.hasAccess(device: device, family: grant.family, tag: grant.tag)
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
    }
}

import NazorgMessages
import Foundation
import NazorgSync

/// Checks and stores pushed items one by one: each is accepted, a duplicate, or rejected with a reason,
/// and a rejected item leaves nothing behind.
struct PushHandler {
    let storage: any SyncStorage
    let me: DeviceRecord
    let now: Date

    /// Checks every item, then stores the accepted ones in one transaction. Grants earlier in the same push
    /// count for the items after them (a new section's creator grant, then its first changes).
    func handle(_ items: [SyncBatch.Item]) -> [PushAnswer.Result] {
        var results: [PushAnswer.Result?] = Array(repeating: nil, count: items.count)
        var valid: [(index: Int, item: SyncBatch.Item)] = []
        var pushed = PushedAccess()
        // One owner lookup per family of the push, not per item (the push path runs for every change).
        var families = Set<FamilyID>()
        for item in items {
            switch item {
            case .change(let change, _): families.insert(change.header.family)
            case .grant(let grant, _): families.insert(grant.family)
            }
        }
        for family in families {
            // A failed lookup is not cached: the item's own check then fails and rejects it.
            do { pushed.owners[family] = .some(try storage.familyOwner(family)) } catch { continue }
        }
        for (index, item) in items.enumerated() {
            do {
                switch item {
                case .change(let change, _): try check(change, pushed: pushed)
                case .grant(let grant, _):
                    try check(grant, pushed: pushed)
                    if grant.recipient == device { pushed.writable.insert(Self.key(grant.family, grant.tag, grant.epoch)) }
                    pushed.latest[Self.key(grant.family, grant.tag)] = max(pushed.latest[Self.key(grant.family, grant.tag)] ?? 0, grant.epoch)
                }
                valid.append((index, item))
            } catch let rejection as Rejection {
                results[index] = result(for: item, status: .rejected, reason: rejection.reason, code: rejection.code)
            } catch {
                results[index] = result(for: item, status: .rejected, reason: Messages.Server.couldNotCheck)
            }
        }
        do {
            let outcomes = try storage.store(valid.map(\.item), organisation: me.certificate.organisation)
            for ((index, item), outcome) in zip(valid, outcomes) {
                switch outcome {
                case .stored(let seq): results[index] = result(for: item, status: .accepted, sequence: seq)
                case .duplicate(let seq): results[index] = result(for: item, status: .duplicate, sequence: seq)
                case .sequenceTaken:
                    results[index] = result(
                        for: item, status: .rejected, reason: Messages.Server.sequenceUsed)
                }
            }
        } catch {
            for (index, item) in valid { results[index] = result(for: item, status: .rejected, reason: Messages.Server.couldNotStore) }
        }
        return results.map { $0! }
    }

    private struct Rejection: Error {
        var reason: String
        var code: PushAnswer.Code? = nil
    }

    /// Access given by grants earlier in the same push.
    private struct PushedAccess {
        /// (family, tag, epoch) keys this device granted itself.
        var writable = Set<String>()
        /// Newest epoch per (family, tag) granted in this push.
        var latest: [String: UInt32] = [:]
        /// The owner organisation of each family the push names, as stored before it (nil: none yet).
        var owners: [FamilyID: ID128?] = [:]
    }

    private static func key(_ family: FamilyID, _ tag: ID128) -> String { family.hex + tag.hex }
    private static func key(_ family: FamilyID, _ tag: ID128, _ epoch: UInt32) -> String { family.hex + tag.hex + String(epoch) }

    /// Whether this device may write (and so re-grant) epoch `epoch` of a section.
    private func canWrite(_ family: FamilyID, _ tag: ID128, epoch: UInt32, pushed: PushedAccess) throws -> Bool {
        if pushed.writable.contains(Self.key(family, tag, epoch)) { return true }
        return try storage.canWrite(device: device, family: family, tag: tag, epoch: epoch)
    }

    private func result(
        for item: SyncBatch.Item, status: ItemStatus, reason: String? = nil, code: PushAnswer.Code? = nil, sequence: UInt64? = nil
    ) -> PushAnswer.Result {
        let (id, kind): (Data, ItemKind) =
            switch item {
            case .change(let change, _): (change.id, .change)
            case .grant(let grant, _): (grant.id, .grant)
            }
        return PushAnswer.Result(
            id: id.hexEncoded, kind: kind, status: status, reason: reason, code: code, sequence: sequence)
    }

    private var device: DeviceID { me.certificate.device }

    /// A family of another organisation is read-only here, whatever else the item says: its sections can be neither
    /// created, written, re-keyed nor shared by this device.
    private func requireOwnFamily(_ family: FamilyID, _ pushed: PushedAccess) throws {
        if let owner = try pushed.owners[family] ?? storage.familyOwner(family), owner != me.certificate.organisation {
            throw Rejection(reason: Messages.Server.familyOfOther)
        }
    }

    private func check(_ change: SignedChange, pushed: PushedAccess) throws {
        let h = change.header
        guard h.author == device else { throw Rejection(reason: Messages.Server.signedByOther(h.author.short)) }
        try requireOwnFamily(h.family, pushed)
        do { try change.verifySignature(authorKey: me.certificate.signingKey) } catch { throw Rejection(reason: Messages.Server.changeSignatureInvalid) }
        guard try canWrite(h.family, h.sectionTag, epoch: h.epoch, pushed: pushed) else {
            throw Rejection(
                reason: Messages.Server.noWriteGrant(epoch: h.epoch))
        }
        let nowMillis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        guard h.last.millis <= nowMillis + HybridClock.defaultMaxDrift else {
            throw Rejection(reason: Messages.Server.stampedInFuture(seconds: Int64(h.last.millis - nowMillis) / 1000))
        }
    }

    private func check(_ grant: KeyGrant, pushed: PushedAccess) throws {
        guard grant.granter == device else { throw Rejection(reason: Messages.Server.grantsOwnOnly) }
        try requireOwnFamily(grant.family, pushed)
        do { try grant.verifySignature(granterKey: me.certificate.signingKey) } catch { throw Rejection(reason: Messages.Server.grantSignatureInvalid) }
        guard let recipient = try storage.device(grant.recipient) else {
            throw Rejection(reason: Messages.Server.recipientNotRegistered(grant.recipient.short))
        }
        if recipient.revokedAt != nil {
            throw Rejection(reason: Messages.Server.recipientRevoked(grant.recipient.short), code: .recipientRevoked)
        }
        guard recipient.certificate.role != .privacyOfficer else {
            throw Rejection(reason: Messages.Server.officerNoSections)
        }
        let sameOrganisation = recipient.certificate.organisation == me.certificate.organisation
        let stored = try storage.latestEpoch(family: grant.family, tag: grant.tag)
        let latest = max(stored ?? 0, pushed.latest[Self.key(grant.family, grant.tag)] ?? 0)
        switch grant.basis {
        case .creator:
            guard grant.recipient == device else { throw Rejection(reason: Messages.Server.creatorGrantToSelf) }
            if stored == nil && pushed.latest[Self.key(grant.family, grant.tag)] == nil { return }
            // A new key epoch (after a withdrawal) is started by a device that may write the section.
            if try canWrite(grant.family, grant.tag, epoch: grant.epoch, pushed: pushed) { return }
            guard grant.epoch > latest, try canWrite(grant.family, grant.tag, epoch: latest, pushed: pushed) else {
                throw Rejection(reason: Messages.Server.sectionExists)
            }
        case .ownOrganisation:
            guard sameOrganisation else {
                throw Rejection(reason: Messages.Server.shareNeedsBasis)
            }
            guard try canWrite(grant.family, grant.tag, epoch: grant.epoch, pushed: pushed) else {
                throw Rejection(reason: Messages.Server.noGrantToShare)
            }
        case .consent, .safetyOverride:
            guard !sameOrganisation else { throw Rejection(reason: Messages.Server.colleagueNotShare) }
            guard try storage.organisation(recipient.certificate.organisation) != nil else {
                throw Rejection(reason: Messages.Server.recipientOrganisationUnknown)
            }
            guard try canWrite(grant.family, grant.tag, epoch: grant.epoch, pushed: pushed) else {
                throw Rejection(reason: Messages.Server.onlyOwnOrganisationShares)
            }
        }
    }
}

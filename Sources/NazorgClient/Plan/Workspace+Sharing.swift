import NazorgMessages
public import Foundation
import NazorgCrypto
public import NazorgModel
import NazorgStore
public import NazorgSync

/// What a share did.
public struct ShareOutcome: Sendable {
    /// The share record in the family's consent section.
    public var share: EntityID
    /// What it rests on.
    public var basis: ShareBasis.Kind
    /// The sections shared.
    public var sections: [Section]
    /// The recipient organisation's devices that received keys.
    public var devices: Int
    /// Key grants queued (sections × epochs × devices).
    public var grants: Int
}

/// A share as listed: its record, and whether it crossed a withdrawal it had not seen.
public struct ShareListing: Sendable {
    /// The share record.
    public var share: PlanEntity
    /// A withdrawal of its consent made concurrently: neither knew the other.
    public var concurrentWithdrawal: PlanEntity?
}

extension Workspace {
    /// Shares sections of a family with another organisation's devices, on one consent or safety override.
    ///
    /// The basis is checked against the plan as this device knows it (the share's causal past): it must name
    /// the recipient, cover every section and today, and not be withdrawn. The share record and the key grants
    /// (every held epoch of each section, to each device, naming the basis) are written in one transaction and
    /// go out with the next sync.
    public func share(
        _ family: FamilyID, with recipient: OrganisationInfo, sections sectionList: String, basis basisText: String,
        devices: [DeviceCertificate], secondDecision: String? = nil
    ) throws -> ShareOutcome {
        try requireOwnFamily(family)
        let plan = try plan(family)
        let sections = try self.sectionList(sectionList, in: plan)
        let basisEntity = try basisRecord(basisText, in: plan)
        try checkHighRisk(plan, basis: basisEntity, secondDecision: secondDecision)
        let basis = try ShareBasis.check(
            ShareRequest(recipient: recipient.id.hex, sections: sections, date: today, basis: basisEntity.id), in: plan)
        let recipients = try certifiedDevices(devices, of: recipient)
        let held = try profile.store.sectionKeys(family)
        var keys: [SectionKeyRecord] = []
        for section in sections {
            let epochs = held.filter { $0.name == section.name }
            guard !epochs.isEmpty else {
                throw ClientError(.refused, Messages.Client.nothingToShare(section.reference))
            }
            keys += epochs
        }
        let secret = try profile.store.familySecret(family)
        let (grantBasis, basisID): (KeyGrant.Basis, EntityID) =
            switch basis {
            case .consent(let id): (.consent, EntityID(hex: id)!)
            case .safetyOverride(let id, _): (.safetyOverride, EntityID(hex: id)!)
            }
        let grants = try recipients.flatMap { device in
            try keys.map { key in
                try profile.grant(key, of: family, familySecret: secret, to: (device.device, device.boxKey), basis: grantBasis, basisRecord: basisID)
            }
        }
        let values = try shareRecord(
            to: recipient, sections: sections, basis: basisEntity, devices: recipients.count, secondDecision: secondDecision, in: plan)
        let id = EntityID.random()
        let audit = auditRecord(
            .share, .transfer, family: family, sections: sections.map(\.name), basis: Self.basisName(basis),
            recipient: (recipient.id.hex, recipient.name), record: id.hex, detail: Messages.Client.devices(recipients.count),
            purpose: (basisEntity.kind == .consent ? basisEntity.text(ConsentField.purpose) ?? Messages.Client.purposeFollowUp : Messages.Client.purposeSafety))
        _ = try write(family: family, edits: [.create(.share, id: id, values: values, child: nil)], grants: grants, audit: [audit])
        return ShareOutcome(share: id, basis: basis, sections: sections, devices: recipients.count, grants: grants.count)
    }

    /// The family's shares, oldest first, each with a concurrent withdrawal if one crossed it.
    public func shares(_ family: FamilyID) throws -> [ShareListing] {
        let plan = try plan(family)
        let crossed = ShareBasis.concurrentWithdrawals(in: plan)
        return plan.all(.share).sorted { ($0.text(ShareField.date) ?? "", $0.id) < ($1.text(ShareField.date) ?? "", $1.id) }.map { share in
            ShareListing(share: share, concurrentWithdrawal: crossed.first { $0.share.id == share.id }?.withdrawal)
        }
    }

    /// The epoch after `epoch`; a section at the last epoch (a grant from elsewhere may claim any) cannot advance.
    static func epoch(after epoch: UInt32) throws -> UInt32 {
        let (next, overflow) = epoch.addingReportingOverflow(1)
        guard !overflow else { throw ClientError(
            .refused, Messages.Client.lastEpoch) }
        return next
    }

    /// Starts a new key epoch for each section of `family` whose newest key this device holds is one of `due` (the
    /// server's list after a revocation); the new keys go to every holder that keeps access at this sync. A section
    /// this device already moved past is left alone. Returns how many sections were re-keyed.
    func startNewEpochs(_ family: FamilyID, after due: Set<SectionEpochKey>) throws -> Int {
        guard try profile.store.familyOwner(family) == nil else { return 0 }
        let current = try latestKeys(family).filter { due.contains(SectionEpochKey(family: family, tag: $0.tag, epoch: $0.epoch)) }
        guard !current.isEmpty else { return 0 }
        let newEpochs = try current.map { SectionKeyRecord(tag: $0.tag, epoch: try Self.epoch(after: $0.epoch), name: $0.name, key: try .random()) }
        // No consent is withdrawn: every holder that still may read keeps access.
        let rekeys = newEpochs.map { Rekey(family: family, tag: $0.tag, epoch: $0.epoch, withdrawnBasis: ID128(high: 0, low: 0)) }
        _ = try write(family: family, edits: [], newEpochs: newEpochs, rekeys: rekeys)
        return newEpochs.count
    }

    /// Records a withdrawal: it notes the shares of the consent this device knows (its causal past), and starts
    /// a new key epoch for every section the consent covered, so nothing written afterwards reaches the
    /// recipient. The new keys go to the other holders at the next sync (those not relying on this consent).
    func recordWithdrawal(_ values: inout [String: FieldValue], id: EntityID, in plan: FamilyPlan, family: FamilyID) throws {
        guard let consentID = values[WithdrawalField.consent]?.ref,
            let consent = plan.entities.first(where: { $0.id == consentID && $0.kind == .consent })
        else {
            throw ClientError(.notFound, Messages.Model.field(WithdrawalField.consent.spec.reference, Messages.Client.withdrawalNamesNoConsent))
        }
        let knownShares = plan.all(.share).filter { $0.ref(ShareField.consent) == consentID }.map(\.id)
        if !knownShares.isEmpty { values[WithdrawalField.sharesSeen] = .refs(knownShares) }
        let names = Set(consent.sections(ConsentField.sections).map(\.name))
        let current = try latestKeys(family).filter { names.contains($0.name) }
        let newEpochs = try current.map { SectionKeyRecord(tag: $0.tag, epoch: try Self.epoch(after: $0.epoch), name: $0.name, key: try .random()) }
        let rekeys = newEpochs.map { Rekey(family: family, tag: $0.tag, epoch: $0.epoch, withdrawnBasis: EntityID(hex: consentID)!) }
        let audit = auditRecord(
            .withdrawal, .update, family: family, sections: names.sorted(), basis: "consent:\(consentID)",
            recipient: consent.text(ConsentField.recipient).map { ($0, consent.text(ConsentField.recipientName) ?? "?") }, record: id.hex,
            detail: Messages.Client.newEpochs(newEpochs.count), purpose: consent.text(ConsentField.purpose) ?? Messages.Client.purposeFollowUp)
        _ = try write(
            family: family, edits: [.create(.withdrawal, id: id, values: values, child: nil)], newEpochs: newEpochs, rekeys: rekeys,
            audit: [audit])
    }

    /// The fields of a `deling` record: recipient, sections, the basis, today, how many devices, who shared,
    /// the withdrawals of the basis this device knows (its causal past), and for a handover the bundle id.
    func shareRecord(
        to recipient: OrganisationInfo, sections: [Section], basis: PlanEntity, devices: Int, bundle: ID128? = nil,
        secondDecision: String? = nil, incompleteBecause: String? = nil, in plan: FamilyPlan
    ) throws -> [String: FieldValue] {
        var values: [ShareField: FieldValue] = [
            .recipient: .text(recipient.id.hex), .recipientName: .text(recipient.name), .sections: .sections(sections),
            basis.kind == .consent ? .consent : .safetyOverride: .ref(basis.id),
            .date: .text(today.description), .devices: .int(Int64(devices)),
        ]
        if let worker = profile.certificate?.worker { values[.sharedBy] = .text(worker) }
        if let bundle { values[.bundle] = .text(bundle.hex) }
        if let secondDecision, !secondDecision.trimmingCharacters(in: .whitespaces).isEmpty {
            values[.secondDecision] = try ShareField.secondDecision.spec.parse(secondDecision)
        }
        if let reason = incompleteBecause?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty {
            values[.incompleteBecause] = .text(reason)
        }
        let known = plan.all(.withdrawal).filter { $0.ref(WithdrawalField.consent) == basis.id }.map(\.id)
        if !known.isEmpty { values[.withdrawalsSeen] = .refs(known) }
        try Validation.validate(.share, fields: values.stored)
        return values.stored
    }

    /// A high-risk family (scenario 14): a share on consent needs a second decision, named; a safety override is
    /// itself the justification of that level.
    func checkHighRisk(_ plan: FamilyPlan, basis: PlanEntity, secondDecision: String?) throws {
        guard let risk = plan.highRisk(on: today), basis.kind == .consent else { return }
        guard (secondDecision ?? "").trimmingCharacters(in: .whitespaces).isEmpty else { return }
        let category = risk.term(HighRiskField.category, HighRiskCategory.self)?.label ?? Messages.Model.highRisk
        throw ClientError(
            .refused,
            Messages.Client.highRiskNeedsSecondDecision(category))
    }

    /// The warning a worker reads before any share of a high-risk family, nil for other families.
    public func highRiskWarning(_ family: FamilyID) throws -> String? {
        guard let risk = try plan(family, sections: [.safety]).highRisk(on: today) else { return nil }
        let category = risk.term(HighRiskField.category, HighRiskCategory.self)?.label ?? Messages.Model.highRisk
        return Messages.Model.highRiskWarning(category)
    }

    /// Parses a worker's list of sections (`core,child:7cc7`), expanding a child's short member id.
    func sectionList(_ text: String, in plan: FamilyPlan) throws -> [Section] {
        let resolved = try resolvingReferences([ShareField.sections.key: text], kind: .share, in: plan)[ShareField.sections] ?? ""
        guard let sections = try ShareField.sections.spec.parse(resolved).sections else {
            throw ClientError(.usage, Messages.Model.field(ShareField.sections.spec.reference, Messages.Client.nameTheSections))
        }
        return sections
    }

    /// A family's consent or safety override by id prefix.
    func basisRecord(_ text: String, in plan: FamilyPlan) throws -> PlanEntity {
        let key = text.lowercased().filter { $0 != "-" }
        let candidates = (plan.all(.consent) + plan.all(.safetyOverride)).filter { !key.isEmpty && $0.id.hasPrefix(key) }
        guard candidates.count == 1 else {
            throw ClientError(
                .notFound,
                candidates.isEmpty
                    ? Messages.Client.noBasis(text) : Messages.Client.severalBases(text))
        }
        return candidates[0]
    }

    /// The devices a share or handover reaches: those the server lists that the recipient organisation's key
    /// (pinned on this device) certifies, valid now, that keep plans. None is a refusal.
    func certifiedDevices(_ devices: [DeviceCertificate], of recipient: OrganisationInfo) throws -> [DeviceCertificate] {
        let certified = devices.filter { certificate in
            (try? certificate.verify(by: recipient, at: now())) != nil && certificate.organisation == recipient.id
                && (certificate.role == .worker || certificate.role == .admin)
        }
        guard !certified.isEmpty else {
            throw ClientError(
                .refused,
                Messages.Client.recipientHasNoDevice(recipient.name))
        }
        return certified
    }

    // MARK: Share log

    /// `consent:<id>` or `safety-override:<id>`: the consent profile of a share-log entry.
    static func basisName(_ basis: ShareBasis.Kind) -> String {
        switch basis {
        case .consent(let id): "consent:\(id)"
        case .safetyOverride(let id, _): "safety-override:\(id)"
        }
    }

    /// A share-log record of this device's worker, with the NEN 7513 user and source fields filled in.
    func auditRecord(
        _ event: AuditRecord.Event, _ action: AuditRecord.Action, family: FamilyID, sections: [String] = [], members: [String] = [],
        basis: String? = nil, recipient: (id: String, name: String)? = nil, record: String? = nil, detail: String? = nil,
        purpose: String, outcome: String = "success"
    ) -> AuditRecord {
        AuditRecord(
            event: event, action: action, time: Int64(wallMillis), outcome: outcome, worker: profile.certificate?.worker ?? "?",
            role: profile.certificate?.role.rawValue ?? "?", purpose: purpose, organisation: profile.organisation.id.hex,
            organisationName: profile.organisation.name, device: profile.device.hex, family: family.hex, members: members,
            sections: sections, basis: basis, recipient: recipient?.id, recipientName: recipient?.name, record: record, detail: detail)
    }

    /// The share-log records of recording a consent or a safety override.
    func auditRecords(for kind: EntityKind, id: EntityID, values: [String: FieldValue], family: FamilyID) -> [AuditRecord] {
        switch kind {
        case .consent:
            return [auditRecord(
                .consent, .create, family: family, sections: (values[ConsentField.sections]?.sections ?? []).map(\.name),
                members: values[ConsentField.givers]?.refs ?? [], basis: "consent:\(id.hex)",
                recipient: values[ConsentField.recipient]?.text.map { ($0, values[ConsentField.recipientName]?.text ?? "?") },
                record: id.hex, detail: Messages.Client.consentRecorded(form: values[ConsentField.form]?.text ?? "?"),
                purpose: values[ConsentField.purpose]?.text ?? "?")]
        case .safetyOverride:
            let sections = (values[SafetyOverrideField.sections]?.sections ?? []).map(\.name)
            let recipient = values[SafetyOverrideField.recipient]?.text.map { ($0, values[SafetyOverrideField.recipientName]?.text ?? "?") }
            let ground = values[SafetyOverrideField.ground]?.text.flatMap(LegalGround.init(rawValue:))?.label ?? "?"
            return [auditRecord(
                .override, .execute, family: family, sections: sections, members: values[SafetyOverrideField.members]?.refs ?? [],
                basis: "safety-override:\(id.hex)", recipient: recipient,
                record: id.hex, detail: Messages.Client.overrideRecorded(ground: ground, motherInformed: values[SafetyOverrideField.motherInformed]?.bool == true),
                purpose: Messages.Client.purposeSafety, outcome: "flagged")]
        default:
            return []
        }
    }

    /// Logs that this device's worker opened a family's plan (NEN 7513 counts reading).
    public func recordRead(_ family: FamilyID) throws {
        let sections = try latestKeys(family).map(\.name).sorted()
        try profile.store.appendAudit(
            [auditRecord(.read, .read, family: family, sections: sections, purpose: Messages.Client.purposeCare)], author: profile.author)
    }

    /// Logs the reading of several families at once (NEN 7513), in one transaction: the caseload overview, the
    /// calendar and the evidence report decrypt every plan they show something of.
    public func recordReads(_ families: [FamilyID], detail: String) throws {
        guard !families.isEmpty else { return }
        let records = try families.map { family in
            auditRecord(.read, .read, family: family, sections: try latestKeys(family).map(\.name).sorted(), detail: detail, purpose: Messages.Client.purposeCare)
        }
        try profile.store.appendAudit(records, author: profile.author)
    }

    /// Accepts a partner organisation's short id or name for `ontvanger`, filling in `ontvangerNaam`.
    func resolvingRecipient(_ inputs: [String: String], kind: EntityKind) throws -> [String: String] {
        let (idKey, nameKey) =
            switch kind {
            case .consent: (ConsentField.recipient.key, ConsentField.recipientName.key)
            case .refusal: (RefusalField.recipient.key, RefusalField.recipientName.key)
            default: (SafetyOverrideField.recipient.key, SafetyOverrideField.recipientName.key)
            }
        guard let given = inputs[idKey] else { return inputs }
        let isFullID = given.count == 32 && given.allSatisfy(\.isHexDigit)
        let partner: OrganisationInfo
        if isFullID {
            guard let known = try profile.trustedOrganisation(ID128(hex: given)!) else { return inputs }
            partner = known
        } else {
            partner = try profile.partner(given)
        }
        var resolved = inputs
        resolved[idKey] = partner.id.hex
        if resolved[nameKey] == nil { resolved[nameKey] = partner.name }
        return resolved
    }
}

/// One key epoch of one section of a family, as a set member.
struct SectionEpochKey: Hashable, Sendable {
    var family: FamilyID
    var tag: ID128
    var epoch: UInt32
}

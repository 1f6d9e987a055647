import NazorgMessages
public import Foundation
import NazorgCrypto
public import NazorgModel
public import NazorgStore
public import NazorgSync

/// What the departing worker gives for a warm handover besides the plan itself.
public struct HandoverRequest: Sendable {
    /// Sections to hand over (`core,safety,…`); nil: every section the basis covers that this device holds.
    public var sections: String?
    /// The consent or safety override (id or its first digits).
    public var basis: String
    /// The handover meeting: date, mode, who attended.
    public var meeting: HandoverDocument.Meeting
    /// Personal context.
    public var personalContext: String
    /// Agreements with chain partners.
    public var agreements: [String]
    /// A named contact at the sending organisation; nil: the sending worker at the organisation.
    public var contact: String?
    /// The new municipality, when the family moves to another region.
    public var movingTo: String?
    /// Why a part (personal context, agreements) or a participant (client, leaving or receiving worker) of the warm
    /// handover is missing; without it, a handover that lacks one is refused (norm 4.1).
    public var incompleteBecause: String?
    /// Who took the second decision, for a high-risk family handed over on consent.
    public var secondDecision: String?

    /// Creates a request.
    public init(
        sections: String?, basis: String, meeting: HandoverDocument.Meeting, personalContext: String, agreements: [String],
        contact: String?, movingTo: String?, incompleteBecause: String? = nil, secondDecision: String? = nil
    ) {
        self.incompleteBecause = incompleteBecause
        self.secondDecision = secondDecision
        self.sections = sections
        self.basis = basis
        self.meeting = meeting
        self.personalContext = personalContext
        self.agreements = agreements
        self.contact = contact
        self.movingTo = movingTo
    }
}

/// A bundle made and recorded.
public struct HandoverCreated: Sendable {
    /// The bundle id.
    public var bundle: ID128
    /// The sealed bundle, for the mailbox or a file.
    public var bytes: Data
    /// The share record (deling) in the family's consent section.
    public var share: EntityID
    /// What it holds and what it withholds.
    public var document: HandoverDocument
    /// The receiving devices it is sealed to.
    public var devices: Int
}

/// A received bundle, opened and verified.
public struct OpenedHandover: Sendable {
    /// The clear header.
    public var header: HandoverEnvelope.Header
    /// The sending device's certificate (verified).
    public var certificate: DeviceCertificate
    /// The sending organisation (a pinned partner).
    public var sender: OrganisationInfo
    /// The content (checked against its basis and the schema).
    public var document: HandoverDocument
    /// The bundle as received.
    public var bytes: Data
    /// What this device did with it so far.
    public var record: HandoverRecord?
}

extension Workspace {
    // MARK: Sending

    /// Makes a warm-handover bundle: a snapshot of the sections its basis covers, with the meeting, personal
    /// context, agreements, contact and the sender's certificate; signed, sealed to the receiving organisation's
    /// certified devices. Making it is a share: the `deling` record, the share-log entry and the bundle are
    /// written in one transaction before the bundle leaves this device.
    public func createHandover(
        _ family: FamilyID, to recipient: OrganisationInfo, _ request: HandoverRequest, devices: [DeviceCertificate]
    ) throws -> HandoverCreated {
        let certificate = try profile.requireCertificate(now: now())
        try requireOwnFamily(family)
        let plan = try plan(family)
        let basisEntity = try basisRecord(request.basis, in: plan)
        try checkHighRisk(plan, basis: basisEntity, secondDecision: request.secondDecision)
        let covered = (BasisTerms(basisEntity)?.sections ?? []).map(\.name)
        let held = Set(try latestKeys(family).map(\.name))
        let chosen: [Section]
        if let list = request.sections {
            chosen = try sectionList(list, in: plan)
        } else {
            chosen = covered.filter(held.contains).compactMap(Section.init(name:))
        }
        let basis = try ShareBasis.check(
            ShareRequest(recipient: recipient.id.hex, sections: chosen, date: today, basis: basisEntity.id), in: plan)
        for section in chosen where !held.contains(section.name) {
            throw ClientError(.refused, Messages.Client.nothingToHandOver(section.reference))
        }
        try Self.check(request.meeting, today: today)
        try Self.checkComplete(request)
        if let place = request.movingTo, chosen.contains(.core) {
            // After a move the regisseur comes from the new municipality (002 §4.2): name them before handing over.
            let named = plan.all(.regisseur).filter { ($0.date(RegisseurField.until) ?? today) >= today }.contains { regisseur in
                let organisation = (regisseur.text(RegisseurField.organisation) ?? "").lowercased()
                return organisation == recipient.name.lowercased() || organisation.contains(place.lowercased())
            }
            guard named else {
                throw ClientError(
                    .refused,
                    Messages.Client.moveNeedsRegisseur(place, recipient: recipient.name))
            }
        }
        let recipients = try certifiedDevices(devices, of: recipient)
        let chosenNames = Set(chosen.map(\.name))
        var withheld: [HandoverDocument.Withheld] = []
        for name in held.sorted() where !chosenNames.contains(name) {
            let reason =
                name == Section.consent.name
                ? Messages.Client.consentStaysHome
                : covered.contains(name)
                    ? Messages.Client.notChosen
                    : Messages.Client.outsideBasis(consent: basisEntity.kind == .consent, basisEntity.shortID)
            withheld.append(.init(section: name, reason: reason))
        }
        let bundle = ID128.random()
        let created = now()
        let shareID = EntityID.random()
        let document = HandoverDocument(
            format: HandoverDocument.currentFormat, bundle: bundle.hex, family: family.hex,
            created: ISO8601DateFormatter().string(from: created),
            sender: .init(organisation: profile.organisation.id.hex, organisationName: profile.organisation.name, worker: certificate.worker),
            recipient: .init(organisation: recipient.id.hex, organisationName: recipient.name, worker: ""),
            basis: .init(basisEntity), sections: chosen.map(\.name).sorted(), withheld: withheld,
            entities: plan.entities.filter { chosenNames.contains($0.section.name) && !$0.isDeleted }
                .sorted { ($0.section.name, $0.kind.rawValue, $0.id) < ($1.section.name, $1.kind.rawValue, $1.id) }
                .map(HandoverDocument.Entity.init),
            meeting: request.meeting, personalContext: request.personalContext, agreements: request.agreements,
            contact: request.contact ?? "\(certificate.worker), \(profile.organisation.name)", movingTo: request.movingTo,
            incompleteBecause: request.incompleteBecause)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes: Data
        do {
            bytes = try HandoverEnvelope.seal(
                content: try encoder.encode(document), bundle: bundle, recipient: recipient.id,
                devices: recipients.map { ($0.device, $0.boxKey) }, certificate: certificate, signer: profile.author.signer,
                created: Int64(created.timeIntervalSince1970 * 1000))
        } catch let error as SyncError {
            throw ClientError(.refused, error.message)
        }
        let values = try shareRecord(
            to: recipient, sections: document.sections.compactMap(Section.init(name:)), basis: basisEntity, devices: recipients.count,
            bundle: bundle, secondDecision: request.secondDecision, incompleteBecause: request.incompleteBecause, in: plan)
        let audit = auditRecord(
            .share, .transfer, family: family, sections: document.sections, basis: Self.basisName(basis),
            recipient: (recipient.id.hex, recipient.name), record: shareID.hex,
            detail: Messages.Client.handoverSent(bundle: bundle.short, devices: recipients.count),
            purpose: BasisTerms(basisEntity)?.purpose ?? (basisEntity.kind == .consent ? Messages.Client.purposeHandover : Messages.Client.purposeSafety))
        let record = HandoverRecord(
            id: bundle, direction: .sent, organisation: recipient.id, family: family, created: Int64(created.timeIntervalSince1970 * 1000),
            digest: HandoverEnvelope.digest(bytes), bytes: bytes)
        _ = try write(
            family: family, edits: [.create(.share, id: shareID, values: values, child: nil)], audit: [audit], handover: record)
        return HandoverCreated(bundle: bundle, bytes: bytes, share: shareID, document: document, devices: recipients.count)
    }

    static func check(_ meeting: HandoverDocument.Meeting, today: CalendarDate? = nil) throws {
        guard let day = CalendarDate(meeting.date) else {
            throw ClientError(.usage, Messages.Client.meetingDate)
        }
        if let today, day > today.addingDays(Validation.clockSkewDays) {
            throw ClientError(
                .usage,
                Messages.Client.meetingInFuture(today: today.written))
        }
        guard HandoverMode(rawValue: meeting.mode) != nil else {
            throw ClientError(.usage, Messages.Client.meetingMode(HandoverMode.allCases.map(\.rawValue)))
        }
        for code in meeting.attended where HandoverAttendee(rawValue: code) == nil {
            throw ClientError(.usage, Messages.Client.meetingAttendees(HandoverAttendee.allCases.map(\.rawValue)))
        }
    }

    /// The three parts and the three participants of a warm handover (keurmerk norm 4.1): information (the
    /// sections), personal context and agreements with chain partners; the client, the leaving and the
    /// receiving worker. A missing one needs a recorded reason.
    static func checkComplete(_ request: HandoverRequest) throws {
        var missing: [String] = []
        if request.personalContext.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { missing.append(Messages.Client.missingContext) }
        if request.agreements.isEmpty { missing.append(Messages.Client.missingAgreements) }
        for attendee in HandoverAttendee.allCases where !request.meeting.attended.contains(attendee.rawValue) {
            missing.append(Messages.Client.missingAttendee(attendee.label, code: attendee.rawValue))
        }
        let reason = request.incompleteBecause?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !missing.isEmpty, reason.isEmpty else {
            if reason.count > 500 { throw ClientError(.usage, Messages.Client.incompleteReasonTooLong) }
            return
        }
        throw ClientError(
            .refused,
            Messages.Client.handoverIncomplete(missing))
    }

    // MARK: Receiving

    /// Opens a bundle addressed to this organisation and verifies all of it: that this device is an addressee,
    /// every byte (secretstream under a header-bound key), the sender's signature and certificate against the
    /// partner key pinned here, that the sending device is registered and not revoked (`registeredSenderDevices`:
    /// the server's list for the sending organisation), that the basis names this organisation and covers every
    /// section and the date, and every entity against the schema. Nothing is written.
    public func openHandover(_ bytes: Data, registeredSenderDevices: [DeviceCertificate]) throws -> OpenedHandover {
        try openHandover(bytes, registeredSenderDevices: Optional(registeredSenderDevices))
    }

    /// A bundle kept on this device after it was verified (`keep`), opened again without the server: for the
    /// summary and the FHIR export.
    public func keptHandover(_ idOrPrefix: String) throws -> OpenedHandover {
        let record = try handover(idOrPrefix)
        guard record.direction == .received, let bytes = record.bytes else {
            throw ClientError(.refused, Messages.Client.bundleSentHere(record.id.short))
        }
        return try openHandover(bytes, registeredSenderDevices: nil)
    }

    /// `registeredSenderDevices` nil: the registration was checked when the bundle was kept.
    func openHandover(_ bytes: Data, registeredSenderDevices: [DeviceCertificate]?) throws -> OpenedHandover {
        let opened: HandoverEnvelope.Opened
        do {
            opened = try HandoverEnvelope.open(bytes, organisation: profile.organisation.id, device: profile.device, box: profile.box)
        } catch let error as SyncError {
            throw ClientError(.refused, Messages.Client.bundleRefused(error.message))
        }
        let header = opened.header
        func refuse(_ message: String) -> ClientError { Self.refusal(header, message) }
        let sender = try handoverSender(header)
        let created = Date(timeIntervalSince1970: TimeInterval(header.created) / 1000)
        guard created <= now().addingTimeInterval(300) else { throw refuse(Messages.Client.datedInFuture) }
        do {
            try opened.certificate.verify(by: sender, at: created)
        } catch let error as SyncError {
            throw refuse(Messages.Client.senderCertificate(error.message))
        }
        guard opened.certificate.role == .worker || opened.certificate.role == .admin else {
            throw refuse(Messages.Client.madeByRole(opened.certificate.role.label))
        }
        if let registeredSenderDevices, !registeredSenderDevices.contains(where: { $0.device == opened.certificate.device }) {
            throw refuse(
                Messages.Client.senderRevoked(opened.certificate.device.short, organisation: sender.name))
        }
        let document = try Self.handoverDocument(opened.content, header: header, organisation: profile.organisation, created: created)
        return OpenedHandover(
            header: header, certificate: opened.certificate, sender: sender, document: document, bytes: bytes,
            record: try profile.store.handover(header.bundle))
    }

    /// The organisation a bundle says it comes from, if it is a partner pinned on this device (never the
    /// server's word, never this device's own organisation).
    public func handoverSender(_ header: HandoverEnvelope.Header) throws -> OrganisationInfo {
        guard header.sender != profile.organisation.id, let sender = try profile.trustedOrganisation(header.sender) else {
            throw ClientError(
                .refused,
                Messages.Client.senderNotPartner(header.bundle.short, organisation: header.sender.short))
        }
        return sender
    }

    /// The one wording of a refused bundle.
    private static func refusal(_ header: HandoverEnvelope.Header, _ message: String) -> ClientError {
        ClientError(.refused, Messages.Client.bundleRefused(header.bundle.short, message))
    }

    /// Parses an opened bundle's content and checks it (`check`); also the fuzzing target for bundle contents.
    package static func handoverDocument(
        _ content: Data, header: HandoverEnvelope.Header, organisation: OrganisationInfo, created: Date
    ) throws -> HandoverDocument {
        func refuse(_ message: String) -> ClientError { Self.refusal(header, message) }
        let document: HandoverDocument
        do {
            document = try JSONDecoder().decode(HandoverDocument.self, from: content)
        } catch {
            throw refuse(Messages.Client.notAHandoverDocument)
        }
        try check(document, header: header, organisation: organisation, created: created, refuse: refuse)
        return document
    }

    /// The content checks: format, addresses, basis coverage and every entity against the schema.
    private static func check(
        _ document: HandoverDocument, header: HandoverEnvelope.Header, organisation: OrganisationInfo, created: Date,
        refuse: (String) -> ClientError
    ) throws {
        guard document.format == HandoverDocument.currentFormat else {
            throw refuse(Messages.Client.documentFormat(document.format, knows: HandoverDocument.currentFormat))
        }
        guard document.bundle == header.bundle.hex, document.sender.organisation == header.sender.hex,
            document.recipient.organisation == organisation.id.hex
        else { throw refuse(Messages.Client.contentsDoNotMatch) }
        let madeOn = CalendarDate(String(ISO8601DateFormatter().string(from: created).prefix(10)))
        do { try check(document.meeting, today: madeOn) } catch let error as ClientError { throw refuse(error.message) }
        // The basis: a consent or safety override naming this organisation, covering every section, valid then.
        guard let basis = document.basisEntity, let terms = BasisTerms(basis),
            (try? Validation.validate(basis.kind, fields: basis.fields)) != nil
        else { throw refuse(Messages.Client.basisInvalid) }
        guard terms.recipient == organisation.id.hex else {
            throw refuse(Messages.Client.basisForOtherOrganisation(basis.kind.rawValue, basis.shortID))
        }
        let covered = Set(terms.sections.map(\.name))
        let sections = Set(document.sections)
        guard !sections.isEmpty, sections.allSatisfy({ Section(name: $0) != nil && $0 != Section.consent.name }) else {
            throw refuse(Messages.Client.sectionsInvalid)
        }
        if let outside = sections.union(document.entities.map(\.section)).sorted().first(where: { !covered.contains($0) }) {
            throw refuse(
                Messages.Client.sectionNotCovered(
                    Section(name: outside)?.reference ?? outside, kind: basis.kind.rawValue, id: basis.shortID,
                    covered: covered.sorted().map { Section(name: $0)?.reference ?? $0 }))
        }
        let day = CalendarDate(String(ISO8601DateFormatter().string(from: created).prefix(10)))!
        if basis.kind == .consent {
            if let from = basis.date(ConsentField.from), day < from { throw refuse(Messages.Client.basisNotYetValid(basis.shortID, from: from.written)) }
            if let until = basis.date(ConsentField.until), day > until { throw refuse(Messages.Client.basisExpired(basis.shortID, on: until.written)) }
        } else if let decided = basis.date(SafetyOverrideField.date), day < decided {
            throw refuse(Messages.Client.overrideAfterBundle(basis.shortID))
        }
        var ids = Set<String>()
        for entity in document.entities {
            guard let kind = EntityKind(rawValue: entity.kind), kind.section() != .consent,
                entity.id.count == 32, EntityID(hex: entity.id) != nil, ids.insert(entity.id).inserted
            else { throw refuse(Messages.Client.entityNotHandedOver(String(entity.id.prefix(8)))) }
            guard sections.contains(entity.section) else { throw refuse(Messages.Client.entityOutsideSections(String(entity.id.prefix(8)))) }
            do {
                let values = try Validation.parse(kind, entity.fields)
                try Validation.validate(kind, fields: values)
                let child = kind.sectionMember(values)
                guard kind.section(child: child).name == entity.section else {
                    throw ModelError(.invalidValue, Messages.Client.entityInWrongSection(kind.rawValue, section: entity.section))
                }
            } catch let error as ModelError {
                throw refuse(Messages.Client.entityProblem(String(entity.id.prefix(8)), error.message))
            }
        }
    }

    /// Keeps a verified bundle on this device (sealed, as received), so it can be shown and imported later.
    public func keep(_ opened: OpenedHandover) throws {
        try profile.store.keepReceived(
            HandoverRecord(
                id: opened.header.bundle, direction: .received, organisation: opened.header.sender, family: nil,
                created: opened.header.created, digest: HandoverEnvelope.digest(opened.bytes), bytes: opened.bytes))
    }

    /// Imports a verified bundle as this organisation's own family plan: new family, new keys, the handed-over
    /// entities as they were, and a `herkomst` record with the provenance, the meeting, the personal context and
    /// the agreements. One transaction, logged as a receipt in the share log. A bundle is imported once.
    public func importHandover(_ opened: OpenedHandover) throws -> FamilyID {
        if let record = try profile.store.handover(opened.header.bundle), let imported = record.importedAt {
            throw ClientError(
                .refused,
                Messages.Client.importedBefore(opened.header.bundle.short, on: Self.day(imported), family: record.family?.short))
        }
        let document = opened.document
        var edits: [PlanEdit] = []
        for entity in document.entities {
            let kind = EntityKind(rawValue: entity.kind)!
            let values = try Validation.parse(kind, entity.fields)
            edits.append(.create(kind, id: EntityID(hex: entity.id)!, values: values, child: kind.sectionMember(values)))
        }
        let certificate = try profile.requireCertificate(now: now())
        let basis = document.basisEntity!
        var provenance: [ProvenanceField: String] = [
            .bundle: document.bundle, .from: document.sender.organisationName, .fromID: document.sender.organisation,
            .by: document.sender.worker, .date: String(document.created.prefix(10)),
            .basis: Messages.Client.provenanceBasis(consent: basis.kind == .consent, basis.id, purpose: BasisTerms(basis)?.purpose ?? nil),
            .sections: document.sections.joined(separator: ","), .meetingDate: document.meeting.date,
            .meetingMode: document.meeting.mode, .receivedBy: certificate.worker, .originalFamily: document.family,
        ]
        if !document.withheld.isEmpty {
            provenance[.withheld] = String(document.withheld.map { "\($0.section): \($0.reason)" }.joined(separator: "; ").prefix(500))
        }
        if !document.meeting.attended.isEmpty { provenance[.present] = document.meeting.attended.joined(separator: ", ") }
        if !document.personalContext.isEmpty { provenance[.context] = String(document.personalContext.prefix(4000)) }
        if !document.agreements.isEmpty { provenance[.agreements] = String(document.agreements.joined(separator: "\n").prefix(4000)) }
        provenance[.contactPerson] = String(document.contact.prefix(500))
        if let reason = document.incompleteBecause, !reason.isEmpty { provenance[.incompleteBecause] = String(reason.prefix(500)) }
        let provenanceValues: [String: FieldValue]
        do {
            provenanceValues = try Validation.parse(.provenance, provenance.stored.filter { !$0.value.isEmpty })
            try Validation.validate(.provenance, fields: provenanceValues)
        } catch let error as ModelError {
            throw ClientError(.refused, Messages.Client.bundleRefused(opened.header.bundle.short, error.message))
        }
        edits.append(.create(.provenance, id: .random(), values: provenanceValues, child: nil))
        let family = FamilyID.random()
        let audit = auditRecord(
            .receipt, .create, family: family, sections: document.sections,
            basis: Self.logBasis(basis),
            recipient: (opened.sender.id.hex, opened.sender.name), record: document.bundle,
            detail: Messages.Client.handoverImported(bundle: opened.header.bundle.short, family: String(document.family.prefix(8))),
            purpose: BasisTerms(basis)?.purpose ?? Messages.Client.purposeHandover)
        let record = HandoverRecord(
            id: opened.header.bundle, direction: .received, organisation: opened.header.sender, family: family,
            created: opened.header.created, digest: HandoverEnvelope.digest(opened.bytes), bytes: opened.bytes,
            importedAt: Int64(wallMillis), acknowledgedAt: opened.record?.acknowledgedAt, receipt: opened.record?.receipt)
        do {
            _ = try write(family: family, edits: edits, newFamilySecret: try .random(), audit: [audit], handover: record)
        } catch let error as StoreError where error.code == .conflict {
            throw ClientError(.refused, error.message)
        }
        return family
    }

    /// The signed receipt for a received bundle, recorded with its share-log entry; the caller posts it.
    public func acknowledge(_ opened: OpenedHandover) throws -> HandoverReceipt {
        let certificate = try profile.requireCertificate(now: now())
        guard let record = try profile.store.handover(opened.header.bundle) else {
            throw ClientError(.refused, Messages.Client.openFirst)
        }
        // Sent again after a failed post: the same receipt, not a second one.
        if record.acknowledgedAt != nil, let stored = record.receipt, let receipt = try? JSONDecoder().decode(HandoverReceipt.self, from: stored) {
            return receipt
        }
        let receipt = HandoverReceipt(
            bundle: opened.header.bundle, digest: HandoverEnvelope.digest(opened.bytes), sender: opened.header.sender,
            certificate: certificate, time: Int64(wallMillis), imported: record.importedAt != nil, signer: profile.author.signer)
        let basis = opened.document.basisEntity!
        let audit = auditRecord(
            .receipt, .transfer, family: record.family ?? FamilyID(hex: opened.document.family) ?? opened.header.bundle,
            sections: opened.document.sections, basis: Self.logBasis(basis),
            recipient: (opened.sender.id.hex, opened.sender.name), record: opened.document.bundle,
            detail: Messages.Client.receiptSent(bundle: opened.header.bundle.short, imported: receipt.imported),
            purpose: BasisTerms(basis)?.purpose ?? Messages.Client.purposeHandover)
        try profile.store.acknowledge(
            opened.header.bundle, at: receipt.time, receipt: try JSONEncoder().encode(receipt), audit: [audit], author: profile.author)
        return receipt
    }

    /// Records a receipt for a bundle this device sent, after checking it: signed by a device the receiving
    /// organisation's pinned key certifies, for this bundle's exact bytes. Returns false when it was known.
    func record(receipt: HandoverReceipt) throws -> Bool {
        guard let sent = try profile.store.handover(receipt.bundle), sent.direction == .sent else {
            throw ClientError(.refused, Messages.Client.receiptForUnsent(receipt.bundle.short))
        }
        guard receipt.receiver == sent.organisation, let receiver = try profile.trustedOrganisation(receipt.receiver) else {
            throw ClientError(.refused, Messages.Client.receiptFromOther(receipt.bundle.short))
        }
        do {
            try receipt.verifySignature()
            try receipt.certificate.verify(by: receiver, at: Date(timeIntervalSince1970: TimeInterval(receipt.time) / 1000))
        } catch let error as SyncError {
            throw ClientError(.refused, Messages.Client.receiptDoesNotVerify(receipt.bundle.short, error.message))
        }
        guard receipt.digest == sent.digest, receipt.sender == profile.organisation.id else {
            throw ClientError(.refused, Messages.Client.receiptOtherBytes(receipt.bundle.short))
        }
        guard sent.acknowledgedAt == nil else { return false }
        // The share record of the bundle names its sections and basis.
        let share = try sent.family.flatMap { try plan($0).all(.share).first { $0.text(ShareField.bundle) == receipt.bundle.hex } }
        let basis = share.flatMap { share in
            share.ref(ShareField.consent).map { "consent:\($0)" } ?? share.ref(ShareField.safetyOverride).map { "safety-override:\($0)" }
        }
        let audit = auditRecord(
            .receipt, .create, family: sent.family ?? receipt.bundle,
            sections: (share?.sections(ShareField.sections) ?? []).map(\.name), basis: basis,
            recipient: (receiver.id.hex, receiver.name), record: receipt.bundle.hex,
            detail: Messages.Client.receiptFrom(receipt.certificate.worker, bundle: receipt.bundle.short, imported: receipt.imported),
            purpose: Messages.Client.purposeHandover)
        try profile.store.acknowledge(receipt.bundle, at: receipt.time, receipt: try JSONEncoder().encode(receipt), audit: [audit], author: profile.author)
        return true
    }

    /// A bundle on this device by id or its first digits.
    public func handover(_ idOrPrefix: String) throws -> HandoverRecord {
        let key = idOrPrefix.lowercased().filter { $0 != "-" }
        let matches = try profile.store.handovers().filter { !key.isEmpty && $0.id.hex.hasPrefix(key) }
        guard matches.count == 1 else {
            throw ClientError(
                .notFound,
                matches.isEmpty
                    ? Messages.Client.noHandoverBundleHere(idOrPrefix) : Messages.Client.severalBundles(idOrPrefix))
        }
        return matches[0]
    }

    /// `consent:<id>` or `safety-override:<id>` for a basis record, as the share log names it.
    static func logBasis(_ basis: PlanEntity) -> String {
        "\(basis.kind == .consent ? "consent" : "safety-override"):\(basis.id)"
    }

    /// `YYYY-MM-DD` of a time in ms since 1970.
    public static func day(_ millis: Int64) -> String {
        let day = String(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(millis) / 1000)).prefix(10))
        return CalendarDate(day)?.written ?? day
    }
}

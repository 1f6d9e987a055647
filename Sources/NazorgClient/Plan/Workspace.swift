import NazorgMessages
public import Foundation
import NazorgCrypto
public import NazorgModel
import NazorgStore
public import NazorgSync

/// A one-line summary of a family for lists.
public struct FamilySummary: Sendable, Hashable {
    /// The family id.
    public var id: FamilyID
    /// The family's working name.
    public var name: String
    /// Its phase.
    public var phase: String
    /// The regisseur today, if named.
    public var regisseur: String?
    /// For a family another organisation shared with this one: that organisation's name.
    public var sharedBy: String?
    /// Whether this device holds the family's core section (name, phase, members, regisseur). When it does
    /// not, `name`, `phase` and `regisseur` say nothing about the family and must not be shown as facts.
    public var coreShared: Bool = true
    /// The sections this device holds of a shared family; nil for a family of the own organisation.
    public var heldSections: Set<Section>?
}

/// The worker's family plans on this device: every read decrypts from the local store, every edit is one
/// signed, encrypted change per touched section, committed in one transaction.
public struct Workspace: Sendable {
    /// The unlocked profile.
    public let profile: Profile
    /// Wall clock, injectable for tests.
    var now: @Sendable () -> Date

    /// Opens the workspace of a certified profile.
    public init(profile: Profile, now: @escaping @Sendable () -> Date = { Date() }) throws {
        _ = try profile.requireCertificate(now: now())
        self.profile = profile
        self.now = now
    }

    var wallMillis: UInt64 { UInt64(max(0, now().timeIntervalSince1970 * 1000)) }

    /// Today's date in the Netherlands' calendar (UTC is close enough for day-granular norms).
    public var today: CalendarDate { CalendarDate(inTheNetherlands: now()) }

    // MARK: Families

    /// Creates a family with its core record; returns its id.
    public func createFamily(_ inputs: [String: String]) throws -> FamilyID {
        let values = try Validation.parse(.family, inputs)
        try Validation.validate(.family, fields: values)
        let family = FamilyID.random()
        _ = try write(family: family, edits: [.create(.family, id: .random(), values: values, child: nil)], newFamilySecret: .random())
        return family
    }

    /// Every family on this device with its name, phase and regisseur.
    public func families() throws -> [FamilySummary] {
        try profile.store.families().map { id in
            // The family record and the regisseur live in the core section: the list reads nothing else.
            let plan = try plan(id, sections: [.core])
            return FamilySummary(
                id: id, name: plan.family?.text(FamilyField.name) ?? "(naamloos)",
                phase: plan.family?.text(FamilyField.phase) ?? FamilyPhase.shelter.rawValue,
                regisseur: plan.regisseur(on: today).map {
                    "\($0.text(RegisseurField.name) ?? "?") (\($0.text(RegisseurField.organisation) ?? "?"))"
                },
                sharedBy: try sharedBy(id), coreShared: plan.holds(.core), heldSections: plan.heldSections)
        }
    }

    /// For a family another organisation shared with this one, that organisation's name (or its short id when
    /// it is not a pinned partner); nil for a family of the own organisation.
    public func sharedBy(_ family: FamilyID) throws -> String? {
        guard let owner = try profile.store.familyOwner(family), owner != profile.organisation.id else { return nil }
        return try profile.trustedOrganisation(owner)?.name ?? Messages.Output.notAPartner(owner.short)
    }

    /// Finds a family by full id, unique prefix, or its working name as the worker knows it ("Gezin Zonnebloem"
    /// or "Zonnebloem"; names are decrypted here and never sent anywhere). An id prefix wins over a name; a name
    /// that fits more than one family is refused with their ids, never guessed.
    public func family(_ text: String) throws -> FamilyID {
        let key = text.lowercased().filter { $0 != "-" }
        let families = try profile.store.families()
        if !key.isEmpty, key.allSatisfy(\.isHexDigit) {
            let matches = families.filter { $0.hex.hasPrefix(key) }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 { throw ClientError(.notFound, Messages.Client.severalFamilies(text, matches.map(\.short))) }
        }
        let wanted = Self.comparable(familyName: text)
        let named = try families.filter { id in
            try plan(id, sections: [.core]).family?.text(FamilyField.name).map(Self.comparable(familyName:)) == wanted
        }
        guard named.count == 1 else {
            throw ClientError(
                .notFound,
                named.isEmpty
                    ? (key.allSatisfy(\.isHexDigit) ? Messages.Client.noFamily(text) : Messages.Client.noFamilyNamed)
                    : Messages.Client.severalFamiliesNamed(named.map(\.short)))
        }
        return named[0]
    }

    /// A family name as it is compared: case, accents and a leading "gezin" do not count.
    static func comparable(familyName: String) -> String {
        let folded = familyName.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
            .trimmingCharacters(in: .whitespaces)
        return folded.hasPrefix("gezin ") ? String(folded.dropFirst(6)).trimmingCharacters(in: .whitespaces) : folded
    }

    /// A family found by `find`, with the members whose name matched.
    public struct Found: Sendable {
        public var family: FamilySummary
        public var members: [(id: String, name: String)]
    }

    /// The families whose working name or one of whose members' names contains `text` (case and accents do not
    /// count). Decrypts the core section of every family on this device; nothing leaves the device.
    public func find(_ text: String) throws -> [Found] {
        let wanted = Self.comparable(familyName: text)
        guard !wanted.isEmpty else { return [] }
        func matches(_ name: String?) -> Bool { name.map { Self.comparable(familyName: $0).contains(wanted) } ?? false }
        return try families().compactMap { summary in
            let plan = try plan(summary.id, sections: [.core])
            let members = plan.members.compactMap { m in
                m.text(MemberField.name).flatMap { matches($0) ? (id: m.shortID, name: $0) : nil }
            }
            guard summary.coreShared, matches(plan.family?.text(FamilyField.name)) || !members.isEmpty else { return nil }
            return Found(family: summary, members: members)
        }
    }

    /// The whole plan of a family, from every section this device holds a key for (or only `sections`).
    public func plan(_ family: FamilyID, sections: Set<Section>? = nil) throws -> FamilyPlan {
        var entities: [PlanEntity] = []
        let keys = try latestKeys(family)
        for record in keys {
            guard let section = Section(name: record.name), sections?.contains(section) ?? true else { continue }
            for (id, state) in try profile.store.entities(family: family, tag: record.tag) {
                if let entity = ValueMapping.planEntity(id, state, section: section) { entities.append(entity) }
            }
        }
        let own = try profile.store.familyOwner(family).map { $0 == profile.organisation.id } ?? true
        let held = Set(keys.compactMap { Section(name: $0.name) })
        return FamilyPlan(id: family.hex, entities: entities, heldSections: own ? nil : held)
    }

    // MARK: Edits

    /// Adds an entity of `kind` with text inputs; a child's part (`kinddeel`) goes in that child's section.
    @discardableResult
    public func add(_ kind: EntityKind, to family: FamilyID, _ inputs: [String: String]) throws -> EntityID {
        let plan = try plan(family)
        let inputs = [.consent, .refusal, .safetyOverride].contains(kind) ? try resolvingRecipient(inputs, kind: kind) : inputs
        var values = try Validation.parse(kind, try resolvingReferences(inputs, kind: kind, in: plan))
        try Validation.validate(kind, fields: values, today: today)
        try checkReferences(values, kind: kind, in: plan)
        if let field = kind.correctionField, let target = values[field.name]?.ref,
            let corrected = plan.entities.first(where: { $0.id == target }), let later = plan.correction(of: corrected)
        {
            throw ClientError(
                .refused,
                Messages.Client.alreadyCorrected(
                    field.reference, corrected.kind.noun, corrected.shortID, by: later.shortID, option: field.optionName))
        }
        // The child of a child's part, or the member an organisation is linked to, decides its section (the
        // reference itself is checked above).
        let child = kind.sectionMember(values)
        if kind.isChildPart {
            let spec = try kind.field(EntityKind.childMemberKey)
            guard let entity = try? plan.entity(child ?? ""), entity.kind == .member, entity.has(MemberField.role, MemberRole.child) else {
                throw ClientError(.refused, Messages.Model.field(spec.reference, Messages.Client.mustBeAChild))
            }
            if kind == .child, plan.all(.child).contains(where: { $0.ref(ChildField.member) == child }) {
                throw ClientError(.refused, Messages.Client.childPartExists)
            }
            if kind == .child {
                // The child's own part names the child, so that it is identifiable when shared alone.
                if values[ChildField.name] == nil, let name = entity[MemberField.name] { values[ChildField.name] = name }
                if values[ChildField.birthDate] == nil, let born = entity[MemberField.birthDate] { values[ChildField.birthDate] = born }
            }
        }
        if kind == .safetyOverride, let assessment = values[SafetyOverrideField.assessment]?.ref,
            let member = plan.entities.first(where: { $0.id == assessment })?.ref(RiskAssessmentField.member),
            !(values[SafetyOverrideField.members]?.refs ?? []).contains(member)
        {
            throw ClientError(
                .refused,
                Messages.Model.field(SafetyOverrideField.assessment.spec.reference, Messages.Client.assessmentOfUnnamedMember))
        }
        if kind == .consent {
            // Who may consent is checked now, when the consent is recorded, not only when it is used.
            try ShareBasis.checkGivers(of: PlanEntity(id: "", kind: .consent, section: .consent, fields: values), in: plan)
        }
        if kind == .withdrawal, let consent = values[WithdrawalField.consent]?.ref,
            plan.all(.withdrawal).contains(where: { $0.ref(WithdrawalField.consent) == consent })
        {
            throw ClientError(.refused, Messages.Client.consentWithdrawnAlready)
        }
        let id = EntityID.random()
        if kind == .withdrawal {
            try recordWithdrawal(&values, id: id, in: plan, family: family)
            return id
        }
        var edits: [PlanEdit] = [.create(kind, id: id, values: values, child: child)]
        // A move changes the family's municipality from that day.
        if kind == .regionMove, let record = plan.family, let place = values[RegionMoveField.to]?.text {
            edits.append(.update(record, values: [FamilyField.municipality.key: .text(place)]))
        }
        _ = try write(family: family, edits: edits, audit: auditRecords(for: kind, id: id, values: values, family: family))
        return id
    }

    /// Changes fields of an entity; the result must still be valid. Fact records are refused.
    public func update(_ entityID: String, in family: FamilyID, _ inputs: [String: String]) throws {
        let plan = try plan(family)
        let entity = try plan.entity(entityID)
        guard !entity.kind.isFact else {
            throw ClientError(
                .refused,
                Messages.Client.factNeverChanged(entity.kind.noun, entity.shortID))
        }
        // Who it concerns decides the section it lives in (a child's part, an organisation of one member), which
        // cannot change afterwards.
        if let field = entity.kind.sectionMemberField, inputs[field.name] != nil {
            throw ClientError(
                .refused,
                Messages.Model.field(field.reference, Messages.Client.whoItConcernsFixed))
        }
        let values = try Validation.parse(entity.kind, try resolvingReferences(inputs, kind: entity.kind, in: plan))
        var merged = entity.fields
        merged.merge(values) { $1 }
        try Validation.validate(entity.kind, fields: merged, today: today)
        try checkReferences(values, kind: entity.kind, in: plan)
        _ = try write(family: family, edits: [.update(entity, values: values)])
    }

    /// Deletes an entity: every field is tombstoned, so a concurrent edit elsewhere shows as a conflict.
    public func delete(_ entityID: String, in family: FamilyID) throws {
        let entity = try plan(family).entity(entityID)
        guard !entity.kind.isFact else {
            throw ClientError(.refused, Messages.Client.factNeverDeleted(entity.kind.noun, entity.shortID))
        }
        _ = try write(family: family, edits: [.delete(entity)])
    }

    /// Every field in conflict, with its concurrent values (winner last).
    public func conflicts(_ family: FamilyID) throws -> [(entity: PlanEntity, field: String, values: [FieldValue?])] {
        var all: [(PlanEntity, String, [FieldValue?])] = []
        for record in try latestKeys(family) {
            guard let section = Section(name: record.name) else { continue }
            for (id, state) in try profile.store.entities(family: family, tag: record.tag) {
                guard let entity = ValueMapping.planEntity(id, state, section: section) else { continue }
                for (field, values) in entity.conflicts.sorted(by: { $0.key < $1.key }) { all.append((entity, field, values)) }
            }
        }
        return all.sorted { ($0.0.id, $0.1) < ($1.0.id, $1.1) }
    }

    /// A member of `plan` by short id or name, as an option such as `--lid` takes it.
    public func member(_ text: String, in plan: FamilyPlan, option: String) throws -> PlanEntity {
        let id = try resolve(text, .member, field: option, in: plan)
        guard let member = plan.members.first(where: { $0.id == id }) else {
            throw ClientError(.notFound, Messages.Client.noEntityStarting(option, EntityKind.member.noun, text))
        }
        return member
    }

    /// Resolves a conflict by writing the chosen value over every concurrent one.
    public func resolve(_ entityID: String, field: String, value: String, in family: FamilyID) throws {
        let entity = try plan(family).entity(entityID)
        guard entity.conflicts[field] != nil else {
            throw ClientError(.refused, Messages.Client.noConflict(entity.kind.noun, entity.shortID, field: (try? entity.kind.field(field).reference) ?? field))
        }
        try update(entityID, in: family, [field: value])
    }

    /// Starts aftercare (nazorg): records the episode and sets the family's phase.
    @discardableResult
    public func startAftercare(_ family: FamilyID, _ inputs: [String: String]) throws -> EntityID {
        let plan = try plan(family)
        if let running = plan.aftercare, running.date(AftercareField.closed) == nil {
            throw ClientError(.refused, Messages.Client.aftercareRunning(since: running.date(AftercareField.start)?.written ?? "?"))
        }
        let id = try add(.aftercare, to: family, inputs)
        if let record = plan.family { try update(record.id, in: family, [FamilyField.phase: FamilyPhase.aftercare.rawValue].stored) }
        return id
    }

    /// Closes aftercare on `date`, refused unless a regisseur is named for at least six months after it.
    public func closeAftercare(_ family: FamilyID, date: String, reason: String, noHandoverBecause: String? = nil) throws {
        guard let day = CalendarDate.typed(date) else {
            throw ClientError(.usage, Messages.Model.field(AftercareField.closed.spec.reference, Messages.Model.notADate))
        }
        let plan = try plan(family)
        try plan.checkCanCloseAftercare(on: day, noHandoverBecause: noHandoverBecause)
        guard let episode = plan.aftercare else { return }
        var values: [AftercareField: String] = [.closed: date, .reason: reason]
        if let noHandoverBecause, !noHandoverBecause.isEmpty { values[.noHandoverBecause] = noHandoverBecause }
        try update(episode.id, in: family, values.stored)
        if let record = plan.family { try update(record.id, in: family, [FamilyField.phase: FamilyPhase.closed.rawValue].stored) }
    }

    /// Gives a colleague's device (same organisation, basis: own organisation / treatment relationship) the
    /// keys of every section of a family; the grants go out with the next sync.
    public func shareWithColleague(_ family: FamilyID, certificate: DeviceCertificate) throws -> Int {
        try Profile.check(certificate, by: profile.organisation, at: now())
        guard certificate.role == .worker || certificate.role == .admin else {
            throw ClientError(.refused, Messages.Client.roleReceivesNoPlans(certificate.role.label))
        }
        guard certificate.device != profile.device else { throw ClientError(.usage, Messages.Client.thisDeviceItself) }
        try requireOwnFamily(family)
        let secret = try profile.store.familySecret(family)
        // Every epoch: a colleague reads the history too.
        let grants = try profile.store.sectionKeys(family).map { key in
            try profile.grant(
                key, of: family, familySecret: secret, to: (certificate.device, certificate.boxKey), basis: .ownOrganisation)
        }
        let sections = try profile.store.sectionKeys(family).filter { key in grants.contains { $0.tag == key.tag } }.map(\.name)
        try profile.store.queue(
            grants: grants,
            audit: [auditRecord(
                .grant, .transfer, family: family, sections: Set(sections).sorted(), basis: AuditRecord.ownOrganisationBasis,
                recipient: (profile.organisation.id.hex, profile.organisation.name),
                detail: Messages.Client.colleague(certificate.worker, device: certificate.device.short), purpose: Messages.Client.purposeColleague)],
            author: profile.author)
        return grants.count
    }

    // MARK: Internals

    /// Expands short ids (the first digits a worker sees) in reference fields to full ids of the right kind.
    func resolvingReferences(_ inputs: [String: String], kind: EntityKind, in plan: FamilyPlan) throws -> [String: String] {
        var resolved = inputs
        for (name, text) in inputs {
            let field = try kind.field(name).reference
            switch try kind.field(name).type {
            case .ref(let target):
                resolved[name] = try resolve(text, target, field: field, in: plan)
            case .refs(let target):
                resolved[name] = try text.split(separator: ",").map {
                    try resolve(String($0).trimmingCharacters(in: .whitespaces), target, field: field, in: plan)
                }.joined(separator: ",")
            case .sections:
                // `child:7cc7` names the child by the first digits of its member id.
                resolved[name] = try text.split(separator: ",").map { part in
                    let section = part.trimmingCharacters(in: .whitespaces)
                    for prefix in ["child:", "member:"] where section.hasPrefix(prefix) {
                        return prefix + (try resolve(String(section.dropFirst(prefix.count)), .member, field: field, in: plan))
                    }
                    return section
                }.joined(separator: ",")
            default:
                continue
            }
        }
        return resolved
    }

    /// A full id for a short one (the first digits a worker sees), of the right kind; other text is left as is.
    private func resolve(_ text: String, _ target: EntityKind, field: String, in plan: FamilyPlan) throws -> String {
        let key = text.lowercased().filter { $0 != "-" }
        if target == .member, !key.allSatisfy(\.isHexDigit) {
            // A member by name, as the worker knows them ("Lotte"); decrypted here, never sent anywhere.
            let name = text.trimmingCharacters(in: .whitespaces).lowercased()
            let named = plan.members.filter { $0.text(MemberField.name)?.lowercased() == name }
            guard named.count == 1 else {
                throw ClientError(
                    .notFound,
                    named.isEmpty
                        ? Messages.Client.noMemberNamed(field)
                        : Messages.Client.severalMembersNamed(field, count: named.count, ids: named.map(\.shortID)))
            }
            return named[0].id
        }
        guard !key.isEmpty, key.count < 32, key.allSatisfy(\.isHexDigit) else { return text }
        let matches = plan.all(target).filter { $0.id.hasPrefix(key) }
        guard matches.count == 1 else {
            throw ClientError(
                .notFound,
                matches.isEmpty
                    ? Messages.Client.noEntityStarting(field, target.noun, key)
                    : Messages.Client.severalEntitiesStarting(field, key))
        }
        return matches[0].id
    }

    func checkReferences(_ values: [String: FieldValue], kind: EntityKind, in plan: FamilyPlan) throws {
        for (name, value) in values {
            if case .refs(let target) = try kind.field(name).type, let list = value.refs {
                for id in list where !plan.all(target).contains(where: { $0.id == id }) {
                    throw ClientError(.notFound, Messages.Client.refersToOther(try kind.field(name).reference, String(id.prefix(8)), target.noun))
                }
            }
            guard let ref = value.ref, case .ref(let target) = try kind.field(name).type else { continue }
            guard let entity = plan.entities.first(where: { $0.id == ref }), entity.kind == target else {
                throw ClientError(.notFound, Messages.Client.mustReferTo(try kind.field(name).reference, target.noun))
            }
        }
    }

    /// The newest-epoch key of every section held for a family.
    func latestKeys(_ family: FamilyID) throws -> [SectionKeyRecord] {
        var latest: [ID128: SectionKeyRecord] = [:]
        for record in try profile.store.sectionKeys(family) where record.epoch >= (latest[record.tag]?.epoch ?? 0) {
            latest[record.tag] = record
        }
        return latest.values.sorted { $0.name < $1.name }
    }
}

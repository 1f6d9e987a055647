import NazorgMessages
import NazorgCrypto
import NazorgModel
import NazorgStore
import NazorgSync

/// An edit before it becomes ops: the unit callers describe, mapped onto registers and fact inserts here.
enum PlanEdit {
    case create(EntityKind, id: EntityID, values: [String: FieldValue], child: String?)
    case update(PlanEntity, values: [String: FieldValue])
    case delete(PlanEntity)
}

extension Workspace {
    /// The section tag: a keyed BLAKE2b of the section name under the family's secret, so the server and
    /// the store see only opaque tags.
    static func tag(for section: Section, familySecret: SymmetricKey) -> ID128 {
        ID128(data: GenericHash.hash(Array("nazorg-section-v1:\(section.name)".utf8), key: familySecret, outputByteCount: 16))!
    }

    /// The key for a section: the one held, or a new epoch-1 key (returned as new, stored by the commit).
    func sectionKey(_ section: Section, family: FamilyID, secret: SymmetricKey? = nil) throws -> (SectionKeyRecord, isNew: Bool) {
        if secret == nil, let existing = try latestKeys(family).first(where: { $0.name == section.name }) { return (existing, false) }
        let tag = Self.tag(for: section, familySecret: try secret ?? profile.store.familySecret(family))
        return (SectionKeyRecord(tag: tag, epoch: 1, name: section.name, key: try .random()), true)
    }

    /// Turns plan edits into ops per section and commits them all in one transaction; for a new family the
    /// family itself and its section keys are registered in that same transaction, and so are `grants` (a
    /// share's) and `newEpochs` (a withdrawal's new keys, with their re-keys queued).
    func write(
        family: FamilyID, edits: [PlanEdit], newFamilySecret: SymmetricKey? = nil, grants extraGrants: [KeyGrant] = [],
        newEpochs: [SectionKeyRecord] = [], rekeys: [Rekey] = [], audit: [AuditRecord] = [], handover: HandoverRecord? = nil
    ) throws -> [SignedChange] {
        if newFamilySecret == nil { try requireOwnFamily(family) }
        var bySection: [String: (SectionKeyRecord, [PendingOp])] = [:]
        var newKeys: [SectionKeyRecord] = []
        func append(_ section: Section, _ ops: [PendingOp]) throws {
            if bySection[section.name] == nil {
                let (key, isNew) = try sectionKey(section, family: family, secret: newFamilySecret)
                if isNew { newKeys.append(key) }
                bySection[section.name] = (key, [])
            }
            bySection[section.name]!.1.append(contentsOf: ops)
        }
        for edit in edits {
            switch edit {
            case .create(let kind, let id, let values, let child):
                let section = kind.section(child: child)
                if kind.isFact {
                    try append(section, [.insert(id, kind: kind.rawValue, fields: values.mapValues(ValueMapping.value))])
                } else {
                    var ops: [PendingOp] = [.write(id, ValueMapping.kindField, .string(kind.rawValue), replacing: [])]
                    for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                        ops.append(.write(id, name, ValueMapping.value(value), replacing: []))
                    }
                    try append(section, ops)
                }
            case .update(let entity, let values):
                let state = try storedState(entity, family: family)
                let ops = values.sorted(by: { $0.key < $1.key }).map { name, value in
                    PendingOp.write(id(entity), name, ValueMapping.value(value), replacing: state?.registers[name]?.heads ?? [])
                }
                try append(entity.section, ops)
            case .delete(let entity):
                let state = try storedState(entity, family: family)
                var ops: [PendingOp] = []
                for (name, register) in (state?.registers ?? [:]).sorted(by: { $0.key < $1.key }) where !name.hasPrefix("$") {
                    ops.append(.write(id(entity), name, .tombstone, replacing: register.heads))
                }
                ops.append(.write(id(entity), ValueMapping.deletedField, .bool(true),
                                  replacing: state?.registers[ValueMapping.deletedField]?.heads ?? []))
                try append(entity.section, ops)
            }
        }
        let newTags = Set(newKeys.map(\.tag))
        let localEdits = bySection.values.sorted { $0.0.name < $1.0.name }.map {
            LocalEdit(family: family, section: $0.0, ops: $0.1, isNewKey: newTags.contains($0.0.tag))
        } + newEpochs.map { LocalEdit(family: family, section: $0, ops: [], isNewKey: true) }
        newKeys += newEpochs
        // A new section's key is granted to this device itself, so the server learns who may write it.
        let secret = try newKeys.isEmpty ? nil : (newFamilySecret ?? profile.store.familySecret(family))
        let grants = try newKeys.map { try profile.grant($0, of: family, familySecret: secret!, basis: .creator) }
        return try profile.store.commit(
            localEdits, author: profile.author, schemaVersion: EntityKind.schemaVersion, wallMillis: wallMillis,
            newFamily: newFamilySecret.map { (family, $0) }, grants: grants + extraGrants, rekeys: rekeys, audit: audit,
            handover: handover, coalescing: true)
    }

    /// Refuses any edit, consent or share in a family another organisation shared with this device: its plan is
    /// that organisation's, and the server would refuse the changes anyway (they would wait in the outbox forever).
    func requireOwnFamily(_ family: FamilyID) throws {
        guard let owner = try profile.store.familyOwner(family), owner != profile.organisation.id else { return }
        let name = (try? profile.partners())?.first { $0.id == owner }?.name ?? "organisatie \(owner.short)"
        throw ClientError(
            .refused,
            Messages.Client.readOnlyPlan(name))
    }

    private func id(_ entity: PlanEntity) -> EntityID { EntityID(hex: entity.id)! }

    private func storedState(_ entity: PlanEntity, family: FamilyID) throws -> EntityState? {
        let (key, _) = try sectionKey(entity.section, family: family)
        return try profile.store.entities(family: family, tag: key.tag)[id(entity)]
    }
}

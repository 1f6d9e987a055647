import NazorgMessages
/// A disclosure to check before it is made: to whom, which sections, when, on which basis.
public struct ShareRequest: Hashable, Sendable {
    /// The recipient organisation's id (32 hex digits).
    public var recipient: String
    /// The sections to share.
    public var sections: [Section]
    /// The day of the share.
    public var date: CalendarDate
    /// The id of the consent or safety override relied on.
    public var basis: String

    /// Creates a request.
    public init(recipient: String, sections: [Section], date: CalendarDate, basis: String) {
        self.recipient = recipient
        self.sections = sections
        self.date = date
        self.basis = basis
    }
}

/// Decides whether a consent or a safety override covers a share, in the share's causal past: the plan as the
/// sharing device knows it. A share made concurrently with a withdrawal it had not seen is not refused here
/// (it cannot be); the audit flags it (SECURITY.md, ARCHITECTURE.md "Consent, safety override, share").
public enum ShareBasis {
    /// What the share rests on.
    public enum Kind: Hashable, Sendable {
        case consent(id: String)
        case safetyOverride(id: String, ground: LegalGround)
    }

    /// Checks `request` against the plan; throws `ruleViolated` with a message that says what is not covered.
    public static func check(_ request: ShareRequest, in plan: FamilyPlan) throws -> Kind {
        guard !request.sections.isEmpty else { throw ModelError(.invalidValue, Messages.Model.shareNamesNoSection) }
        if request.sections.contains(.consent) {
            throw ModelError(.ruleViolated, Messages.Model.consentNeverShared)
        }
        guard let basis = plan.entities.first(where: { $0.id == request.basis }), let terms = BasisTerms(basis) else {
            throw ModelError(.notFound, Messages.Model.notABasis(String(request.basis.prefix(8))))
        }
        guard terms.recipient == request.recipient else {
            throw ModelError(.ruleViolated, Messages.Model.basisForOther(basis.kind.rawValue, basis.shortID, recipient: terms.recipientName ?? "?"))
        }
        let covered = Set(terms.sections)
        let missing = request.sections.filter { !covered.contains($0) }
        guard missing.isEmpty else {
            throw ModelError(
                .ruleViolated,
                Messages.Model.basisDoesNotCover(
                    basis.kind.rawValue, basis.shortID, missing: missing.map(\.reference), covered: covered.sorted().map(\.reference)))
        }
        switch basis.kind {
        case .consent:
            if let from = basis.date(ConsentField.from), request.date < from {
                throw ModelError(.ruleViolated, Messages.Model.consentNotYetValid(basis.shortID, from: from.written))
            }
            if let until = basis.date(ConsentField.until), request.date > until {
                throw ModelError(.ruleViolated, Messages.Model.consentExpired(basis.shortID, on: until.written))
            }
            if let withdrawal = plan.all(.withdrawal).first(where: {
                $0.ref(WithdrawalField.consent) == basis.id && ($0.date(WithdrawalField.date).map { $0 <= request.date } ?? true)
            }) {
                throw ModelError(.ruleViolated, Messages.Model.consentWithdrawn(basis.shortID, on: withdrawal.date(WithdrawalField.date)?.written ?? "?"))
            }
            try checkGivers(of: basis, in: plan)
            return .consent(id: basis.id)
        default:
            if let decided = basis.date(SafetyOverrideField.date), request.date < decided {
                throw ModelError(.ruleViolated, Messages.Model.overrideNotYetDecided(basis.shortID, on: decided.written))
            }
            guard let ground = basis.term(SafetyOverrideField.ground, LegalGround.self) else {
                throw ModelError(.ruleViolated, Messages.Model.overrideWithoutGround(basis.shortID))
            }
            return .safetyOverride(id: basis.id, ground: ground)
        }
    }

    /// After a consent is withdrawn, the basis on which `recipient` may still hold `section` on `date`: another
    /// share to it whose consent or safety override still covers that section then. Nil when only the withdrawn
    /// basis did: the recipient's devices then get no key to what is written after the withdrawal. Shares are tried
    /// in plan order; the first basis that still holds is the one.
    public static func remaining(
        for recipient: String, section: Section, withdrawn: String, on date: CalendarDate, in plan: FamilyPlan
    ) -> Kind? {
        for share in plan.all(.share) where share.text(ShareField.recipient) == recipient {
            guard let basis = share.ref(ShareField.consent) ?? share.ref(ShareField.safetyOverride), basis != withdrawn,
                let kind = try? check(ShareRequest(recipient: recipient, sections: [section], date: date, basis: basis), in: plan)
            else { continue }
            return kind
        }
        return nil
    }

    /// Checks that the right people gave a consent: the parent in the shelter for the family's sections; for a
    /// child's section the parent(s) with parental authority and the child from 12, or the child alone from 16
    /// (SECURITY.md, GDPR art. 8 and the WGBO ages).
    public static func checkGivers(of consent: PlanEntity, in plan: FamilyPlan) throws {
        let givers = Set(consent.refs(ConsentField.givers))
        let day = consent.date(ConsentField.from) ?? CalendarDate(year: 1900, month: 1, day: 1)
        for section in consent.sections(ConsentField.sections) {
            if case .member(let memberID) = section {
                // What concerns one adult member is theirs to consent to.
                guard plan.members.contains(where: { $0.id == memberID }) else {
                    throw ModelError(
                        .notFound, Messages.Model.memberSectionNamesNoMember(section.reference))
                }
                guard givers.contains(memberID) else {
                    throw ModelError(
                        .ruleViolated, Messages.Model.memberConsentsAlone(section.reference))
                }
                continue
            }
            guard case .child(let childID) = section else {
                let parents = plan.members.filter { $0.has(MemberField.role, MemberRole.parentInShelter) }
                guard parents.contains(where: { givers.contains($0.id) }) else {
                    throw ModelError(.ruleViolated, Messages.Model.parentMustConsent(section.reference))
                }
                continue
            }
            guard let child = plan.members.first(where: { $0.id == childID }) else {
                throw ModelError(.notFound, Messages.Model.childSectionNamesNoMember(section.reference))
            }
            let age = child.date(MemberField.birthDate).map { $0.yearsOld(on: day) }
            if let age, age >= 16 {
                guard givers.contains(child.id) else {
                    throw ModelError(.ruleViolated, Messages.Model.childOf16Alone(section.reference))
                }
                continue
            }
            let authority = plan.members.filter {
                $0.bool(MemberField.parentalAuthority) == true
                    && ($0.has(MemberField.role, MemberRole.parentInShelter) || $0.has(MemberField.role, MemberRole.otherParent))
            }
            let absent = authority.filter { !givers.contains($0.id) }
            guard authority.count > 0, absent.isEmpty else {
                throw ModelError(
                    .ruleViolated,
                    authority.isEmpty
                        ? Messages.Model.noAuthorityRecorded(section.reference)
                        : Messages.Model.authorityMissing(section.reference, missing: absent.map(\.shortID)))
            }
            if let age, age >= 12, !givers.contains(child.id) {
                throw ModelError(.ruleViolated, Messages.Model.childOf12Too(section.reference))
            }
        }
    }

    /// Shares made concurrently with a withdrawal of their consent that neither side had seen: the share did
    /// not know the withdrawal, and the withdrawal did not know the share. They were accepted (nothing else was
    /// possible offline) and are flagged for the privacy officer.
    public static func concurrentWithdrawals(in plan: FamilyPlan) -> [(share: PlanEntity, withdrawal: PlanEntity)] {
        var flagged: [(PlanEntity, PlanEntity)] = []
        for share in plan.all(.share) {
            guard let consent = share.ref(ShareField.consent) else { continue }
            let knownWithdrawals = Set(share.refs(ShareField.withdrawalsSeen))
            for withdrawal in plan.all(.withdrawal) where withdrawal.ref(WithdrawalField.consent) == consent {
                let knownShares = Set(withdrawal.refs(WithdrawalField.sharesSeen))
                if !knownWithdrawals.contains(withdrawal.id) && !knownShares.contains(share.id) {
                    flagged.append((share, withdrawal))
                }
            }
        }
        return flagged
    }
}

/// What a consent or a safety override allows: to whom, which sections, for what purpose. The two kinds store
/// these under the same keys but are different types in the schema; this reads either.
public struct BasisTerms: Hashable, Sendable {
    /// The recipient organisation's id.
    public var recipient: String?
    /// The recipient organisation's name.
    public var recipientName: String?
    /// The sections covered.
    public var sections: [Section]
    /// The purpose (a consent's `doel`; nil for a safety override, whose purpose is safety).
    public var purpose: String?

    /// The terms of `entity`; nil when it is neither a consent nor a safety override.
    public init?(_ entity: PlanEntity) {
        switch entity.kind {
        case .consent:
            recipient = entity.text(ConsentField.recipient)
            recipientName = entity.text(ConsentField.recipientName)
            sections = entity.sections(ConsentField.sections)
            purpose = entity.text(ConsentField.purpose)
        case .safetyOverride:
            recipient = entity.text(SafetyOverrideField.recipient)
            recipientName = entity.text(SafetyOverrideField.recipientName)
            sections = entity.sections(SafetyOverrideField.sections)
            purpose = nil
        default:
            return nil
        }
    }
}

import NazorgMessages

/// Checks a whole entity (after a create or an update) against its schema and the rules between fields.
public enum Validation {
    /// How far in the future a date of something that happened may lie: a day, for clocks and time zones.
    public static let clockSkewDays = 1

    /// Throws the first problem found, naming the field by its label. `fields` is the entity's full state. With
    /// `today`, a date of something that happened (a contact, an assessment, an evaluation) may not lie after it.
    public static func validate(_ kind: EntityKind, fields: [String: FieldValue], today: CalendarDate? = nil) throws {
        for spec in kind.fields where spec.isRequired && fields[spec.name] == nil {
            throw spec.refusal(Messages.Model.required(for: kind.noun), code: .missingField)
        }
        for name in fields.keys.sorted() {
            let spec = try kind.field(name)
            if let today, spec.isPast, let day = fields[name]?.text.flatMap(CalendarDate.init), day > today.addingDays(clockSkewDays) {
                throw spec.refusal(Messages.Model.inTheFuture(today: today.written))
            }
        }
        func date<F: EntityField>(_ field: F) -> CalendarDate? { fields[field]?.text.flatMap(CalendarDate.init) }
        func organisationID<F: EntityField>(_ field: F) throws {
            guard let id = fields[field]?.text, id.count == 32, id.allSatisfy(\.isHexDigit) else {
                throw field.spec.refusal(Messages.Model.notAnOrganisationID)
            }
        }
        func notBefore<F: EntityField>(_ later: F, _ earlier: F) throws {
            if let l = date(later), let e = date(earlier), l < e {
                throw later.spec.refusal(Messages.Model.before(earlier.label, e.written))
            }
        }
        switch kind {
        case .regisseur: try notBefore(RegisseurField.until, .from)
        case .childProtection: try notBefore(ChildProtectionField.until, .from)
        case .highRisk: try notBefore(HighRiskField.until, .from)
        case .schoolChange: try notBefore(SchoolChangeField.date, .arrival)
        case .child:
            if let arrangement = fields[ChildField.arrangement]?.text, arrangement != ContactArrangement.none.rawValue,
                fields[ChildField.arrangementSince] == nil
            {
                throw ChildField.arrangementSince.spec.refusal(Messages.Model.arrangementSinceRequired, code: .missingField)
            }
        case .aftercare:
            try notBefore(AftercareField.plannedEnd, .start)
            try notBefore(AftercareField.closed, .start)
            let punchCard = fields[AftercareField.mode]?.text == AftercareMode.punchCard.rawValue
            if punchCard, fields[AftercareField.sessions] == nil {
                throw AftercareField.sessions.spec.refusal(Messages.Model.sessionsRequired, code: .missingField)
            }
            if !punchCard, fields[AftercareField.sessions] != nil {
                throw AftercareField.sessions.spec.refusal(Messages.Model.sessionsOnlyPunchCard)
            }
        case .stagnation:
            try notBefore(StagnationField.escalatedOn, .since)
            try notBefore(StagnationField.resolved, .since)
        case .selfReliance:
            guard SelfRelianceField.allCases.contains(where: { $0.domain != nil && fields[$0] != nil }) else {
                throw ModelError(.missingField, Messages.Model.zrmNeedsScore)
            }
        case .consent:
            try notBefore(ConsentField.until, .from)
            try organisationID(ConsentField.recipient)
        case .safetyOverride:
            try organisationID(SafetyOverrideField.recipient)
            if fields[SafetyOverrideField.motherInformed]?.bool == false, fields[SafetyOverrideField.whyNotInformed] == nil {
                throw SafetyOverrideField.whyNotInformed.spec.refusal(
                    Messages.Model.whyNotInformedRequired, code: .missingField)
            }
            try checkWeighing(fields)
        case .share:
            try organisationID(ShareField.recipient)
            guard (fields[ShareField.consent] == nil) != (fields[ShareField.safetyOverride] == nil) else {
                throw ModelError(.missingField, Messages.Model.shareNeedsOneBasis)
            }
        default: break
        }
    }

    /// The meldcode's afwegingskader must support breaking confidentiality (Wet verplichte meldcode, step 4–5):
    /// there is a suspicion of violence (question 1), and either there is acute or structural unsafety (2), or the
    /// worker cannot offer effective help (3), or it is not accepted (4), or it will not bring lasting safety (5).
    /// Answers that all argue against it are refused, unless the ground is acute danger.
    static func checkWeighing(_ fields: [String: FieldValue]) throws {
        func answer(_ field: SafetyOverrideField) -> Bool? { fields[field]?.bool }
        guard let suspicion = answer(.suspicion), let unsafe = answer(.unsafe), let helpPossible = answer(.helpPossible),
            let helpAccepted = answer(.helpAccepted), let lasting = answer(.lastingSafety)
        else { return }
        let supports = suspicion && (unsafe || !helpPossible || !helpAccepted || !lasting)
        guard !supports, fields[SafetyOverrideField.ground]?.text != LegalGround.acuteDanger.rawValue else { return }
        let why =
            suspicion
            ? Messages.Model.weighingNoSafety
            : Messages.Model.weighingNoSuspicion
        throw ModelError(.ruleViolated, Messages.Model.weighingRefuses(why))
    }

    /// Parses text inputs for `kind` into typed values, naming the field of the first bad one.
    public static func parse(_ kind: EntityKind, _ inputs: [String: String]) throws -> [String: FieldValue] {
        var values: [String: FieldValue] = [:]
        for (name, text) in inputs.sorted(by: { $0.key < $1.key }) {
            values[name] = try kind.field(name).parse(text)
        }
        return values
    }
}

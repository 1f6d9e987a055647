import NazorgMessages

/// The kinds of entity a family plan holds, each with its section, its fields, and whether it is an
/// insert-only fact record (a correction is then a new record pointing at the old one via `corrigeert`).
public enum EntityKind: String, CaseIterable, Hashable, Sendable {
    case family = "gezin"
    case member = "lid"
    case regisseur = "regisseur"
    case organisation = "organisatie"
    case measure = "maatregel"
    case signal = "signaal"
    case emergencyContact = "noodcontact"
    case riskAssessment = "risicotaxatie"
    case goal = "doel"
    case action = "actie"
    case child = "kinddeel"
    case aftercare = "nazorg"
    case contact = "contact"
    case stagnation = "stagnatie"
    case evaluation = "evaluatie"
    case selfReliance = "zrm"
    case consent = "toestemming"
    case withdrawal = "intrekking"
    case refusal = "weigering"
    case safetyOverride = "doorbreking"
    case share = "deling"
    case provenance = "herkomst"
    case regionMove = "verhuizing"
    case childProtection = "kinderbescherming"
    case schoolChange = "schoolwissel"
    case care = "zorg"
    case finance = "financien"
    case highRisk = "hoogrisico"

    /// What a person calls one entity of this kind, with its article (`een gezinslid`).
    public var noun: String {
        switch self {
        case .family: "een gezin"
        case .member: "een gezinslid"
        case .regisseur: "de regisseur"
        case .organisation: "een betrokken organisatie"
        case .measure: "een maatregel in het veiligheidsplan"
        case .signal: "een signaal in het veiligheidsplan"
        case .emergencyContact: "een noodcontact"
        case .riskAssessment: "een risicotaxatie"
        case .goal: "een doel"
        case .action: "een actie"
        case .child: "het eigen deel van een kind"
        case .aftercare: "de nazorgperiode"
        case .contact: "een contact"
        case .stagnation: "een stagnatie"
        case .evaluation: "een evaluatie"
        case .selfReliance: "een ZRM-meting"
        case .consent: "een toestemming"
        case .withdrawal: "een intrekking van een toestemming"
        case .refusal: "een weigering van toestemming"
        case .safetyOverride: "een doorbreking van het beroepsgeheim"
        case .share: "een deling"
        case .provenance: "de herkomst van een overgedragen gezin"
        case .regionMove: "een verhuizing"
        case .childProtection: "een kinderbeschermingsmaatregel"
        case .schoolChange: "een schoolwissel"
        case .care: "zorg"
        case .finance: "geld en administratie"
        case .highRisk: "een hoog-risicocategorie"
        }
    }

    /// The version of the schema below; it travels in every change header.
    public static let schemaVersion: UInt16 = 1

    /// Fact records are never edited; every other kind is a set of multi-value registers.
    public var isFact: Bool {
        switch self {
        case .riskAssessment, .contact, .evaluation, .selfReliance, .consent, .withdrawal, .refusal, .safetyOverride, .share, .provenance,
            .regionMove, .schoolChange:
            true
        default: false
        }
    }

    /// The section an entity of this kind lives in. A child's part lives in `child:<member>`; an organisation
    /// linked to one member lives in `member:<member>`, so that only who receives that section sees it.
    public func section(child member: String? = nil) -> Section {
        switch self {
        case .organisation: member.map(Section.member) ?? .core
        case .family, .member, .regisseur, .regionMove: .core
        case .measure, .signal, .emergencyContact, .riskAssessment, .highRisk: .safety
        case .goal, .action, .aftercare, .stagnation, .evaluation, .selfReliance: .plan
        case .child, .childProtection, .schoolChange: .child(member ?? "")
        case .care: .health
        case .finance: .finance
        case .contact: .journal
        case .consent, .withdrawal, .refusal, .safetyOverride, .share, .provenance: .consent
        }
    }

    /// The field type of this kind.
    public var fieldType: any EntityField.Type {
        switch self {
        case .family: FamilyField.self
        case .member: MemberField.self
        case .regisseur: RegisseurField.self
        case .organisation: OrganisationField.self
        case .measure: MeasureField.self
        case .signal: SignalField.self
        case .emergencyContact: EmergencyContactField.self
        case .riskAssessment: RiskAssessmentField.self
        case .goal: GoalField.self
        case .action: ActionField.self
        case .child: ChildField.self
        case .aftercare: AftercareField.self
        case .contact: ContactField.self
        case .stagnation: StagnationField.self
        case .evaluation: EvaluationField.self
        case .selfReliance: SelfRelianceField.self
        case .consent: ConsentField.self
        case .withdrawal: WithdrawalField.self
        case .refusal: RefusalField.self
        case .safetyOverride: SafetyOverrideField.self
        case .share: ShareField.self
        case .provenance: ProvenanceField.self
        case .regionMove: RegionMoveField.self
        case .childProtection: ChildProtectionField.self
        case .schoolChange: SchoolChangeField.self
        case .care: CareField.self
        case .finance: FinanceField.self
        case .highRisk: HighRiskField.self
        }
    }

    /// The field by which a fact corrects an earlier fact of its kind (`corrigeert`): the one field that refers
    /// to its own kind. Nil for editable kinds and for facts that are not corrected but replaced (a consent is
    /// withdrawn and given anew).
    public var correctionField: FieldSpec? {
        guard isFact else { return nil }
        return fields.first { $0.type == .ref(self) }
    }

    /// Whether entities of this kind live in one child's own section; their `lid` names the child.
    public var isChildPart: Bool { [.child, .childProtection, .schoolChange].contains(self) }

    /// The stored key of the field that names the child of a child's part (`lid`).
    public static let childMemberKey = ChildField.member.key

    /// The field whose member decides the section an entity lives in: the child of a child's part, the member an
    /// organisation is linked to. Nil for kinds whose section is fixed. Set at creation, never changed.
    public var sectionMemberField: FieldSpec? {
        if isChildPart { return try? field(Self.childMemberKey) }
        return self == .organisation ? OrganisationField.member.spec : nil
    }

    /// The member whose section an entity of this kind with `values` lives in, if any.
    public func sectionMember(_ values: [String: FieldValue]) -> String? {
        sectionMemberField.flatMap { values[$0.name]?.ref }
    }

    /// The fields of this kind, in declaration order.
    public var fields: [FieldSpec] { Self.specs[self]! }

    /// Every kind's specs, built once: reading a plan looks up the spec of every stored field.
    private static let specs: [EntityKind: [FieldSpec]] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.fieldType.specs) })
    private static let specsByName: [EntityKind: [String: FieldSpec]] = specs.mapValues { specs in
        Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The spec of one field by its stored key, or an error naming the fields this kind has.
    public func field(_ name: String) throws -> FieldSpec {
        guard let spec = Self.specsByName[self]?[name] else {
            throw ModelError(.unknownField, Messages.Model.unknownField(rawValue, name, fields: fields.map(\.name)))
        }
        return spec
    }
}

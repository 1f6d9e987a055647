// The fields of every entity kind. Stored keys (the raw values) never change: they are in every change ever
// written. Add a field by adding a case; rename only the case, never the raw value.

/// The family's own record.
public enum FamilyField: String, EntityField {
    case name = "naam"
    case municipality = "gemeente"
    case phase = "fase"
    case secretAddress = "geheimAdres"

    public static let kind = EntityKind.family
    public var definition: FieldDefinition {
        switch self {
        case .name: FieldDefinition(.name, required: true, "gezinsnaam (werknaam)")
        case .municipality: FieldDefinition(.name, "gemeente")
        case .phase: FieldDefinition(.choice(FamilyPhase.self), "fase")
        case .secretAddress: FieldDefinition(.bool, "geheim adres")
        }
    }
}

/// A member of the family system.
public enum MemberField: String, EntityField {
    case name = "naam"
    case role = "rol"
    case birthDate = "geboortedatum"
    case parentalAuthority = "gezag"
    case addedAfterDeparture = "toegevoegdNaVertrek"
    case addedOn = "toegevoegdOp"
    case cameAlong = "meegekomen"
    case plainLanguage = "eenvoudigeTaal"
    case language = "taal"
    case returnedOn = "terugInHuisSinds"
    case gender = "geslacht"

    public static let kind = EntityKind.member
    public var definition: FieldDefinition {
        switch self {
        case .name: FieldDefinition(.name, required: true, "naam")
        case .role: FieldDefinition(.choice(MemberRole.self), required: true, "rol")
        case .birthDate: FieldDefinition(.date, "geboortedatum")
        case .parentalAuthority: FieldDefinition(.bool, "ouderlijk gezag")
        case .addedAfterDeparture: FieldDefinition(.bool, "toegevoegd na vertrek uit de opvang")
        case .addedOn: FieldDefinition(.date, "bij het huishouden gekomen op", past: true)
        case .cameAlong: FieldDefinition(.bool, "meegekomen naar de opvang (nee: achtergebleven kind)")
        case .plainLanguage: FieldDefinition(.bool, "heeft uitleg in eenvoudige taal nodig (norm 2.6)")
        case .language: FieldDefinition(.name, "taal van de gesprekken (en of er een tolk nodig is)")
        case .returnedOn: FieldDefinition(.date, "(als pleger) weer in huis sinds", past: true)
        case .gender: FieldDefinition(.choice(Gender.self), "geslacht (voor een ontvangend systeem: moeder of vader van de kinderen)")
        }
    }
}

/// The regisseur (1 gezin 1 plan 1 regisseur) for a period.
public enum RegisseurField: String, EntityField {
    case name = "naam"
    case organisation = "organisatie"
    case from = "vanaf"
    case until = "tot"
    case escalation = "escalatie"
    case function = "functie"
    case municipality = "gemeente"

    public static let kind = EntityKind.regisseur
    public var definition: FieldDefinition {
        switch self {
        case .name: FieldDefinition(.name, required: true, "naam regisseur")
        case .organisation: FieldDefinition(.name, required: true, "organisatie")
        case .from: FieldDefinition(.date, required: true, "regisseur vanaf")
        case .until: FieldDefinition(.date, "regisseur tot en met")
        case .escalation: FieldDefinition(.paragraph, "escalatie en doorzettingsmacht")
        case .function: FieldDefinition(.choice(RegisseurFunction.self), "functie van de regisseur")
        case .municipality: FieldDefinition(.name, "gemeente waar de regisseur werkt")
        }
    }
}

/// An organisation involved with the family.
public enum OrganisationField: String, EntityField {
    case name = "naam"
    case role = "rol"
    case contactPerson = "contactpersoon"
    case member = "lid"

    public static let kind = EntityKind.organisation
    public var definition: FieldDefinition {
        switch self {
        case .name: FieldDefinition(.name, required: true, "organisatie")
        case .role: FieldDefinition(.paragraph, "rol bij het gezin")
        case .contactPerson: FieldDefinition(.name, "contactpersoon")
        case .member: FieldDefinition(.ref(.member), "alleen betrokken bij lid")
        }
    }
}

/// A measure of the safety plan.
public enum MeasureField: String, EntityField {
    case category = "soort"
    case description = "omschrijving"
    case member = "lid"
    case agreedWith = "afgesprokenMet"

    public static let kind = EntityKind.measure
    public var definition: FieldDefinition {
        switch self {
        case .category: FieldDefinition(.choice(MeasureKind.self), required: true, "soort maatregel")
        case .description: FieldDefinition(.paragraph, "omschrijving")
        case .member: FieldDefinition(.ref(.member), "betreft lid")
        case .agreedWith: FieldDefinition(.name, "afgesproken met")
        }
    }
}

/// A warning sign of the safety plan, with what to do.
public enum SignalField: String, EntityField {
    case description = "omschrijving"
    case member = "lid"
    case action = "actie"

    public static let kind = EntityKind.signal
    public var definition: FieldDefinition {
        switch self {
        case .description: FieldDefinition(.paragraph, required: true, "signaal")
        case .member: FieldDefinition(.ref(.member), "betreft lid")
        case .action: FieldDefinition(.paragraph, "wat te doen bij dit signaal")
        }
    }
}

/// Someone to call in an emergency.
public enum EmergencyContactField: String, EntityField {
    case name = "naam"
    case phone = "telefoon"
    case relation = "relatie"

    public static let kind = EntityKind.emergencyContact
    public var definition: FieldDefinition {
        switch self {
        case .name: FieldDefinition(.name, required: true, "naam")
        case .phone: FieldDefinition(.phone, "telefoon")
        case .relation: FieldDefinition(.name, "relatie tot het gezin")
        }
    }
}

/// A risk assessment of one member (a fact).
public enum RiskAssessmentField: String, EntityField {
    case member = "lid"
    case classification = "classificatie"
    case instrument = "instrument"
    case occasion = "aanleiding"
    case faceToFace = "faceToFace"
    case organisation = "organisatie"
    case date = "datum"
    case corrects = "corrigeert"

    public static let kind = EntityKind.riskAssessment
    public var definition: FieldDefinition {
        switch self {
        case .member: FieldDefinition(.ref(.member), required: true, "lid")
        case .classification: FieldDefinition(.choice(RiskClass.self), required: true, "classificatie")
        case .instrument: FieldDefinition(.name, required: true, "instrument")
        case .occasion: FieldDefinition(.paragraph, "aanleiding")
        case .faceToFace: FieldDefinition(.bool, required: true, "in persoon gesproken")
        case .organisation: FieldDefinition(.name, required: true, "beoordelende organisatie")
        case .date: FieldDefinition(.date, required: true, "datum", past: true)
        case .corrects: FieldDefinition(.ref(.riskAssessment), "corrigeert taxatie")
        }
    }
}

/// A goal in one life domain.
public enum GoalField: String, EntityField {
    case domain = "domein"
    case description = "omschrijving"
    case status = "status"
    case responsible = "verantwoordelijk"
    case member = "lid"

    public static let kind = EntityKind.goal
    public var definition: FieldDefinition {
        switch self {
        case .domain: FieldDefinition(.choice(LifeDomain.self), required: true, "leefgebied")
        case .description: FieldDefinition(.paragraph, required: true, "doel")
        case .status: FieldDefinition(.choice(GoalStatus.self), "status")
        case .responsible: FieldDefinition(.name, "verantwoordelijke organisatie")
        case .member: FieldDefinition(.ref(.member), "betreft lid")
        }
    }
}

/// An action towards a goal.
public enum ActionField: String, EntityField {
    case goal = "doel"
    case description = "omschrijving"
    case status = "status"
    case deadline = "deadline"
    case who = "wie"

    public static let kind = EntityKind.action
    public var definition: FieldDefinition {
        switch self {
        case .goal: FieldDefinition(.ref(.goal), required: true, "bij doel")
        case .description: FieldDefinition(.paragraph, required: true, "actie")
        case .status: FieldDefinition(.choice(GoalStatus.self), "status")
        case .deadline: FieldDefinition(.date, "uiterlijk")
        case .who: FieldDefinition(.name, "wie voert uit")
        }
    }
}

/// A child's own part, in the child's own section.
public enum ChildField: String, EntityField {
    case member = "lid"
    case school = "school"
    case schoolStart = "schoolStart"
    case contactArrangement = "omgang"
    case referralIndex = "vir"
    case ownVoice = "eigenStem"
    case moves = "verhuizingen"
    case arrangement = "omgangVorm"
    case arrangementSince = "omgangSinds"
    /// Copied from the member when the part is made: a child shared alone (a meldcode report of one child's part)
    /// is identifiable without the family's core section.
    case name = "naam"
    case birthDate = "geboortedatum"
    case movesReason = "verhuizingenReden"

    public static let kind = EntityKind.child
    public var definition: FieldDefinition {
        switch self {
        case .member: FieldDefinition(.ref(.member), required: true, "kind")
        case .school: FieldDefinition(.name, "school")
        case .schoolStart: FieldDefinition(.date, "start op school")
        case .contactArrangement: FieldDefinition(.paragraph, "omgangsregeling met de andere ouder")
        case .referralIndex: FieldDefinition(.bool, "geregistreerd in de Verwijsindex (VIR)")
        case .ownVoice: FieldDefinition(.longText, "de stem van het kind")
        case .moves: FieldDefinition(.int(0...20), "aantal verhuizingen")
        case .arrangement: FieldDefinition(.choice(ContactArrangement.self), "vorm van de omgang")
        case .arrangementSince: FieldDefinition(.date, "omgang in deze vorm sinds")
        case .name: FieldDefinition(.name, "naam van het kind (standaard: uit de gezinsleden)")
        case .birthDate: FieldDefinition(.date, "geboortedatum van het kind (standaard: uit de gezinsleden)")
        case .movesReason: FieldDefinition(.paragraph, "waarom het kind meer dan 2 keer verhuisde (uitzondering, met reden)")
        }
    }
}

/// An aftercare episode.
public enum AftercareField: String, EntityField {
    case start = "start"
    case plannedEnd = "geplandEinde"
    case mode = "vorm"
    case frequency = "frequentie"
    case closed = "afgesloten"
    case reason = "reden"
    case sessions = "strippen"
    case noHandoverBecause = "geenOverdrachtOmdat"

    public static let kind = EntityKind.aftercare
    public var definition: FieldDefinition {
        switch self {
        case .start: FieldDefinition(.date, required: true, "start nazorg")
        case .plannedEnd: FieldDefinition(.date, required: true, "gepland einde")
        case .mode: FieldDefinition(.choice(AftercareMode.self), required: true, "vorm")
        case .frequency: FieldDefinition(.name, "contactfrequentie")
        case .closed: FieldDefinition(.date, "afgesloten op", past: true)
        case .reason: FieldDefinition(.paragraph, "reden van afsluiten")
        case .sessions: FieldDefinition(.int(1...20), "aantal gesprekken op de strippenkaart")
        case .noHandoverBecause: FieldDefinition(.paragraph, "waarom er bij afsluiten geen warme overdracht is")
        }
    }
}

/// A contact in the journal (a fact).
public enum ContactField: String, EntityField {
    case date = "datum"
    case mode = "vorm"
    case report = "verslag"
    case corrects = "corrigeert"
    case childrenSeen = "kinderenGezien"
    case safetyDiscussed = "veiligheidBesproken"

    public static let kind = EntityKind.contact
    public var definition: FieldDefinition {
        switch self {
        case .date: FieldDefinition(.date, required: true, "datum", past: true)
        case .mode: FieldDefinition(.choice(ContactMode.self), required: true, "vorm")
        case .report: FieldDefinition(.longText, required: true, "verslag")
        case .corrects: FieldDefinition(.ref(.contact), "corrigeert contact")
        case .childrenSeen: FieldDefinition(.bool, "de kinderen gezien en gesproken")
        case .safetyDiscussed: FieldDefinition(.bool, "de veiligheid besproken")
        }
    }
}

/// Help that stagnates, and where it was escalated.
public enum StagnationField: String, EntityField {
    case domain = "domein"
    case description = "omschrijving"
    case since = "sinds"
    case escalatedTo = "geescaleerdNaar"
    case escalatedOn = "geescaleerdOp"
    case resolved = "opgelost"

    public static let kind = EntityKind.stagnation
    public var definition: FieldDefinition {
        switch self {
        case .domain: FieldDefinition(.choice(LifeDomain.self), required: true, "leefgebied")
        case .description: FieldDefinition(.paragraph, required: true, "wat stagneert")
        case .since: FieldDefinition(.date, required: true, "sinds", past: true)
        case .escalatedTo: FieldDefinition(.name, "geëscaleerd naar")
        case .escalatedOn: FieldDefinition(.date, "geëscaleerd op", past: true)
        case .resolved: FieldDefinition(.date, "opgelost op", past: true)
        }
    }
}

/// An evaluation (a fact).
public enum EvaluationField: String, EntityField {
    case date = "datum"
    case category = "soort"
    case participants = "deelnemers"
    case outcome = "uitkomst"
    case corrects = "corrigeert"

    public static let kind = EntityKind.evaluation
    public var definition: FieldDefinition {
        switch self {
        case .date: FieldDefinition(.date, required: true, "datum", past: true)
        case .category: FieldDefinition(.choice(EvaluationKind.self), required: true, "soort evaluatie")
        case .participants: FieldDefinition(.paragraph, "deelnemers")
        case .outcome: FieldDefinition(.longText, "uitkomst")
        case .corrects: FieldDefinition(.ref(.evaluation), "corrigeert evaluatie")
        }
    }
}

/// A self-reliance measurement (Zelfredzaamheid-Matrix, a fact): a score 1–5 per domain.
public enum SelfRelianceField: String, EntityField {
    case date = "datum"
    case finances = "financien"
    case daytimeActivity = "dagbesteding"
    case housing = "huisvesting"
    case domesticRelations = "huiselijke-relaties"
    case mentalHealth = "geestelijke-gezondheid"
    case physicalHealth = "lichamelijke-gezondheid"
    case addiction = "verslaving"
    case dailyLiving = "adl"
    case socialNetwork = "sociaal-netwerk"
    case participation = "maatschappelijke-participatie"
    case justice = "justitie"
    case corrects = "corrigeert"

    public static let kind = EntityKind.selfReliance
    /// The score field of a ZRM domain.
    public init(_ domain: ZRMDomain) { self.init(rawValue: domain.rawValue)! }
    /// The ZRM domain this field scores, nil for the date and the correction.
    public var domain: ZRMDomain? { ZRMDomain(rawValue: rawValue) }
    public var definition: FieldDefinition {
        if self == .date { return FieldDefinition(.date, required: true, "datum", past: true) }
        if self == .corrects { return FieldDefinition(.ref(.selfReliance), "corrigeert ZRM-meting") }
        return FieldDefinition(.int(1...5), "ZRM \(domain?.label ?? rawValue)", option: "score \(rawValue)=1..5")
    }
}

/// A consent to share (a fact).
public enum ConsentField: String, EntityField {
    case givers = "gevers"
    case recipient = "ontvanger"
    case recipientName = "ontvangerNaam"
    case sections = "secties"
    case purpose = "doel"
    case from = "vanaf"
    case until = "tot"
    case form = "vorm"
    case recordedBy = "vastgelegdDoor"

    public static let kind = EntityKind.consent
    public var definition: FieldDefinition {
        switch self {
        case .givers: FieldDefinition(.refs(.member), required: true, "wie geeft toestemming (leden)")
        case .recipient: FieldDefinition(.organisationID, required: true, "ontvangende organisatie (id)")
        case .recipientName: FieldDefinition(.name, required: true, "ontvangende organisatie")
        case .sections: FieldDefinition(.sections, required: true, "welke delen van het plan")
        case .purpose: FieldDefinition(.paragraph, required: true, "doel van het delen")
        case .from: FieldDefinition(.date, required: true, "geldig vanaf")
        case .until: FieldDefinition(.date, "geldig tot en met")
        case .form: FieldDefinition(.choice(ConsentForm.self), required: true, "hoe vastgelegd")
        case .recordedBy: FieldDefinition(.name, required: true, "vastgelegd door")
        }
    }
}

/// The refusal of consent to share (a fact): asked, and answered no. It stays in the plan, so that a later safety
/// override can say it knew, and nobody asks again as if for the first time.
public enum RefusalField: String, EntityField {
    case giver = "gever"
    case recipient = "ontvanger"
    case recipientName = "ontvangerNaam"
    case sections = "secties"
    case purpose = "doel"
    case date = "datum"
    case form = "vorm"
    case recordedBy = "vastgelegdDoor"
    case note = "toelichting"

    public static let kind = EntityKind.refusal
    public var definition: FieldDefinition {
        switch self {
        case .giver: FieldDefinition(.ref(.member), required: true, "wie weigert (lid)")
        case .recipient: FieldDefinition(.organisationID, "organisatie waaraan niet gedeeld mag worden (id)")
        case .recipientName: FieldDefinition(.name, "organisatie waaraan niet gedeeld mag worden")
        case .sections: FieldDefinition(.sections, "over welke delen van het plan")
        case .purpose: FieldDefinition(.paragraph, required: true, "waarvoor toestemming werd gevraagd")
        case .date: FieldDefinition(.date, required: true, "geweigerd op", past: true)
        case .form: FieldDefinition(.choice(ConsentForm.self), required: true, "hoe vastgelegd")
        case .recordedBy: FieldDefinition(.name, required: true, "vastgelegd door")
        case .note: FieldDefinition(.paragraph, "toelichting (in de woorden van de cliënt)")
        }
    }
}

/// The withdrawal of a consent (a fact).
public enum WithdrawalField: String, EntityField {
    case consent = "toestemming"
    case date = "datum"
    case form = "vorm"
    case recordedBy = "vastgelegdDoor"
    /// Set by the engine: the shares of this consent the withdrawing device knew (its causal past).
    case sharesSeen = "delingenGezien"

    public static let kind = EntityKind.withdrawal
    public var definition: FieldDefinition {
        switch self {
        case .consent: FieldDefinition(.ref(.consent), required: true, "ingetrokken toestemming")
        case .date: FieldDefinition(.date, required: true, "ingetrokken op", past: true)
        case .form: FieldDefinition(.choice(ConsentForm.self), required: true, "hoe vastgelegd")
        case .recordedBy: FieldDefinition(.name, required: true, "vastgelegd door")
        case .sharesSeen: FieldDefinition(.refs(.share), "bekende delingen op deze toestemming")
        }
    }
}

/// A breach of confidentiality for safety (meldcode, afwegingskader; a fact).
public enum SafetyOverrideField: String, EntityField {
    case recipient = "ontvanger"
    case recipientName = "ontvangerNaam"
    case sections = "secties"
    case ground = "grond"
    case suspicion = "vermoeden"
    case unsafe = "onveilig"
    case helpPossible = "hulpMogelijk"
    case helpAccepted = "hulpAanvaard"
    case lastingSafety = "duurzaamVeilig"
    case justification = "rechtvaardiging"
    case consulted = "geraadpleegd"
    case motherInformed = "moederGeinformeerd"
    case whyNotInformed = "waaromNiet"
    case decidedBy = "besluitDoor"
    case date = "datum"
    case members = "lid"
    case assessment = "taxatie"

    public static let kind = EntityKind.safetyOverride
    public var definition: FieldDefinition {
        switch self {
        case .recipient: FieldDefinition(.organisationID, required: true, "ontvangende organisatie (id)")
        case .recipientName: FieldDefinition(.name, required: true, "ontvangende organisatie")
        case .sections: FieldDefinition(.sections, required: true, "minimaal nodige delen van het plan")
        case .ground: FieldDefinition(.choice(LegalGround.self), required: true, "wettelijke grond")
        case .suspicion: FieldDefinition(.bool, required: true, "afwegingskader 1: is er een vermoeden van geweld")
        case .unsafe: FieldDefinition(.bool, required: true, "afwegingskader 2: is er acute of structurele onveiligheid")
        case .helpPossible: FieldDefinition(.bool, required: true, "afwegingskader 3: kan ik effectieve hulp bieden of organiseren")
        case .helpAccepted: FieldDefinition(.bool, required: true, "afwegingskader 4: wordt de hulp aanvaard")
        case .lastingSafety: FieldDefinition(.bool, required: true, "afwegingskader 5: leidt de hulp tot duurzame veiligheid")
        case .justification: FieldDefinition(.longText, required: true, "rechtvaardiging in woorden")
        case .consulted: FieldDefinition(.paragraph, required: true, "geraadpleegd (aandachtsfunctionaris, collega, Veilig Thuis)")
        case .motherInformed: FieldDefinition(.bool, required: true, "moeder vooraf geïnformeerd")
        case .whyNotInformed: FieldDefinition(.paragraph, "waarom niet geïnformeerd")
        case .decidedBy: FieldDefinition(.name, required: true, "besluit genomen door")
        case .date: FieldDefinition(.date, required: true, "datum", past: true)
        case .members: FieldDefinition(.refs(.member), required: true, "wiens veiligheid het besluit beschermt (leden)")
        case .assessment: FieldDefinition(.ref(.riskAssessment), "de risicotaxatie waarop het besluit steunt")
        }
    }
}

/// A disclosure to another organisation (a fact).
public enum ShareField: String, EntityField {
    case recipient = "ontvanger"
    case recipientName = "ontvangerNaam"
    case sections = "secties"
    case consent = "toestemming"
    case safetyOverride = "doorbreking"
    case date = "datum"
    case devices = "apparaten"
    case sharedBy = "gedeeldDoor"
    /// Set by the engine: withdrawals of the basis the sharing device knew (its causal past).
    case withdrawalsSeen = "intrekkingenGezien"
    /// Set by the engine when the share is a warm-handover bundle.
    case bundle = "bundel"
    case secondDecision = "tweedeBesluit"
    /// Set by the engine for a warm handover that lacked a part or a participant, with the reason given.
    case incompleteBecause = "onvolledigOmdat"

    public static let kind = EntityKind.share
    public var definition: FieldDefinition {
        switch self {
        case .recipient: FieldDefinition(.organisationID, required: true, "ontvangende organisatie (id)")
        case .recipientName: FieldDefinition(.name, "ontvangende organisatie")
        case .sections: FieldDefinition(.sections, required: true, "gedeelde delen van het plan")
        case .consent: FieldDefinition(.ref(.consent), "grondslag: toestemming")
        case .safetyOverride: FieldDefinition(.ref(.safetyOverride), "grondslag: doorbreking (veiligheid)")
        case .date: FieldDefinition(.date, required: true, "datum")
        case .devices: FieldDefinition(.int(0...10_000), "aantal ontvangende apparaten")
        case .sharedBy: FieldDefinition(.name, "gedeeld door (medewerker)")
        case .withdrawalsSeen: FieldDefinition(.refs(.withdrawal), "bekende intrekkingen van de grondslag")
        case .bundle: FieldDefinition(.organisationID, "overdrachtsbundel (id)")
        case .secondDecision: FieldDefinition(.name, "tweede besluit door (bij een hoog-risicogezin)")
        case .incompleteBecause: FieldDefinition(.paragraph, "waarom de warme overdracht onvolledig was")
        }
    }
}

/// Where an imported plan came from: one record per imported warm-handover bundle (a fact).
public enum ProvenanceField: String, EntityField {
    case bundle = "bundel"
    case from = "van"
    case fromID = "vanId"
    case by = "door"
    case date = "datum"
    case basis = "grondslag"
    case sections = "secties"
    case withheld = "achtergehouden"
    case meetingDate = "gesprekDatum"
    case meetingMode = "gesprekVorm"
    case present = "aanwezig"
    case context = "context"
    case agreements = "afspraken"
    case contactPerson = "contactpersoon"
    case receivedBy = "ontvangenDoor"
    case originalFamily = "oorspronkelijkGezin"
    case incompleteBecause = "onvolledigOmdat"

    public static let kind = EntityKind.provenance
    public var definition: FieldDefinition {
        switch self {
        case .bundle: FieldDefinition(.organisationID, required: true, "overdrachtsbundel (id)")
        case .from: FieldDefinition(.name, required: true, "overgedragen door organisatie")
        case .fromID: FieldDefinition(.organisationID, required: true, "organisatie (id)")
        case .by: FieldDefinition(.name, required: true, "overgedragen door (medewerker)")
        case .date: FieldDefinition(.date, required: true, "datum overdracht", past: true)
        case .basis: FieldDefinition(.paragraph, required: true, "grondslag van de overdracht")
        case .sections: FieldDefinition(.sections, required: true, "overgedragen delen")
        case .withheld: FieldDefinition(.paragraph, "niet overgedragen delen, en waarom")
        case .meetingDate: FieldDefinition(.date, "overdrachtsgesprek op", past: true)
        case .meetingMode: FieldDefinition(.choice(HandoverMode.self), "vorm van het gesprek")
        case .present: FieldDefinition(.paragraph, "aanwezig bij het gesprek")
        case .context: FieldDefinition(.longText, "persoonlijke context")
        case .agreements: FieldDefinition(.longText, "afspraken met ketenpartners")
        case .contactPerson: FieldDefinition(.paragraph, "contactpersoon bij de vorige organisatie")
        case .receivedBy: FieldDefinition(.name, required: true, "ontvangen door")
        case .originalFamily: FieldDefinition(.organisationID, required: true, "gezin bij de vorige organisatie (id)")
        case .incompleteBecause: FieldDefinition(.paragraph, "waarom de overdracht onvolledig was")
        }
    }
}

/// A move of the family to another municipality (scenario 2, a fact): support restarts there, a new safety
/// assessment is due, and the regisseur comes from the new municipality (002 §4.2).
public enum RegionMoveField: String, EntityField {
    case date = "datum"
    case from = "van"
    case to = "naar"
    case region = "regio"

    public static let kind = EntityKind.regionMove
    public var definition: FieldDefinition {
        switch self {
        case .date: FieldDefinition(.date, required: true, "verhuisd op", past: true)
        case .from: FieldDefinition(.name, "vorige gemeente")
        case .to: FieldDefinition(.name, required: true, "nieuwe gemeente")
        case .region: FieldDefinition(.name, "nieuwe regio (Veilig Thuis, centrumgemeente)")
        }
    }
}

/// A child protection measure (scenario 10), in the child's own section: the family guardian of the
/// certified institution is then the regisseur (002 §3.6).
public enum ChildProtectionField: String, EntityField {
    case member = "lid"
    case category = "soort"
    case from = "vanaf"
    case until = "tot"
    case institution = "instelling"
    case guardian = "gezinsvoogd"
    case description = "omschrijving"

    public static let kind = EntityKind.childProtection
    public var definition: FieldDefinition {
        switch self {
        case .member: FieldDefinition(.ref(.member), required: true, "kind")
        case .category: FieldDefinition(.choice(ChildProtectionKind.self), required: true, "soort maatregel")
        case .from: FieldDefinition(.date, required: true, "uitgesproken per")
        case .until: FieldDefinition(.date, "loopt tot en met")
        case .institution: FieldDefinition(.name, required: true, "gecertificeerde instelling")
        case .guardian: FieldDefinition(.name, "gezinsvoogd")
        case .description: FieldDefinition(.paragraph, "omschrijving")
        }
    }
}

/// A child's change of school (scenario 7, a fact), in the child's own section: in school within five working
/// days of arriving, a handover between the schools, and at most two moves (norms 1.5b, 3.3).
public enum SchoolChangeField: String, EntityField {
    case member = "lid"
    case date = "datum"
    case school = "school"
    case previous = "vorige"
    case arrival = "aankomst"
    case handover = "overdracht"
    case reason = "reden"
    case corrects = "corrigeert"

    public static let kind = EntityKind.schoolChange
    public var definition: FieldDefinition {
        switch self {
        case .member: FieldDefinition(.ref(.member), required: true, "kind")
        case .date: FieldDefinition(.date, required: true, "eerste schooldag op de nieuwe school", past: true)
        case .school: FieldDefinition(.name, required: true, "nieuwe school")
        case .previous: FieldDefinition(.name, "vorige school")
        case .arrival: FieldDefinition(.date, required: true, "aangekomen op de nieuwe verblijfplaats", past: true)
        case .handover: FieldDefinition(.bool, "warme overdracht tussen de scholen")
        case .reason: FieldDefinition(.paragraph, "reden")
        case .corrects: FieldDefinition(.ref(.schoolChange), "corrigeert schoolwissel")
        }
    }
}

/// Care in the health section (scenario 11): a special category of personal data, shared only when a consent
/// names the section.
public enum CareField: String, EntityField {
    case member = "lid"
    case category = "soort"
    case provider = "aanbieder"
    case status = "status"
    case since = "sinds"
    case note = "toelichting"

    public static let kind = EntityKind.care
    public var definition: FieldDefinition {
        switch self {
        case .member: FieldDefinition(.ref(.member), required: true, "voor lid")
        case .category: FieldDefinition(.choice(CareKind.self), required: true, "soort zorg")
        case .provider: FieldDefinition(.name, required: true, "zorgaanbieder")
        case .status: FieldDefinition(.choice(ProgressStatus.self), required: true, "stand van zaken")
        case .since: FieldDefinition(.date, "sinds")
        case .note: FieldDefinition(.paragraph, "toelichting")
        }
    }
}

/// Money and paperwork in the finance section (scenarios 11, 15): debts, benefits, bewindvoering, the help with
/// paperwork.
public enum FinanceField: String, EntityField {
    case category = "soort"
    case agency = "instantie"
    case status = "status"
    case since = "sinds"
    case member = "lid"
    case note = "toelichting"

    public static let kind = EntityKind.finance
    public var definition: FieldDefinition {
        switch self {
        case .category: FieldDefinition(.choice(FinanceKind.self), required: true, "soort")
        case .agency: FieldDefinition(.name, "instantie of hulpverlener")
        case .status: FieldDefinition(.choice(ProgressStatus.self), required: true, "stand van zaken")
        case .since: FieldDefinition(.date, "sinds")
        case .member: FieldDefinition(.ref(.member), "voor lid")
        case .note: FieldDefinition(.paragraph, "toelichting")
        }
    }
}

/// A high-risk category (scenario 14), in the safety section: every share then needs a second decision or a
/// safety override, and the worker is warned before any share.
public enum HighRiskField: String, EntityField {
    case category = "categorie"
    case from = "vanaf"
    case until = "tot"
    case agreements = "afspraken"

    public static let kind = EntityKind.highRisk
    public var definition: FieldDefinition {
        switch self {
        case .category: FieldDefinition(.choice(HighRiskCategory.self), required: true, "risicocategorie")
        case .from: FieldDefinition(.date, required: true, "vastgesteld op")
        case .until: FieldDefinition(.date, "geldt tot en met")
        case .agreements: FieldDefinition(.paragraph, "afspraken met politie en Openbaar Ministerie")
        }
    }
}

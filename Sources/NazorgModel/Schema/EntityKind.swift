/// The kinds of entity a family plan holds, each with its section, its fields, and whether it is an
/// insert-only fact record (a correction is then a new record pointing at the old one via `corrects`).
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
    case safetyOverride = "doorbreking"
    case share = "deling"
    case provenance = "herkomst"

    /// The version of the schema below; it travels in every change header.
    public static let schemaVersion: UInt16 = 1

    /// Fact records are never edited; every other kind is a set of multi-value registers.
    public var isFact: Bool {
        switch self {
        case .riskAssessment, .contact, .evaluation, .selfReliance, .consent, .withdrawal, .safetyOverride, .share, .provenance: true
        default: false
        }
    }

    /// The section an entity of this kind lives in. A child's part lives in `child:<member>`.
    public func section(child member: String? = nil) -> Section {
        switch self {
        case .family, .member, .regisseur, .organisation: .core
        case .measure, .signal, .emergencyContact, .riskAssessment: .safety
        case .goal, .action, .aftercare, .stagnation, .evaluation, .selfReliance: .plan
        case .child: .child(member ?? "")
        case .contact: .journal
        case .consent, .withdrawal, .safetyOverride, .share, .provenance: .consent
        }
    }

    /// The fields of this kind.
    public var fields: [FieldSpec] {
        let text = FieldType.text(maxLength: 500)
        let name = FieldType.text(maxLength: 120)
        let long = FieldType.text(maxLength: 4000)
        switch self {
        case .family:
            return [
                FieldSpec("naam", name, required: true, label: "gezinsnaam (werknaam)"),
                FieldSpec("gemeente", name, label: "gemeente"),
                .choice("fase", FamilyPhase.self, label: "fase"),
                FieldSpec("geheimAdres", .bool, label: "geheim adres"),
            ]
        case .member:
            return [
                FieldSpec("naam", name, required: true, label: "naam"),
                .choice("rol", MemberRole.self, required: true, label: "rol"),
                FieldSpec("geboortedatum", .date, label: "geboortedatum"),
                FieldSpec("gezag", .bool, label: "ouderlijk gezag"),
                FieldSpec("toegevoegdNaVertrek", .bool, label: "toegevoegd na vertrek uit de opvang"),
            ]
        case .regisseur:
            return [
                FieldSpec("naam", name, required: true, label: "naam regisseur"),
                FieldSpec("organisatie", name, required: true, label: "organisatie"),
                FieldSpec("vanaf", .date, required: true, label: "regisseur vanaf"),
                FieldSpec("tot", .date, label: "regisseur tot en met"),
                FieldSpec("escalatie", text, label: "escalatie en doorzettingsmacht"),
            ]
        case .organisation:
            return [
                FieldSpec("naam", name, required: true, label: "organisatie"),
                FieldSpec("rol", text, label: "rol bij het gezin"),
                FieldSpec("contactpersoon", name, label: "contactpersoon"),
                FieldSpec("lid", .ref(.member), label: "alleen betrokken bij lid"),
            ]
        case .measure:
            return [
                .choice("soort", MeasureKind.self, required: true, label: "soort maatregel"),
                FieldSpec("omschrijving", text, label: "omschrijving"),
                FieldSpec("lid", .ref(.member), label: "betreft lid"),
                FieldSpec("afgesprokenMet", name, label: "afgesproken met"),
            ]
        case .signal:
            return [
                FieldSpec("omschrijving", text, required: true, label: "signaal"),
                FieldSpec("lid", .ref(.member), label: "betreft lid"),
                FieldSpec("actie", text, label: "wat te doen bij dit signaal"),
            ]
        case .emergencyContact:
            return [
                FieldSpec("naam", name, required: true, label: "naam"),
                FieldSpec("telefoon", FieldType.text(maxLength: 40), label: "telefoon"),
                FieldSpec("relatie", name, label: "relatie tot het gezin"),
            ]
        case .riskAssessment:
            return [
                FieldSpec("lid", .ref(.member), required: true, label: "lid"),
                .choice("classificatie", RiskClass.self, required: true, label: "classificatie"),
                FieldSpec("instrument", name, required: true, label: "instrument"),
                FieldSpec("aanleiding", text, label: "aanleiding"),
                FieldSpec("faceToFace", .bool, required: true, label: "face-to-face"),
                FieldSpec("organisatie", name, required: true, label: "beoordelende organisatie"),
                FieldSpec("datum", .date, required: true, label: "datum"),
                FieldSpec("corrigeert", .ref(.riskAssessment), label: "corrigeert taxatie"),
            ]
        case .goal:
            return [
                .choice("domein", LifeDomain.self, required: true, label: "leefgebied"),
                FieldSpec("omschrijving", text, required: true, label: "doel"),
                .choice("status", GoalStatus.self, label: "status"),
                FieldSpec("verantwoordelijk", name, label: "verantwoordelijke organisatie"),
                FieldSpec("lid", .ref(.member), label: "betreft lid"),
            ]
        case .action:
            return [
                FieldSpec("doel", .ref(.goal), required: true, label: "bij doel"),
                FieldSpec("omschrijving", text, required: true, label: "actie"),
                .choice("status", GoalStatus.self, label: "status"),
                FieldSpec("deadline", .date, label: "uiterlijk"),
                FieldSpec("wie", name, label: "wie voert uit"),
            ]
        case .child:
            return [
                FieldSpec("lid", .ref(.member), required: true, label: "kind"),
                FieldSpec("school", name, label: "school"),
                FieldSpec("schoolStart", .date, label: "start op school"),
                FieldSpec("omgang", text, label: "omgangsregeling met de andere ouder"),
                FieldSpec("vir", .bool, label: "geregistreerd in de Verwijsindex (VIR)"),
                FieldSpec("eigenStem", long, label: "de stem van het kind"),
                FieldSpec("verhuizingen", .int(0...20), label: "aantal verhuizingen"),
            ]
        case .aftercare:
            return [
                FieldSpec("start", .date, required: true, label: "start nazorg"),
                FieldSpec("geplandEinde", .date, required: true, label: "gepland einde"),
                .choice("vorm", AftercareMode.self, required: true, label: "vorm"),
                FieldSpec("frequentie", name, label: "contactfrequentie"),
                FieldSpec("afgesloten", .date, label: "afgesloten op"),
                FieldSpec("reden", text, label: "reden van afsluiten"),
            ]
        case .contact:
            return [
                FieldSpec("datum", .date, required: true, label: "datum"),
                .choice("vorm", ContactMode.self, required: true, label: "vorm"),
                FieldSpec("verslag", long, required: true, label: "verslag"),
                FieldSpec("corrigeert", .ref(.contact), label: "corrigeert contact"),
            ]
        case .stagnation:
            return [
                .choice("domein", LifeDomain.self, required: true, label: "leefgebied"),
                FieldSpec("omschrijving", text, required: true, label: "wat stagneert"),
                FieldSpec("sinds", .date, required: true, label: "sinds"),
                FieldSpec("geescaleerdNaar", name, label: "geëscaleerd naar"),
                FieldSpec("geescaleerdOp", .date, label: "geëscaleerd op"),
                FieldSpec("opgelost", .date, label: "opgelost op"),
            ]
        case .evaluation:
            return [
                FieldSpec("datum", .date, required: true, label: "datum"),
                .choice("soort", EvaluationKind.self, required: true, label: "soort evaluatie"),
                FieldSpec("deelnemers", text, label: "deelnemers"),
                FieldSpec("uitkomst", long, label: "uitkomst"),
            ]
        case .selfReliance:
            return [FieldSpec("datum", .date, required: true, label: "datum")]
                + ZRMDomain.allCases.map { FieldSpec($0.rawValue, .int(1...5), label: "ZRM \($0.label)") }
        case .consent:
            return [
                FieldSpec("gevers", .refs(.member), required: true, label: "wie geeft toestemming (leden)"),
                FieldSpec("ontvanger", .text(maxLength: 32), required: true, label: "ontvangende organisatie (id)"),
                FieldSpec("ontvangerNaam", name, required: true, label: "ontvangende organisatie"),
                FieldSpec("secties", .sections, required: true, label: "welke delen van het plan"),
                FieldSpec("doel", text, required: true, label: "doel van het delen"),
                FieldSpec("vanaf", .date, required: true, label: "geldig vanaf"),
                FieldSpec("tot", .date, label: "geldig tot en met"),
                .choice("vorm", ConsentForm.self, required: true, label: "hoe vastgelegd"),
                FieldSpec("vastgelegdDoor", name, required: true, label: "vastgelegd door"),
            ]
        case .withdrawal:
            return [
                FieldSpec("toestemming", .ref(.consent), required: true, label: "ingetrokken toestemming"),
                FieldSpec("datum", .date, required: true, label: "ingetrokken op"),
                .choice("vorm", ConsentForm.self, required: true, label: "hoe vastgelegd"),
                FieldSpec("vastgelegdDoor", name, required: true, label: "vastgelegd door"),
                // Set by the engine: the shares of this consent the withdrawing device knew (its causal past).
                FieldSpec("delingenGezien", .refs(.share), label: "bekende delingen op deze toestemming"),
            ]
        case .safetyOverride:
            return [
                FieldSpec("ontvanger", .text(maxLength: 32), required: true, label: "ontvangende organisatie (id)"),
                FieldSpec("ontvangerNaam", name, required: true, label: "ontvangende organisatie"),
                FieldSpec("secties", .sections, required: true, label: "minimaal nodige delen van het plan"),
                .choice("grond", LegalGround.self, required: true, label: "wettelijke grond"),
                FieldSpec("vermoeden", .bool, required: true, label: "afwegingskader 1: is er een vermoeden van geweld"),
                FieldSpec("onveilig", .bool, required: true, label: "afwegingskader 2: is er acute of structurele onveiligheid"),
                FieldSpec("hulpMogelijk", .bool, required: true, label: "afwegingskader 3: kan ik effectieve hulp bieden of organiseren"),
                FieldSpec("hulpAanvaard", .bool, required: true, label: "afwegingskader 4: wordt de hulp aanvaard"),
                FieldSpec("duurzaamVeilig", .bool, required: true, label: "afwegingskader 5: leidt de hulp tot duurzame veiligheid"),
                FieldSpec("rechtvaardiging", long, required: true, label: "rechtvaardiging in woorden"),
                FieldSpec("geraadpleegd", text, required: true, label: "geraadpleegd (aandachtsfunctionaris, collega, Veilig Thuis)"),
                FieldSpec("moederGeinformeerd", .bool, required: true, label: "moeder vooraf geïnformeerd"),
                FieldSpec("waaromNiet", text, label: "waarom niet geïnformeerd"),
                FieldSpec("besluitDoor", name, required: true, label: "besluit genomen door"),
                FieldSpec("datum", .date, required: true, label: "datum"),
            ]
        case .share:
            return [
                FieldSpec("ontvanger", .text(maxLength: 32), required: true, label: "ontvangende organisatie (id)"),
                FieldSpec("ontvangerNaam", name, label: "ontvangende organisatie"),
                FieldSpec("secties", .sections, required: true, label: "gedeelde delen van het plan"),
                FieldSpec("toestemming", .ref(.consent), label: "grondslag: toestemming"),
                FieldSpec("doorbreking", .ref(.safetyOverride), label: "grondslag: doorbreking (veiligheid)"),
                FieldSpec("datum", .date, required: true, label: "datum"),
                FieldSpec("apparaten", .int(0...10_000), label: "aantal ontvangende apparaten"),
                FieldSpec("gedeeldDoor", name, label: "gedeeld door (medewerker)"),
                // Set by the engine: withdrawals of the basis the sharing device knew (its causal past).
                FieldSpec("intrekkingenGezien", .refs(.withdrawal), label: "bekende intrekkingen van de grondslag"),
                // Set by the engine when the share is a warm-handover bundle.
                FieldSpec("bundel", .text(maxLength: 32), label: "overdrachtsbundel (id)"),
            ]
        case .provenance:
            // Where an imported plan came from: one record per imported warm-handover bundle.
            return [
                FieldSpec("bundel", .text(maxLength: 32), required: true, label: "overdrachtsbundel (id)"),
                FieldSpec("van", name, required: true, label: "overgedragen door organisatie"),
                FieldSpec("vanId", .text(maxLength: 32), required: true, label: "organisatie (id)"),
                FieldSpec("door", name, required: true, label: "overgedragen door (medewerker)"),
                FieldSpec("datum", .date, required: true, label: "datum overdracht"),
                FieldSpec("grondslag", text, required: true, label: "grondslag van de overdracht"),
                FieldSpec("secties", .sections, required: true, label: "overgedragen delen"),
                FieldSpec("achtergehouden", text, label: "niet overgedragen delen, en waarom"),
                FieldSpec("gesprekDatum", .date, label: "overdrachtsgesprek op"),
                .choice("gesprekVorm", HandoverMode.self, label: "vorm van het gesprek"),
                FieldSpec("aanwezig", text, label: "aanwezig bij het gesprek"),
                FieldSpec("context", long, label: "persoonlijke context"),
                FieldSpec("afspraken", long, label: "afspraken met ketenpartners"),
                FieldSpec("contactpersoon", text, label: "contactpersoon bij de vorige organisatie"),
                FieldSpec("ontvangenDoor", name, required: true, label: "ontvangen door"),
                FieldSpec("oorspronkelijkGezin", .text(maxLength: 32), required: true, label: "gezin bij de vorige organisatie (id)"),
            ]
        }
    }

    /// The spec of one field, or an error naming the fields this kind has.
    public func field(_ name: String) throws -> FieldSpec {
        guard let spec = fields.first(where: { $0.name == name }) else {
            throw ModelError(
                .unknownField,
                "\(rawValue) has no field \(name); its fields are \(fields.map(\.name).joined(separator: ", "))")
        }
        return spec
    }
}

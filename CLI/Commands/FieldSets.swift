import ArgumentParser
import NazorgModel

struct FamilyFields: FieldSet {
    typealias Field = FamilyField
    static let noun = "een gezin"
    @Option(help: fieldHelp(Field.name)) var naam: String?
    @Option(help: fieldHelp(Field.municipality)) var gemeente: String?
    @Option(help: fieldHelp(Field.phase)) var fase: String?
    @Option(help: fieldHelp(Field.secretAddress)) var geheimAdres: String?
}

struct MemberFields: FieldSet {
    typealias Field = MemberField
    static let noun = "een gezinslid"
    @Option(help: fieldHelp(Field.name)) var naam: String?
    @Option(help: fieldHelp(Field.role)) var rol: String?
    @Option(help: fieldHelp(Field.birthDate)) var geboortedatum: String?
    @Option(help: fieldHelp(Field.parentalAuthority)) var gezag: String?
    @Option(help: fieldHelp(Field.addedAfterDeparture)) var toegevoegdNaVertrek: String?
    @Option(help: fieldHelp(Field.gender)) var geslacht: String?
    @Option(help: fieldHelp(Field.addedOn)) var toegevoegdOp: String?
    @Option(help: fieldHelp(Field.cameAlong)) var meegekomen: String?
    @Option(help: fieldHelp(Field.plainLanguage)) var eenvoudigeTaal: String?
    @Option(help: fieldHelp(Field.language)) var taal: String?
    @Option(help: fieldHelp(Field.returnedOn)) var terugInHuisSinds: String?
}

struct GoalFields: FieldSet {
    typealias Field = GoalField
    static let noun = "een doel (per leefgebied)"
    @Option(help: fieldHelp(Field.domain)) var domein: String?
    @Option(help: fieldHelp(Field.description)) var omschrijving: String?
    @Option(help: fieldHelp(Field.status)) var status: String?
    @Option(help: fieldHelp(Field.responsible)) var verantwoordelijk: String?
    @Option(help: fieldHelp(Field.member)) var lid: String?
}

struct ActionFields: FieldSet {
    typealias Field = ActionField
    static let noun = "een actie bij een doel"
    @Option(help: fieldHelp(Field.goal)) var doel: String?
    @Option(help: fieldHelp(Field.description)) var omschrijving: String?
    @Option(help: fieldHelp(Field.status)) var status: String?
    @Option(help: fieldHelp(Field.deadline)) var deadline: String?
    @Option(help: fieldHelp(Field.who)) var wie: String?
}

struct MeasureFields: FieldSet {
    typealias Field = MeasureField
    static let noun = "een maatregel in het veiligheidsplan"
    @Option(help: fieldHelp(Field.category)) var soort: String?
    @Option(help: fieldHelp(Field.description)) var omschrijving: String?
    @Option(help: fieldHelp(Field.member)) var lid: String?
    @Option(help: fieldHelp(Field.agreedWith)) var afgesprokenMet: String?
}

struct SignalFields: FieldSet {
    typealias Field = SignalField
    static let noun = "een signaal in het veiligheidsplan"
    @Option(help: fieldHelp(Field.description)) var omschrijving: String?
    @Option(help: fieldHelp(Field.member)) var lid: String?
    @Option(help: fieldHelp(Field.action)) var actie: String?
}

struct EmergencyContactFields: FieldSet {
    typealias Field = EmergencyContactField
    static let noun = "een noodcontact"
    @Option(help: fieldHelp(Field.name)) var naam: String?
    @Option(help: fieldHelp(Field.phone)) var telefoon: String?
    @Option(help: fieldHelp(Field.relation)) var relatie: String?
}

struct RiskFields: FieldSet {
    typealias Field = RiskAssessmentField
    static let noun = "een risicotaxatie van een gezinslid"
    static let addCommandName = "assess"
    static let addAliases = ["add"]
    @Option(help: fieldHelp(Field.member)) var lid: String?
    @Option(help: fieldHelp(Field.classification)) var classificatie: String?
    @Option(help: fieldHelp(Field.instrument)) var instrument: String?
    @Option(help: fieldHelp(Field.occasion)) var aanleiding: String?
    @Option(help: fieldHelp(Field.faceToFace)) var faceToFace: String?
    @Option(help: fieldHelp(Field.organisation)) var organisatie: String?
    @Option(help: fieldHelp(Field.date)) var datum: String?
    @Option(help: fieldHelp(Field.corrects)) var corrigeert: String?
}

struct ChildFields: FieldSet {
    typealias Field = ChildField
    static let noun = "het eigen deel van een kind (school, omgang, VIR, eigen stem)"
    @Option(help: fieldHelp(Field.member)) var lid: String?
    @Option(help: fieldHelp(Field.school)) var school: String?
    @Option(help: fieldHelp(Field.schoolStart)) var schoolStart: String?
    @Option(help: fieldHelp(Field.contactArrangement)) var omgang: String?
    @Option(help: fieldHelp(Field.referralIndex)) var vir: String?
    @Option(help: fieldHelp(Field.ownVoice)) var eigenStem: String?
    @Option(help: fieldHelp(Field.moves)) var verhuizingen: String?
    @Option(help: fieldHelp(Field.movesReason)) var verhuizingenReden: String?
    @Option(help: fieldHelp(Field.arrangement)) var omgangVorm: String?
    @Option(help: fieldHelp(Field.arrangementSince)) var omgangSinds: String?
    @Option(help: fieldHelp(Field.name)) var naam: String?
    @Option(help: fieldHelp(Field.birthDate)) var geboortedatum: String?
}

struct RegisseurFields: FieldSet {
    typealias Field = RegisseurField
    static let noun = "de regisseur (1 gezin 1 plan 1 regisseur)"
    @Option(help: fieldHelp(Field.name)) var naam: String?
    @Option(help: fieldHelp(Field.organisation)) var organisatie: String?
    @Option(help: fieldHelp(Field.from)) var vanaf: String?
    @Option(help: fieldHelp(Field.until)) var tot: String?
    @Option(help: fieldHelp(Field.escalation)) var escalatie: String?
    @Option(help: fieldHelp(Field.function)) var functie: String?
    @Option(help: fieldHelp(Field.municipality)) var gemeente: String?
}

struct OrganisationFields: FieldSet {
    typealias Field = OrganisationField
    static let noun = "een betrokken organisatie"
    @Option(help: fieldHelp(Field.name)) var naam: String?
    @Option(help: fieldHelp(Field.role)) var rol: String?
    @Option(help: fieldHelp(Field.contactPerson)) var contactpersoon: String?
    @Option(help: fieldHelp(Field.member)) var lid: String?
}

struct AftercareFields: FieldSet {
    typealias Field = AftercareField
    static let noun = "de nazorgperiode"
    @Option(help: fieldHelp(Field.start)) var start: String?
    @Option(help: fieldHelp(Field.plannedEnd)) var geplandEinde: String?
    @Option(help: fieldHelp(Field.mode)) var vorm: String?
    @Option(help: fieldHelp(Field.frequency)) var frequentie: String?
    @Option(help: fieldHelp(Field.sessions)) var strippen: String?
}

struct ContactFields: FieldSet {
    typealias Field = ContactField
    static let noun = "een contact in het contactjournaal"
    static let addCommandName = "log"
    static let addAliases = ["add"]
    @Option(help: fieldHelp(Field.date)) var datum: String?
    @Option(help: fieldHelp(Field.mode)) var vorm: String?
    @Option(help: fieldHelp(Field.report)) var verslag: String?
    @Option(help: fieldHelp(Field.childrenSeen)) var kinderenGezien: String?
    @Option(help: fieldHelp(Field.safetyDiscussed)) var veiligheidBesproken: String?
    @Option(help: fieldHelp(Field.corrects)) var corrigeert: String?
}

struct EvaluationFields: FieldSet {
    typealias Field = EvaluationField
    static let noun = "een evaluatie"
    static let addCommandName = "record"
    static let addAliases = ["add"]
    @Option(help: fieldHelp(Field.date)) var datum: String?
    @Option(help: fieldHelp(Field.category)) var soort: String?
    @Option(help: fieldHelp(Field.participants)) var deelnemers: String?
    @Option(help: fieldHelp(Field.outcome)) var uitkomst: String?
    @Option(help: fieldHelp(Field.corrects)) var corrigeert: String?
}

struct StagnationFields: FieldSet {
    typealias Field = StagnationField
    static let noun = "een stagnatie of escalatie in de hulp"
    @Option(help: fieldHelp(Field.domain)) var domein: String?
    @Option(help: fieldHelp(Field.description)) var omschrijving: String?
    @Option(help: fieldHelp(Field.since)) var sinds: String?
    @Option(help: fieldHelp(Field.escalatedTo)) var geescaleerdNaar: String?
    @Option(help: fieldHelp(Field.escalatedOn)) var geescaleerdOp: String?
    @Option(help: fieldHelp(Field.resolved)) var opgelost: String?
}

struct SelfRelianceFields: FieldSet {
    typealias Field = SelfRelianceField
    static let noun = "een ZRM-meting (zelfredzaamheid, 11 domeinen, 1–5)"
    static let addCommandName = "record"
    static let addAliases = ["add"]
    @Option(help: fieldHelp(Field.date)) var datum: String?
    @Option(help: fieldHelp(Field.corrects)) var corrigeert: String?
    @Option(name: .customLong("score"), help: ArgumentHelp(
        "Score per domein als DOMEIN=1..5, herhaalbaar. Domeinen: \(ZRMDomain.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "domein=score"))
    var scores: [String] = []
    var inputs: [String: String] {
        var out = optionInputs()
        for score in scores {
            let parts = score.split(separator: "=", maxSplits: 1).map(String.init)
            out[parts.first ?? score] = parts.count == 2 ? parts[1] : ""
        }
        return out
    }
}

struct ConsentFields: FieldSet {
    typealias Field = ConsentField
    static let noun = "een toestemming om te delen (van de moeder; voor een kinddeel: gezagsdragers, en het kind vanaf 12)"
    static let addCommandName = "give"
    static let replacementHint =
        "Klopt een toestemming niet (meer), trek haar dan in met 'nazorg consent withdraw' en leg zo nodig een nieuwe vast."
    @Option(help: fieldHelp(Field.givers)) var gevers: String?
    @Option(help: fieldHelp(Field.recipient)) var ontvanger: String?
    @Option(help: fieldHelp(Field.recipientName)) var ontvangerNaam: String?
    @Option(help: fieldHelp(Field.sections)) var secties: String?
    @Option(help: fieldHelp(Field.purpose)) var doel: String?
    @Option(help: fieldHelp(Field.from)) var vanaf: String?
    @Option(help: fieldHelp(Field.until)) var tot: String?
    @Option(help: fieldHelp(Field.form)) var vorm: String?
    @Option(help: fieldHelp(Field.recordedBy)) var vastgelegdDoor: String?
}

struct RefusalFields: FieldSet {
    typealias Field = RefusalField
    static let noun = "een weigering van toestemming (gevraagd, en nee gezegd)"
    static let addCommandName = "refuse"
    static let replacementHint = "Geeft zij later alsnog toestemming, leg die dan vast met 'nazorg consent give'."
    @Option(help: fieldHelp(Field.giver)) var gever: String?
    @Option(help: fieldHelp(Field.recipient)) var ontvanger: String?
    @Option(help: fieldHelp(Field.recipientName)) var ontvangerNaam: String?
    @Option(help: fieldHelp(Field.sections)) var secties: String?
    @Option(help: fieldHelp(Field.purpose)) var doel: String?
    @Option(help: fieldHelp(Field.date)) var datum: String?
    @Option(help: fieldHelp(Field.form)) var vorm: String?
    @Option(help: fieldHelp(Field.recordedBy)) var vastgelegdDoor: String?
    @Option(help: fieldHelp(Field.note)) var toelichting: String?
}

struct WithdrawalFields: FieldSet {
    typealias Field = WithdrawalField
    static let noun = "de intrekking van een toestemming (even makkelijk als geven)"
    static let addCommandName = "withdraw"
    static let replacementHint = "Een intrekking geldt voor alles wat daarna gedeeld zou worden; geef zo nodig een nieuwe toestemming."
    @Option(help: fieldHelp(Field.consent)) var toestemming: String?
    @Option(help: fieldHelp(Field.date)) var datum: String?
    @Option(help: fieldHelp(Field.form)) var vorm: String?
    @Option(help: fieldHelp(Field.recordedBy)) var vastgelegdDoor: String?
}

struct OverrideFields: FieldSet {
    typealias Field = SafetyOverrideField
    static let noun = "een doorbreking van het beroepsgeheim om veiligheidsredenen (meldcode, afwegingskader)"
    static let addCommandName = "record"
    static let addAliases = ["add"]
    static let replacementHint = "Een doorbreking is een genomen besluit en blijft zichtbaar voor de privacyfunctionaris; leg een nieuw besluit vast als het anders moet."
    @Option(help: fieldHelp(Field.recipient)) var ontvanger: String?
    @Option(help: fieldHelp(Field.recipientName)) var ontvangerNaam: String?
    @Option(help: fieldHelp(Field.sections)) var secties: String?
    @Option(help: fieldHelp(Field.ground)) var grond: String?
    @Option(help: fieldHelp(Field.suspicion)) var vermoeden: String?
    @Option(help: fieldHelp(Field.unsafe)) var onveilig: String?
    @Option(help: fieldHelp(Field.helpPossible)) var hulpMogelijk: String?
    @Option(help: fieldHelp(Field.helpAccepted)) var hulpAanvaard: String?
    @Option(help: fieldHelp(Field.lastingSafety)) var duurzaamVeilig: String?
    @Option(help: fieldHelp(Field.justification)) var rechtvaardiging: String?
    @Option(help: fieldHelp(Field.consulted)) var geraadpleegd: String?
    @Option(help: fieldHelp(Field.motherInformed)) var moederGeinformeerd: String?
    @Option(help: fieldHelp(Field.whyNotInformed)) var waaromNiet: String?
    @Option(help: fieldHelp(Field.decidedBy)) var besluitDoor: String?
    @Option(help: fieldHelp(Field.members)) var lid: String?
    @Option(help: fieldHelp(Field.assessment)) var taxatie: String?
    @Option(help: fieldHelp(Field.date)) var datum: String?
}

struct RegionMoveFields: FieldSet {
    typealias Field = RegionMoveField
    static let noun = "een verhuizing naar een andere gemeente (nieuwe taxatie en regisseur daar)"
    static let addCommandName = "record"
    static let addAliases = ["add"]
    static let replacementHint = "Klopt een verhuizing niet, leg dan de juiste vast en wijzig de gemeente van het gezin met 'nazorg family'."
    @Option(help: fieldHelp(Field.date)) var datum: String?
    @Option(help: fieldHelp(Field.from)) var van: String?
    @Option(help: fieldHelp(Field.to)) var naar: String?
    @Option(help: fieldHelp(Field.region)) var regio: String?
}

struct ChildProtectionFields: FieldSet {
    typealias Field = ChildProtectionField
    static let noun = "een kinderbeschermingsmaatregel (OTS, voogdij) in het deel van het kind"
    @Option(help: fieldHelp(Field.member)) var lid: String?
    @Option(help: fieldHelp(Field.category)) var soort: String?
    @Option(help: fieldHelp(Field.from)) var vanaf: String?
    @Option(help: fieldHelp(Field.until)) var tot: String?
    @Option(help: fieldHelp(Field.institution)) var instelling: String?
    @Option(help: fieldHelp(Field.guardian)) var gezinsvoogd: String?
    @Option(help: fieldHelp(Field.description)) var omschrijving: String?
}

struct SchoolChangeFields: FieldSet {
    typealias Field = SchoolChangeField
    static let noun = "een schoolwissel van een kind (binnen 5 werkdagen op school, overdracht tussen de scholen)"
    static let addCommandName = "record"
    static let addAliases = ["add"]
    @Option(help: fieldHelp(Field.member)) var lid: String?
    @Option(help: fieldHelp(Field.date)) var datum: String?
    @Option(help: fieldHelp(Field.school)) var school: String?
    @Option(help: fieldHelp(Field.previous)) var vorige: String?
    @Option(help: fieldHelp(Field.arrival)) var aankomst: String?
    @Option(help: fieldHelp(Field.handover)) var overdracht: String?
    @Option(help: fieldHelp(Field.reason)) var reden: String?
    @Option(help: fieldHelp(Field.corrects)) var corrigeert: String?
}

struct CareFields: FieldSet {
    typealias Field = CareField
    static let noun = "zorg (ggz, verslavingszorg, trauma, huisarts) in het deel gezondheid"
    @Option(help: fieldHelp(Field.member)) var lid: String?
    @Option(help: fieldHelp(Field.category)) var soort: String?
    @Option(help: fieldHelp(Field.provider)) var aanbieder: String?
    @Option(help: fieldHelp(Field.status)) var status: String?
    @Option(help: fieldHelp(Field.since)) var sinds: String?
    @Option(help: fieldHelp(Field.note)) var toelichting: String?
}

struct FinanceFields: FieldSet {
    typealias Field = FinanceField
    static let noun = "geld en administratie (schulden, uitkering, bewindvoering, hulp bij post) in het deel financiën"
    @Option(help: fieldHelp(Field.category)) var soort: String?
    @Option(help: fieldHelp(Field.agency)) var instantie: String?
    @Option(help: fieldHelp(Field.status)) var status: String?
    @Option(help: fieldHelp(Field.since)) var sinds: String?
    @Option(help: fieldHelp(Field.member)) var lid: String?
    @Option(help: fieldHelp(Field.note)) var toelichting: String?
}

struct HighRiskFields: FieldSet {
    typealias Field = HighRiskField
    static let noun = "een hoog-risicocategorie (eergerelateerd geweld, mensenhandel): delen alleen na een tweede besluit"
    @Option(help: fieldHelp(Field.category)) var categorie: String?
    @Option(help: fieldHelp(Field.from)) var vanaf: String?
    @Option(help: fieldHelp(Field.until)) var tot: String?
    @Option(help: fieldHelp(Field.agreements)) var afspraken: String?
}

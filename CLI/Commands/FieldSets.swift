import ArgumentParser
import NazorgModel

struct MemberFields: FieldSet {
    static let kind = EntityKind.member
    static let noun = "een gezinslid"
    @Option(help: fieldHelp(kind, "naam")) var naam: String?
    @Option(help: fieldHelp(kind, "rol")) var rol: String?
    @Option(help: fieldHelp(kind, "geboortedatum")) var geboortedatum: String?
    @Option(help: fieldHelp(kind, "gezag")) var gezag: String?
    @Option(help: fieldHelp(kind, "toegevoegdNaVertrek")) var toegevoegdNaVertrek: String?
    var inputs: [String: String] {
        collect([("naam", naam), ("rol", rol), ("geboortedatum", geboortedatum), ("gezag", gezag),
                 ("toegevoegdNaVertrek", toegevoegdNaVertrek)])
    }
}

struct GoalFields: FieldSet {
    static let kind = EntityKind.goal
    static let noun = "een doel (per leefgebied)"
    @Option(help: fieldHelp(kind, "domein")) var domein: String?
    @Option(help: fieldHelp(kind, "omschrijving")) var omschrijving: String?
    @Option(help: fieldHelp(kind, "status")) var status: String?
    @Option(help: fieldHelp(kind, "verantwoordelijk")) var verantwoordelijk: String?
    @Option(help: fieldHelp(kind, "lid")) var lid: String?
    var inputs: [String: String] {
        collect([("domein", domein), ("omschrijving", omschrijving), ("status", status),
                 ("verantwoordelijk", verantwoordelijk), ("lid", lid)])
    }
}

struct ActionFields: FieldSet {
    static let kind = EntityKind.action
    static let noun = "een actie bij een doel"
    @Option(help: fieldHelp(kind, "doel")) var doel: String?
    @Option(help: fieldHelp(kind, "omschrijving")) var omschrijving: String?
    @Option(help: fieldHelp(kind, "status")) var status: String?
    @Option(help: fieldHelp(kind, "deadline")) var deadline: String?
    @Option(help: fieldHelp(kind, "wie")) var wie: String?
    var inputs: [String: String] {
        collect([("doel", doel), ("omschrijving", omschrijving), ("status", status), ("deadline", deadline), ("wie", wie)])
    }
}

struct MeasureFields: FieldSet {
    static let kind = EntityKind.measure
    static let noun = "een maatregel in het veiligheidsplan"
    @Option(help: fieldHelp(kind, "soort")) var soort: String?
    @Option(help: fieldHelp(kind, "omschrijving")) var omschrijving: String?
    @Option(help: fieldHelp(kind, "lid")) var lid: String?
    @Option(help: fieldHelp(kind, "afgesprokenMet")) var afgesprokenMet: String?
    var inputs: [String: String] {
        collect([("soort", soort), ("omschrijving", omschrijving), ("lid", lid), ("afgesprokenMet", afgesprokenMet)])
    }
}

struct SignalFields: FieldSet {
    static let kind = EntityKind.signal
    static let noun = "een signaal in het veiligheidsplan"
    @Option(help: fieldHelp(kind, "omschrijving")) var omschrijving: String?
    @Option(help: fieldHelp(kind, "lid")) var lid: String?
    @Option(help: fieldHelp(kind, "actie")) var actie: String?
    var inputs: [String: String] { collect([("omschrijving", omschrijving), ("lid", lid), ("actie", actie)]) }
}

struct EmergencyContactFields: FieldSet {
    static let kind = EntityKind.emergencyContact
    static let noun = "een noodcontact"
    @Option(help: fieldHelp(kind, "naam")) var naam: String?
    @Option(help: fieldHelp(kind, "telefoon")) var telefoon: String?
    @Option(help: fieldHelp(kind, "relatie")) var relatie: String?
    var inputs: [String: String] { collect([("naam", naam), ("telefoon", telefoon), ("relatie", relatie)]) }
}

struct RiskFields: FieldSet {
    static let kind = EntityKind.riskAssessment
    static let noun = "een risicotaxatie van een gezinslid"
    static let addAliases = ["assess"]
    @Option(help: fieldHelp(kind, "lid")) var lid: String?
    @Option(help: fieldHelp(kind, "classificatie")) var classificatie: String?
    @Option(help: fieldHelp(kind, "instrument")) var instrument: String?
    @Option(help: fieldHelp(kind, "aanleiding")) var aanleiding: String?
    @Option(help: fieldHelp(kind, "faceToFace")) var faceToFace: String?
    @Option(help: fieldHelp(kind, "organisatie")) var organisatie: String?
    @Option(help: fieldHelp(kind, "datum")) var datum: String?
    @Option(help: fieldHelp(kind, "corrigeert")) var corrigeert: String?
    var inputs: [String: String] {
        collect([("lid", lid), ("classificatie", classificatie), ("instrument", instrument), ("aanleiding", aanleiding),
                 ("faceToFace", faceToFace), ("organisatie", organisatie), ("datum", datum), ("corrigeert", corrigeert)])
    }
}

struct ChildFields: FieldSet {
    static let kind = EntityKind.child
    static let noun = "het eigen deel van een kind (school, omgang, VIR, eigen stem)"
    @Option(help: fieldHelp(kind, "lid")) var lid: String?
    @Option(help: fieldHelp(kind, "school")) var school: String?
    @Option(help: fieldHelp(kind, "schoolStart")) var schoolStart: String?
    @Option(help: fieldHelp(kind, "omgang")) var omgang: String?
    @Option(help: fieldHelp(kind, "vir")) var vir: String?
    @Option(help: fieldHelp(kind, "eigenStem")) var eigenStem: String?
    @Option(help: fieldHelp(kind, "verhuizingen")) var verhuizingen: String?
    var inputs: [String: String] {
        collect([("lid", lid), ("school", school), ("schoolStart", schoolStart), ("omgang", omgang), ("vir", vir),
                 ("eigenStem", eigenStem), ("verhuizingen", verhuizingen)])
    }
}

struct RegisseurFields: FieldSet {
    static let kind = EntityKind.regisseur
    static let noun = "de regisseur (1 gezin 1 plan 1 regisseur)"
    @Option(help: fieldHelp(kind, "naam")) var naam: String?
    @Option(help: fieldHelp(kind, "organisatie")) var organisatie: String?
    @Option(help: fieldHelp(kind, "vanaf")) var vanaf: String?
    @Option(help: fieldHelp(kind, "tot")) var tot: String?
    @Option(help: fieldHelp(kind, "escalatie")) var escalatie: String?
    var inputs: [String: String] {
        collect([("naam", naam), ("organisatie", organisatie), ("vanaf", vanaf), ("tot", tot), ("escalatie", escalatie)])
    }
}

struct OrganisationFields: FieldSet {
    static let kind = EntityKind.organisation
    static let noun = "een betrokken organisatie"
    @Option(help: fieldHelp(kind, "naam")) var naam: String?
    @Option(help: fieldHelp(kind, "rol")) var rol: String?
    @Option(help: fieldHelp(kind, "contactpersoon")) var contactpersoon: String?
    @Option(help: fieldHelp(kind, "lid")) var lid: String?
    var inputs: [String: String] { collect([("naam", naam), ("rol", rol), ("contactpersoon", contactpersoon), ("lid", lid)]) }
}

struct AftercareFields: FieldSet {
    static let kind = EntityKind.aftercare
    static let noun = "de nazorgperiode"
    @Option(help: fieldHelp(kind, "start")) var start: String?
    @Option(help: fieldHelp(kind, "geplandEinde")) var geplandEinde: String?
    @Option(help: fieldHelp(kind, "vorm")) var vorm: String?
    @Option(help: fieldHelp(kind, "frequentie")) var frequentie: String?
    var inputs: [String: String] {
        collect([("start", start), ("geplandEinde", geplandEinde), ("vorm", vorm), ("frequentie", frequentie)])
    }
}

struct ContactFields: FieldSet {
    static let kind = EntityKind.contact
    static let noun = "een contact in het contactjournaal"
    static let addAliases = ["log"]
    @Option(help: fieldHelp(kind, "datum")) var datum: String?
    @Option(help: fieldHelp(kind, "vorm")) var vorm: String?
    @Option(help: fieldHelp(kind, "verslag")) var verslag: String?
    @Option(help: fieldHelp(kind, "corrigeert")) var corrigeert: String?
    var inputs: [String: String] { collect([("datum", datum), ("vorm", vorm), ("verslag", verslag), ("corrigeert", corrigeert)]) }
}

struct EvaluationFields: FieldSet {
    static let kind = EntityKind.evaluation
    static let noun = "een evaluatie"
    static let addAliases = ["record"]
    @Option(help: fieldHelp(kind, "datum")) var datum: String?
    @Option(help: fieldHelp(kind, "soort")) var soort: String?
    @Option(help: fieldHelp(kind, "deelnemers")) var deelnemers: String?
    @Option(help: fieldHelp(kind, "uitkomst")) var uitkomst: String?
    var inputs: [String: String] { collect([("datum", datum), ("soort", soort), ("deelnemers", deelnemers), ("uitkomst", uitkomst)]) }
}

struct StagnationFields: FieldSet {
    static let kind = EntityKind.stagnation
    static let noun = "een stagnatie of escalatie in de hulp"
    @Option(help: fieldHelp(kind, "domein")) var domein: String?
    @Option(help: fieldHelp(kind, "omschrijving")) var omschrijving: String?
    @Option(help: fieldHelp(kind, "sinds")) var sinds: String?
    @Option(help: fieldHelp(kind, "geescaleerdNaar")) var geescaleerdNaar: String?
    @Option(help: fieldHelp(kind, "geescaleerdOp")) var geescaleerdOp: String?
    @Option(help: fieldHelp(kind, "opgelost")) var opgelost: String?
    var inputs: [String: String] {
        collect([("domein", domein), ("omschrijving", omschrijving), ("sinds", sinds), ("geescaleerdNaar", geescaleerdNaar),
                 ("geescaleerdOp", geescaleerdOp), ("opgelost", opgelost)])
    }
}

struct SelfRelianceFields: FieldSet {
    static let kind = EntityKind.selfReliance
    static let noun = "een ZRM-meting (zelfredzaamheid, 11 domeinen, 1–5)"
    static let addAliases = ["record"]
    @Option(help: fieldHelp(kind, "datum")) var datum: String?
    @Option(name: .customLong("score"), help: ArgumentHelp(
        "Score per domein als DOMEIN=1..5, herhaalbaar. Domeinen: \(ZRMDomain.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "domein=score"))
    var scores: [String] = []
    var inputs: [String: String] {
        var out = collect([("datum", datum)])
        for score in scores {
            let parts = score.split(separator: "=", maxSplits: 1).map(String.init)
            out[parts.first ?? score] = parts.count == 2 ? parts[1] : ""
        }
        return out
    }
}

struct ConsentFields: FieldSet {
    static let kind = EntityKind.consent
    static let noun = "een toestemming om te delen (van de moeder; voor een kinddeel: gezagsdragers, en het kind vanaf 12)"
    static let addCommandName = "give"
    @Option(help: fieldHelp(kind, "gevers")) var gevers: String?
    @Option(help: fieldHelp(kind, "ontvanger")) var ontvanger: String?
    @Option(help: fieldHelp(kind, "ontvangerNaam")) var ontvangerNaam: String?
    @Option(help: fieldHelp(kind, "secties")) var secties: String?
    @Option(help: fieldHelp(kind, "doel")) var doel: String?
    @Option(help: fieldHelp(kind, "vanaf")) var vanaf: String?
    @Option(help: fieldHelp(kind, "tot")) var tot: String?
    @Option(help: fieldHelp(kind, "vorm")) var vorm: String?
    @Option(help: fieldHelp(kind, "vastgelegdDoor")) var vastgelegdDoor: String?
    var inputs: [String: String] {
        collect([("gevers", gevers), ("ontvanger", ontvanger), ("ontvangerNaam", ontvangerNaam), ("secties", secties),
                 ("doel", doel), ("vanaf", vanaf), ("tot", tot), ("vorm", vorm), ("vastgelegdDoor", vastgelegdDoor)])
    }
}

struct WithdrawalFields: FieldSet {
    static let kind = EntityKind.withdrawal
    static let noun = "de intrekking van een toestemming (even makkelijk als geven)"
    static let addCommandName = "withdraw"
    @Option(help: fieldHelp(kind, "toestemming")) var toestemming: String?
    @Option(help: fieldHelp(kind, "datum")) var datum: String?
    @Option(help: fieldHelp(kind, "vorm")) var vorm: String?
    @Option(help: fieldHelp(kind, "vastgelegdDoor")) var vastgelegdDoor: String?
    var inputs: [String: String] {
        collect([("toestemming", toestemming), ("datum", datum), ("vorm", vorm), ("vastgelegdDoor", vastgelegdDoor)])
    }
}

struct OverrideFields: FieldSet {
    static let kind = EntityKind.safetyOverride
    static let noun = "een doorbreking van het beroepsgeheim om veiligheidsredenen (meldcode, afwegingskader)"
    static let addAliases = ["record"]
    @Option(help: fieldHelp(kind, "ontvanger")) var ontvanger: String?
    @Option(help: fieldHelp(kind, "ontvangerNaam")) var ontvangerNaam: String?
    @Option(help: fieldHelp(kind, "secties")) var secties: String?
    @Option(help: fieldHelp(kind, "grond")) var grond: String?
    @Option(help: fieldHelp(kind, "vermoeden")) var vermoeden: String?
    @Option(help: fieldHelp(kind, "onveilig")) var onveilig: String?
    @Option(help: fieldHelp(kind, "hulpMogelijk")) var hulpMogelijk: String?
    @Option(help: fieldHelp(kind, "hulpAanvaard")) var hulpAanvaard: String?
    @Option(help: fieldHelp(kind, "duurzaamVeilig")) var duurzaamVeilig: String?
    @Option(help: fieldHelp(kind, "rechtvaardiging")) var rechtvaardiging: String?
    @Option(help: fieldHelp(kind, "geraadpleegd")) var geraadpleegd: String?
    @Option(help: fieldHelp(kind, "moederGeinformeerd")) var moederGeinformeerd: String?
    @Option(help: fieldHelp(kind, "waaromNiet")) var waaromNiet: String?
    @Option(help: fieldHelp(kind, "besluitDoor")) var besluitDoor: String?
    @Option(help: fieldHelp(kind, "datum")) var datum: String?
    var inputs: [String: String] {
        collect([("ontvanger", ontvanger), ("ontvangerNaam", ontvangerNaam), ("secties", secties), ("grond", grond),
                 ("vermoeden", vermoeden), ("onveilig", onveilig), ("hulpMogelijk", hulpMogelijk), ("hulpAanvaard", hulpAanvaard),
                 ("duurzaamVeilig", duurzaamVeilig), ("rechtvaardiging", rechtvaardiging), ("geraadpleegd", geraadpleegd),
                 ("moederGeinformeerd", moederGeinformeerd), ("waaromNiet", waaromNiet), ("besluitDoor", besluitDoor), ("datum", datum)])
    }
}

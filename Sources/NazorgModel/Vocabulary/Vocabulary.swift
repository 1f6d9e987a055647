import Foundation

/// A versioned vocabulary: a closed list of terms stored by their code, shown by their Dutch label.
public protocol Vocabulary: CaseIterable, RawRepresentable, Hashable, Sendable where RawValue == String {
    /// The label workers see.
    var label: String { get }
}

/// The version of every vocabulary in this file; bump it when a term is added, renamed or retired.
public let vocabularyVersion: UInt16 = 1

/// A member's role in the family system (cliëntsysteem).
public enum MemberRole: String, Vocabulary {
    case parentInShelter = "ouder-in-opvang"
    case child = "kind"
    case otherParent = "andere-ouder"
    case newPartner = "nieuwe-partner"
    case network = "netwerk"

    public var label: String {
        switch self {
        case .parentInShelter: "ouder in de opvang"
        case .child: "kind"
        case .otherParent: "andere ouder"
        case .newPartner: "nieuwe partner"
        case .network: "netwerk"
        }
    }
}

/// A member's gender as a receiving system records it (FHIR `Patient.gender`), and whether a parent is the
/// children's mother or father (v3 RoleCode MTH, FTH). Not asked for: the plan works without it.
public enum Gender: String, Vocabulary {
    case female = "vrouw"
    case male = "man"
    case other = "anders"
    case unknown = "onbekend"

    public var label: String { rawValue }
}

/// The risk classification of a member (risicotaxatie).
public enum RiskClass: String, Vocabulary {
    case red = "rood"
    case orange = "oranje"
    case green = "groen"

    public var label: String { rawValue }
}

/// Life domains (leefgebieden) for goals and stagnations: the inspection's list plus development and
/// participation from the keurmerk. See REQUIREMENTS.md §2.3 for why the seeds disagree.
public enum LifeDomain: String, Vocabulary {
    case safety = "veiligheid"
    case housing = "wonen"
    case workAndIncome = "werk-en-inkomen"
    case debts = "schulden"
    case relationships = "relaties"
    case parenting = "opvoeding"
    case health = "gezondheid"
    case education = "onderwijs"
    case socialNetwork = "sociaal-netwerk"
    case participation = "participatie"
    case development = "ontwikkeling"

    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// The 11 domains of the Zelfredzaamheid-Matrix (ZRM), each scored 1–5.
public enum ZRMDomain: String, Vocabulary {
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

    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// Status of a goal or an action.
public enum GoalStatus: String, Vocabulary {
    case open = "open"
    case inProgress = "loopt"
    case achieved = "behaald"
    case stopped = "gestopt"

    public var label: String { rawValue }
}

/// The form of ambulant aftercare.
public enum AftercareMode: String, Vocabulary {
    case support = "begeleiding"
    case monitoring = "vinger-aan-de-pols"
    /// A number of extra sessions after long aftercare (scenario 12).
    case punchCard = "strippenkaart"

    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// How a contact or meeting took place.
public enum ContactMode: String, Vocabulary {
    case homeVisit = "huisbezoek"
    case inPerson = "op-locatie"
    case phone = "telefoon"
    case video = "video"

    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// Kind of evaluation.
public enum EvaluationKind: String, Vocabulary {
    case threeMonth = "drie-maanden"
    case periodic = "periodiek"
    case withChainPartners = "met-ketenpartners"
    case closing = "afsluitend"
    /// Six months after aftercare closed: how is the family doing (002 §4.2).
    case followUp = "vinger-aan-de-pols"
    /// The client's satisfaction measured (003 §8.1: "meten van cliënttevredenheid").
    case satisfaction = "clienttevredenheid"

    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// Kinds of safety measure in the veiligheidsplan.
public enum MeasureKind: String, Vocabulary {
    case contactBan = "contactverbod"
    case restrainingOrder = "huisverbod"
    case awareAlarm = "aware-alarm"
    case secretAddress = "geheim-adres"
    case neighbourhoodOfficer = "afspraak-wijkagent"
    case schoolBriefed = "school-geinformeerd"
    case careReport = "zorgmelding-veilig-thuis"
    case networkAlert = "netwerk-alarmeren"
    case other = "anders"

    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// Where the family is in its path.
public enum FamilyPhase: String, Vocabulary {
    case shelter = "opvang"
    case aftercare = "nazorg"
    case closed = "afgesloten"

    public var label: String { rawValue }
}

/// The legal ground of a safety override (doorbreking van het beroepsgeheim).
public enum LegalGround: String, Vocabulary {
    /// A report to Veilig Thuis under the Wet verplichte meldcode (meldrecht).
    case meldcodeReport = "melding-veilig-thuis"
    /// Acute danger to someone's life or safety.
    case acuteDanger = "acuut-gevaar"
    /// Conflict of duties: silence causes serious harm and there is no other way.
    case conflictOfDuties = "conflict-van-plichten"
    /// A legal duty to provide the information.
    case legalDuty = "wettelijke-plicht"

    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// How a consent or withdrawal was recorded.
public enum ConsentForm: String, Vocabulary {
    case written = "schriftelijk"
    case verbal = "mondeling"

    public var label: String { rawValue }
}

/// How the warm-handover conversation took place: preferably in person, by phone or another spoken form
/// is also possible (keurmerk norm 4.1, fn 25).
public enum HandoverMode: String, Vocabulary {
    case inPerson = "in-persoon"
    case phone = "telefoon"
    case video = "video"

    public var label: String {
        switch self {
        case .inPerson: "in persoon"
        case .phone: "telefonisch"
        case .video: "via video"
        }
    }
}

/// Who takes part in the warm-handover conversation: the client and the workers of both organisations.
public enum HandoverAttendee: String, Vocabulary {
    case client = "client"
    case departingWorker = "vertrekkend"
    case receivingWorker = "ontvangend"

    public var label: String {
        switch self {
        case .client: "de cliënt"
        case .departingWorker: "de vertrekkende hulpverlener"
        case .receivingWorker: "de ontvangende hulpverlener"
        }
    }
}

/// What the regisseur is, by role: the family guardian is regisseur under a child protection measure
/// (002 §3.6).
public enum RegisseurFunction: String, Vocabulary {
    case districtTeam = "wijkteam"
    case shelter = "vrouwenopvang"
    case familyGuardian = "gezinsvoogd"
    case safeHome = "veilig-thuis"
    case other = "anders"

    public var label: String {
        switch self {
        case .districtTeam: "regisseur van het wijkteam"
        case .shelter: "regisseur van de vrouwenopvang"
        case .familyGuardian: "gezinsvoogd (gecertificeerde instelling)"
        case .safeHome: "Veilig Thuis"
        case .other: "anders"
        }
    }
}

/// The kind of contact a child has with the other parent: from full shielding to visits is a risk-bearing
/// change (norm 3.5b).
public enum ContactArrangement: String, Vocabulary {
    case none = "geen"
    case supervised = "begeleid"
    case unsupervised = "onbegeleid"

    public var label: String {
        switch self {
        case .none: "geen omgang"
        case .supervised: "begeleide omgang"
        case .unsupervised: "onbegeleide omgang (bezoek, logeren)"
        }
    }
}

/// Child protection measures by the juvenile court (scenario 10).
public enum ChildProtectionKind: String, Vocabulary {
    case supervisionOrder = "ondertoezichtstelling"
    case guardianship = "voogdij"
    case placementOrder = "machtiging-uithuisplaatsing"
    case other = "anders"

    public var label: String {
        switch self {
        case .supervisionOrder: "ondertoezichtstelling (OTS)"
        case .guardianship: "voogdij"
        case .placementOrder: "machtiging uithuisplaatsing"
        case .other: "andere maatregel"
        }
    }
}

/// Care in the health section (scenario 11): mental health, addiction, trauma treatment, GP, youth care.
public enum CareKind: String, Vocabulary {
    case mentalHealth = "ggz"
    case addiction = "verslavingszorg"
    case trauma = "traumabehandeling"
    case generalPractitioner = "huisarts"
    case youthCare = "jeugdhulp"
    case other = "anders"

    public var label: String {
        switch self {
        case .mentalHealth: "geestelijke gezondheidszorg (ggz)"
        case .addiction: "verslavingszorg"
        case .trauma: "traumabehandeling"
        case .generalPractitioner: "huisarts"
        case .youthCare: "jeugdhulp"
        case .other: "andere zorg"
        }
    }
}

/// Where help or an arrangement stands: a waiting list is where care stalls (002 §3.3).
public enum ProgressStatus: String, Vocabulary {
    case applied = "aangevraagd"
    case waitingList = "wachtlijst"
    case running = "loopt"
    case finished = "afgerond"
    case stopped = "gestopt"

    public var label: String { rawValue }
}

/// Money and paperwork in the finance section (scenarios 11, 15).
public enum FinanceKind: String, Vocabulary {
    case debts = "schulden"
    case debtCounselling = "schuldhulpverlening"
    case benefit = "uitkering"
    case allowances = "toeslagen"
    case administration = "bewindvoering"
    case budgetManagement = "budgetbeheer"
    case paperwork = "hulp-bij-administratie"

    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// The high-risk groups that get the tightest sharing (003 §5.1.1; scenario 14).
public enum HighRiskCategory: String, Vocabulary {
    case honourViolence = "eergerelateerd-geweld"
    case humanTrafficking = "mensenhandel"
    case forcedMarriage = "huwelijksdwang"
    case abandonment = "achterlating"
    case other = "anders"

    public var label: String {
        switch self {
        case .honourViolence: "eergerelateerd geweld"
        case .humanTrafficking: "mensenhandel"
        case .forcedMarriage: "huwelijksdwang"
        case .abandonment: "achterlating"
        case .other: "ander hoog risico"
        }
    }
}

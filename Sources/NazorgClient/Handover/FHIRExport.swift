public import Foundation
import NazorgCrypto
import NazorgMessages
import NazorgModel
import NazorgSync

/// A handover bundle as an HL7 FHIR R4 Bundle (type `collection`), for a receiving system that speaks FHIR:
/// Organization (sender, recipient), Patient (the mother and the children, with the school), RelatedPerson (other
/// members; each child's parents with their parental authority; the emergency contacts), RiskAssessment (the risk
/// classifications), CareTeam (the regisseur, escalation, the organisations involved), CarePlan (the family plan
/// with its goals, actions, owners, deadlines and the handover conversation; the veiligheidsplan with its measures),
/// Goal, Consent (who gave it, for which sections) and Provenance (who handed what over, when, on which basis).
///
/// Ids are UUIDs derived from the plan's own ids, so the same bundle exports to the same FHIR every time; every
/// reference resolves inside the Bundle. Every resource carries confidentiality and domestic-violence labels and a
/// narrative. Free text stays in Dutch; codes use FHIR's own systems where R4 has one. See docs/handover.md.
public enum FHIRExport {
    /// The FHIR Bundle as JSON (pretty-printed, sorted keys).
    public static func bundle(_ document: HandoverDocument) throws -> Data {
        let plan = document.plan
        var entries: [[String: Any]] = []
        // Every resource is about a family that fled domestic violence: restricted, with the sensitivity label; the
        // client's own record is very restricted when the family lives at a secret address.
        let secretAddress = plan.family?.bool(FamilyField.secretAddress) == true
        func add(_ resource: [String: Any], id: String, narrative: String, veryRestricted: Bool = false) {
            var resource = resource
            resource["id"] = uuid(id)
            resource["meta"] = ["security": security(veryRestricted: veryRestricted)]
            resource["text"] = ["status": "generated", "div": xhtml(narrative)]
            entries.append(["fullUrl": urn(id), "resource": resource])
        }
        func reference(_ id: String, _ display: String? = nil) -> [String: Any] {
            var ref: [String: Any] = ["reference": urn(id)]
            if let display { ref["display"] = display }
            return ref
        }

        let senderID = document.sender.organisation
        let recipientID = document.recipient.organisation
        for (id, name) in [(senderID, document.sender.organisationName), (recipientID, document.recipient.organisationName)] {
            add(["resourceType": "Organization", "name": name], id: id, narrative: Messages.FHIR.organisation(name))
        }

        // The client: the parent in the shelter; without the core section an anonymous patient stands for the family.
        let mother = plan.members.first { $0.has(MemberField.role, MemberRole.parentInShelter) }
        let subjectID = mother?.id ?? document.family
        if mother == nil {
            add(["resourceType": "Patient", "identifier": [identifier(document)]], id: subjectID,
                narrative: Messages.FHIR.anonymousClient, veryRestricted: secretAddress)
        }
        // Who may be a Goal's subject (R4: Patient, Group or Organization): the mother and the children in this bundle.
        var patients: Set<String> = [subjectID]
        let schools = Dictionary(plan.all(.child).compactMap { child in
            child.ref(ChildField.member).flatMap { member in child.text(ChildField.school).map { (member, $0) } }
        }, uniquingKeysWith: { first, _ in first })
        // A member's goal or risk is about that member when it is a Patient here; else about the client, with the
        // member named in a note: every reference resolves inside the Bundle, to a type R4 allows.
        func about(_ member: String?) -> (subject: String, note: String?) {
            guard let member else { return (subjectID, nil) }
            if patients.contains(member) { return (member, nil) }
            return (subjectID, Messages.FHIR.about(plan.memberName(member)))
        }
        for member in plan.members {
            let role = member.term(MemberField.role, MemberRole.self)
            let name = member.text(MemberField.name) ?? "?"
            var resource: [String: Any] = ["name": [["text": name]]]
            if let born = member.text(MemberField.birthDate) { resource["birthDate"] = born }
            if let gender = member.term(MemberField.gender, Gender.self) { resource["gender"] = administrativeGender(gender) }
            if role == .parentInShelter || role == .child {
                patients.insert(member.id)
                resource["resourceType"] = "Patient"
                if role == .parentInShelter { resource["identifier"] = [identifier(document)] }
                if let school = schools[member.id] {
                    resource["contact"] = [["relationship": [["text": "school"]], "organization": ["display": school]]]
                }
            } else {
                resource["resourceType"] = "RelatedPerson"
                resource["patient"] = reference(subjectID)
                resource["relationship"] = [relationship(to: .parentInShelter, of: role)]
            }
            add(resource, id: member.id, narrative: Messages.FHIR.member(name, role: role?.label ?? Messages.FHIR.aMember),
                veryRestricted: secretAddress && role != .otherParent && role != .newPartner)
        }
        // Each child's parents, with parental authority: a RelatedPerson per parent and child (v3 RoleCode PRN).
        let parents = plan.members.filter { $0.has(MemberField.role, MemberRole.parentInShelter) || $0.has(MemberField.role, MemberRole.otherParent) }
        for child in plan.members where child.has(MemberField.role, MemberRole.child) {
            for parent in parents {
                let name = parent.text(MemberField.name) ?? "?"
                let authority = Messages.FHIR.authority(parent.bool(MemberField.parentalAuthority))
                let role = parent.term(MemberField.role, MemberRole.self)
                let gender = parent.term(MemberField.gender, Gender.self)
                var coded = relationship(to: .child, of: role, gender: gender)
                coded["text"] = Messages.FHIR.parentRelation(role?.label ?? Messages.FHIR.aParent, authority: authority)
                var related: [String: Any] = [
                    "resourceType": "RelatedPerson", "patient": reference(child.id), "name": [["text": name]], "relationship": [coded],
                ]
                if let gender { related["gender"] = administrativeGender(gender) }
                add(related, id: derived(child.id, "ouder:\(parent.id)"),
                    narrative: Messages.FHIR.parentOf(
                        name, role: role?.label ?? Messages.FHIR.aParent, child: child.text(MemberField.name) ?? Messages.FHIR.theChild,
                        authority: authority),
                    veryRestricted: secretAddress)
            }
        }
        // Whom to call in an emergency (v2-0131 C), with their number.
        for contact in plan.all(.emergencyContact) {
            let name = contact.text(EmergencyContactField.name) ?? "?"
            var resource: [String: Any] = [
                "resourceType": "RelatedPerson", "patient": reference(subjectID), "name": [["text": name]],
                "relationship": [[
                    "coding": [["system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "C", "display": "Emergency Contact"]],
                    "text": Messages.FHIR.emergencyRelation(contact.text(EmergencyContactField.relation)),
                ]],
            ]
            if let phone = contact.text(EmergencyContactField.phone) { resource["telecom"] = [["system": "phone", "value": phone]] }
            add(resource, id: contact.id, narrative: Messages.FHIR.emergencyContact(name), veryRestricted: secretAddress)
        }

        var resourceIDs: [String] = []
        // Risk classifications (rood, oranje, groen) as RiskAssessment, for the member they are about.
        for assessment in plan.all(.riskAssessment) {
            let (subject, note) = about(assessment.ref(RiskAssessmentField.member))
            // The classification is required: an assessment without a known one is not exported as a risk level.
            guard let level = assessment.term(RiskAssessmentField.classification, RiskClass.self) else { continue }
            var notes = [Messages.FHIR.assessedBy(
                assessment.text(RiskAssessmentField.organisation) ?? "?", faceToFace: assessment.bool(RiskAssessmentField.faceToFace) == true)]
            if let note { notes.append(note) }
            // A correction is a new record that says an earlier one was wrong (the plan never changes a fact): the
            // earlier one is entered-in-error, the correcting one corrected, each with a note naming the other.
            var status = "final"
            if let later = plan.correction(of: assessment) {
                status = "entered-in-error"
                notes.append(Messages.FHIR.correctedBy(later.text(RiskAssessmentField.date) ?? "?"))
            } else if let earlier = assessment.ref(RiskAssessmentField.corrects).flatMap({ id in plan.all(.riskAssessment).first { $0.id == id } }) {
                status = "corrected"
                notes.append(Messages.FHIR.corrects(earlier.text(RiskAssessmentField.date) ?? "?"))
            }
            var resource: [String: Any] = [
                "resourceType": "RiskAssessment", "status": status, "subject": reference(subject),
                "method": ["text": assessment.text(RiskAssessmentField.instrument) ?? "?"],
                "prediction": [[
                    "outcome": ["text": Messages.FHIR.riskOutcome],
                    "qualitativeRisk": [
                        "coding": [["system": "http://terminology.hl7.org/CodeSystem/risk-probability", "code": riskProbability(level)]],
                        "text": level.label,
                    ] as [String: Any],
                ]],
                "note": annotations(notes),
            ]
            if let date = assessment.text(RiskAssessmentField.date) { resource["occurrenceDateTime"] = date }
            if let occasion = assessment.text(RiskAssessmentField.occasion) { resource["reasonCode"] = [["text": occasion]] }
            resourceIDs.append(assessment.id)
            add(resource, id: assessment.id, narrative: Messages.FHIR.riskAssessment(level.label, instrument: assessment.text(RiskAssessmentField.instrument) ?? "?"))
        }

        // The regisseur (with escalation) and the organisations involved, as one CareTeam.
        let regisseurs = plan.all(.regisseur)
        let involved = plan.all(.organisation)
        if !regisseurs.isEmpty || !involved.isEmpty {
            var participants: [[String: Any]] = regisseurs.map { regisseur in
                var participant: [String: Any] = [
                    "role": [["text": Messages.FHIR.regisseurRole]],
                    "member": ["display": regisseur.text(RegisseurField.name) ?? "?"],
                    "onBehalfOf": ["display": regisseur.text(RegisseurField.organisation) ?? "?"],
                ]
                var period: [String: Any] = [:]
                if let from = regisseur.text(RegisseurField.from) { period["start"] = from }
                if let until = regisseur.text(RegisseurField.until) { period["end"] = until }
                if !period.isEmpty { participant["period"] = period }
                return participant
            }
            participants += involved.map { organisation in
                var participant: [String: Any] = ["member": ["display": organisation.text(OrganisationField.name) ?? "?"]]
                if let role = organisation.text(OrganisationField.role) { participant["role"] = [["text": role]] }
                return participant
            }
            var team: [String: Any] = [
                "resourceType": "CareTeam", "status": "active", "name": Messages.FHIR.careTeamName,
                "subject": reference(subjectID), "participant": participants,
            ]
            let escalation = regisseurs.compactMap { $0.text(RegisseurField.escalation) }
            if !escalation.isEmpty { team["note"] = annotations(escalation.map(Messages.FHIR.escalation)) }
            let teamID = derived(document.bundle, "careteam")
            resourceIDs.append(teamID)
            add(team, id: teamID, narrative: Messages.FHIR.careTeam(regisseurs.compactMap { $0.text(RegisseurField.name) }))
        }

        // Goals per life domain, with their actions on the family plan.
        var goalIDs: [String] = []
        for goal in plan.all(.goal) {
            let status = goal.text(GoalField.status).flatMap(GoalStatus.init(rawValue:))
            // A goal of a member who is not a Patient here (the other parent, a new partner, or a member whose core
            // record is not in the bundle) has the client as its subject and names the member in a note.
            let (subject, note) = about(goal.ref(GoalField.member))
            var resource: [String: Any] = [
                "resourceType": "Goal", "lifecycleStatus": lifecycle(status),
                "description": ["text": goal.text(GoalField.description) ?? "?"],
                "category": [["text": goal.text(GoalField.domain).flatMap(LifeDomain.init(rawValue:))?.label ?? "?"]],
                "subject": reference(subject),
            ]
            if let note { resource["note"] = annotations([note]) }
            if status == .achieved {
                resource["achievementStatus"] = ["coding": [["system": "http://terminology.hl7.org/CodeSystem/goal-achievement", "code": "achieved"]]]
            }
            if let who = goal.text(GoalField.responsible) { resource["expressedBy"] = ["display": who] }
            add(resource, id: goal.id, narrative: Messages.FHIR.goal(goal.text(GoalField.description) ?? "?"))
            goalIDs.append(goal.id)
        }
        resourceIDs += goalIDs
        if document.sections.contains(Section.plan.name) || !goalIDs.isEmpty {
            let planID = derived(document.bundle, "careplan")
            var careplan: [String: Any] = [
                "resourceType": "CarePlan", "status": "active", "intent": "plan",
                "title": Messages.FHIR.familyPlan, "subject": reference(subjectID), "author": reference(senderID),
            ]
            if !goalIDs.isEmpty { careplan["goal"] = goalIDs.map { reference($0) } }
            let actions = plan.all(.action)
            if !actions.isEmpty {
                let exported = Set(goalIDs)
                careplan["activity"] = actions.map { action -> [String: Any] in
                    var detail: [String: Any] = [
                        "status": activityStatus(action.text(ActionField.status).flatMap(GoalStatus.init(rawValue:))),
                        "description": action.text(ActionField.description) ?? "?",
                    ]
                    // An action whose goal was deleted keeps its place in the plan, without a reference out of the Bundle.
                    if let goal = action.ref(ActionField.goal), exported.contains(goal) { detail["goal"] = [reference(goal)] }
                    // Who does it, and by when.
                    if let who = action.text(ActionField.who) { detail["performer"] = [["display": who]] }
                    if let deadline = action.text(ActionField.deadline) { detail["scheduledPeriod"] = ["end": deadline] }
                    return ["detail": detail]
                }
            }
            if let aftercare = plan.aftercare {
                if aftercare.text(AftercareField.closed) != nil { careplan["status"] = "completed" }
                careplan["period"] = ["start": aftercare.text(AftercareField.start) ?? "", "end": aftercare.text(AftercareField.plannedEnd) ?? ""]
                careplan["description"] = Messages.FHIR.aftercare(aftercare.text(AftercareField.mode).flatMap(AftercareMode.init(rawValue:))?.label ?? "?")
            }
            // The warm handover's conversation: who took part, the family's own context, the agreements.
            var notes = [Messages.FHIR.meeting(
                on: document.meeting.date, mode: HandoverMode(rawValue: document.meeting.mode)?.label ?? document.meeting.mode,
                attended: document.meeting.attended.map { HandoverAttendee(rawValue: $0)?.label ?? $0 })]
            if !document.personalContext.isEmpty { notes.append(Messages.FHIR.personalContext(document.personalContext)) }
            notes += document.agreements.map(Messages.FHIR.agreement)
            careplan["note"] = annotations(notes)
            add(careplan, id: planID, narrative: Messages.FHIR.familyPlan)
            resourceIDs.append(planID)
        }
        if document.sections.contains(Section.safety.name) {
            let safetyID = derived(document.bundle, "veiligheidsplan")
            var activities: [[String: Any]] = plan.all(.measure).map { measure in
                let kind = measure.text(MeasureField.category).flatMap(MeasureKind.init(rawValue:))?.label ?? Messages.FHIR.aMeasure
                return ["detail": ["status": "in-progress", "description": Messages.FHIR.measure(kind, what: measure.text(MeasureField.description))]]
            }
            activities += plan.all(.signal).map { signal in
                ["detail": ["status": "not-started", "description": Messages.FHIR.signal(
                    signal.text(SignalField.description) ?? "?", action: signal.text(SignalField.action) ?? Messages.FHIR.defaultSignalAction)]]
            }
            var safety: [String: Any] = [
                "resourceType": "CarePlan", "status": "active", "intent": "plan", "title": Messages.FHIR.safetyPlan,
                "subject": reference(subjectID), "author": reference(senderID),
            ]
            if !activities.isEmpty { safety["activity"] = activities }
            add(safety, id: safetyID, narrative: Messages.FHIR.safetyPlan, veryRestricted: secretAddress)
            resourceIDs.append(safetyID)
        }

        // The basis.
        let basis = document.basisEntity
        var reasonText = "?"
        if let basis, basis.kind == .consent {
            let consentID = basis.id
            var provision: [String: Any] = [
                "type": "permit",
                "actor": [["role": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP"]]],
                           "reference": reference(recipientID, document.recipient.organisationName)]],
                "purpose": [["system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "TREAT", "display": basis.text(ConsentField.purpose) ?? Messages.FHIR.defaultPurpose]],
            ]
            if let from = basis.text(ConsentField.from) {
                var period: [String: Any] = ["start": from]
                if let until = basis.text(ConsentField.until) { period["end"] = until }
                provision["period"] = period
            }
            // Who gave it (the members named, where they are in the Bundle), and which sections it covers.
            let givers = basis.refs(ConsentField.givers).filter { id in entries.contains { ($0["fullUrl"] as? String) == urn(id) } }
            provision["class"] = basis.sections(ConsentField.sections).map { section in
                ["system": "urn:nazorg:sectie", "code": section.name, "display": section.label]
            }
            add([
                "resourceType": "Consent", "status": "active",
                "performer": (givers.isEmpty ? [subjectID] : givers).map { reference($0) },
                "scope": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"]]],
                "category": [["coding": [["system": "http://loinc.org", "code": "59284-0", "display": "Patient Consent"]]]],
                "patient": reference(subjectID), "dateTime": basis.text(ConsentField.from) ?? String(document.created.prefix(10)),
                "organization": [reference(senderID)],
                "policyRule": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"]]],
                "provision": provision,
            ], id: consentID, narrative: Messages.FHIR.consent(basis.text(ConsentField.purpose) ?? "?"))
            resourceIDs.append(consentID)
            reasonText = Messages.FHIR.consentReason(String(consentID.prefix(8)), purpose: basis.text(ConsentField.purpose) ?? "?")
        } else if let basis {
            reasonText = Messages.FHIR.overrideReason(
                ground: basis.text(SafetyOverrideField.ground).flatMap(LegalGround.init(rawValue:))?.label ?? "?",
                why: basis.text(SafetyOverrideField.justification) ?? "?")
        }

        let provenanceID = derived(document.bundle, "provenance")
        add([
            "resourceType": "Provenance",
            "target": (resourceIDs.isEmpty ? [subjectID] : resourceIDs).map { reference($0) },
            "recorded": document.created,
            "activity": ["text": Messages.FHIR.activity(bundle: String(document.bundle.prefix(8)))],
            "reason": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": basis?.kind == .consent ? "TREAT" : "PUBHLTH"]], "text": reasonText]],
            "agent": [
                [
                    "type": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "code": "author"]]],
                    "who": ["display": document.sender.worker], "onBehalfOf": reference(senderID, document.sender.organisationName),
                ] as [String: Any],
                ["type": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "code": "custodian"]]],
                 "who": reference(recipientID, document.recipient.organisationName)],
            ],
        ], id: provenanceID, narrative: Messages.FHIR.provenance(from: document.sender.organisationName, to: document.recipient.organisationName))

        let bundle: [String: Any] = [
            "resourceType": "Bundle", "id": document.bundle, "type": "collection", "timestamp": document.created,
            "meta": ["security": security(veryRestricted: secretAddress)],
            "identifier": ["system": "urn:nazorg:overdracht", "value": document.bundle], "entry": entries,
        ]
        return try JSONSerialization.data(withJSONObject: bundle, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    static func identifier(_ document: HandoverDocument) -> [String: Any] {
        ["system": "urn:nazorg:gezin:\(document.sender.organisation)", "value": document.family]
    }

    /// The resource id for a plan id: an RFC 9562 UUID (version 8, derived from the id by BLAKE2b), so the same
    /// plan exports to the same ids every time and no plan id is shown to the receiving system as is.
    static func uuid(_ id: String) -> String {
        var bytes = Array(GenericHash.hash(Data("nazorg-fhir-id:\(id)".utf8), outputByteCount: 16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let h = Array(Data(bytes).hexEncoded)
        return "\(String(h[0..<8]))-\(String(h[8..<12]))-\(String(h[12..<16]))-\(String(h[16..<20]))-\(String(h[20..<32]))"
    }

    static func urn(_ id: String) -> String { "urn:uuid:\(uuid(id))" }

    /// Confidentiality (v3 Confidentiality R, or V for a secret address) and the sensitivity of information about
    /// domestic violence (v3 ActCode SDV).
    static func security(veryRestricted: Bool) -> [[String: Any]] {
        [
            veryRestricted
                ? ["system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "V", "display": "very restricted"]
                : ["system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R", "display": "restricted"],
            ["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "SDV",
             "display": "sexual assault, abuse, or domestic violence information sensitivity"],
        ]
    }

    /// Notes for the receiving system's users (`Annotation.text`), with their days written as people write them;
    /// the structured dates stay ISO 8601.
    static func annotations(_ texts: [String]) -> [[String: String]] { texts.map { ["text": Dutch.writingDates(in: $0)] } }

    /// A narrative `div` with the text escaped, and its days written as people write them.
    static func xhtml(_ text: String) -> String {
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>\(HTML.escape(Dutch.writingDates(in: text)))</p></div>"
    }

    /// A member's relationship to the client (`to: .parentInShelter`) or to a child (`to: .child`), with a v3
    /// RoleCode where one says it truly: PRN (parent) for a child's parents — preceded by MTH or FTH when the plan
    /// records the parent's gender, and only then —, SIGOTHR for a new partner.
    static func relationship(to: MemberRole, of role: MemberRole?, gender: Gender? = nil) -> [String: Any] {
        let roleCodes = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
        switch (to, role) {
        case (.child, .parentInShelter), (.child, .otherParent):
            var codings = [["system": roleCodes, "code": "PRN", "display": "parent"]]
            switch gender {
            case .female: codings.insert(["system": roleCodes, "code": "MTH", "display": "mother"], at: 0)
            case .male: codings.insert(["system": roleCodes, "code": "FTH", "display": "father"], at: 0)
            default: break
            }
            return ["coding": codings, "text": role?.label ?? Messages.FHIR.aParent]
        case (_, .newPartner):
            return ["coding": [["system": roleCodes, "code": "SIGOTHR", "display": "significant other"]], "text": MemberRole.newPartner.label]
        case (_, .otherParent):
            return ["text": Messages.FHIR.otherParent]
        default:
            return ["text": role?.label ?? Messages.FHIR.aMember]
        }
    }

    static func riskProbability(_ level: RiskClass) -> String {
        switch level {
        case .red: "high"
        case .orange: "moderate"
        case .green: "low"
        }
    }

    /// A stable id for a resource that has no plan entity of its own (`scope`: the bundle, or the child it is about).
    static func derived(_ scope: String, _ what: String) -> String {
        String(GenericHash.hash(Data("nazorg-fhir:\(scope):\(what)".utf8), outputByteCount: 16).hexEncoded)
    }

    static func lifecycle(_ status: GoalStatus?) -> String {
        switch status {
        case .achieved: "completed"
        case .stopped: "cancelled"
        default: "active"
        }
    }

    static func activityStatus(_ status: GoalStatus?) -> String {
        switch status {
        case .achieved: "completed"
        case .stopped: "stopped"
        case .inProgress: "in-progress"
        default: "not-started"
        }
    }

    /// FHIR `AdministrativeGender` codes for the plan's gender.
    static let administrativeGenders: [Gender: String] = [.female: "female", .male: "male", .other: "other", .unknown: "unknown"]
    static func administrativeGender(_ gender: Gender) -> String { administrativeGenders[gender] ?? "unknown" }
}

public import Foundation
import NazorgCrypto
import NazorgModel
import NazorgSync

/// A handover bundle as an HL7 FHIR R4 Bundle (type `collection`), for a receiving system that speaks FHIR:
/// Organization (sender, recipient), Patient (the mother and the children) and RelatedPerson (other members),
/// CarePlan (the family plan with its goals and actions; the veiligheidsplan with its measures), Goal, Consent
/// (when the basis is a consent) and Provenance (who handed what over, when, on which basis).
///
/// Resources are linked by `urn:uuid:` full URLs derived from the plan's own ids, so the same bundle exports to
/// the same FHIR every time. Free text stays in Dutch; codes use FHIR's own systems where R4 has one.
public enum FHIRExport {
    /// The FHIR Bundle as JSON (pretty-printed, sorted keys).
    public static func bundle(_ document: HandoverDocument) throws -> Data {
        let plan = document.plan
        var entries: [[String: Any]] = []
        func add(_ resource: [String: Any], id: String) { entries.append(["fullUrl": urn(id), "resource": resource]) }
        func reference(_ id: String, _ display: String? = nil) -> [String: Any] {
            var ref: [String: Any] = ["reference": urn(id)]
            if let display { ref["display"] = display }
            return ref
        }

        let senderID = document.sender.organisation
        let recipientID = document.recipient.organisation
        add(["resourceType": "Organization", "id": senderID, "name": document.sender.organisationName], id: senderID)
        add(["resourceType": "Organization", "id": recipientID, "name": document.recipient.organisationName], id: recipientID)

        // The client: the parent in the shelter; without the core section an anonymous patient stands for the family.
        let mother = plan.members.first { $0.text(MemberField.role) == MemberRole.parentInShelter.rawValue }
        let subjectID = mother?.id ?? document.family
        if mother == nil {
            add(["resourceType": "Patient", "id": subjectID, "identifier": [identifier(document)]], id: subjectID)
        }
        // Who may be a Goal's subject (R4: Patient, Group or Organization): the mother and the children in this bundle.
        var patients: Set<String> = [subjectID]
        for member in plan.members {
            let role = member.text(MemberField.role).flatMap(MemberRole.init(rawValue:))
            if role == .parentInShelter || role == .child { patients.insert(member.id) }
            var resource: [String: Any] = ["id": member.id, "name": [["text": member.text(MemberField.name) ?? "?"]]]
            if let born = member.text(MemberField.birthDate) { resource["birthDate"] = born }
            if role == .parentInShelter || role == .child {
                resource["resourceType"] = "Patient"
                if role == .parentInShelter { resource["identifier"] = [identifier(document)] }
            } else {
                resource["resourceType"] = "RelatedPerson"
                resource["patient"] = reference(subjectID)
                resource["relationship"] = [["text": role?.label ?? "gezinslid"]]
            }
            add(resource, id: member.id)
        }

        // Goals per life domain, with their actions on the family plan.
        var goalIDs: [String] = []
        for goal in plan.all(.goal) {
            let status = goal.text(GoalField.status).flatMap(GoalStatus.init(rawValue:))
            // A goal of a member who is not a Patient here (the other parent, a new partner, or a member whose
            // core record is not in the bundle) has the client as its subject and names the member in a note:
            // every reference resolves inside the Bundle.
            let member = goal.ref(GoalField.member)
            let subject = member.flatMap { patients.contains($0) ? $0 : nil } ?? subjectID
            var resource: [String: Any] = [
                "resourceType": "Goal", "id": goal.id, "lifecycleStatus": lifecycle(status),
                "description": ["text": goal.text(GoalField.description) ?? "?"],
                "category": [["text": goal.text(GoalField.domain).flatMap(LifeDomain.init(rawValue:))?.label ?? "?"]],
                "subject": reference(subject),
            ]
            if let member, member != subject { resource["note"] = [["text": "Betreft: \(plan.memberName(member) ?? "een gezinslid")"]] }
            if status == .achieved {
                resource["achievementStatus"] = ["coding": [["system": "http://terminology.hl7.org/CodeSystem/goal-achievement", "code": "achieved"]]]
            }
            if let who = goal.text(GoalField.responsible) { resource["expressedBy"] = ["display": who] }
            add(resource, id: goal.id)
            goalIDs.append(goal.id)
        }
        var resourceIDs = goalIDs
        if document.sections.contains(Section.plan.name) || !goalIDs.isEmpty {
            let planID = derived(document.bundle, "careplan")
            var careplan: [String: Any] = [
                "resourceType": "CarePlan", "id": planID, "status": "active", "intent": "plan",
                "title": "Gezinsplan (1 gezin 1 plan)", "subject": reference(subjectID), "author": reference(senderID),
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
                    return ["detail": detail]
                }
            }
            if let aftercare = plan.aftercare {
                if aftercare.text(AftercareField.closed) != nil { careplan["status"] = "completed" }
                careplan["period"] = ["start": aftercare.text(AftercareField.start) ?? "", "end": aftercare.text(AftercareField.plannedEnd) ?? ""]
                careplan["description"] = "Nazorg: \(aftercare.text(AftercareField.mode).flatMap(AftercareMode.init(rawValue:))?.label ?? "?")"
            }
            add(careplan, id: planID)
            resourceIDs.append(planID)
        }
        if document.sections.contains(Section.safety.name) {
            let safetyID = derived(document.bundle, "veiligheidsplan")
            var activities: [[String: Any]] = plan.all(.measure).map { measure in
                let kind = measure.text(MeasureField.category).flatMap(MeasureKind.init(rawValue:))?.label ?? "maatregel"
                return ["detail": ["status": "in-progress", "description": "\(kind)\(measure.text(MeasureField.description).map { ": \($0)" } ?? "")"]]
            }
            activities += plan.all(.signal).map { signal in
                ["detail": ["status": "not-started", "description": "Bij signaal '\(signal.text(SignalField.description) ?? "?")': \(signal.text(SignalField.action) ?? "overleg met de regisseur")"]]
            }
            var safety: [String: Any] = [
                "resourceType": "CarePlan", "id": safetyID, "status": "active", "intent": "plan", "title": "Veiligheidsplan",
                "subject": reference(subjectID), "author": reference(senderID),
            ]
            if !activities.isEmpty { safety["activity"] = activities }
            add(safety, id: safetyID)
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
                "purpose": [["system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "TREAT", "display": basis.text(ConsentField.purpose) ?? "vervolghulp"]],
            ]
            if let from = basis.text(ConsentField.from) {
                var period: [String: Any] = ["start": from]
                if let until = basis.text(ConsentField.until) { period["end"] = until }
                provision["period"] = period
            }
            add([
                "resourceType": "Consent", "id": consentID, "status": "active",
                "scope": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"]]],
                "category": [["coding": [["system": "http://loinc.org", "code": "59284-0", "display": "Patient Consent"]]]],
                "patient": reference(subjectID), "dateTime": "\(basis.text(ConsentField.from) ?? String(document.created.prefix(10)))",
                "organization": [reference(senderID)],
                "policyRule": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"]]],
                "provision": provision,
            ], id: consentID)
            resourceIDs.append(consentID)
            reasonText = "toestemming \(consentID.prefix(8)): \(basis.text(ConsentField.purpose) ?? "?")"
        } else if let basis {
            reasonText = "doorbreking beroepsgeheim (\(basis.text(SafetyOverrideField.ground).flatMap(LegalGround.init(rawValue:))?.label ?? "?")): \(basis.text(SafetyOverrideField.justification) ?? "?")"
        }

        let provenanceID = derived(document.bundle, "provenance")
        add([
            "resourceType": "Provenance", "id": provenanceID,
            "target": (resourceIDs.isEmpty ? [subjectID] : resourceIDs).map { reference($0) },
            "recorded": document.created,
            "activity": ["text": "warme overdracht (bundel \(document.bundle.prefix(8)))"],
            "reason": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": basis?.kind == .consent ? "TREAT" : "PUBHLTH"]], "text": reasonText]],
            "agent": [
                [
                    "type": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "code": "author"]]],
                    "who": ["display": document.sender.worker], "onBehalfOf": reference(senderID, document.sender.organisationName),
                ] as [String: Any],
                ["type": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "code": "custodian"]]],
                 "who": reference(recipientID, document.recipient.organisationName)],
            ],
        ], id: provenanceID)

        let bundle: [String: Any] = [
            "resourceType": "Bundle", "id": document.bundle, "type": "collection", "timestamp": document.created,
            "identifier": ["system": "urn:nazorg:overdracht", "value": document.bundle], "entry": entries,
        ]
        return try JSONSerialization.data(withJSONObject: bundle, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    static func identifier(_ document: HandoverDocument) -> [String: Any] {
        ["system": "urn:nazorg:gezin:\(document.sender.organisation)", "value": document.family]
    }

    /// `urn:uuid:` for a 32-hex id, in UUID form.
    static func urn(_ hex: String) -> String {
        let h = Array(hex.lowercased())
        guard h.count == 32 else { return "urn:uuid:\(hex)" }
        return "urn:uuid:\(String(h[0..<8]))-\(String(h[8..<12]))-\(String(h[12..<16]))-\(String(h[16..<20]))-\(String(h[20..<32]))"
    }

    /// A stable id for a resource that has no plan entity of its own.
    static func derived(_ bundle: String, _ what: String) -> String {
        String(GenericHash.hash(Data("nazorg-fhir:\(bundle):\(what)".utf8), outputByteCount: 16).hexEncoded)
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
}

import Foundation
import NazorgMessages
import NazorgModel
import NazorgSync
import Testing

@testable import NazorgClient

/// Every reference in the FHIR export resolves inside its Bundle, and points at a resource type R4 allows there,
/// in ordinary use: a goal of the other parent, a deleted goal that had actions, a handover without the core.
struct FHIRExportTests {
    let shelter: TestOrganisation
    let wijkteam: TestOrganisation
    let sender: Workspace
    let family: FamilyID
    let mother: PlanEntity
    let father: PlanEntity

    init() throws {
        shelter = try TestOrganisation()
        wijkteam = try TestOrganisation(name: "Wijkteam Testregio")
        sender = try Workspace(profile: try shelter.worker("mira"))
        try sender.profile.addPartner(wijkteam.info)
        family = try sender.importFixture("zonnebloem")
        let plan = try sender.plan(family)
        mother = plan.members.first { $0.has(MemberField.role, MemberRole.parentInShelter) }!
        father = plan.members.first { $0.has(MemberField.role, MemberRole.otherParent) }!
    }

    func export(sections: String, givers: String? = nil) throws -> [String: Any] {
        try Self.json(document(sections: sections, givers: givers))
    }

    static func json(_ document: HandoverDocument) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: FHIRExport.bundle(document)) as? [String: Any])
    }

    func document(sections: String, givers: String? = nil) throws -> HandoverDocument {
        let consent = try sender.add(.consent, to: family, [
            "gevers": givers ?? mother.id, "ontvanger": wijkteam.info.id.hex, "secties": sections, "doel": "warme overdracht",
            "vanaf": "2026-01-01", "vorm": "schriftelijk", "vastgelegdDoor": "Mira",
        ])
        let created = try sender.createHandover(
            family, to: wijkteam.info,
            HandoverRequest(
                sections: sections, basis: consent.hex,
                meeting: .init(date: "2026-11-20", mode: "in-persoon", attended: HandoverAttendee.allCases.map(\.rawValue)),
                personalContext: "eigen regie", agreements: ["school belt bij afwezigheid"], contact: nil, movingTo: nil, incompleteBecause: nil),
            devices: [try wijkteam.worker("sanne").certificate!])
        return created.document
    }

    /// The resource type behind each `fullUrl`, and every `reference` anywhere in the Bundle with the path it sits at.
    static func references(_ bundle: [String: Any]) -> (types: [String: String], references: [(path: String, target: String)]) {
        let entries = bundle["entry"] as? [[String: Any]] ?? []
        var types: [String: String] = [:]
        for entry in entries {
            if let url = entry["fullUrl"] as? String, let resource = entry["resource"] as? [String: Any] { types[url] = resource["resourceType"] as? String }
        }
        var found: [(String, String)] = []
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, child) in object {
                    if key == "reference", let target = child as? String { found.append((path, target)) } else { walk(child, path + "." + key) }
                }
            } else if let array = value as? [Any] {
                for child in array { walk(child, path) }
            }
        }
        for entry in entries {
            if let resource = entry["resource"] as? [String: Any] { walk(resource, resource["resourceType"] as? String ?? "?") }
        }
        return (types, found)
    }

    static func expectResolved(_ bundle: [String: Any], _ context: String) {
        let (types, references) = references(bundle)
        #expect(!references.isEmpty)
        for (path, target) in references {
            #expect(types[target] != nil, "\(context): \(path) → \(target) is not in the Bundle")
            if path == "Goal.subject" {
                #expect(["Patient", "Group", "Organization"].contains(types[target] ?? ""), "\(context): Goal.subject → \(types[target] ?? "?")")
            }
        }
    }

    @Test func aGoalOfTheOtherParentHasAPatientAsItsSubject() throws {
        let goal = try sender.add(.goal, to: family, ["domein": "relaties", "omschrijving": "omgang via de rechter regelen", "lid": father.id])
        let bundle = try export(sections: "core,safety,plan")
        Self.expectResolved(bundle, "goal of the other parent")
        let resource = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }.first { $0["id"] as? String == FHIRExport.uuid(goal.hex) }
        let note = (resource?["note"] as? [[String: Any]])?.first?["text"] as? String
        #expect(note == "Betreft: Vader Zonnebloem", "\(String(describing: resource))")
    }

    @Test func anActionOfADeletedGoalPointsNowhereOutsideTheBundle() throws {
        let goal = try sender.add(.goal, to: family, ["domein": "wonen", "omschrijving": "huurtoeslag aanvragen"])
        _ = try sender.add(.action, to: family, ["doel": goal.hex, "omschrijving": "formulier invullen met Anna"])
        try sender.delete(goal.hex, in: family)
        Self.expectResolved(try export(sections: "core,safety,plan"), "deleted goal")
    }

    @Test func aHandoverWithoutTheCoreHasNoReferencesToMembersItDoesNotHold() throws {
        Self.expectResolved(try export(sections: "safety,plan"), "without core")
    }

    @Test func anAchievedGoalSaysSo() throws {
        let goal = try sender.add(.goal, to: family, ["domein": "wonen", "omschrijving": "eigen woning", "status": "behaald"])
        let bundle = try export(sections: "core,plan")
        Self.expectResolved(bundle, "achieved goal")
        let resource = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }.first { $0["id"] as? String == FHIRExport.uuid(goal.hex) }
        #expect(resource?["lifecycleStatus"] as? String == "completed")
        #expect(((resource?["achievementStatus"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String == "achieved")
    }

    static func resources(_ bundle: [String: Any], _ type: String) -> [[String: Any]] {
        (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }.filter { $0["resourceType"] as? String == type }
    }

    static func codes(_ value: Any?) -> [String] {
        ((value as? [String: Any])?["coding"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    /// Every id is an RFC 9562 UUID (version 8, variant 10) that its fullUrl repeats; every resource carries the
    /// confidentiality and domestic-violence labels and a narrative; the client at a secret address is very restricted.
    @Test func idsAreUUIDsAndEveryResourceIsLabelledAndNarrated() throws {
        let document = try document(sections: "core,safety,plan")
        let bundle = try Self.json(document)
        let entries = try #require(bundle["entry"] as? [[String: Any]])
        #expect(entries.count > 10)
        let uuid = #/[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/#
        for entry in entries {
            let resource = try #require(entry["resource"] as? [String: Any])
            let id = try #require(resource["id"] as? String)
            #expect(id.wholeMatch(of: uuid) != nil, "\(id) is not a version-8 UUID")
            #expect(entry["fullUrl"] as? String == "urn:uuid:\(id)")
            let labels = ((resource["meta"] as? [String: Any])?["security"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(labels.contains("SDV") && (labels.contains("R") || labels.contains("V")), "\(resource["resourceType"] ?? "?"): \(labels)")
            let div = ((resource["text"] as? [String: Any])?["div"] as? String) ?? ""
            #expect(div.hasPrefix("<div xmlns=\"http://www.w3.org/1999/xhtml\">") && div.count > 50, "\(div)")
        }
        // The same plan exports to the same ids; the plan's own ids are not shown.
        #expect(try FHIRExport.bundle(document) == FHIRExport.bundle(document))
        #expect(!entries.contains { ($0["resource"] as? [String: Any])?["id"] as? String == mother.id })
        let client = Self.resources(bundle, "Patient").first { $0["id"] as? String == FHIRExport.uuid(mother.id) }
        let labels = ((client?["meta"] as? [String: Any])?["security"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(labels.contains("V"), "the fixture family lives at a secret address: \(labels)")
        Self.expectResolved(bundle, "labelled")
    }

    /// A corrected risk assessment is not shown as a second valid one: the earlier is entered-in-error, the
    /// correcting one corrected, and each note names the other's date.
    @Test func aCorrectedRiskAssessmentIsMarkedAsSuch() throws {
        let earlier = try #require(try sender.plan(family).riskHistory(of: mother.id).last)
        let correction = try sender.add(.riskAssessment, to: family, [
            "lid": mother.id, "classificatie": "rood", "instrument": "RiVaS", "faceToFace": "ja", "organisatie": "Opvang Zonnebloem",
            "datum": "2026-11-21", "corrigeert": earlier.id,
        ])
        let bundle = try export(sections: "core,safety")
        Self.expectResolved(bundle, "corrected")
        let risks = Self.resources(bundle, "RiskAssessment")
        func risk(_ id: String) throws -> [String: Any] { try #require(risks.first { $0["id"] as? String == FHIRExport.uuid(id) }) }
        func notes(_ r: [String: Any]) -> [String] { (r["note"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        let old = try risk(earlier.id)
        let new = try risk(correction.hex)
        #expect(old["status"] as? String == "entered-in-error")
        #expect(new["status"] as? String == "corrected")
        #expect(notes(old).contains("Gecorrigeerd door de risicotaxatie van 21 november 2026"), "\(notes(old))")
        #expect(notes(new).contains(Dutch.writingDates(in: "Corrigeert de risicotaxatie van \(earlier.text(RiskAssessmentField.date) ?? "?")")), "\(notes(new))")
        #expect(risks.filter { $0["status"] as? String == "final" }.allSatisfy { $0["id"] as? String != FHIRExport.uuid(earlier.id) })
    }

    /// What a receiving system needs beyond the plan: the risk levels, the regisseur, whom to call, the school,
    /// each child's parents with their authority, who does an action by when, who consented to which sections,
    /// and the handover conversation.
    @Test func risksRegisseurContactsAndConsentAreExported() throws {
        let goal = try sender.add(.goal, to: family, ["domein": "wonen", "omschrijving": "huurtoeslag aanvragen"])
        _ = try sender.add(.action, to: family, ["doel": goal.hex, "omschrijving": "formulier invullen", "wie": "Anna", "deadline": "2027-01-15"])
        let children = try sender.plan(family).members.filter { $0.has(MemberField.role, MemberRole.child) }
        let bundle = try export(sections: (["core", "safety", "plan"] + children.map { "child:\($0.id)" }).joined(separator: ","),
                            givers: "\(mother.id),\(father.id)")
        Self.expectResolved(bundle, "complete")

        let risks = Self.resources(bundle, "RiskAssessment")
        let assessments = try sender.plan(family).all(.riskAssessment)
        #expect(risks.count == assessments.count && !risks.isEmpty)
        for risk in risks {
            let prediction = (risk["prediction"] as? [[String: Any]])?.first
            #expect(["high", "moderate", "low"].contains(Self.codes(prediction?["qualitativeRisk"]).first ?? ""), "\(risk)")
        }
        let team = try #require(Self.resources(bundle, "CareTeam").first)
        let roles = (team["participant"] as? [[String: Any]] ?? []).flatMap { ($0["role"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        #expect(roles.contains { $0.hasPrefix("regisseur") }, "\(team)")

        let related = Self.resources(bundle, "RelatedPerson")
        #expect(related.contains { ($0["relationship"] as? [Any])?.contains { Self.codes($0).contains("C") } == true && $0["telecom"] != nil },
                "no emergency contact with a number")
        for child in children {
            let parents = related.filter { ($0["patient"] as? [String: Any])?["reference"] as? String == FHIRExport.urn(child.id) }
            #expect(parents.count == 2, "\(child.id): \(parents.count) parents")
            for parent in parents {
                let relationship = (parent["relationship"] as? [[String: Any]])?.first
                #expect(Self.codes(relationship).contains("PRN"))
                #expect((relationship?["text"] as? String)?.contains("gezag") == true)
            }
            // The fixture records the parents' gender: mother and father are named as such, and only from that.
            let mothers = parents.filter { Self.codes(($0["relationship"] as? [[String: Any]])?.first).first == "MTH" }
            let fathers = parents.filter { Self.codes(($0["relationship"] as? [[String: Any]])?.first).first == "FTH" }
            #expect(mothers.count == 1 && fathers.count == 1, "\(parents)")
            #expect(mothers.first?["gender"] as? String == "female" && fathers.first?["gender"] as? String == "male")
        }
        #expect(Self.resources(bundle, "Patient").contains { ($0["contact"] as? [[String: Any]])?.first?["organization"] != nil }, "no school")

        let plans = Self.resources(bundle, "CarePlan")
        let activities = plans.flatMap { ($0["activity"] as? [[String: Any]] ?? []).compactMap { $0["detail"] as? [String: Any] } }
        let action = try #require(activities.first { $0["description"] as? String == "formulier invullen" })
        #expect((action["performer"] as? [[String: Any]])?.first?["display"] as? String == "Anna")
        #expect((action["scheduledPeriod"] as? [String: Any])?["end"] as? String == "2027-01-15")
        let notes = plans.flatMap { ($0["note"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        #expect(notes.contains { $0.hasPrefix("Overdrachtsgesprek 20 november 2026") } && notes.contains("Persoonlijke context: eigen regie"))
        #expect(notes.contains("Ketenafspraak: school belt bij afwezigheid"))

        let consent = try #require(Self.resources(bundle, "Consent").first)
        let performers = (consent["performer"] as? [[String: Any]] ?? []).compactMap { $0["reference"] as? String }
        #expect(performers == [FHIRExport.urn(mother.id), FHIRExport.urn(father.id)], "\(performers)")
        let covered = ((consent["provision"] as? [String: Any])?["class"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(Set(covered) == Set(["core", "safety", "plan"] + children.map { "child:\($0.id)" }), "\(covered)")
    }
}

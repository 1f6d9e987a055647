import Foundation
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

    func export(sections: String) throws -> [String: Any] {
        let consent = try sender.add(.consent, to: family, [
            "gevers": mother.id, "ontvanger": wijkteam.info.id.hex, "secties": sections, "doel": "warme overdracht",
            "vanaf": "2026-01-01", "vorm": "schriftelijk", "vastgelegdDoor": "Mira",
        ])
        let created = try sender.createHandover(
            family, to: wijkteam.info,
            HandoverRequest(
                sections: sections, basis: consent.hex,
                meeting: .init(date: "2026-11-20", mode: "in-persoon", attended: HandoverAttendee.allCases.map(\.rawValue)),
                personalContext: "eigen regie", agreements: ["school belt bij afwezigheid"], contact: nil, movingTo: nil, incompleteBecause: nil),
            devices: [try wijkteam.worker("sanne").certificate!])
        return try #require(JSONSerialization.jsonObject(with: FHIRExport.bundle(created.document)) as? [String: Any])
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
        let resource = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }.first { $0["id"] as? String == goal.hex }
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
        let resource = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }.first { $0["id"] as? String == goal.hex }
        #expect(resource?["lifecycleStatus"] as? String == "completed")
        #expect(((resource?["achievementStatus"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String == "achieved")
    }
}

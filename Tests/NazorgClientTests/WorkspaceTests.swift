import Foundation
import NazorgClient
import NazorgCrypto
import NazorgModel
import NazorgStore
import NazorgSync
import Testing

struct FixtureTests {
    @Test(arguments: ["zonnebloem", "verhuizing", "code-rood"])
    func everyFixtureImportsAndReadsBack(name: String) throws {
        let org = try TestOrganisation()
        let workspace = try Workspace(profile: try org.worker("mira"))
        let id = try workspace.importFixture(name)
        let plan = try workspace.plan(id)
        let fixture = try FamilyFixture.read(fixtures.appendingPathComponent("families/\(name).json"))
        #expect(plan.entities.count == fixture.entities.count + 1)
        #expect(plan.family?.text(FamilyField.name) == fixture.family["naam"])
        #expect(plan.regisseur(on: CalendarDate("2026-11-01")!) != nil)
    }

    @Test func scenarioOneHasThreeMembersOfTheFamilyAndTheSafetyMeasures() throws {
        let workspace = try Workspace(profile: try TestOrganisation().worker("mira"))
        let plan = try workspace.plan(try workspace.importFixture("zonnebloem"))
        #expect(plan.members.filter { !$0.has(MemberField.role, MemberRole.otherParent) }.count == 3)
        #expect(Set(plan.all(.measure).compactMap { $0.text(MeasureField.category) }).isSuperset(of: ["contactverbod", "geheim-adres", "afspraak-wijkagent"]))
        #expect(plan.all(.child).allSatisfy { $0.bool(ChildField.referralIndex) == true })
        #expect(plan.all(.child).allSatisfy { $0.section == .child($0.ref(ChildField.member)!) })
    }

    @Test func codeRedHistoryGoesRedOrangeGreen() throws {
        let workspace = try Workspace(profile: try TestOrganisation().worker("mira"))
        let plan = try workspace.plan(try workspace.importFixture("code-rood"))
        let mother = try #require(plan.members.first { $0.has(MemberField.role, MemberRole.parentInShelter) })
        #expect(plan.riskHistory(of: mother.id).compactMap { $0.text(RiskAssessmentField.classification) } == ["rood", "oranje", "groen"])
        #expect(plan.currentRisk(of: mother.id) == .green)
    }

    @Test func aMoveBringsANewRegisseurAndAReassessment() throws {
        let workspace = try Workspace(profile: try TestOrganisation().worker("mira"))
        let plan = try workspace.plan(try workspace.importFixture("verhuizing"))
        #expect(plan.regisseur(on: CalendarDate("2026-09-15")!)?.text(RegisseurField.organisation) == "Vrouwenopvang Voorbeeldregio")
        #expect(plan.regisseur(on: CalendarDate("2026-10-15")!)?.text(RegisseurField.organisation) == "Wijkteam Nieuwdorp")
        let mother = try #require(plan.members.first { $0.has(MemberField.role, MemberRole.parentInShelter) })
        #expect(plan.riskHistory(of: mother.id).last?.text(RiskAssessmentField.occasion) == "verhuizing naar andere regio")
    }

    @Test func aBadFixtureImportsNothing() throws {
        let workspace = try Workspace(profile: try TestOrganisation().worker("mira"))
        var fixture = try FamilyFixture.read(fixtures.appendingPathComponent("families/zonnebloem.json"))
        fixture.entities.append(.init(key: nil, kind: "maatregel", fields: ["soort": "contactverbod", "lid": "@onbekend"]))
        let error = #expect(throws: ClientError.self) { try workspace.importFamily(fixture) }
        #expect(error?.message.contains("@onbekend") == true)
        fixture.entities.removeLast()
        fixture.entities.append(.init(key: nil, kind: "lid", fields: ["naam": "X", "rol": "kind", "geboortedatum": "2020-13-01"]))
        #expect(throws: ClientError.self) { try workspace.importFamily(fixture) }
        #expect(try workspace.families().isEmpty)
    }
}

struct EditingTests {
    @Test func addUpdateAndShortReferences() throws {
        let workspace = try Workspace(profile: try TestOrganisation().worker("mira"))
        let family = try workspace.createFamily(["naam": "Gezin Test"])
        let member = try workspace.add(.member, to: family, ["naam": "Kim", "rol": "kind", "geboortedatum": "2015-05-05"])
        try workspace.add(.riskAssessment, to: family, [
            "lid": String(member.hex.prefix(6)), "classificatie": "oranje", "instrument": "RiVaS",
            "faceToFace": "ja", "organisatie": "Opvang", "datum": "2026-11-01",
        ])
        try workspace.update(member.hex, in: family, ["naam": "Kim B."])
        let plan = try workspace.plan(family)
        #expect(try plan.entity(member.short).text(MemberField.name) == "Kim B.")
        #expect(plan.currentRisk(of: member.hex) == .orange)
    }

    @Test func factsAreNeverEditedAndInvalidUpdatesAreRefused() throws {
        let workspace = try Workspace(profile: try TestOrganisation().worker("mira"))
        let family = try workspace.importFixture("code-rood")
        let plan = try workspace.plan(family)
        let assessment = try #require(plan.all(.riskAssessment).first)
        let error = #expect(throws: ClientError.self) { try workspace.update(assessment.id, in: family, ["classificatie": "groen"]) }
        #expect(error?.code == .refused)
        let episode = try #require(plan.aftercare)
        #expect(throws: ModelError.self) { try workspace.update(episode.id, in: family, ["geplandEinde": "2020-01-01"]) }
        #expect(try workspace.plan(family) == plan, "a refused edit changes nothing")
    }

    @Test func closingAftercareNeedsARegisseurForSixMonths() throws {
        let workspace = try Workspace(profile: try TestOrganisation().worker("mira"))
        let family = try workspace.createFamily(["naam": "Gezin Zonder Regie"])
        try workspace.startAftercare(family, ["start": "2026-06-01", "geplandEinde": "2026-12-01", "vorm": "begeleiding"])
        #expect(throws: ClientError.self) {
            try workspace.startAftercare(family, ["start": "2026-07-01", "geplandEinde": "2026-12-01", "vorm": "begeleiding"])
        }
        let refused = #expect(throws: ModelError.self) {
            try workspace.closeAftercare(family, date: "2026-11-20", reason: "doelen behaald")
        }
        #expect(refused?.message.contains("regisseur") == true)
        let regisseur = try workspace.add(.regisseur, to: family, ["naam": "R", "organisatie": "Wijkteam", "vanaf": "2026-11-01", "tot": "2027-03-01"])
        #expect(throws: ModelError.self) { try workspace.closeAftercare(family, date: "2026-11-20", reason: "x") }
        try workspace.update(regisseur.hex, in: family, ["tot": "2027-06-01"])
        try workspace.add(.evaluation, to: family, ["datum": "2026-09-02", "soort": "drie-maanden"])
        try workspace.closeAftercare(family, date: "2026-11-20", reason: "doelen behaald", noHandoverBecause: "het gezin wil geen vervolghulp")
        let plan = try workspace.plan(family)
        #expect(plan.aftercare?.text(AftercareField.closed) == "2026-11-20")
        #expect(plan.family?.text(FamilyField.phase) == "afgesloten")
    }
}

struct ConflictTests {
    /// A worker's laptop and a colleague's, both holding the Zonnebloem plan.
    struct TwoLaptops {
        let org: TestOrganisation
        let laptop: Profile
        let colleague: Profile
        let a: Workspace
        let b: Workspace
        let family: FamilyID

        init() throws {
            org = try TestOrganisation()
            laptop = try org.worker("laptop")
            colleague = try org.worker("collega")
            a = try Workspace(profile: laptop)
            b = try Workspace(profile: colleague)
            family = try a.importFixture("zonnebloem")
            try shareKeys(of: family, from: laptop, to: colleague)
            try exchange(laptop, colleague)
        }
    }

    @Test func concurrentEditsOnTwoLaptopsShowAsAConflictAndResolve() throws {
        let pair = try TwoLaptops()
        let (laptop, colleague, a, b, family) = (pair.laptop, pair.colleague, pair.a, pair.b, pair.family)
        let goal = try #require(try a.plan(family).all(.goal).first)
        // Both edit the same goal offline.
        try a.update(goal.id, in: family, ["status": "behaald"])
        try b.update(goal.id, in: family, ["status": "gestopt"])
        try exchange(laptop, colleague)
        #expect(try laptop.store.stateHash() == colleague.store.stateHash())
        let conflictsA = try a.conflicts(family)
        #expect(conflictsA.map(\.field) == ["status"])
        #expect(Set(conflictsA[0].values.compactMap { $0?.text }) == ["behaald", "gestopt"])
        #expect(try b.conflicts(family).map(\.field) == ["status"])
        // Resolving is an ordinary write; after the next exchange both agree and the conflict is gone.
        try b.resolve(String(goal.id.prefix(8)), field: "status", value: "loopt", in: family)
        try exchange(laptop, colleague)
        #expect(try a.conflicts(family).isEmpty && b.conflicts(family).isEmpty)
        #expect(try a.plan(family).entity(goal.id).text(GoalField.status) == "loopt")
        #expect(throws: ClientError.self) { try a.resolve(goal.id, field: "status", value: "open", in: family) }
    }

    @Test func deleteVersusEditIsVisibleNotLost() throws {
        let pair = try TwoLaptops()
        let (laptop, colleague, a, b, family) = (pair.laptop, pair.colleague, pair.a, pair.b, pair.family)
        let measure = try #require(try a.plan(family).all(.measure).first)
        try a.delete(measure.id, in: family)
        try b.update(measure.id, in: family, ["omschrijving": "aangepast door collega"])
        try exchange(laptop, colleague)
        let conflicts = try a.conflicts(family)
        #expect(conflicts.contains { $0.entity.id == measure.id && $0.field == "omschrijving" && $0.values.contains(nil) })
        #expect(try laptop.store.stateHash() == colleague.store.stateHash())
    }
}

struct IdentityTests {
    @Test func wrongPassphraseIsClearAndChangesNothing() throws {
        let org = try TestOrganisation()
        let directory = try org.worker("mira").directory
        let error = #expect(throws: ClientError.self) {
            try Profile.open(directory: directory, passphrase: Data("wrong".utf8))
        }
        #expect(error?.code == .wrongPassphrase)
        #expect(try Profile.open(directory: directory, passphrase: TestOrganisation.passphrase).certificate != nil)
        #expect(throws: ClientError.self) {
            try Organisation.open(keyFile: org.root.appendingPathComponent("org/organisation.key"), passphrase: Data("wrong".utf8))
        }
    }

    @Test func certificatesAreChecked() throws {
        let org = try TestOrganisation()
        let other = try TestOrganisation()
        let directory = org.root.appendingPathComponent("nieuw")
        let request = try Profile.create(directory: directory, worker: "Nieuw", role: .worker, organisation: org.info, passphrase: TestOrganisation.passphrase)
        let profile = try Profile.open(directory: directory, passphrase: TestOrganisation.passphrase)
        #expect(throws: ClientError.self) { try Workspace(profile: profile) }
        // Signed by another organisation.
        var foreignRequest = request
        foreignRequest.organisation = other.info.id
        #expect(throws: ClientError.self) { try profile.install(certificate: try other.organisation.certify(foreignRequest, from: Date(), days: 10)) }
        // Expired.
        let expired = try org.organisation.certify(request, from: Date(timeIntervalSinceNow: -20 * 86_400), days: 10)
        #expect(throws: ClientError.self) { try profile.install(certificate: expired) }
        // Altered after signing.
        var altered = try org.organisation.certify(request, from: Date(), days: 10)
        altered.role = .admin
        #expect(throws: ClientError.self) { try profile.install(certificate: altered) }
        // For another device.
        let otherDevice = try Profile.create(
            directory: org.root.appendingPathComponent("ander"), worker: "Ander", role: .worker, organisation: org.info,
            passphrase: TestOrganisation.passphrase)
        #expect(throws: ClientError.self) { try profile.install(certificate: try org.organisation.certify(otherDevice, from: Date(), days: 10)) }
        try profile.install(certificate: try org.organisation.certify(request, from: Date(), days: 10))
    }

    @Test func privacyOfficerDeviceKeepsNoPlans() throws {
        let org = try TestOrganisation()
        let directory = org.root.appendingPathComponent("fg")
        let request = try Profile.create(directory: directory, worker: "FG", role: .privacyOfficer, organisation: org.info, passphrase: TestOrganisation.passphrase)
        try Profile.open(directory: directory, passphrase: TestOrganisation.passphrase)
            .install(certificate: try org.organisation.certify(request, from: Date(), days: 10))
        let profile = try Profile.open(directory: directory, passphrase: TestOrganisation.passphrase)
        #expect(throws: ClientError.self) { try Workspace(profile: profile) }
    }
}

struct AtRestTests {
    @Test func noPlaintextPersonalDataInTheProfile() throws {
        let org = try TestOrganisation()
        let profile = try org.worker("mira")
        let workspace = try Workspace(profile: profile)
        let marker = "Zwaluwstaart-Veldhoven"
        let family = try workspace.importFixture("zonnebloem")
        try workspace.add(.member, to: family, ["naam": marker, "rol": "netwerk"])
        var bytes = Data()
        for file in try FileManager.default.contentsOfDirectory(at: profile.directory, includingPropertiesForKeys: nil) {
            bytes.append(try Data(contentsOf: file))
        }
        for needle in [marker, "Zonnebloem", "Anna", "contactverbod", "Regenboog", "RiVaS"] {
            #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(needle) found on disk")
        }
    }
}

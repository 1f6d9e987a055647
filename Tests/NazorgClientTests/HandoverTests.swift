import Foundation
import NazorgCrypto
import NazorgModel
import NazorgStore
import NazorgSync
import Testing

@testable import NazorgClient

/// The receiver's checks on what a correctly signed bundle says: a sender's device can sign anything, so the
/// content is held against its own basis and the schema. Also: both sides' share logs.
struct HandoverTests {
    let shelter: TestOrganisation
    let wijkteam: TestOrganisation
    let sender: Workspace
    let receiver: Workspace
    let family: FamilyID
    let consent: EntityID

    init() throws {
        shelter = try TestOrganisation()
        wijkteam = try TestOrganisation(name: "Wijkteam Testregio")
        sender = try Workspace(profile: try shelter.worker("mira"))
        receiver = try Workspace(profile: try wijkteam.worker("sanne"))
        try sender.profile.addPartner(wijkteam.info)
        try receiver.profile.addPartner(shelter.info)
        family = try sender.importFixture("zonnebloem")
        let mother = try sender.plan(family).members.first { $0.has(MemberField.role, MemberRole.parentInShelter) }!
        consent = try sender.add(.consent, to: family, [
            "gevers": mother.id, "ontvanger": wijkteam.info.id.hex, "secties": "core", "doel": "warme overdracht",
            "vanaf": "2026-01-01", "vorm": "schriftelijk", "vastgelegdDoor": "Mira",
        ])
    }

    func create() throws -> HandoverCreated {
        try sender.createHandover(
            family, to: wijkteam.info,
            HandoverRequest(
                sections: nil, basis: consent.hex, meeting: .init(date: "2026-11-20", mode: "telefoon", attended: ["client", "vertrekkend"]),
                personalContext: "", agreements: [], contact: nil, movingTo: nil,
                incompleteBecause: "telefonisch overgedragen; de ontvangende hulpverlener was nog niet aangesteld"),
            devices: [receiver.profile.certificate!])
    }

    /// Re-signs `document` with the sender's real device key: only the content is wrong.
    func forged(_ document: HandoverDocument, like original: Data) throws -> Data {
        let header = try HandoverEnvelope.header(of: original)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try HandoverEnvelope.seal(
            content: try encoder.encode(document), bundle: header.bundle, recipient: header.recipient,
            devices: [(receiver.profile.device, receiver.profile.box.publicKey)], certificate: sender.profile.certificate!,
            signer: sender.profile.author.signer, created: header.created)
    }

    func open(_ bytes: Data) throws -> OpenedHandover {
        try receiver.openHandover(bytes, registeredSenderDevices: [sender.profile.certificate!])
    }

    /// A warm handover has three parts and three participants (norm 4.1); a missing one needs a recorded reason,
    /// and the meeting cannot lie in the future. The reason travels and is recorded with the imported plan.
    @Test func anIncompleteHandoverNeedsAReasonAndTheMeetingHappened() throws {
        func request(attended: [String], context: String, agreements: [String], date: String = "2026-11-20", reason: String? = nil) -> HandoverRequest {
            HandoverRequest(
                sections: nil, basis: consent.hex, meeting: .init(date: date, mode: "in-persoon", attended: attended),
                personalContext: context, agreements: agreements, contact: nil, movingTo: nil, incompleteBecause: reason)
        }
        let all = ["client", "vertrekkend", "ontvangend"]
        let devices = [receiver.profile.certificate!]
        let cases: [(HandoverRequest, String)] = [
            (request(attended: ["client", "vertrekkend"], context: "eigen regie", agreements: ["school belt"]), "de ontvangende hulpverlener"),
            (request(attended: all, context: " ", agreements: ["school belt"]), "--context"),
            (request(attended: all, context: "eigen regie", agreements: []), "--afspraak"),
            (request(attended: all, context: "eigen regie", agreements: ["school belt"], date: "2099-01-01"), "in de toekomst"),
        ]
        for (refused, words) in cases {
            let error = #expect(throws: ClientError.self) { try sender.createHandover(family, to: wijkteam.info, refused, devices: devices) }
            #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
        }
        #expect(try sender.profile.store.handovers().isEmpty, "nothing was made")
        try sender.createHandover(family, to: wijkteam.info, request(attended: all, context: "eigen regie", agreements: ["school belt"]), devices: devices)
        let withReason = try sender.createHandover(
            family, to: wijkteam.info,
            request(attended: ["client", "vertrekkend"], context: "eigen regie", agreements: [], reason: "wijkteam nog zonder hulpverlener"),
            devices: devices)
        #expect(withReason.document.incompleteBecause == "wijkteam nog zonder hulpverlener")
        #expect(HandoverSummary.render(withReason.document, format: .markdown).contains("wijkteam nog zonder hulpverlener"))
    }

    /// Every combination of participants, personal context, agreements and a reason: a handover is made exactly
    /// when all three parts and participants are there or a reason is given, and a refused one writes nothing.
    @Test func aHandoverIsMadeExactlyWhenCompleteOrExplained() throws {
        let devices = [receiver.profile.certificate!]
        var made = 0
        for bits in 0..<64 {
            let attended = HandoverAttendee.allCases.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element.rawValue)
            let context = bits & 8 != 0 ? "eigen regie" : ""
            let agreements = bits & 16 != 0 ? ["school belt"] : []
            let reason = bits & 32 != 0 ? "telefonisch; niet iedereen bereikbaar" : nil
            let complete = attended.count == 3 && !context.isEmpty && !agreements.isEmpty
            let request = HandoverRequest(
                sections: nil, basis: consent.hex, meeting: .init(date: "2026-11-20", mode: "telefoon", attended: attended),
                personalContext: context, agreements: agreements, contact: nil, movingTo: nil, incompleteBecause: reason)
            let before = try sender.profile.store.handovers().count
            let plan = try sender.plan(family)
            do {
                _ = try sender.createHandover(family, to: wijkteam.info, request, devices: devices)
                #expect(complete || reason != nil, "made without its parts or a reason: \(bits)")
                made += 1
                #expect(try sender.profile.store.handovers().count == before + 1)
            } catch let error as ClientError {
                #expect(!complete && reason == nil, "refused although complete or explained: \(bits) \(error.message)")
                #expect(try sender.profile.store.handovers().count == before && sender.plan(family) == plan, "a refusal wrote something: \(bits)")
            }
        }
        #expect(made == 32 + 1)
    }

    @Test func onlyTheCoveredSectionsTravelAndTheRestIsNamedAsWithheld() throws {
        let created = try create()
        let opened = try open(created.bytes)
        #expect(opened.document.sections == ["core"])
        #expect(opened.document.entities.allSatisfy { $0.section == "core" })
        #expect(Set(opened.document.withheld.map(\.section)).isSuperset(of: ["safety", "plan", "journal", "consent"]))
        #expect(HandoverSummary.render(opened.document, format: .markdown).contains("Niet bij het overdrachtsgesprek: de ontvangende hulpverlener"))
    }

    @Test func contentTheBasisDoesNotCoverIsRefused() throws {
        let created = try create()
        let document = try open(created.bytes).document
        let measure = try sender.plan(family).all(.measure).first!

        // A safety-plan entity in a bundle whose consent covers only core, listed or not.
        var outside = document
        outside.entities.append(HandoverDocument.Entity(measure))
        #expect(throws: ClientError.self) { try open(try forged(outside, like: created.bytes)) }
        outside.sections.append("safety")
        do {
            _ = try open(try forged(outside, like: created.bytes))
            Issue.record("a section outside the consent was accepted")
        } catch let error as ClientError {
            #expect(error.message.contains("het bevat veiligheidsplan (safety), dat de toestemming"), "\(error.message)")
        }
        // A basis for another organisation; a consent that had expired when the bundle was made.
        var other = document
        other.basis.fields["ontvanger"] = ID128.random().hex
        #expect(throws: ClientError.self) { try open(try forged(other, like: created.bytes)) }
        var expired = document
        expired.basis.fields["tot"] = "2026-01-31"
        #expect(throws: ClientError.self) { try open(try forged(expired, like: created.bytes)) }
        // An entity that breaks the schema, or claims another section than its kind's.
        var invalid = document
        invalid.entities[0].fields["naam"] = String(repeating: "x", count: 500)
        #expect(throws: ClientError.self) { try open(try forged(invalid, like: created.bytes)) }
        var misplaced = document
        misplaced.entities[0].section = "core"
        misplaced.entities[0].kind = EntityKind.measure.rawValue
        #expect(throws: ClientError.self) { try open(try forged(misplaced, like: created.bytes)) }
        // Nothing of it reached the store.
        #expect(try receiver.profile.store.families().isEmpty)
    }

    @Test func aRevokedOrUnknownSenderIsRefused() throws {
        let created = try create()
        #expect(throws: ClientError.self) { try receiver.openHandover(created.bytes, registeredSenderDevices: []) }
        let stranger = try Workspace(profile: try wijkteam.worker("tom"))
        #expect(throws: ClientError.self) { try stranger.openHandover(created.bytes, registeredSenderDevices: [sender.profile.certificate!]) }
    }

    @Test func importAndReceiptAreInBothShareLogs() throws {
        let created = try create()
        let opened = try open(created.bytes)
        try receiver.keep(opened)
        let imported = try receiver.importHandover(opened)
        let plan = try receiver.plan(imported)
        let provenance = try #require(plan.all(.provenance).first)
        #expect(provenance.text(ProvenanceField.bundle) == created.bundle.hex && provenance.text(ProvenanceField.from) == "Vrouwenopvang Testregio")
        #expect(throws: ClientError.self) { try receiver.importHandover(try open(created.bytes)) }

        let receipt = try receiver.acknowledge(try open(created.bytes))
        #expect(try receiver.acknowledge(try open(created.bytes)) == receipt, "a second ack repeats the same receipt")
        #expect(try sender.record(receipt: receipt))
        #expect(try !sender.record(receipt: receipt), "a receipt is recorded once")
        var altered = receipt
        altered.digest = Data(count: 32)
        #expect(throws: ClientError.self) { try sender.record(receipt: altered) }

        let sent = try sender.profile.store.auditEntries().map(\.record)
        #expect(sent.contains { $0.event == .share && $0.detail?.contains("bundel \(created.bundle.short)") == true })
        let logged = try #require(sent.first { $0.event == .receipt && $0.record == created.bundle.hex })
        #expect(logged.sections == ["core"] && logged.basis == "consent:\(consent.hex)" && logged.recipient == wijkteam.info.id.hex)
        let received = try receiver.profile.store.auditEntries().map(\.record)
        #expect(received.filter { $0.event == .receipt && $0.record == created.bundle.hex }.count == 2)  // imported, acknowledged
    }
}

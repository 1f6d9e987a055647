import NazorgModel
import Testing

/// The seed scenarios of the consent issue, at the level of the model's rules.
struct ShareBasisTests {
    let mother = String(repeating: "1", count: 32)
    let father = String(repeating: "2", count: 32)
    let lotte = String(repeating: "3", count: 32)  // 5 years old
    let bram = String(repeating: "4", count: 32)  // 13 years old
    let sara = String(repeating: "5", count: 32)  // 17 years old
    let wijkteam = String(repeating: "a", count: 32)
    let school = String(repeating: "b", count: 32)
    let veiligThuis = String(repeating: "c", count: 32)
    let today = CalendarDate("2026-11-22")!

    func member(_ id: String, _ role: String, born: String? = nil, authority: Bool = false) -> PlanEntity {
        var fields: [String: FieldValue] = ["naam": .text(id.prefix(1) == "1" ? "M" : "X"), "rol": .text(role), "gezag": .bool(authority)]
        if let born { fields["geboortedatum"] = .text(born) }
        return PlanEntity(id: id, kind: .member, section: .core, fields: fields)
    }

    func consent(_ id: String, givers: [String], to recipient: String, sections: String, from: String = "2026-11-01", until: String? = nil) -> PlanEntity {
        var fields: [String: FieldValue] = [
            "gevers": .text(givers.joined(separator: ",")), "ontvanger": .text(recipient), "ontvangerNaam": .text("R"),
            "secties": .text(sections), "doel": .text("vervolghulp"), "vanaf": .text(from), "vorm": .text("schriftelijk"),
            "vastgelegdDoor": .text("Mira"),
        ]
        if let until { fields["tot"] = .text(until) }
        return PlanEntity(id: id, kind: .consent, section: .consent, fields: fields)
    }

    func plan(_ extra: [PlanEntity]) -> FamilyPlan {
        FamilyPlan(id: "f", entities: [
            member(mother, "ouder-in-opvang", born: "1990-01-01", authority: true),
            member(father, "andere-ouder", authority: true),
            member(lotte, "kind", born: "2021-06-03"),
            member(bram, "kind", born: "2013-02-19"),
            member(sara, "kind", born: "2009-05-05"),
        ] + extra)
    }

    let consentID = String(repeating: "d", count: 32)
    let overrideID = String(repeating: "e", count: 32)

    @Test func aShareToTheWijkteamOnConsent() throws {
        let p = plan([consent(consentID, givers: [mother], to: wijkteam, sections: "core,plan")])
        let basis = try ShareBasis.check(ShareRequest(recipient: wijkteam, sections: [.core, .plan], date: today, basis: consentID), in: p)
        #expect(basis == .consent(id: consentID))
    }

    @Test func refusedWhenNotCovered() throws {
        let p = plan([
            consent(consentID, givers: [mother], to: wijkteam, sections: "core,plan", until: "2026-11-30"),
            PlanEntity(id: String(repeating: "9", count: 32), kind: .withdrawal, section: .consent, fields: [
                "toestemming": .ref(consentID), "datum": .text("2026-11-25"), "vorm": .text("mondeling"), "vastgelegdDoor": .text("Mira"),
            ]),
        ])
        func refusal(_ request: ShareRequest) -> String? {
            (#expect(throws: ModelError.self) { try ShareBasis.check(request, in: p) })?.message
        }
        // Another recipient, a section outside the consent, before it starts, after it expired, after withdrawal.
        #expect(refusal(ShareRequest(recipient: school, sections: [.core], date: today, basis: consentID))?.contains("voor een andere organisatie") == true)
        #expect(refusal(ShareRequest(recipient: wijkteam, sections: [.core, .safety], date: today, basis: consentID))?.contains("dekt veiligheidsplan (safety) niet") == true)
        #expect(refusal(ShareRequest(recipient: wijkteam, sections: [.core], date: CalendarDate("2026-10-01")!, basis: consentID))?.contains("geldt pas vanaf") == true)
        #expect(refusal(ShareRequest(recipient: wijkteam, sections: [.core], date: CalendarDate("2026-12-05")!, basis: consentID))?.contains("is verlopen op") == true)
        #expect(refusal(ShareRequest(recipient: wijkteam, sections: [.core], date: CalendarDate("2026-11-26")!, basis: consentID))?.contains("is ingetrokken op") == true)
        // Before the withdrawal the same share was lawful: withdrawal does not undo earlier shares.
        #expect(try ShareBasis.check(ShareRequest(recipient: wijkteam, sections: [.core], date: CalendarDate("2026-11-24")!, basis: consentID), in: p) == .consent(id: consentID))
        // No such basis; the consent section itself.
        #expect(refusal(ShareRequest(recipient: wijkteam, sections: [.core], date: today, basis: overrideID))?.contains("geen toestemming of doorbreking") == true)
        #expect(refusal(ShareRequest(recipient: wijkteam, sections: [.consent], date: today, basis: consentID))?.contains("wordt nooit met een andere organisatie gedeeld") == true)
    }

    func share(_ id: String, to recipient: String, sections: String, consent: String? = nil, override: String? = nil) -> PlanEntity {
        var fields: [String: FieldValue] = ["ontvanger": .text(recipient), "secties": .text(sections), "datum": .text("2026-11-10")]
        if let consent { fields["toestemming"] = .ref(consent) }
        if let override { fields["doorbreking"] = .ref(override) }
        return PlanEntity(id: id, kind: .share, section: .consent, fields: fields)
    }

    /// After a withdrawal, a recipient keeps a section's new key only on another basis that still covers it.
    @Test func afterAWithdrawalOnlyAnotherValidBasisKeepsTheSection() throws {
        let second = String(repeating: "6", count: 32)
        let withdrawal = PlanEntity(id: String(repeating: "9", count: 32), kind: .withdrawal, section: .consent, fields: [
            "toestemming": .ref(consentID), "datum": .text("2026-11-20"), "vorm": .text("mondeling"), "vastgelegdDoor": .text("Mira"),
        ])
        let p = plan([
            consent(consentID, givers: [mother], to: wijkteam, sections: "core,plan"),
            consent(second, givers: [mother], to: wijkteam, sections: "plan"),
            share(String(repeating: "7", count: 32), to: wijkteam, sections: "core,plan", consent: consentID),
            share(String(repeating: "8", count: 32), to: wijkteam, sections: "plan", consent: second),
            withdrawal,
        ])
        #expect(ShareBasis.remaining(for: wijkteam, section: .plan, withdrawn: consentID, on: today, in: p) == .consent(id: second))
        #expect(ShareBasis.remaining(for: wijkteam, section: .core, withdrawn: consentID, on: today, in: p) == nil, "the second consent does not cover core")
        #expect(ShareBasis.remaining(for: school, section: .plan, withdrawn: consentID, on: today, in: p) == nil, "nothing was shared with the school")
        // The second consent withdrawn too: nothing is left.
        let both = plan(p.entities.filter { $0.kind != .member } + [
            PlanEntity(id: String(repeating: "0", count: 32), kind: .withdrawal, section: .consent, fields: [
                "toestemming": .ref(second), "datum": .text("2026-11-21"), "vorm": .text("mondeling"), "vastgelegdDoor": .text("Mira"),
            ]),
        ])
        #expect(ShareBasis.remaining(for: wijkteam, section: .plan, withdrawn: consentID, on: today, in: both) == nil)
    }

    @Test func theMotherRefusesAChildIsUnsafeAMeldcodeOverrideSharesSafetyOnly() throws {
        let override = PlanEntity(id: overrideID, kind: .safetyOverride, section: .consent, fields: [
            "ontvanger": .text(veiligThuis), "ontvangerNaam": .text("Veilig Thuis"), "secties": .text("safety"),
            "grond": .text("melding-veilig-thuis"), "vermoeden": .bool(true), "onveilig": .bool(true), "hulpMogelijk": .bool(false),
            "hulpAanvaard": .bool(false), "duurzaamVeilig": .bool(false), "rechtvaardiging": .text("kind onveilig; moeder weigert hulp"),
            "geraadpleegd": .text("aandachtsfunctionaris"), "moederGeinformeerd": .bool(true), "besluitDoor": .text("teamleider"), "lid": .refs([String(repeating: "2", count: 32)]),
            "datum": .text("2026-11-20"),
        ])
        try Validation.validate(.safetyOverride, fields: override.fields)
        let p = plan([override])
        #expect(try ShareBasis.check(ShareRequest(recipient: veiligThuis, sections: [.safety], date: today, basis: overrideID), in: p)
                == .safetyOverride(id: overrideID, ground: .meldcodeReport))
        #expect(throws: ModelError.self) {
            try ShareBasis.check(ShareRequest(recipient: veiligThuis, sections: [.safety, .plan], date: today, basis: overrideID), in: p)
        }
    }

    @Test func anOverrideWithoutGroundJustificationOrConsultationIsRefused() throws {
        let complete: [String: String] = [
            "ontvanger": veiligThuis, "ontvangerNaam": "Veilig Thuis", "secties": "safety", "grond": "acuut-gevaar",
            "vermoeden": "ja", "onveilig": "ja", "hulpMogelijk": "nee", "hulpAanvaard": "nee", "duurzaamVeilig": "nee",
            "rechtvaardiging": "acuut gevaar", "geraadpleegd": "collega", "moederGeinformeerd": "ja", "besluitDoor": "M", "lid": String(repeating: "2", count: 32),
            "datum": "2026-11-20",
        ]
        try Validation.validate(.safetyOverride, fields: try Validation.parse(.safetyOverride, complete))
        for field in ["grond", "rechtvaardiging", "geraadpleegd"] {
            var inputs = complete
            inputs.removeValue(forKey: field)
            let error = #expect(throws: ModelError.self) {
                try Validation.validate(.safetyOverride, fields: try Validation.parse(.safetyOverride, inputs))
            }
            #expect(error?.message.contains("(--\(field))") == true, "\(error?.message ?? "")")
        }
        var untold = complete
        untold["moederGeinformeerd"] = "nee"
        let error = #expect(throws: ModelError.self) {
            try Validation.validate(.safetyOverride, fields: try Validation.parse(.safetyOverride, untold))
        }
        #expect(error?.message.contains("(--waarom-niet)") == true)
    }

    @Test func aSchoolReceivesOnlyOneChildsSection() throws {
        let lotteSection = Section.child(lotte)
        let p = plan([consent(consentID, givers: [mother, father], to: school, sections: lotteSection.name)])
        #expect(try ShareBasis.check(ShareRequest(recipient: school, sections: [lotteSection], date: today, basis: consentID), in: p) == .consent(id: consentID))
        #expect(throws: ModelError.self) {
            try ShareBasis.check(ShareRequest(recipient: school, sections: [.child(bram)], date: today, basis: consentID), in: p)
        }
    }

    @Test(arguments: [
        // (who gives, which child, accepted?)
        (["1"], "3", false),  // the other parent with authority is missing
        (["1", "2"], "3", true),  // both parents with authority, child of 5
        (["1", "2"], "4", false),  // child of 13 must consent too
        (["1", "2", "4"], "4", true),
        (["5"], "5", true),  // child of 17 consents alone
        (["1", "2"], "5", false),  // ... and is needed
    ])
    func whoConsentsForAChildsPart(givers: [String], child: String, accepted: Bool) throws {
        let ids = givers.map { String(repeating: $0, count: 32) }
        let section = Section.child(String(repeating: child, count: 32))
        let p = plan([consent(consentID, givers: ids, to: school, sections: section.name)])
        let request = ShareRequest(recipient: school, sections: [section], date: today, basis: consentID)
        if accepted {
            #expect(try ShareBasis.check(request, in: p) == .consent(id: consentID))
        } else {
            #expect(throws: ModelError.self) { try ShareBasis.check(request, in: p) }
        }
    }

    @Test func consentForTheFamilysSectionsComesFromTheParentInTheShelter() {
        let p = plan([consent(consentID, givers: [father], to: wijkteam, sections: "core")])
        let error = #expect(throws: ModelError.self) {
            try ShareBasis.check(ShareRequest(recipient: wijkteam, sections: [.core], date: today, basis: consentID), in: p)
        }
        #expect(error?.message.contains("de ouder in de opvang") == true)
    }

    @Test func shareRecordsNeedExactlyOneBasisAndSectionListsAreChecked() throws {
        var fields = try Validation.parse(.share, ["ontvanger": wijkteam, "secties": "core,plan", "datum": "2026-11-22"])
        #expect(throws: ModelError.self) { try Validation.validate(.share, fields: fields) }
        fields["toestemming"] = .ref(consentID)
        try Validation.validate(.share, fields: fields)
        fields["doorbreking"] = .ref(overrideID)
        #expect(throws: ModelError.self) { try Validation.validate(.share, fields: fields) }
        #expect(throws: ModelError.self) { try Validation.parse(.consent, ["secties": "core,kids"]) }
        #expect(throws: ModelError.self) { try Validation.parse(.consent, ["secties": "core,consent"]) }
        #expect(throws: ModelError.self) { try Validation.parse(.consent, ["gevers": "\(mother),\(mother)"]) }
    }

    @Test func aShareAndAWithdrawalThatDidNotKnowEachOtherAreFlagged() {
        let c = String(repeating: "d", count: 32)
        let s1 = String(repeating: "e", count: 32)
        let s2 = String(repeating: "f", count: 32)
        let w = String(repeating: "9", count: 32)
        func share(_ id: String, knows withdrawal: String? = nil) -> PlanEntity {
            var fields: [String: FieldValue] = [
                "ontvanger": .text(wijkteam), "secties": .text("core"), "toestemming": .ref(c), "datum": .text("2026-11-22"),
            ]
            if let withdrawal { fields["intrekkingenGezien"] = .text(withdrawal) }
            return PlanEntity(id: id, kind: .share, section: .consent, fields: fields)
        }
        func withdrawal(knows shares: [String]) -> PlanEntity {
            var fields: [String: FieldValue] = ["toestemming": .ref(c), "datum": .text("2026-11-22"), "vorm": .text("mondeling"), "vastgelegdDoor": .text("Ilse")]
            if !shares.isEmpty { fields["delingenGezien"] = .text(shares.joined(separator: ",")) }
            return PlanEntity(id: w, kind: .withdrawal, section: .consent, fields: fields)
        }
        let base = [consent(c, givers: [mother], to: wijkteam, sections: "core")]
        // s1 was made offline while a colleague withdrew the consent; neither saw the other.
        let crossed = ShareBasis.concurrentWithdrawals(in: plan(base + [share(s1), withdrawal(knows: [])]))
        #expect(crossed.map(\.share.id) == [s1] && crossed.map(\.withdrawal.id) == [w])
        // The withdrawal knew s1 (it came after it): nothing to flag.
        #expect(ShareBasis.concurrentWithdrawals(in: plan(base + [share(s1), withdrawal(knows: [s1])])).isEmpty)
        // s2 knew the (future-dated) withdrawal: nothing to flag; s1 did not and is flagged.
        let mixed = ShareBasis.concurrentWithdrawals(in: plan(base + [share(s1), share(s2, knows: w), withdrawal(knows: [])]))
        #expect(mixed.map(\.share.id) == [s1])
    }
}

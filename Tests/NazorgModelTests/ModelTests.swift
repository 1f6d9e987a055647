import NazorgModel
import Testing

struct ValidationTests {
    @Test(arguments: [
        ("lid", "rol", "moeder", "rol (--rol): moet een van deze zijn"),
        ("lid", "geboortedatum", "2019-02-30", "geboortedatum (--geboortedatum): moet een bestaande datum zijn"),
        ("lid", "geboortedatum", "01-02-2019", "geboortedatum (--geboortedatum): moet een bestaande datum zijn"),
        ("zrm", "financien", "7", "ZRM financien (--score financien=1..5): moet een heel getal van 1 tot en met 5 zijn"),
        ("lid", "gezag", "misschien", "ouderlijk gezag (--gezag): moet ja of nee zijn"),
        ("risicotaxatie", "classificatie", "paars", "classificatie (--classificatie): moet een van deze zijn: rood, oranje, groen"),
        ("actie", "doel", "xyz", "bij doel (--doel): moet het id van een doel zijn"),
        ("lid", "naam", "   ", "naam (--naam): mag niet leeg zijn"),
        ("lid", "naam", "a\u{0}b", "naam (--naam): bevat stuurtekens"),
    ])
    func refusesImpossibleInputNamingTheField(kind: String, field: String, input: String, message: String) throws {
        let entityKind = try #require(EntityKind(rawValue: kind))
        let error = #expect(throws: ModelError.self) { try Validation.parse(entityKind, [field: input]) }
        #expect(error?.message.hasPrefix(message) == true, "got: \(error?.message ?? "-")")
        // The refused value itself is never echoed: it may be personal data.
        #expect(error?.message.contains(input) != true)
    }

    @Test func unknownFieldListsTheKnownOnes() {
        let error = #expect(throws: ModelError.self) { try Validation.parse(.goal, ["kleur": "rood"]) }
        #expect(error?.code == .unknownField)
        #expect(error?.message.contains("domein") == true)
    }

    @Test func requiredFieldsAreNamed() {
        let error = #expect(throws: ModelError.self) {
            try Validation.validate(.member, fields: ["naam": .text("A")])
        }
        #expect(error?.message == "rol (--rol): is verplicht bij een gezinslid; geef het op")
    }

    @Test func crossFieldDatesAreChecked() {
        #expect(throws: ModelError.self) {
            try Validation.validate(.aftercare, fields: [
                "start": .text("2026-05-01"), "geplandEinde": .text("2026-01-01"), "vorm": .text("begeleiding"),
            ])
        }
        #expect(throws: ModelError.self) {
            try Validation.validate(.selfReliance, fields: ["datum": .text("2026-05-01")])
        }
    }

    @Test func acceptsAValidMember() throws {
        let values = try Validation.parse(.member, ["naam": "Noor", "rol": "kind", "geboortedatum": "2020-02-29", "gezag": "nee"])
        try Validation.validate(.member, fields: values)
        #expect(values["gezag"] == .bool(false))
    }

    @Test func everyKindHasASectionAndLabelledFields() {
        for kind in EntityKind.allCases {
            #expect(!kind.fields.isEmpty)
            #expect(Set(kind.fields.map(\.name)).count == kind.fields.count, "\(kind) repeats a field")
        }
        #expect(EntityKind.riskAssessment.isFact && !EntityKind.goal.isFact)
        #expect(Section(name: "child:" + String(repeating: "a", count: 32)) == .child(String(repeating: "a", count: 32)))
        #expect(Section(name: "kids") == nil)
    }
}

struct SchemaTests {
    /// A ZRM measurement stores one score per domain under the domain's code: every domain has its field.
    @Test func everyZRMDomainHasItsField() {
        for domain in ZRMDomain.allCases { #expect(SelfRelianceField(rawValue: domain.rawValue)?.domain == domain) }
        #expect(SelfRelianceField.allCases.filter { $0.domain != nil }.count == ZRMDomain.allCases.count)
    }

    /// Stored keys are unique within a kind, and a fact's correction field refers to its own kind.
    @Test func keysAreUniqueAndCorrectionsReferToTheirOwnKind() {
        for kind in EntityKind.allCases {
            #expect(Set(kind.fields.map(\.name)).count == kind.fields.count, "\(kind.rawValue)")
            if let correction = kind.correctionField { #expect(correction.name == "corrigeert" && correction.type == .ref(kind)) }
        }
    }
}

struct CalendarDateTests {
    @Test func monthArithmeticClampsToTheMonthEnd() {
        #expect(CalendarDate("2026-01-31")!.addingMonths(1).description == "2026-02-28")
        #expect(CalendarDate("2024-08-31")!.addingMonths(6).description == "2025-02-28")
        #expect(CalendarDate("2023-11-15")!.addingMonths(3).description == "2024-02-15")
        #expect(CalendarDate("2024-02-29") != nil && CalendarDate("2023-02-29") == nil)
    }
}

struct PlanRuleTests {
    let mother = String(repeating: "1", count: 32)
    let child = String(repeating: "2", count: 32)

    func plan(regisseurUntil: String?, withEvaluation: Bool = false, assessed: Bool = false) -> FamilyPlan {
        var regisseur: [String: FieldValue] = [
            "naam": .text("R"), "organisatie": .text("Wijkteam"), "vanaf": .text("2026-01-01"),
        ]
        if let regisseurUntil { regisseur["tot"] = .text(regisseurUntil) }
        var entities = [
            PlanEntity(id: mother, kind: .member, section: .core, fields: ["naam": .text("M"), "rol": .text("ouder-in-opvang")]),
            PlanEntity(id: child, kind: .member, section: .core, fields: ["naam": .text("K"), "rol": .text("kind")]),
            PlanEntity(id: String(repeating: "3", count: 32), kind: .regisseur, section: .core, fields: regisseur),
            PlanEntity(id: String(repeating: "4", count: 32), kind: .aftercare, section: .plan, fields: [
                "start": .text("2026-02-01"), "geplandEinde": .text("2026-08-01"), "vorm": .text("begeleiding"),
            ]),
        ]
        if assessed {
            for (index, member) in [mother, child].enumerated() {
                entities.append(PlanEntity(id: String(repeating: "\(6 + index)", count: 32), kind: .riskAssessment, section: .safety, fields: [
                    "lid": .ref(member), "classificatie": .text("groen"), "instrument": .text("RiVaS"), "faceToFace": .bool(true),
                    "organisatie": .text("Opvang"), "datum": .text("2026-05-15"),
                ]))
            }
        }
        if withEvaluation {
            entities.append(PlanEntity(id: String(repeating: "5", count: 32), kind: .evaluation, section: .plan, fields: [
                "datum": .text("2026-04-20"), "soort": .text("drie-maanden"),
            ]))
        }
        return FamilyPlan(id: String(repeating: "f", count: 32), entities: entities)
    }

    @Test func closingNeedsARegisseurForSixMonths() throws {
        let close = CalendarDate("2026-06-01")!
        let why = "de cliënt wil geen vervolghulp"
        try plan(regisseurUntil: nil, withEvaluation: true, assessed: true).checkCanCloseAftercare(on: close, noHandoverBecause: why)
        try plan(regisseurUntil: "2026-12-01", withEvaluation: true, assessed: true).checkCanCloseAftercare(on: close, noHandoverBecause: why)
        let short = #expect(throws: ModelError.self) {
            try plan(regisseurUntil: "2026-11-30", withEvaluation: true, assessed: true).checkCanCloseAftercare(on: close, noHandoverBecause: why)
        }
        #expect(short?.message.contains("1 december 2026") == true)
        let none = #expect(throws: ModelError.self) {
            try plan(regisseurUntil: "2026-03-01").checkCanCloseAftercare(on: close)
        }
        #expect(none?.code == .ruleViolated)
    }

    /// Closing also needs every member classified, the 3-month evaluation done (a closing evaluation when it
    /// stops earlier), and a warm handover or a reason for none.
    @Test func closingNeedsEveryMemberAssessedTheEvaluationAndAHandoverOrAReason() throws {
        let close = CalendarDate("2026-06-01")!
        let why = "de cliënt wil geen vervolghulp"
        let unassessed = #expect(throws: ModelError.self) {
            try plan(regisseurUntil: nil, withEvaluation: true).checkCanCloseAftercare(on: close, noHandoverBecause: why)
        }
        #expect(unassessed?.message.contains("risicoclassificatie") == true)
        #expect(unassessed?.message.contains("kind 22222222") == true)
        let unevaluated = #expect(throws: ModelError.self) {
            try plan(regisseurUntil: nil, assessed: true).checkCanCloseAftercare(on: close, noHandoverBecause: why)
        }
        #expect(unevaluated?.message.contains("3-maandenevaluatie") == true)
        let noHandover = #expect(throws: ModelError.self) {
            try plan(regisseurUntil: nil, withEvaluation: true, assessed: true).checkCanCloseAftercare(on: close, noHandoverBecause: "  ")
        }
        #expect(noHandover?.message.contains("--geen-overdracht-omdat") == true)
        // Before the 3-month evaluation is due (2026-05-01), a closing evaluation is enough.
        var early = plan(regisseurUntil: nil, assessed: true)
        let earlyClose = CalendarDate("2026-04-30")!
        #expect(throws: ModelError.self) { try early.checkCanCloseAftercare(on: earlyClose, noHandoverBecause: why) }
        early.entities.append(PlanEntity(id: String(repeating: "9", count: 32), kind: .evaluation, section: .plan, fields: [
            "datum": .text("2026-04-28"), "soort": .text("afsluitend"),
        ]))
        try early.checkCanCloseAftercare(on: earlyClose, noHandoverBecause: why)
        // On the due day itself the 3-month evaluation is needed.
        #expect(throws: ModelError.self) { try early.checkCanCloseAftercare(on: CalendarDate("2026-05-01")!, noHandoverBecause: why) }
    }

    @Test func threeMonthEvaluationIsTrackedAsDue() {
        let open = plan(regisseurUntil: nil).threeMonthEvaluation()
        #expect(open?.due.description == "2026-05-01")
        #expect(open?.isDone == false)
        #expect(plan(regisseurUntil: nil).attentionPoints(today: CalendarDate("2026-06-01")!)
            .contains("[te laat, uiterlijk 2026-05-01] de 3-maandenevaluatie met de cliënt was gepland op 2026-05-01"))
        #expect(plan(regisseurUntil: nil, withEvaluation: true).threeMonthEvaluation()?.isDone == true)
    }

    @Test func riskHistoryFollowsDatesAndCorrections() {
        func assessment(_ id: String, _ date: String, _ cls: String, corrects: String? = nil) -> PlanEntity {
            var fields: [String: FieldValue] = [
                "lid": .ref(mother), "classificatie": .text(cls), "instrument": .text("RiVaS"),
                "faceToFace": .bool(true), "organisatie": .text("Opvang"), "datum": .text(date),
            ]
            if let corrects { fields["corrigeert"] = .ref(corrects) }
            return PlanEntity(id: id, kind: .riskAssessment, section: .safety, fields: fields)
        }
        let a = String(repeating: "a", count: 32)
        let b = String(repeating: "b", count: 32)
        let c = String(repeating: "c", count: 32)
        let d = String(repeating: "d", count: 32)
        let plan = FamilyPlan(id: "f", entities: [
            assessment(c, "2026-03-01", "groen"), assessment(a, "2026-01-01", "rood"),
            assessment(b, "2026-02-01", "groen"), assessment(d, "2026-02-01", "oranje", corrects: b),
        ])
        #expect(plan.riskHistory(of: mother).map { $0.text(RiskAssessmentField.classification) } == ["rood", "oranje", "groen"])
        #expect(plan.currentRisk(of: mother) == .green)
    }
}

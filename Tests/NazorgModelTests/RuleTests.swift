import Foundation
import NazorgModel
import Testing

/// A plan built entity by entity, for the rules.
private struct Plan {
    var entities: [PlanEntity] = []
    var held: Set<Section>?
    private var next = 0

    @discardableResult
    mutating func add(_ kind: EntityKind, _ fields: [String: FieldValue], child: String? = nil) -> String {
        next += 1
        let id = String(format: "%032x", next)
        entities.append(PlanEntity(id: id, kind: kind, section: kind.section(child: child), fields: fields))
        return id
    }

    func plan() -> FamilyPlan { FamilyPlan(id: String(repeating: "f", count: 32), entities: entities, heldSections: held) }

    /// The obligations of one rule on `day`.
    func obligations(_ rule: RuleID, on day: String) -> [Obligation] {
        RuleEngine.evaluate(plan(), today: CalendarDate(day)!, only: [rule]).first!.obligations
    }

    /// The verdict of one rule for this family on `day`.
    func verdict(_ rule: RuleID, on day: String) -> Verdict {
        RuleEngine.evaluate(plan(), today: CalendarDate(day)!, only: [rule]).first!.verdict(on: CalendarDate(day)!)
    }
}

private func date(_ s: String) -> FieldValue { .text(s) }

/// A family with a mother and aftercare from `start`.
private func family(start: String = "2026-01-31", frequency: String? = nil, closed: String? = nil) -> (Plan, mother: String, episode: String) {
    var p = Plan()
    p.add(.family, ["naam": .text("Gezin Test")])
    let mother = p.add(.member, ["naam": .text("Moeder"), "rol": .text("ouder-in-opvang")])
    var fields: [String: FieldValue] = ["start": date(start), "geplandEinde": date("2026-12-31"), "vorm": .text("begeleiding")]
    if let frequency { fields["frequentie"] = .text(frequency) }
    if let closed { fields["afgesloten"] = date(closed) }
    let episode = p.add(.aftercare, fields)
    return (p, mother, episode)
}

struct RuleBoundaryTests {
    /// 31 January + 3 months is 30 April (the month's last day); done on the due day is on time, a day later is not.
    @Test func theClientEvaluationIsDueThreeCalendarMonthsAfterTheStart() {
        var (p, _, _) = family()
        #expect(p.obligations(.clientEvaluation, on: "2026-04-29").first?.due == CalendarDate("2026-04-30"))
        #expect(p.verdict(.clientEvaluation, on: "2026-04-29") == .notYetDue)
        #expect(p.verdict(.clientEvaluation, on: "2026-04-30") == .notYetDue)
        #expect(p.verdict(.clientEvaluation, on: "2026-05-01") == .missed)
        var onTime = p
        onTime.add(.evaluation, ["datum": date("2026-04-30"), "soort": .text("drie-maanden")])
        #expect(onTime.verdict(.clientEvaluation, on: "2026-06-01") == .met)
        p.add(.evaluation, ["datum": date("2026-05-01"), "soort": .text("drie-maanden")])
        #expect(p.verdict(.clientEvaluation, on: "2026-06-01") == .missed)
        #expect(p.obligations(.clientEvaluation, on: "2026-06-01").allSatisfy { !$0.isOpen })
    }

    /// One working day after Friday 24 April 2026 skips the weekend and King's Day (Monday 27 April).
    @Test func aClassificationIsDueOneWorkingDayLaterAcrossAWeekendAndKingsDay() {
        var (p, mother, _) = family(start: "2026-04-24")
        #expect(p.obligations(.classification, on: "2026-04-28").first?.due == CalendarDate("2026-04-28"))
        #expect(p.verdict(.classification, on: "2026-04-28") == .notYetDue)
        #expect(p.verdict(.classification, on: "2026-04-29") == .missed)
        p.add(.riskAssessment, [
            "lid": .ref(mother), "classificatie": .text("oranje"), "instrument": .text("RiVaS"), "faceToFace": .bool(true),
            "organisatie": .text("Opvang"), "datum": date("2026-04-28"),
        ])
        #expect(p.verdict(.classification, on: "2026-05-10") == .met)
    }

    /// Five working days after a move on 24 December 2026: Christmas, a weekend and New Year's Day in between.
    @Test func aReassessmentAfterAMoveIsDueFiveWorkingDaysLaterAcrossTheHolidays() {
        var (p, mother, _) = family(start: "2026-09-01")
        func assess(_ day: String) {
            p.add(.riskAssessment, [
                "lid": .ref(mother), "classificatie": .text("oranje"), "instrument": .text("RiVaS"), "faceToFace": .bool(true),
                "organisatie": .text("Opvang"), "datum": date(day),
            ])
        }
        assess("2026-09-01")
        p.add(.regionMove, ["datum": date("2026-12-24"), "naar": .text("Nieuwdorp")])
        let due = p.obligations(.reassessmentAfterChange, on: "2027-01-04")
        #expect(due.map(\.due) == [CalendarDate("2027-01-04")!])
        #expect(p.verdict(.reassessmentAfterChange, on: "2027-01-04") == .notYetDue)
        #expect(p.verdict(.reassessmentAfterChange, on: "2027-01-05") == .missed)
        assess("2027-01-04")
        #expect(p.verdict(.reassessmentAfterChange, on: "2027-02-01") == .met)
        // The perpetrator's return is a risk-bearing change too.
        var back = p
        back.add(.member, ["naam": .text("Vader"), "rol": .text("andere-ouder"), "terugInHuisSinds": date("2027-01-20")])
        #expect(back.obligations(.reassessmentAfterChange, on: "2027-01-21").contains { $0.isOpen && $0.detail.contains("weer in huis") })
    }

    @Test(arguments: [
        ("twee keer per week", 2, 7, 4), ("1 keer per week huisbezoek", 1, 7, 7), ("eens per twee weken", 1, 14, 14),
        ("1-3 per week", 1, 7, 7), ("2x per week", 2, 7, 4), ("maandelijks", 1, 30, 30), ("1 à 2 keer per 2 weken", 1, 14, 14),
    ])
    func aFrequencyIsReadFromTheWorkersWords(text: String, count: Int, days: Int, gap: Int) throws {
        let frequency = try #require(ContactFrequency(parsing: text))
        #expect(frequency.count == count && frequency.periodDays == days && frequency.maxGapDays == gap)
    }

    @Test func wordsThatSayNoFrequencyAreNotGuessed() {
        #expect(ContactFrequency(parsing: "als het nodig is") == nil)
        #expect(ContactFrequency(parsing: "") == nil)
        let (p, _, _) = family(frequency: "als het nodig is")
        #expect(p.obligations(.contactFrequency, on: "2026-02-01").first?.detail.contains("is niet te lezen") == true)
    }

    /// Twice a week: at most 4 days between contacts.
    @Test func contactsAreCheckedAgainstThePlannedFrequency() {
        var (p, _, _) = family(start: "2026-09-01", frequency: "twee keer per week")
        #expect(p.verdict(.contactFrequency, on: "2026-09-05") == .notYetDue)
        #expect(p.verdict(.contactFrequency, on: "2026-09-06") == .missed)
        for day in ["2026-09-05", "2026-09-09"] {
            p.add(.contact, ["datum": date(day), "vorm": .text("huisbezoek"), "verslag": .text("-")])
        }
        #expect(p.verdict(.contactFrequency, on: "2026-09-13") == .notYetDue)
        #expect(p.obligations(.contactFrequency, on: "2026-09-13").filter(\.isOpen).map(\.due) == [CalendarDate("2026-09-13")!])
        #expect(p.verdict(.contactFrequency, on: "2026-09-14") == .missed)
        p.add(.contact, ["datum": date("2026-09-14"), "vorm": .text("telefoon"), "verslag": .text("-")])
        #expect(p.verdict(.contactFrequency, on: "2026-09-15") == .missed, "one late contact stays on the record")
    }

    @Test func aStagnationMustBeEscalatedWithin28Days() {
        var (p, _, _) = family()
        let id = p.add(.stagnation, ["domein": .text("schulden"), "omschrijving": .text("-"), "sinds": date("2026-01-01")])
        #expect(p.obligations(.stagnationEscalation, on: "2026-01-28").first?.due == CalendarDate("2026-01-29"))
        #expect(p.verdict(.stagnationEscalation, on: "2026-01-29") == .notYetDue)
        #expect(p.verdict(.stagnationEscalation, on: "2026-01-30") == .missed)
        p.entities = p.entities.map { e in
            var e = e
            if e.id == id { e.fields["geescaleerdOp"] = date("2026-01-29") }
            return e
        }
        #expect(p.verdict(.stagnationEscalation, on: "2026-09-01") == .met)
    }

    @Test func anActionPastItsDeadlineAndAftercarePastItsPlannedEnd() {
        var (p, _, _) = family()
        let goal = p.add(.goal, ["domein": .text("wonen"), "omschrijving": .text("-")])
        p.add(.action, ["doel": .ref(goal), "omschrijving": .text("-"), "deadline": date("2026-03-01")])
        #expect(p.verdict(.actionDeadline, on: "2026-03-01") == .notYetDue)
        #expect(p.verdict(.actionDeadline, on: "2026-03-02") == .missed)
        #expect(p.verdict(.plannedEnd, on: "2026-12-31") == .notYetDue)
        #expect(p.verdict(.plannedEnd, on: "2027-01-01") == .missed)
    }

    /// After closing: a regisseur for every one of the six months, a handover or a reason, and the follow-up six
    /// months on.
    @Test func closingAsksForSixMonthsOfRegisseurAHandoverAndTheFollowUp() {
        var (p, _, _) = family(start: "2026-01-01", closed: "2026-03-15")
        p.add(.regisseur, ["naam": .text("R"), "organisatie": .text("Wijkteam"), "vanaf": date("2026-01-01"), "tot": date("2026-06-30")])
        let gap = p.obligations(.closedWithRegisseur, on: "2026-07-01")
        #expect(gap.map(\.due) == [CalendarDate("2026-07-01")!] && gap.first?.isOpen == true)
        p.add(.regisseur, ["naam": .text("S"), "organisatie": .text("Wijkteam"), "vanaf": date("2026-07-01")])
        #expect(p.verdict(.closedWithRegisseur, on: "2026-07-02") == .met, "the next regisseur starts the day after: no gap")
        #expect(p.verdict(.closedWithHandover, on: "2026-03-15") == .notYetDue)
        #expect(p.verdict(.closedWithHandover, on: "2026-03-16") == .missed)
        #expect(p.obligations(.followUp, on: "2026-09-14").first?.due == CalendarDate("2026-09-15"))
        #expect(p.verdict(.followUp, on: "2026-09-15") == .notYetDue)
        #expect(p.verdict(.followUp, on: "2026-09-16") == .missed)
        p.add(.evaluation, ["datum": date("2026-09-15"), "soort": .text("vinger-aan-de-pols")])
        #expect(p.verdict(.followUp, on: "2026-10-01") == .met)
    }

    /// A day without a regisseur is a gap, even of one day; a second regisseur before the first ends is flagged.
    @Test func aRegisseurEveryDayAndOneAtATime() {
        var (p, _, _) = family(start: "2026-01-01")
        p.add(.regisseur, ["naam": .text("R"), "organisatie": .text("Wijkteam"), "vanaf": date("2026-01-01"), "tot": date("2026-03-31")])
        #expect(p.verdict(.regisseurNamed, on: "2026-03-31") == .met)
        #expect(p.obligations(.regisseurNamed, on: "2026-04-01").map(\.due) == [CalendarDate("2026-04-01")!])
        let second = p.add(.regisseur, ["naam": .text("S"), "organisatie": .text("Wijkteam"), "vanaf": date("2026-04-02")])
        #expect(p.verdict(.regisseurNamed, on: "2026-05-01") == .missed, "one day without: on the record")
        #expect(p.obligations(.oneRegisseur, on: "2026-05-01").isEmpty)
        p.entities = p.entities.map { e in
            var e = e
            if e.id == second { e.fields["vanaf"] = date("2026-03-31") }
            return e
        }
        #expect(p.obligations(.oneRegisseur, on: "2026-05-01").map(\.due) == [CalendarDate("2026-03-31")!])
    }

    /// A child of school age in school within five working days of the start; a school change checked against its
    /// arrival (Friday 24 April 2026 + 5 working days = Monday 4 May: King's Day and a weekend in between).
    @Test func schoolWithinFiveWorkingDays() {
        var (p, _, _) = family(start: "2026-04-24")
        let child = p.add(.member, ["naam": .text("Noor"), "rol": .text("kind"), "geboortedatum": date("2018-03-01")])
        #expect(p.obligations(.childInSchool, on: "2026-05-04").first?.due == CalendarDate("2026-05-04"))
        #expect(p.verdict(.childInSchool, on: "2026-05-04") == .notYetDue)
        #expect(p.verdict(.childInSchool, on: "2026-05-05") == .missed)
        p.add(.schoolChange, ["lid": .ref(child), "datum": date("2026-05-04"), "school": .text("A"), "aankomst": date("2026-04-24")], child: child)
        #expect(p.verdict(.schoolStart, on: "2026-06-01") == .met)
        var late = p
        late.add(.schoolChange, ["lid": .ref(child), "datum": date("2026-05-06"), "school": .text("B"), "aankomst": date("2026-04-24")], child: child)
        #expect(late.verdict(.schoolStart, on: "2026-06-01") == .missed)
        // A four-year-old is not of school age here (the seeds conflict; the Leerplichtwet says 5).
        var young = Plan()
        young.add(.member, ["naam": .text("Kleintje"), "rol": .text("kind"), "geboortedatum": date("2022-01-01")])
        #expect(young.obligations(.childInSchool, on: "2026-06-01").isEmpty)
    }

    /// Satisfaction by the planned end (or the closing day when earlier); the safety plan shared before closing.
    @Test func satisfactionIsMeasuredAndTheSafetyPlanHandedOverByTheEnd() {
        var (p, _, _) = family(start: "2026-01-01", closed: "2026-06-30")
        #expect(p.obligations(.clientSatisfaction, on: "2026-06-29").first?.due == CalendarDate("2026-06-30"))
        #expect(p.verdict(.clientSatisfaction, on: "2026-06-30") == .notYetDue)
        #expect(p.verdict(.clientSatisfaction, on: "2026-07-01") == .missed)
        #expect(p.verdict(.safetyPlanHandedOver, on: "2026-06-30") == .notYetDue)
        #expect(p.verdict(.safetyPlanHandedOver, on: "2026-07-01") == .missed)
        var shared = p
        shared.add(.share, ["ontvanger": .text(String(repeating: "a", count: 32)), "secties": .sections([.core, .safety]), "datum": date("2026-06-30")])
        #expect(shared.verdict(.safetyPlanHandedOver, on: "2026-07-01") == .met)
        var onlyCore = p
        onlyCore.add(.share, ["ontvanger": .text(String(repeating: "a", count: 32)), "secties": .sections([.core]), "datum": date("2026-06-01")])
        #expect(onlyCore.verdict(.safetyPlanHandedOver, on: "2026-07-01") == .missed, "a share without the safety section is no handover of it")
        p.add(.evaluation, ["datum": date("2026-06-30"), "soort": .text("clienttevredenheid")])
        #expect(p.verdict(.clientSatisfaction, on: "2026-07-01") == .met)
    }

    /// Norm 2.3: a safety plan and a support plan for the mother and every child at home; a family-wide measure
    /// or goal counts for the mother (the measure also for the children).
    @Test func everyMemberHasASafetyPlanAndASupportPlan() {
        var (p, mother, _) = family()
        let child = p.add(.member, ["naam": .text("Noor"), "rol": .text("kind")])
        p.add(.member, ["naam": .text("Sem"), "rol": .text("kind"), "meegekomen": .bool(false)])
        #expect(Set(p.obligations(.safetyPlanPerMember, on: "2026-02-01").filter(\.isOpen).compactMap(\.member)) == [mother, child])
        p.add(.measure, ["soort": .text("contactverbod")])
        #expect(p.obligations(.safetyPlanPerMember, on: "2026-02-01").allSatisfy { !$0.isOpen })
        p.add(.goal, ["domein": .text("wonen"), "omschrijving": .text("-")])
        #expect(p.obligations(.supportPlanPerMember, on: "2026-02-01").filter(\.isOpen).compactMap(\.member) == [child])
        p.add(.goal, ["domein": .text("onderwijs"), "omschrijving": .text("-"), "lid": .ref(child)])
        #expect(p.verdict(.supportPlanPerMember, on: "2026-02-01") == .met)
    }

    @Test func moreThanTwoMovesNeedARecordedReason() {
        var (p, _, _) = family()
        let child = p.add(.member, ["naam": .text("Noor"), "rol": .text("kind")])
        let part = p.add(.child, ["lid": .ref(child), "verhuizingen": .int(3)], child: child)
        #expect(p.verdict(.childMoves, on: "2026-06-01") == .missed)
        p.entities = p.entities.map { e in
            var e = e
            if e.id == part { e.fields["verhuizingenReden"] = .text("opvang buiten de regio (code rood)") }
            return e
        }
        #expect(p.verdict(.childMoves, on: "2026-06-01") == .exception)
    }

    /// A consent a share depends on shows up until its last day; renewed, it is met; lapsed, it is no obligation.
    @Test func aConsentThatAShareDependsOnIsRenewedInTime() {
        var (p, mother, _) = family()
        let recipient = String(repeating: "a", count: 32)
        let consent = p.add(.consent, [
            "gevers": .refs([mother]), "ontvanger": .text(recipient), "ontvangerNaam": .text("Wijkteam"), "secties": .sections([.core]),
            "doel": .text("-"), "vanaf": date("2026-01-01"), "tot": date("2026-06-30"), "vorm": .text("schriftelijk"), "vastgelegdDoor": .text("M"),
        ])
        #expect(p.obligations(.consentExpiry, on: "2026-06-01").isEmpty, "no share depends on it")
        p.add(.share, ["ontvanger": .text(recipient), "secties": .sections([.core]), "toestemming": .ref(consent), "datum": date("2026-01-02")])
        #expect(p.obligations(.consentExpiry, on: "2026-06-30").map(\.due) == [CalendarDate("2026-06-30")!])
        #expect(p.obligations(.consentExpiry, on: "2026-07-01").isEmpty, "lapsed: the share stops, nothing to do")
        p.add(.consent, [
            "gevers": .refs([mother]), "ontvanger": .text(recipient), "ontvangerNaam": .text("Wijkteam"), "secties": .sections([.core, .plan]),
            "doel": .text("-"), "vanaf": date("2026-07-01"), "vorm": .text("schriftelijk"), "vastgelegdDoor": .text("M"),
        ])
        #expect(p.verdict(.consentExpiry, on: "2026-06-15") == .met)
    }

    /// The privacy officer's review: five working days after the override.
    @Test func anOverrideIsReviewedWithinFiveWorkingDays() {
        let item = RuleEngine.ReviewItem(entry: String(repeating: "e", count: 32), family: "f", date: CalendarDate("2026-04-24")!, reviewed: nil)
        #expect(RuleEngine.reviews([item]).first?.due == CalendarDate("2026-05-04"))
    }
}

struct RuleEngineTests {
    /// A receiving organisation that holds only the core section gets no finding about the safety plan or the
    /// journal: the rules that read them say "niet gedeeld".
    @Test func aSectionNotHeldIsNeverAFinding() {
        var (p, _, _) = family()
        let child = p.add(.member, ["naam": .text("Noor"), "rol": .text("kind"), "geboortedatum": date("2018-03-01")])
        p.held = [.core]
        let results = RuleEngine.evaluate(p.plan(), today: CalendarDate("2026-12-01")!)
        let classification = results.first { $0.rule.id == .classification }!
        #expect(classification.obligations.isEmpty && classification.notShared == [.safety, ])
        #expect(classification.verdict(on: CalendarDate("2026-12-01")!) == .notShared)
        let vir = results.first { $0.rule.id == .childInReferralIndex }!
        #expect(vir.obligations.isEmpty && vir.notShared == [.child(child)])
        #expect(results.first { $0.rule.id == .regisseurNamed }!.obligations.contains { $0.isOpen }, "the core section is held: judged")
        #expect(!p.plan().attentionPoints(today: CalendarDate("2026-12-01")!).contains { $0.contains("risicoclassificatie") || $0.contains("Verwijsindex") })
    }

    /// Without an aftercare episode a family is followed from its earliest recorded fact, not from the day the
    /// rules run: a family known since March without a regisseur missed the norm.
    @Test func aFamilyWithoutAftercareIsFollowedFromItsFirstFact() {
        var p = Plan()
        let mother = p.add(.member, ["naam": .text("Moeder"), "rol": .text("ouder-in-opvang"), "geboortedatum": date("1980-01-01")])
        #expect(p.obligations(.regisseurNamed, on: "2026-11-30").first?.due == CalendarDate("2026-11-30"), "nothing dated: from today")
        p.add(.riskAssessment, [
            "lid": .ref(mother), "classificatie": .text("oranje"), "instrument": .text("RiVaS"), "faceToFace": .bool(true),
            "organisatie": .text("Opvang"), "datum": date("2026-03-02"),
        ])
        #expect(p.obligations(.regisseurNamed, on: "2026-11-30").first?.due == CalendarDate("2026-03-02"), "a birth date is no fact of the plan")
        #expect(p.verdict(.regisseurNamed, on: "2026-11-30") == .missed)
    }

    @Test func overdueFirstThenThisWeekThenThisMonthAndSafetyFirstWithinEach() {
        var (p, _, _) = family(start: "2026-01-31")
        let goal = p.add(.goal, ["domein": .text("wonen"), "omschrijving": .text("-")])
        p.add(.action, ["doel": .ref(goal), "omschrijving": .text("-"), "deadline": date("2026-04-02")])
        p.add(.action, ["doel": .ref(goal), "omschrijving": .text("-"), "deadline": date("2026-04-20")])
        let today = CalendarDate("2026-04-03")!
        let open = RuleEngine.open(RuleEngine.evaluate(p.plan(), today: today), today: today, horizonDays: 30)
        let urgencies = open.map { RuleEngine.Urgency(due: $0.due, today: today) }
        #expect(urgencies == urgencies.sorted(), "\(open.map(\.rule))")
        let overdue = open.filter { RuleEngine.Urgency(due: $0.due, today: today) == .overdue }
        let severities = overdue.map { RuleEngine.rule($0.rule).severity }
        #expect(severities == severities.sorted(by: >), "\(overdue.map(\.rule))")
        #expect(open.contains { $0.rule == .actionDeadline && $0.due == CalendarDate("2026-04-20") })
        #expect(!open.contains { $0.rule == .plannedEnd }, "beyond the horizon")
    }

    @Test func everyRuleCitesASeedAndSaysWhatToDo() {
        #expect(Set(RuleEngine.rules.map(\.id)) == Set(RuleID.allCases))
        for rule in RuleEngine.rules {
            #expect(!rule.citations.isEmpty && rule.citations.allSatisfy { $0.seed.hasSuffix(".txt") }, "\(rule.id)")
            #expect(!rule.title.isEmpty && !rule.advice.isEmpty && !rule.deadline.isEmpty, "\(rule.id)")
        }
    }
}

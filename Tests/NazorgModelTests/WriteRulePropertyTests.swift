import NazorgModel
import Testing

/// The rules at the moment of writing, over their whole input space (exhaustive where it is small, seeded where
/// it is not): each refuses exactly its bad inputs and accepts its good ones.
struct WriteRulePropertyTests {
    /// A deterministic generator (SplitMix64), so a failure names its seed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    /// A valid entity of `kind` holding its required fields (and what the rules between fields then need), with
    /// every date `day`.
    static func sample(_ kind: EntityKind, day: CalendarDate) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [:]
        for spec in kind.fields where spec.isRequired {
            fields[spec.name] =
                switch spec.type {
                case .text(let n): .text(n == 32 ? String(repeating: "a", count: 32) : "x")
                case .date: .text(day.description)
                case .bool: .bool(true)
                case .int(let range): .int(range.lowerBound)
                case .choice(let terms): .text(terms[0].code)
                case .ref: .ref(String(repeating: "b", count: 32))
                case .refs: .refs([String(repeating: "b", count: 32)])
                case .sections: .sections([.core])
                }
        }
        if kind == .share { fields[ShareField.consent] = .ref(String(repeating: "c", count: 32)) }
        if kind == .selfReliance { fields[SelfRelianceField.housing] = .int(3) }
        return fields
    }

    @Test func everyKindHasAValidSample() throws {
        for kind in EntityKind.allCases {
            try Validation.validate(kind, fields: Self.sample(kind, day: CalendarDate("2026-06-01")!), today: CalendarDate("2026-06-01")!)
        }
    }

    /// A date of something that happened may lie at most one day after today, in every kind and field that has one.
    @Test(arguments: [1, 2, 3, 4, 5])
    func pastDatesAreRefusedAfterTomorrowAndAcceptedUpToIt(seed: UInt64) throws {
        var random = Generator(state: seed)
        for kind in EntityKind.allCases {
            for spec in kind.fields where spec.isPast {
                let today = CalendarDate(dayNumber: CalendarDate("2026-01-01")!.dayNumber + random.int(0...1500))
                let offset = random.int(-400...400)
                // The other dates: the same day while that may be accepted (the order rules between dates then hold
                // whichever field this is), else today, so that only the field under test lies in the future.
                var fields = Self.sample(kind, day: offset <= Validation.clockSkewDays ? today.addingDays(offset) : today)
                fields[spec.name] = .text(today.addingDays(offset).description)
                let place = "seed \(seed): \(kind.rawValue).\(spec.name) at today\(offset >= 0 ? "+" : "")\(offset)"
                do {
                    try Validation.validate(kind, fields: fields, today: today)
                    #expect(offset <= Validation.clockSkewDays, "\(place) was accepted")
                } catch let error as ModelError {
                    #expect(offset > Validation.clockSkewDays, "\(place): \(error.message)")
                    #expect(error.message.hasPrefix(spec.reference) && error.message.contains("in de toekomst"), "\(place): \(error.message)")
                }
            }
        }
    }

    /// The afwegingskader: all 32 answer combinations under every legal ground.
    @Test func anOverrideIsAcceptedExactlyWhenTheWeighingSupportsItOrTheDangerIsAcute() throws {
        let day = CalendarDate("2026-06-01")!
        let questions: [SafetyOverrideField] = [.suspicion, .unsafe, .helpPossible, .helpAccepted, .lastingSafety]
        for ground in LegalGround.allCases {
            for bits in 0..<32 {
                var fields = Self.sample(.safetyOverride, day: day)
                fields[SafetyOverrideField.ground] = .text(ground.rawValue)
                let answers = questions.indices.map { bits & (1 << $0) != 0 }
                for (question, answer) in zip(questions, answers) { fields[question] = .bool(answer) }
                let supports = answers[0] && (answers[1] || !answers[2] || !answers[3] || !answers[4])
                let accepted = (try? Validation.validate(.safetyOverride, fields: fields, today: day)) != nil
                #expect(accepted == (supports || ground == .acuteDanger), "\(ground.rawValue) \(answers)")
            }
        }
    }

    /// A punch card needs its number of sessions, and only a punch card takes one.
    @Test func sessionsBelongToAPunchCardAndAPunchCardToSessions() {
        let day = CalendarDate("2026-06-01")!
        for mode in AftercareMode.allCases {
            for sessions in [nil, Int64(1), Int64(8), Int64(20)] {
                var fields = Self.sample(.aftercare, day: day)
                fields[AftercareField.mode] = .text(mode.rawValue)
                fields[AftercareField.sessions] = sessions.map(FieldValue.int)
                let accepted = (try? Validation.validate(.aftercare, fields: fields, today: day)) != nil
                #expect(accepted == ((mode == .punchCard) == (sessions != nil)), "\(mode.rawValue) \(String(describing: sessions))")
            }
        }
        #expect(throws: ModelError.self) { try AftercareField.sessions.spec.parse("21") }
        #expect(throws: ModelError.self) { try AftercareField.sessions.spec.parse("0") }
    }

    /// Contact with the other parent in any form but none needs the day it started.
    @Test func anArrangementOtherThanNoneNeedsItsStart() {
        let day = CalendarDate("2026-06-01")!
        for arrangement in [nil] + ContactArrangement.allCases {
            for since in [nil, "2026-05-01"] {
                var fields = Self.sample(.child, day: day)
                fields[ChildField.arrangement] = arrangement.map { .text($0.rawValue) }
                fields[ChildField.arrangementSince] = since.map(FieldValue.text)
                let accepted = (try? Validation.validate(.child, fields: fields, today: day)) != nil
                #expect(accepted == (arrangement == nil || arrangement == ContactArrangement.none || since != nil), "\(String(describing: arrangement)) \(String(describing: since))")
            }
        }
    }

    /// Five working days after arrival, across a year of arrival days: the deadline is a working day, exactly
    /// five working days later, and every day between that is a working day is counted.
    @Test func theSchoolDeadlineIsFiveWorkingDaysLater() {
        var day = CalendarDate("2026-01-01")!
        while day < CalendarDate("2027-01-01")! {
            let deadline = day.addingWorkingDays(5)
            #expect(deadline.isWorkingDay)
            var count = 0
            var d = day.addingDays(1)
            while d <= deadline {
                if d.isWorkingDay { count += 1 }
                d = d.addingDays(1)
            }
            #expect(count == 5, "\(day)")
            #expect(day.days(until: deadline) >= 5, "five working days are at least five days: \(day)")
            day = day.addingDays(1)
        }
    }
}

import Foundation

/// The names of the rules. Stable: scripts filter on them and reports print them.
public enum RuleID: String, CaseIterable, Sendable, Comparable, Codable {
    case clientEvaluation = "evaluatie-client"
    case chainEvaluation = "evaluatie-ketenpartners"
    case classification = "classificatie-per-lid"
    case periodicReassessment = "herbeoordeling-periodiek"
    case reassessmentAfterChange = "herbeoordeling-na-wijziging"
    case contactFrequency = "contactfrequentie"
    case actionDeadline = "actie-deadline"
    case stagnationEscalation = "stagnatie-escalatie"
    case plannedEnd = "nazorg-gepland-einde"
    case closedWithRegisseur = "afsluiten-regisseur"
    case closedWithHandover = "afsluiten-overdracht"
    case followUp = "vinger-aan-de-pols"
    case regisseurNamed = "regisseur-benoemd"
    case oneRegisseur = "een-regisseur"
    case regisseurAfterMove = "regisseur-na-verhuizing"
    case guardianAsRegisseur = "gezinsvoogd-regisseur"
    case childInReferralIndex = "kind-in-vir"
    case childInSchool = "kind-op-school"
    case schoolStart = "schoolstart-vijf-werkdagen"
    case schoolHandover = "school-overdracht"
    case childMoves = "kind-verhuizingen"
    case childVoice = "stem-van-het-kind"
    case leftBehindAssessed = "achtergebleven-kind-taxatie"
    case leftBehindReported = "achtergebleven-kind-melding"
    case plainLanguage = "eenvoudige-taal"
    case handoverComplete = "overdracht-volledig"
    case safetyPlanPerMember = "veiligheidsplan-per-lid"
    case supportPlanPerMember = "hulpverleningsplan-per-lid"
    case safetyPlanHandedOver = "veiligheidsplan-overgedragen"
    case clientSatisfaction = "clienttevredenheid"
    case consentExpiry = "toestemming-verloopt"
    case overrideReview = "doorbreking-getoetst"

    public static func < (a: RuleID, b: RuleID) -> Bool { a.rawValue < b.rawValue }
}

extension Rule {
    /// Months after the start of aftercare by which the client evaluation is due (003 §8.1).
    public static let evaluationMonths = 3
    /// Months between periodic reassessments while aftercare runs (Nazorg's default: the seeds say "periodiek").
    public static let reassessmentMonths = 3
    /// Working days after a risk-bearing change by which the new assessment is due (Nazorg's default).
    public static let changeWorkingDays = 5
    /// Days a stagnation may stay open without escalation (Nazorg's default).
    public static let stagnationDays = 28
    /// Months of "vinger aan de pols" after aftercare closes (002 §4.2).
    public static let followUpMonths = 6
    /// Working days to a child's first school day after arriving (001 norm 3.3).
    public static let schoolWorkingDays = 5
    /// Working days for the privacy officer to review an override (Nazorg's default).
    public static let reviewWorkingDays = 5
    /// School age in the child rules: the seeds conflict (4 or 5, REQUIREMENTS §8); 5 is the Leerplichtwet's.
    public static let schoolAge = 5...17
    /// From this age a child's own voice is asked for (Nazorg's default).
    public static let voiceAge = 4

    static let catalogue: [Rule] = aftercare + assessments + regisseur + children + sharing

    // MARK: Aftercare: evaluations, contacts, actions, stagnations, the end

    static let aftercare: [Rule] = [
        Rule(
            .clientEvaluation, "Evalueer binnen 3 maanden met de cliënt.", cites: [.qualityDocument("§8.1 Ambulante begeleiding")],
            deadline: "3 kalendermaanden na de start van elke nazorgperiode", severity: .medium,
            advice: "Plan het evaluatiegesprek met de moeder en leg het vast.", needs: [.plan]
        ) { c in evaluations(c, .clientEvaluation, kind: .threeMonth, "de 3-maandenevaluatie met de cliënt") },
        Rule(
            .chainEvaluation, "Evalueer met de andere betrokken hulpverleners.",
            cites: [.qualityDocument("§8.1 Ambulante begeleiding"), .framework("criterium 4M")],
            deadline: "3 kalendermaanden na de start van elke nazorgperiode, als er organisaties betrokken zijn", isDefault: true,
            severity: .low, advice: "Evalueer samen met de ketenpartners en leg de uitkomst vast.", needs: [.plan, .core]
        ) { c in
            c.plan.all(.organisation).isEmpty
                ? [] : evaluations(c, .chainEvaluation, kind: .withChainPartners, "de evaluatie met de ketenpartners")
        },
        Rule(
            .contactFrequency, "Houd de afgesproken contactfrequentie aan.",
            cites: [.qualityDocument("§8.1 Ambulante begeleiding (1–3 contacten per week)"), .inspection("§3.3 kader")],
            deadline: "het volgende contact uiterlijk een periode gedeeld door het aantal contacten na het vorige (2 keer per week: 4 dagen)",
            severity: .medium, advice: "Neem contact op met het gezin en leg het contact vast in het journaal.", needs: [.plan, .journal],
            evaluate: contactFrequency),
        Rule(
            .actionDeadline, "Voer acties uit vóór hun deadline.", cites: [.framework("criterium 1A"), .qualityDocument("§8.1 Ambulante begeleiding")],
            deadline: "de deadline van de actie", severity: .low,
            advice: "Rond de actie af, of spreek een nieuwe deadline af en leg die vast.", needs: [.plan]
        ) { c in
            c.plan.all(.action).compactMap { action -> Obligation? in
                guard let deadline = action.date(ActionField.deadline) else { return nil }
                let status = action.term(ActionField.status, GoalStatus.self)
                let resolution: Obligation.Resolution? =
                    status == .achieved ? .doneUndated : status == .stopped ? .exception("de actie is gestopt") : nil
                return c.obligation(
                    .actionDeadline, due: deadline, resolution, subject: action.id, "actie \(action.shortID) moest af zijn op \(deadline)",
                    command: "action update \(c.family) \(action.shortID) --status behaald")
            }
        },
        Rule(
            .stagnationEscalation, "Escaleer hulp die stagneert.",
            cites: [.inspection("§3.3"), .inspection("§3.8"), .framework("criterium 1B (doorzettingsmacht)")],
            deadline: "\(stagnationDays) dagen na het begin van de stagnatie", isDefault: true, severity: .high,
            advice: "Escaleer naar de regisseur of de gemeente (doorzettingsmacht) en leg vast naar wie.", needs: [.plan]
        ) { c in
            c.plan.all(.stagnation).compactMap { s -> Obligation? in
                guard let since = s.date(StagnationField.since) else { return nil }
                let done = s.date(StagnationField.escalatedOn) ?? s.date(StagnationField.resolved)
                let domain = s.term(StagnationField.domain, LifeDomain.self)?.label ?? "een leefgebied"
                return c.obligation(
                    .stagnationEscalation, due: since.addingDays(stagnationDays), done.map(Obligation.Resolution.done), subject: s.id,
                    "stagnatie \(s.shortID) (\(domain)) loopt sinds \(since) zonder escalatie",
                    command: "stagnation update \(c.family) \(s.shortID) --geescaleerd-naar NAAM --geescaleerd-op DATUM")
            }
        },
        Rule(
            .plannedEnd, "Sluit de nazorg af of verleng haar bij het geplande einde.",
            cites: [.inspection("§3.2, voetnoot 12"), .qualityDocument("§8.1 Ambulante begeleiding")],
            deadline: "het geplande einde van de nazorgperiode", severity: .medium,
            advice: "Stel de resterende hulpvraag vast en sluit af met een warme overdracht, of spreek een later einde af.", needs: [.plan]
        ) { c in
            c.plan.episodes.compactMap { e -> Obligation? in
                guard let end = e.date(AftercareField.plannedEnd) else { return nil }
                return c.obligation(
                    .plannedEnd, due: end, e.date(AftercareField.closed).map(Obligation.Resolution.done), subject: e.id,
                    "de nazorg (\(e.shortID)) zou op \(end) eindigen en is niet afgesloten; sluit af of spreek een later einde af ('nazorg aftercare update \(c.family) \(e.shortID) --gepland-einde DATUM')",
                    command: "aftercare close \(c.family) --datum DATUM --reden TEKST")
            }
        },
        Rule(
            .clientSatisfaction, "Meet de tevredenheid van de cliënt.", cites: [.qualityDocument("§8.1 Ambulante begeleiding"), .framework("criterium 4, punt 10")],
            deadline: "het geplande einde van de nazorgperiode (of het afsluiten, als dat eerder is)", isDefault: true, severity: .low,
            advice: "Vraag de moeder (en de kinderen) hoe zij de hulp ervaren, bijvoorbeeld met de CQ-index ambulant, en leg het vast.",
            needs: [.plan]
        ) { c in
            c.plan.episodes.compactMap { e -> Obligation? in
                guard let start = e.date(AftercareField.start), let end = e.date(AftercareField.plannedEnd) else { return nil }
                let due = min(end, e.date(AftercareField.closed) ?? end)
                let until = c.plan.nextStart(after: e)
                let done = c.plan.current(.evaluation).filter { $0.has(EvaluationField.category, EvaluationKind.satisfaction) }
                    .compactMap { $0.date(EvaluationField.date) }.filter { day in day >= start && (until.map { day < $0 } ?? true) }.min()
                return c.obligation(
                    .clientSatisfaction, due: due, done.map(Obligation.Resolution.done), subject: e.id,
                    "de tevredenheid van de cliënt over de nazorg (\(e.shortID)) is niet gemeten",
                    command: "evaluation record \(c.family) --soort clienttevredenheid --datum DATUM --uitkomst TEKST")
            }
        },
        Rule(
            .safetyPlanHandedOver, "Het veiligheidsplan gaat mee naar wie de veiligheid daarna deelt.",
            cites: [.inspection("§2.3"), .inspection("§2.6"), .inspection("§4.2")],
            deadline: "de dag van het afsluiten van de nazorg", severity: .high,
            advice: "Deel het veiligheidsplan (deel safety), met medeweten van de moeder, met de regisseur of wie de hulp voortzet.",
            needs: [.plan, .consent]
        ) { c in
            c.plan.episodes.compactMap { e -> Obligation? in
                guard let closed = e.date(AftercareField.closed), let start = e.date(AftercareField.start) else { return nil }
                let shared = c.plan.all(.share).filter { $0.sections(ShareField.sections).contains(.safety) }
                    .compactMap { $0.date(ShareField.date) }.filter { $0 >= start }.min()
                let reason = e.text(AftercareField.noHandoverBecause)
                return c.obligation(
                    .safetyPlanHandedOver, due: closed, shared.map(Obligation.Resolution.done) ?? reason.map(Obligation.Resolution.exception),
                    subject: e.id, "de nazorg is op \(closed) afgesloten zonder dat het veiligheidsplan met een volgende organisatie is gedeeld",
                    command: "share \(c.family) --met ORGANISATIE --secties safety --toestemming ID")
            }
        },
        Rule(
            .closedWithRegisseur, "Na het afsluiten is er zes maanden een regisseur.", cites: [.inspection("§4.2")],
            deadline: "elke dag van de \(followUpMonths) maanden na het afsluiten", severity: .high,
            advice: "Leg een regisseur vast (bij voorkeur het wijkteam) tot minstens zes maanden na het afsluiten.", needs: [.core, .plan]
        ) { c in
            c.plan.episodes.compactMap { e -> Obligation? in
                guard let closed = e.date(AftercareField.closed) else { return nil }
                let end = closed.addingMonths(followUpMonths)
                guard let gap = c.plan.regisseurGaps(from: closed, until: end).first else {
                    return c.obligation(.closedWithRegisseur, due: closed, .done(closed), subject: e.id, "regisseur na het afsluiten")
                }
                let resolution: Obligation.Resolution? = gap.resumes.map(Obligation.Resolution.done) ?? (end < c.today ? .lapsed : nil)
                return c.obligation(
                    .closedWithRegisseur, due: gap.start, resolution, subject: e.id,
                    "na het afsluiten van de nazorg op \(closed) is er vanaf \(gap.start) geen regisseur (nodig tot \(end))",
                    command: "regisseur add \(c.family) --naam NAAM --organisatie NAAM --vanaf \(gap.start) --tot \(end)")
            }
        },
        Rule(
            .closedWithHandover, "Sluit de nazorg af met een warme overdracht.", cites: [.keurmerk("norm 4.1"), .framework("criterium 2E")],
            deadline: "de dag van het afsluiten", severity: .high,
            advice: "Maak een warme overdracht naar wie de hulp voortzet, of leg vast waarom die er niet is.", needs: [.plan, .consent]
        ) { c in
            c.plan.episodes.compactMap { e -> Obligation? in
                guard let closed = e.date(AftercareField.closed), let start = e.date(AftercareField.start) else { return nil }
                let handover = c.plan.all(.share).filter { $0[ShareField.bundle] != nil }.compactMap { $0.date(ShareField.date) }
                    .filter { $0 >= start }.min()
                let reason = e.text(AftercareField.noHandoverBecause)
                let resolution: Obligation.Resolution? = handover.map(Obligation.Resolution.done) ?? reason.map(Obligation.Resolution.exception)
                return c.obligation(
                    .closedWithHandover, due: closed, resolution, subject: e.id,
                    "de nazorg is op \(closed) afgesloten zonder warme overdracht",
                    command: "handover create \(c.family) --naar ORGANISATIE --toestemming ID --gesprek-datum DATUM --gesprek-vorm in-persoon --aanwezig client,vertrekkend,ontvangend --context TEKST --afspraak TEKST")
            }
        },
        Rule(
            .followUp, "Houd na het afsluiten een half jaar de vinger aan de pols.", cites: [.inspection("§4.2")],
            deadline: "\(followUpMonths) kalendermaanden na het afsluiten van de nazorg", severity: .high,
            advice: "Ga na hoe het met het gezin gaat (de regisseur of de eigen organisatie) en leg het vast.", needs: [.plan]
        ) { c in
            c.plan.episodes.compactMap { e -> Obligation? in
                guard let closed = e.date(AftercareField.closed) else { return nil }
                let due = closed.addingMonths(followUpMonths)
                if let next = c.plan.nextStart(after: e), next <= due { return nil }
                let done = c.plan.current(.evaluation).filter { $0.has(EvaluationField.category, EvaluationKind.followUp) }
                    .compactMap { $0.date(EvaluationField.date) }.filter { $0 > closed }.min()
                return c.obligation(
                    .followUp, due: due, done.map(Obligation.Resolution.done), subject: e.id,
                    "zes maanden na het afsluiten (\(closed)): ga na hoe het met het gezin gaat",
                    command: "evaluation record \(c.family) --soort vinger-aan-de-pols --datum DATUM --uitkomst TEKST")
            }
        },
    ]

    /// The 3-month (or chain) evaluation of every episode: done by an evaluation of `kind` in the episode, or by a
    /// closing evaluation when the episode closed before it was due.
    static func evaluations(_ c: RuleContext, _ rule: RuleID, kind: EvaluationKind, _ what: String) -> [Obligation] {
        c.plan.episodes.compactMap { e in
            guard let start = e.date(AftercareField.start) else { return nil }
            let until = c.plan.nextStart(after: e)
            let due = start.addingMonths(evaluationMonths)
            let inEpisode = c.plan.current(.evaluation).filter { ev in
                guard let day = ev.date(EvaluationField.date) else { return false }
                return day >= start && (until.map { day < $0 } ?? true)
            }
            var done = inEpisode.filter { $0.has(EvaluationField.category, kind) }.compactMap { $0.date(EvaluationField.date) }.min()
            if done == nil, let closed = e.date(AftercareField.closed), closed < due {
                done = inEpisode.filter { $0.has(EvaluationField.category, EvaluationKind.closing) }.compactMap { $0.date(EvaluationField.date) }.min()
            }
            var resolution = done.map(Obligation.Resolution.done)
            if resolution == nil, let closed = e.date(AftercareField.closed), closed < due { resolution = .lapsed }
            return c.obligation(
                rule, due: due, resolution, subject: e.id, "\(what) was gepland op \(due)",
                command: "evaluation record \(c.family) --soort \(kind.rawValue) --datum DATUM --uitkomst TEKST")
        }
    }

    /// One obligation per stretch between contacts (from the start of each episode), and the next contact while the
    /// episode runs.
    static func contactFrequency(_ c: RuleContext) -> [Obligation] {
        var found: [Obligation] = []
        let contacts = c.plan.current(.contact).compactMap { $0.date(ContactField.date) }.sorted()
        for e in c.plan.episodes {
            guard let start = e.date(AftercareField.start) else { continue }
            let mode = e.term(AftercareField.mode, AftercareMode.self)
            let written = e.text(AftercareField.frequency)?.trimmingCharacters(in: .whitespaces) ?? ""
            let frequency: ContactFrequency
            if let parsed = ContactFrequency(parsing: written) {
                frequency = parsed
            } else if written.isEmpty {
                guard mode == .support else { continue }
                frequency = .supportDefault
            } else {
                if e.date(AftercareField.closed) == nil {
                    found.append(c.obligation(
                        .contactFrequency, due: start, nil, subject: e.id,
                        "de contactfrequentie '\(written)' is niet te lezen; schrijf bijvoorbeeld '2 keer per week'",
                        command: "aftercare update \(c.family) \(e.shortID) --frequentie \"2 keer per week\""))
                }
                continue
            }
            let end = [e.date(AftercareField.closed), c.plan.nextStart(after: e)?.addingDays(-1), c.today].compactMap { $0 }.min()!
            var anchor = start
            for day in contacts where day >= start && day <= end {
                found.append(c.obligation(.contactFrequency, due: anchor.addingDays(frequency.maxGapDays), .done(day), subject: e.id, "contact"))
                anchor = day
            }
            let next = anchor.addingDays(frequency.maxGapDays)
            let running = e.date(AftercareField.closed) == nil && end == c.today
            if running || next < end {
                found.append(c.obligation(
                    .contactFrequency, due: next, running ? nil : .lapsed, subject: e.id,
                    "afgesproken is \(written.isEmpty ? "1 keer per week" : written); laatste contact \(anchor == start ? "(geen sinds de start)" : "op \(anchor)")",
                    command: "contact log \(c.family) --datum DATUM --vorm huisbezoek --verslag -"))
            }
        }
        return found
    }

    // MARK: Risk assessments

    static let assessments: [Rule] = [
        Rule(
            .classification, "Elk gezinslid heeft een risicoclassificatie.", cites: [.keurmerk("norm 1.2a"), .keurmerk("norm 1.2c")],
            deadline: "1 werkdag na de start van de nazorg, of na de dag waarop het lid bij het huishouden kwam", severity: .high,
            advice: "Taxeer het risico van dit gezinslid (rood, oranje of groen) en leg het vast.", needs: [.core, .safety]
        ) { c in
            c.plan.members.filter { !($0.has(MemberField.role, MemberRole.child) && $0.bool(MemberField.cameAlong) == false) }.map { m in
                let from = m.date(MemberField.addedOn) ?? c.plan.followedFrom(c.today)
                return c.obligation(
                    .classification, due: from.addingWorkingDays(1), c.firstAssessment(m.id).map(Obligation.Resolution.done), member: m.id,
                    "\(c.who(m.id)) heeft geen risicoclassificatie", command: c.assessCommand(m.id))
            }
        },
        Rule(
            .periodicReassessment, "Taxeer het risico periodiek opnieuw.",
            cites: [.framework("criterium 3 (KD)"), .qualityDocument("§5.4")],
            deadline: "\(reassessmentMonths) kalendermaanden na de vorige taxatie, zolang de nazorg loopt", isDefault: true, severity: .medium,
            advice: "Taxeer opnieuw, met het gezinslid erbij.", needs: [.core, .safety, .plan]
        ) { c in
            let from = c.plan.followedFrom(c.today)
            let running = c.plan.episodes.last.map { $0.date(AftercareField.closed) == nil } ?? false
            return c.plan.members.flatMap { m -> [Obligation] in
                let days = c.plan.riskHistory(of: m.id).compactMap { $0.date(RiskAssessmentField.date) }.sorted()
                var found: [Obligation] = []
                for (a, b) in zip(days, days.dropFirst()) where b >= from {
                    found.append(c.obligation(.periodicReassessment, due: a.addingMonths(reassessmentMonths), .done(b), member: m.id, "herbeoordeling"))
                }
                if running, let last = days.last {
                    let due = last.addingMonths(reassessmentMonths)
                    found.append(c.obligation(
                        .periodicReassessment, due: due, nil, member: m.id, "\(c.who(m.id)): de vorige taxatie was op \(last)",
                        command: c.assessCommand(m.id, " --aanleiding periodiek")))
                }
                return found
            }
        },
        Rule(
            .reassessmentAfterChange, "Taxeer opnieuw na elke wijziging die risico brengt.",
            cites: [.keurmerk("norm 3.5b"), .children("norm 3.6")],
            deadline: "\(changeWorkingDays) werkdagen na de wijziging (een nieuw gezinslid, omgang met de andere ouder, een verhuizing, de terugkeer van de pleger)",
            isDefault: true, severity: .high, advice: "Taxeer het risico van elk betrokken gezinslid opnieuw.", needs: [.core, .safety]
        ) { c in
            c.plan.riskBearingChanges().flatMap { change -> [Obligation] in
                change.members.compactMap { id -> Obligation? in
                    let history = c.plan.riskHistory(of: id).compactMap { $0.date(RiskAssessmentField.date) }
                    guard let first = history.min() else { return nil }  // no assessment at all: the classification rule
                    let day = change.date ?? first
                    let after = history.filter { $0 >= day }.min()
                    return c.obligation(
                        .reassessmentAfterChange, due: day.addingWorkingDays(changeWorkingDays), after.map(Obligation.Resolution.done), member: id,
                        "opnieuw taxeren: \(c.who(id)), na: \(change.what)\(change.date.map { " (\($0))" } ?? "")",
                        command: c.assessCommand(id, " --aanleiding TEKST"))
                }
            }
        },
    ]

    // MARK: The regisseur

    static let regisseur: [Rule] = [
        Rule(
            .regisseurNamed, "Er is altijd een regisseur.",
            cites: [.framework("criterium 1B"), .framework("criterium 2F"), .inspection("§3.6"), .inspection("§4.2")],
            deadline: "elke dag dat het gezin in beeld is (van de start van de nazorg tot zes maanden na het afsluiten)",
            severity: .high, advice: "Leg vast wie de regisseur is, met organisatie en doorzettingsmacht.", needs: [.core]
        ) { c in
            let from = c.plan.followedFrom(c.today)
            let until = c.plan.episodes.last?.date(AftercareField.closed).map { $0.addingMonths(followUpMonths) }.map { min($0, c.today) } ?? c.today
            let outOfView = until < c.today
            let gaps = c.plan.regisseurGaps(from: from, until: until)
            guard !gaps.isEmpty else { return [c.obligation(.regisseurNamed, due: from, .done(from), "regisseur benoemd")] }
            return gaps.map { gap in
                let resolution: Obligation.Resolution? = gap.resumes.map(Obligation.Resolution.done) ?? (outOfView ? .lapsed : nil)
                return c.obligation(
                    .regisseurNamed, due: gap.start, resolution, "er is vanaf \(gap.start) geen regisseur benoemd",
                    command: "regisseur add \(c.family) --naam NAAM --organisatie NAAM --vanaf \(gap.start)")
            }
        },
        Rule(
            .oneRegisseur, "Eén regisseur tegelijk (1 gezin 1 plan 1 regisseur).", cites: [.framework("criterium 1B"), .inspection("§3.6")],
            deadline: "de dag waarop een tweede regisseur begint", severity: .medium,
            advice: "Geef de vorige regisseur een einddatum.", needs: [.core]
        ) { c in
            c.plan.overlappingRegisseurs().map { first, second, from in
                c.obligation(
                    .oneRegisseur, due: from, nil, subject: first.id,
                    "twee regisseurs tegelijk vanaf \(from) (\(first.shortID) en \(second.shortID))",
                    command: "regisseur update \(c.family) \(first.shortID) --tot DATUM")
            }
        },
        Rule(
            .regisseurAfterMove, "Na een verhuizing komt de regisseur uit de nieuwe gemeente.", cites: [.inspection("§4.2")],
            deadline: "\(changeWorkingDays) werkdagen na de verhuizing", isDefault: true, severity: .high,
            advice: "Leg de regisseur uit de nieuwe gemeente vast (wijkteam) en draag warm over.", needs: [.core]
        ) { c in
            c.plan.all(.regionMove).compactMap { move -> Obligation? in
                guard let day = move.date(RegionMoveField.date), let place = move.text(RegionMoveField.to) else { return nil }
                let local = c.plan.all(.regisseur).filter { r in
                    FamilyPlan.regisseur(r, isFrom: place) && (r.date(RegisseurField.until).map { $0 >= day } ?? true)
                }.compactMap { $0.date(RegisseurField.from) }.min()
                return c.obligation(
                    .regisseurAfterMove, due: day.addingWorkingDays(changeWorkingDays), local.map { .done(max($0, day)) }, subject: move.id,
                    "na de verhuizing naar \(place) (\(day)) is er geen regisseur uit \(place)",
                    command: "regisseur add \(c.family) --naam NAAM --organisatie NAAM --vanaf DATUM --gemeente \"\(place)\"")
            }
        },
        Rule(
            .guardianAsRegisseur, "Bij een OTS of voogdij is de gezinsvoogd de regisseur.", cites: [.inspection("§3.6")],
            deadline: "de dag waarop de maatregel ingaat", severity: .high,
            advice: "Leg de gezinsvoogd van de gecertificeerde instelling vast als regisseur.", needs: [.core], children: true
        ) { c in
            c.plan.all(.childProtection).compactMap { m -> Obligation? in
                guard m.has(ChildProtectionField.category, ChildProtectionKind.supervisionOrder) || m.has(ChildProtectionField.category, ChildProtectionKind.guardianship),
                    let from = m.date(ChildProtectionField.from), let child = m.ref(ChildProtectionField.member)
                else { return nil }
                let guardian = c.plan.all(.regisseur).filter { $0.has(RegisseurField.function, RegisseurFunction.familyGuardian) }
                    .filter { $0.date(RegisseurField.until).map { $0 >= from } ?? true }.compactMap { $0.date(RegisseurField.from) }.min()
                let kind = m.term(ChildProtectionField.category, ChildProtectionKind.self)?.label ?? "maatregel"
                return c.obligation(
                    .guardianAsRegisseur, due: from, guardian.map { .done(max($0, from)) }, member: child, subject: m.id,
                    "bij de \(kind) van \(c.who(child)) (vanaf \(from)) is de gezinsvoogd geen regisseur",
                    command: "regisseur add \(c.family) --naam NAAM --organisatie NAAM --vanaf DATUM --functie gezinsvoogd")
            }
        },
    ]
}

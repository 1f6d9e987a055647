extension Rule {
    // MARK: Children

    static let children: [Rule] = [
        Rule(
            .childInReferralIndex, "Elk kind staat in de Verwijsindex (VIR).", cites: [.inspection("§4.2")],
            deadline: "de start van de nazorg", isDefault: true, severity: .medium,
            advice: "Registreer het kind in de Verwijsindex en leg dat vast in het kinddeel.", needs: [], children: true
        ) { c in
            c.children.filter { c.holdsChild($0.id) }.map { child in
                c.obligation(
                    .childInReferralIndex, due: c.plan.followedFrom(c.today), child.part?.bool(ChildField.referralIndex) == true ? .doneUndated : nil,
                    member: child.id, "\(c.who(child.id)) staat niet in de Verwijsindex", command: childCommand(c, child.id, child.part, "--vir ja"))
            }
        },
        Rule(
            .childInSchool, "Een kind van \(schoolAge.lowerBound) tot \(schoolAge.upperBound + 1) gaat naar school.",
            cites: [.keurmerk("norm 3.3"), .children("norm 3.4")],
            deadline: "\(schoolWorkingDays) werkdagen na de start van de nazorg of na de laatste verhuizing (werkdagen: zonder weekend en algemeen erkende feestdagen)",
            severity: .high, advice: "Regel een school en leg school en eerste schooldag vast in het kinddeel.", needs: [], children: true
        ) { c in
            let moved = c.plan.all(.regionMove).compactMap { $0.date(RegionMoveField.date) }.max()
            let arrival = [c.plan.followedFrom(c.today), moved].compactMap { $0 }.max()!
            return c.childrenAtHome.filter { c.holdsChild($0.id) }.compactMap { child -> Obligation? in
                guard let born = child.birthDate, schoolAge.contains(born.yearsOld(on: c.today)) else { return nil }
                let changes = c.plan.schoolChanges(of: child.id)
                let inSchool = !(child.part?.text(ChildField.school) ?? "").isEmpty || !changes.isEmpty
                let start = (changes.compactMap { $0.date(SchoolChangeField.date) } + [child.part?.date(ChildField.schoolStart)].compactMap { $0 }).max()
                let resolution: Obligation.Resolution? = inSchool ? (start.map { .done(min($0, arrival)) } ?? .doneUndated) : nil
                return c.obligation(
                    .childInSchool, due: arrival.addingWorkingDays(schoolWorkingDays), resolution, member: child.id,
                    "\(c.who(child.id)) heeft geen school", command: childCommand(c, child.id, child.part, "--school NAAM --school-start DATUM"))
            }
        },
        Rule(
            .schoolStart, "Na een schoolwissel zit het kind binnen 5 werkdagen op school.",
            cites: [.keurmerk("norm 3.3"), .children("norm 3.4")],
            deadline: "\(schoolWorkingDays) werkdagen na aankomst op de nieuwe verblijfplaats (zonder weekend en algemeen erkende feestdagen)",
            severity: .medium, advice: "Leg vast waarom het later werd, en bespreek met de school hoe het sneller kan.", needs: [], children: true
        ) { c in
            c.children.filter { c.holdsChild($0.id) }.flatMap { child in
                c.plan.schoolChanges(of: child.id).compactMap { change -> Obligation? in
                    guard let arrival = change.date(SchoolChangeField.arrival), let start = change.date(SchoolChangeField.date) else { return nil }
                    return c.obligation(.schoolStart, due: arrival.addingWorkingDays(schoolWorkingDays), .done(start), member: child.id, subject: change.id, "schoolstart")
                }
            }
        },
        Rule(
            .schoolHandover, "Bij een schoolwissel dragen de scholen warm over.", cites: [.keurmerk("norm 3.3b")],
            deadline: "de eerste schooldag op de nieuwe school", severity: .medium,
            advice: "Vraag de scholen alsnog over te dragen en leg dat vast.", needs: [], children: true
        ) { c in
            c.children.filter { c.holdsChild($0.id) }.flatMap { child in
                c.plan.schoolChanges(of: child.id).compactMap { change -> Obligation? in
                    guard let start = change.date(SchoolChangeField.date) else { return nil }
                    let school = change.text(SchoolChangeField.school) ?? "de nieuwe school"
                    return c.obligation(
                        .schoolHandover, due: start, change.bool(SchoolChangeField.handover) == true ? .done(start) : nil, member: child.id,
                        subject: change.id, "bij de wissel van \(c.who(child.id)) naar \(school) is geen warme overdracht tussen de scholen vastgelegd",
                        command: "school-change record \(c.family) --lid \(child.id.prefix(8)) --corrigeert \(change.shortID) --aankomst \(change.text(SchoolChangeField.arrival) ?? "DATUM") --datum \(start) --school \"\(school)\" --overdracht ja")
                }
            }
        },
        Rule(
            .childMoves, "Een kind verhuist niet meer dan 2 keer.", cites: [.keurmerk("norm 1.5b"), .children("norm 1.3")],
            deadline: "de derde verhuizing of schoolwissel", severity: .medium,
            advice: "Leg vast waarom het kind vaker verhuisde (een uitzondering, met reden) en hoe verdere wissels worden voorkomen.",
            needs: [], children: true
        ) { c in
            c.children.filter { c.holdsChild($0.id) }.compactMap { child -> Obligation? in
                let changes = c.plan.schoolChanges(of: child.id)
                let moves = max(Int(child.part?.int(ChildField.moves) ?? 0), changes.count)
                guard child.part?.int(ChildField.moves) != nil || !changes.isEmpty else { return nil }
                let due = changes.count > 2 ? changes[2].date(SchoolChangeField.date) ?? c.today : c.plan.followedFrom(c.today)
                guard moves > 2 else { return c.obligation(.childMoves, due: due, .doneUndated, member: child.id, "verhuizingen") }
                let reason = child.part?.text(ChildField.movesReason)
                return c.obligation(
                    .childMoves, due: due, reason.map(Obligation.Resolution.exception), member: child.id,
                    "\(c.who(child.id)) verhuisde of wisselde \(moves) keer van school: meer dan 2 keer, zonder vastgelegde reden",
                    command: childCommand(c, child.id, child.part, "--verhuizingen-reden TEKST"))
            }
        },
        Rule(
            .childVoice, "De stem van het kind is vastgelegd.", cites: [.keurmerk("norm 2.7"), .children("norm 2.3")],
            deadline: "de 3-maandenevaluatie (3 kalendermaanden na de start van de nazorg), voor kinderen vanaf \(voiceAge) jaar",
            isDefault: true, severity: .low, advice: "Vraag het kind wat het vindt en wil, en schrijf dat op in zijn eigen woorden.",
            needs: [], children: true
        ) { c in
            c.childrenAtHome.filter { c.holdsChild($0.id) }.compactMap { child -> Obligation? in
                guard let born = child.birthDate, born.yearsOld(on: c.today) >= voiceAge else { return nil }
                let heard = !(child.part?.text(ChildField.ownVoice) ?? "").isEmpty
                return c.obligation(
                    .childVoice, due: c.plan.followedFrom(c.today).addingMonths(evaluationMonths), heard ? .doneUndated : nil, member: child.id,
                    "de stem van \(c.who(child.id)) is niet vastgelegd", command: childCommand(c, child.id, child.part, "--eigen-stem TEKST"))
            }
        },
        Rule(
            .leftBehindAssessed, "De veiligheid van een achtergebleven kind is getaxeerd.", cites: [.keurmerk("norm 1.8"), .children("norm 1.5")],
            deadline: "1 werkdag nadat bekend is dat het kind achterbleef", severity: .high,
            advice: "Taxeer de veiligheid van het kind dat niet meekwam.", needs: [.core, .safety]
        ) { c in
            c.plan.childrenLeftBehind().map { child, _, _ in
                let known = child.date(MemberField.addedOn) ?? c.plan.followedFrom(c.today)
                return c.obligation(
                    .leftBehindAssessed, due: known.addingWorkingDays(1), c.firstAssessment(child.id).map(Obligation.Resolution.done), member: child.id,
                    "\(c.who(child.id)) is achtergebleven en de veiligheid is niet getaxeerd", command: c.assessCommand(child.id, faceToFace: false))
            }
        },
        Rule(
            .leftBehindReported, "Een achtergebleven kind is gemeld bij Veilig Thuis (meldcode).",
            cites: [.keurmerk("norm 1.8"), .keurmerk("norm 4.3")],
            deadline: "de start van de nazorg", isDefault: true, severity: .high,
            advice: "Doorloop de meldcode en meld het kind bij Veilig Thuis.", needs: [.core, .consent]
        ) { c in
            c.plan.childrenLeftBehind().map { child, _, _ in
                let reported = c.plan.all(.safetyOverride).filter {
                    $0.has(SafetyOverrideField.ground, LegalGround.meldcodeReport) && $0.refs(SafetyOverrideField.members).contains(child.id)
                }.compactMap { $0.date(SafetyOverrideField.date) }.min()
                return c.obligation(
                    .leftBehindReported, due: c.plan.followedFrom(c.today), reported.map(Obligation.Resolution.done), member: child.id,
                    "\(c.who(child.id)) is achtergebleven en niet gemeld bij Veilig Thuis",
                    command: "override record \(c.family) --grond melding-veilig-thuis --lid \(child.shortID) --secties child:\(child.shortID) --ontvanger \"Veilig Thuis\" …")
            }
        },
    ]

    /// The members who need their own plans (norm 2.3): the parent in the shelter and the children at home.
    static func planMembers(_ c: RuleContext) -> [PlanEntity] {
        c.plan.members.filter {
            ($0.has(MemberField.role, MemberRole.parentInShelter) || $0.has(MemberField.role, MemberRole.child)) && $0.bool(MemberField.cameAlong) != false
        }
    }

    /// `child update` on the child's part, or `child add` when there is none yet.
    static func childCommand(_ c: RuleContext, _ child: String, _ part: PlanEntity?, _ options: String) -> String {
        part.map { "child update \(c.family) \($0.shortID) \(options)" } ?? "child add \(c.family) --lid \(child.prefix(8)) \(options)"
    }

    // MARK: Sharing, language, the handover

    static let sharing: [Rule] = [
        Rule(
            .safetyPlanPerMember, "Elk gezinslid heeft een veiligheidsplan.", cites: [.keurmerk("norm 2.3"), .children("norm 2.3")],
            deadline: "de start van de nazorg (het plan komt mee uit de opvang)", isDefault: true, severity: .medium,
            advice: "Leg voor dit gezinslid een maatregel of een signaal met wat te doen vast; een maatregel voor het hele gezin telt voor iedereen.",
            needs: [.core, .safety]
        ) { c in
            let familyWide = c.plan.all(.measure).contains { $0.ref(MeasureField.member) == nil }
            return planMembers(c).map { m in
                let held = familyWide || c.plan.all(.measure).contains { $0.ref(MeasureField.member) == m.id }
                    || c.plan.all(.signal).contains { $0.ref(SignalField.member) == m.id }
                return c.obligation(
                    .safetyPlanPerMember, due: c.plan.followedFrom(c.today), held ? .doneUndated : nil, member: m.id,
                    "\(c.who(m.id)) heeft geen veiligheidsplan", command: "measure add \(c.family) --soort SOORT --omschrijving TEKST --lid \(m.shortID)")
            }
        },
        Rule(
            .supportPlanPerMember, "Elk gezinslid heeft een hulpverleningsplan.", cites: [.keurmerk("norm 2.3"), .children("norm 2.3")],
            deadline: "de start van de nazorg (het plan komt mee uit de opvang)", isDefault: true, severity: .medium,
            advice: "Leg voor dit gezinslid een doel vast; een doel voor het hele gezin telt voor de ouder.", needs: [.core, .plan]
        ) { c in
            planMembers(c).map { m in
                let held = c.plan.all(.goal).contains { $0.ref(GoalField.member) == m.id }
                    || (m.has(MemberField.role, MemberRole.parentInShelter) && c.plan.all(.goal).contains { $0.ref(GoalField.member) == nil })
                return c.obligation(
                    .supportPlanPerMember, due: c.plan.followedFrom(c.today), held ? .doneUndated : nil, member: m.id,
                    "\(c.who(m.id)) heeft geen hulpverleningsplan", command: "goal add \(c.family) --domein LEEFGEBIED --omschrijving TEKST --lid \(m.shortID)")
            }
        },
        Rule(
            .plainLanguage, "Vastgelegd is of de cliënt uitleg in eenvoudige taal nodig heeft.", cites: [.keurmerk("norm 2.6")],
            deadline: "de start van de nazorg", isDefault: true, severity: .low,
            advice: "Vraag het de moeder en leg het vast, zodat plannen en brieven in taal komen die zij begrijpt.", needs: [.core]
        ) { c in
            c.plan.members.filter { $0.has(MemberField.role, MemberRole.parentInShelter) }.map { m in
                c.obligation(
                    .plainLanguage, due: c.plan.followedFrom(c.today), m.bool(MemberField.plainLanguage) != nil ? .doneUndated : nil, member: m.id,
                    "bij \(c.who(m.id)) is niet vastgelegd of uitleg in eenvoudige taal nodig is",
                    command: "member update \(c.family) \(m.shortID) --eenvoudige-taal ja|nee")
            }
        },
        Rule(
            .handoverComplete, "Een warme overdracht heeft drie delen en drie deelnemers.", cites: [.keurmerk("norm 4.1"), .keurmerk("voetnoot 25")],
            deadline: "de dag van de overdracht", severity: .medium,
            advice: "Informatie, persoonlijke context en afspraken met ketenpartners; de cliënt en beide hulpverleners in het gesprek.",
            needs: [.consent]
        ) { c in
            let sent = c.plan.all(.share).filter { $0[ShareField.bundle] != nil }.compactMap { s -> Obligation? in
                guard let day = s.date(ShareField.date) else { return nil }
                let reason = s.text(ShareField.incompleteBecause)
                return c.obligation(.handoverComplete, due: day, reason.map(Obligation.Resolution.exception) ?? .done(day), subject: s.id, "overdracht")
            }
            let received = c.plan.all(.provenance).compactMap { p -> Obligation? in
                guard let day = p.date(ProvenanceField.date) else { return nil }
                let reason = p.text(ProvenanceField.incompleteBecause)
                return c.obligation(.handoverComplete, due: day, reason.map(Obligation.Resolution.exception) ?? .done(day), subject: p.id, "overdracht")
            }
            return sent + received
        },
        Rule(
            .consentExpiry, "Een toestemming waar een deling op steunt, wordt op tijd opnieuw gevraagd.",
            cites: [.qualityDocument("§3.1"), .inspection("§3.7")],
            deadline: "de laatste geldige dag van de toestemming", severity: .medium,
            advice: "Vraag de moeder of de toestemming mag doorlopen en leg een nieuwe vast, of laat de deling stoppen.",
            needs: [.consent]
        ) { c in
            let withdrawn = Set(c.plan.all(.withdrawal).compactMap { $0.ref(WithdrawalField.consent) })
            let consents = c.plan.all(.consent).filter { !withdrawn.contains($0.id) }
            return consents.compactMap { consent -> Obligation? in
                guard let until = consent.date(ConsentField.until),
                    c.plan.all(.share).contains(where: { $0.ref(ShareField.consent) == consent.id })
                else { return nil }
                let recipient = consent.text(ConsentField.recipient)
                let sections = Set(consent.sections(ConsentField.sections))
                let renewed = consents.contains { other in
                    other.id != consent.id && other.text(ConsentField.recipient) == recipient
                        && sections.isSubset(of: Set(other.sections(ConsentField.sections)))
                        && (other.date(ConsentField.from).map { $0 <= until.addingDays(1) } ?? false)
                        && (other.date(ConsentField.until).map { $0 > until } ?? true)
                }
                guard renewed || until >= c.today else { return nil }
                let name = consent.text(ConsentField.recipientName) ?? "de ontvanger"
                return c.obligation(
                    .consentExpiry, due: until, renewed ? .done(until) : nil, subject: consent.id,
                    "toestemming \(consent.shortID) voor het delen met \(name) loopt af op \(until)",
                    command: "consent give \(c.family) --gevers ID --ontvanger \"\(name)\" --secties \(sections.sorted().map(\.name).joined(separator: ",")) --doel TEKST --vanaf \(until.addingDays(1)) --vorm schriftelijk --vastgelegd-door NAAM")
            }
        },
        Rule(
            .overrideReview, "De privacy officer toetst elke doorbreking.", cites: [.keurmerk("norm 4.3"), .qualityDocument("§3.1 punt 7, Bijlage 3")],
            deadline: "\(reviewWorkingDays) werkdagen na de doorbreking", isDefault: true, severity: .medium,
            advice: "Toets de doorbreking en leg de uitkomst vast (op het apparaat van de privacy officer).", needs: []
        ) { _ in [] },
    ]
}

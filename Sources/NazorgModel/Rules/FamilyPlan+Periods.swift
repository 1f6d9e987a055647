/// The periods the rules reason about: aftercare episodes, the time a family stays in view, the days a regisseur
/// covers.
extension FamilyPlan {
    /// The aftercare episodes, oldest first.
    public var episodes: [PlanEntity] {
        all(.aftercare).filter { $0.date(AftercareField.start) != nil }
            .sorted { ($0.text(AftercareField.start) ?? "", $0.id) < ($1.text(AftercareField.start) ?? "", $1.id) }
    }

    /// The day the next episode after `episode` starts, if there is one: what belongs to an episode ends there.
    func nextStart(after episode: PlanEntity) -> CalendarDate? {
        guard let start = episode.date(AftercareField.start) else { return nil }
        return episodes.compactMap { $0.date(AftercareField.start) }.filter { $0 > start }.min()
    }

    /// The first day of the period the family is followed: the first aftercare start; without one, the earliest
    /// recorded fact (an assessment, a contact, a stagnation: the fields that can only lie in the past); `today`
    /// for a plan with neither. So a family long known without a regisseur is missed, not "not yet due".
    func followedFrom(_ today: CalendarDate) -> CalendarDate {
        if let start = episodes.first?.date(AftercareField.start) { return start }
        let facts = entities.flatMap { entity in
            entity.kind.fields.filter(\.isPast).compactMap { entity.fields[$0.name]?.text.flatMap(CalendarDate.init) }
        }
        return facts.filter { $0 <= today }.min() ?? today
    }

    /// The stretches of `from...until` that no regisseur covers, each with its first day and the day a
    /// regisseur starts again (nil when none does within the stretch).
    func regisseurGaps(from: CalendarDate, until: CalendarDate) -> [(start: CalendarDate, resumes: CalendarDate?)] {
        let periods = all(.regisseur).compactMap { r -> (CalendarDate, CalendarDate?)? in
            guard let start = r.date(RegisseurField.from) else { return nil }
            return (start, r.date(RegisseurField.until))
        }
        var gaps: [(CalendarDate, CalendarDate?)] = []
        var cursor = from
        while cursor <= until {
            let covering = periods.filter { $0.0 <= cursor && ($0.1.map { $0 >= cursor } ?? true) }
            if !covering.isEmpty {
                let ends = covering.map(\.1)
                if ends.contains(where: { $0 == nil }) { break }
                cursor = ends.compactMap { $0 }.max()!.addingDays(1)
                continue
            }
            let next = periods.map(\.0).filter { $0 > cursor }.min()
            if let next, next <= until {
                gaps.append((cursor, next))
                cursor = next
            } else {
                gaps.append((cursor, nil))
                break
            }
        }
        return gaps
    }
}

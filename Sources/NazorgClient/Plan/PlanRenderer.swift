public import Foundation
public import NazorgModel

/// Renders a family plan as readable text (Dutch field words) or as JSON.
public enum PlanRenderer {
    /// The plan as text, with what needs attention on `today` at the end.
    public static func text(_ plan: FamilyPlan, today: CalendarDate) -> String {
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }
        func name(_ ref: FieldValue?) -> String {
            guard let id = ref?.ref, let e = plan.entities.first(where: { $0.id == id }) else { return "?" }
            return e.text("naam") ?? e.shortID
        }
        func label<V: Vocabulary>(_ v: V.Type, _ code: String?) -> String { code.flatMap(V.init(rawValue:))?.label ?? code ?? "?" }
        func conflictMark(_ e: PlanEntity) -> String { e.conflicts.isEmpty ? "" : "  [CONFLICT: \(e.conflicts.keys.sorted().joined(separator: ", "))]" }

        let family = plan.family
        var head = "\(family?.text("naam") ?? "Gezin") — gezin \(String(plan.id.prefix(8)))"
        head += ", fase \(label(FamilyPhase.self, family?.text("fase") ?? "opvang"))"
        if let g = family?.text("gemeente") { head += ", gemeente \(g)" }
        if family?.fields["geheimAdres"]?.bool == true { head += ", GEHEIM ADRES" }
        line(head)
        if let r = plan.regisseur(on: today) {
            var s = "Regisseur: \(r.text("naam") ?? "?") (\(r.text("organisatie") ?? "?")) vanaf \(r.text("vanaf") ?? "?")"
            if let tot = r.text("tot") { s += " tot en met \(tot)" }
            if let e = r.text("escalatie") { s += "; escalatie: \(e)" }
            line(s)
        } else {
            line("Regisseur: NIET BENOEMD")
        }

        line()
        line("Gezinsleden")
        for m in plan.members {
            var s = "  \(m.shortID)  \(m.text("naam") ?? "?") — \(label(MemberRole.self, m.text("rol")))"
            if let b = m.text("geboortedatum") { s += ", geboren \(b)" }
            if m.fields["gezag"]?.bool == true { s += ", gezag" }
            if let risk = plan.riskHistory(of: m.id).last {
                s += ", risico \(risk.text("classificatie") ?? "?") (\(risk.text("datum") ?? "?"))"
            }
            line(s + conflictMark(m))
        }
        let organisations = plan.all(.organisation)
        if !organisations.isEmpty {
            line("Betrokken organisaties")
            for o in organisations { line("  \(o.shortID)  \(o.text("naam") ?? "?")\(o.text("rol").map { " — \($0)" } ?? "")\(conflictMark(o))") }
        }

        line()
        line("Veiligheidsplan")
        for m in plan.all(.measure) {
            line("  maatregel \(m.shortID): \(label(MeasureKind.self, m.text("soort")))\(m.text("omschrijving").map { " — \($0)" } ?? "")\(conflictMark(m))")
        }
        for s in plan.all(.signal) {
            line("  signaal \(s.shortID): \(s.text("omschrijving") ?? "?")\(s.text("actie").map { " → \($0)" } ?? "")\(conflictMark(s))")
        }
        for c in plan.all(.emergencyContact) {
            line("  noodcontact \(c.shortID): \(c.text("naam") ?? "?")\(c.text("telefoon").map { ", \($0)" } ?? "")\(c.text("relatie").map { " (\($0))" } ?? "")")
        }
        for m in plan.members {
            let history = plan.riskHistory(of: m.id)
            guard !history.isEmpty else { continue }
            let steps = history.map { "\($0.text("classificatie") ?? "?") (\($0.text("datum") ?? "?"), \($0.text("instrument") ?? "?"))" }
            line("  risicotaxatie \(m.text("naam") ?? m.shortID): \(steps.joined(separator: " → "))")
        }

        line()
        line("Doelen per leefgebied")
        let goals = plan.all(.goal)
        for domain in LifeDomain.allCases {
            let inDomain = goals.filter { $0.text("domein") == domain.rawValue }
            guard !inDomain.isEmpty else { continue }
            line("  \(domain.label)")
            for g in inDomain {
                line("    \(g.shortID) [\(g.text("status") ?? "open")] \(g.text("omschrijving") ?? "?")\(g.text("verantwoordelijk").map { " — \($0)" } ?? "")\(conflictMark(g))")
                for a in plan.all(.action) where a.fields["doel"]?.ref == g.id {
                    line("      actie \(a.shortID) [\(a.text("status") ?? "open")] \(a.text("omschrijving") ?? "?")\(a.text("deadline").map { ", uiterlijk \($0)" } ?? "")\(conflictMark(a))")
                }
            }
        }
        for s in plan.all(.stagnation) {
            var t = "  stagnatie \(s.shortID) (\(label(LifeDomain.self, s.text("domein"))), sinds \(s.text("sinds") ?? "?")): \(s.text("omschrijving") ?? "?")"
            if let to = s.text("geescaleerdNaar") { t += "; geëscaleerd naar \(to)" }
            if let done = s.text("opgelost") { t += "; opgelost \(done)" }
            line(t)
        }

        let children = plan.all(.child)
        if !children.isEmpty {
            line()
            line("Kinderen")
            for c in children {
                var t = "  \(name(c.fields["lid"])) (\(c.shortID))"
                if let s = c.text("school") { t += ": school \(s)" }
                if let start = c.text("schoolStart") { t += ", gestart \(start)" }
                if let v = c.fields["vir"]?.bool { t += ", VIR \(v ? "ja" : "nee")" }
                line(t + conflictMark(c))
                if let o = c.text("omgang") { line("    omgang: \(o)") }
                if let voice = c.text("eigenStem") { line("    stem van het kind: \(voice)") }
            }
        }

        line()
        line("Nazorg")
        if let a = plan.aftercare {
            var t = "  \(a.shortID) \(label(AftercareMode.self, a.text("vorm"))) van \(a.text("start") ?? "?") tot \(a.text("geplandEinde") ?? "?")"
            if let f = a.text("frequentie") { t += ", \(f)" }
            if let closed = a.text("afgesloten") { t += "; afgesloten \(closed)\(a.text("reden").map { " (\($0))" } ?? "")" }
            line(t + conflictMark(a))
            if let e = plan.threeMonthEvaluation() { line("  3-maandenevaluatie: \(e.isDone ? "gedaan" : "gepland op \(e.due)")") }
        } else {
            line("  nog niet gestart")
        }
        for e in plan.all(.evaluation).sorted(by: { ($0.text("datum") ?? "") < ($1.text("datum") ?? "") }) {
            line("  evaluatie \(e.text("datum") ?? "?") (\(label(EvaluationKind.self, e.text("soort")))): \(e.text("uitkomst") ?? "")")
        }
        for z in plan.all(.selfReliance).sorted(by: { ($0.text("datum") ?? "") < ($1.text("datum") ?? "") }) {
            let scores = ZRMDomain.allCases.compactMap { d in z.fields[d.rawValue]?.int.map { "\(d.label) \($0)" } }
            line("  ZRM \(z.text("datum") ?? "?"): \(scores.joined(separator: ", "))")
        }

        let contacts = plan.all(.contact).sorted { ($0.text("datum") ?? "") < ($1.text("datum") ?? "") }
        if !contacts.isEmpty {
            line()
            line("Contactjournaal")
            for c in contacts { line("  \(c.text("datum") ?? "?") \(label(ContactMode.self, c.text("vorm"))): \(c.text("verslag") ?? "")") }
        }

        let points = plan.attentionPoints(today: today)
        line()
        line(points.isEmpty ? "Aandachtspunten: geen" : "Aandachtspunten")
        for p in points { line("  ! \(p)") }
        return out.joined(separator: "\n") + "\n"
    }

    /// The plan as JSON: every entity with its fields and conflicts, plus the attention points.
    public static func json(_ plan: FamilyPlan, today: CalendarDate) throws -> Data {
        func encode(_ v: FieldValue?) -> Any {
            switch v {
            case .text(let s): s
            case .int(let i): i
            case .bool(let b): b
            case .ref(let r): r
            case nil: NSNull()
            }
        }
        let entities: [[String: Any]] = plan.entities.map { e in
            var o: [String: Any] = [
                "id": e.id, "kind": e.kind.rawValue, "section": e.section.name,
                "fields": e.fields.mapValues { encode($0) },
            ]
            if !e.conflicts.isEmpty { o["conflicts"] = e.conflicts.mapValues { $0.map(encode) } }
            return o
        }
        let object: [String: Any] = [
            "family": plan.id, "schemaVersion": Int(EntityKind.schemaVersion), "entities": entities,
            "attention": plan.attentionPoints(today: today),
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }
}

import Foundation
import NazorgModel
import Testing

/// `docs/rules.md` is the rule catalogue as the code defines it. Fails when the two differ; regenerate with
/// `NAZORG_WRITE_RULES_DOC=1 swift test --filter RulesDocTests`.
struct RulesDocTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/rules.md")

    @Test func theRulesDocumentIsTheCatalogue() throws {
        let generated = Self.render()
        if ProcessInfo.processInfo.environment["NAZORG_WRITE_RULES_DOC"] == "1" {
            try generated.write(to: Self.path, atomically: true, encoding: .utf8)
        }
        let written = try String(contentsOf: Self.path, encoding: .utf8)
        #expect(written == generated, "docs/rules.md is out of date: NAZORG_WRITE_RULES_DOC=1 swift test --filter RulesDocTests")
    }

    static func render() -> String {
        var out = """
            # Rules: the norms that watch a family over time

            Generated from `Sources/NazorgModel/Rules/` by `RulesDocTests` (it fails when this file is out of date).
            Each rule is a norm from `../shared/domain/REQUIREMENTS.md` (§0.3, §4, §5, §6, §7.5, §8) with its seed
            citation, its deadline arithmetic, its severity and what to do. A rule's small pure function turns a plan
            and a day into **obligations**: something due on a day, and whether (and when) it was done. The same
            obligations feed `nazorg family show`, `nazorg overzicht`, `nazorg agenda --ics` and `nazorg rapport normen`.

            - **Open** obligations are listed by urgency (*te laat*: due before today; *deze week*: within 6 days;
              *deze maand*: within 30), then severity, then due date. Each names the command that resolves it.
            - A **closed** one is *voldaan* (done on or before the due day), *niet voldaan* (done later, or it lapsed),
              or an *uitzondering met reden* (not done, with the reason recorded in the plan, 003 Bijlage 4).
            - Per family a norm is the worst of its obligations; none at all is *niet van toepassing*.
            - A rule that reads a section this device does not hold (a plan shared in part) is **not judged**: it is
              listed as *niet gedeeld*, never as a finding.
            - Working days skip Saturdays, Sundays and the general holidays of the Algemene termijnenwet; months are
              calendar months, clamped to the month's end (31 January + 3 months = 30 April).
            - "De start van de nazorg" is the first aftercare episode's start; for a family without one, the earliest
              recorded fact of the plan (an assessment, a contact, a stagnation), so a family known for months is not
              "not yet due".
            - "Nazorg default" marks a deadline or threshold the seeds do not give as a number: Nazorg's choice, named
              as such in reports.

            | rule | norm | source | deadline | severity | reads |
            |---|---|---|---|---|---|

            """
        for rule in RuleEngine.rules {
            let reads = (rule.needs.sorted().map(\.name) + (rule.needsChildSections ? ["child:…"] : [])).joined(separator: ", ")
            let cells = [
                "`\(rule.id.rawValue)`", rule.title, rule.citations.map(\.description).joined(separator: "; "),
                rule.deadline + (rule.isDefault ? " (Nazorg default)" : ""), rule.severity.label, reads.isEmpty ? "—" : reads,
            ]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        out += "\nWhat to do, per rule:\n\n"
        for rule in RuleEngine.rules { out += "- `\(rule.id.rawValue)`: \(rule.advice)\n" }
        out += """

            `doorbreking-getoetst` is evaluated on the privacy officer's device, from its verified copy of the share log
            (the worker's device does not hold the reviews); it appears in that device's `nazorg overzicht`.

            """
        return out
    }
}

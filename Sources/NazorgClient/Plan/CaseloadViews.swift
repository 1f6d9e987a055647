public import Foundation
public import NazorgModel
import NazorgMessages
import NazorgSync

/// What the caseload looks like to a reader: the overview as text or JSON, the calendar as iCalendar, the evidence
/// per norm as a table, JSON, CSV or one HTML page.
public enum CaseloadViews {
    // MARK: The overview

    /// The overview as text: grouped by urgency, most urgent first, each item with its command.
    public static func overviewText(_ items: [Caseload.Item], caseload: Caseload, horizonDays: Int) -> String {
        let familyCount = Set(items.map(\.family.id)).count
        var out = [
            Messages.Caseload.overviewHead(
                on: caseload.today.written, families: caseload.families.count, items: items.count, inFamilies: familyCount,
                horizonDays: horizonDays)
        ]
        for urgency in RuleEngine.Urgency.allCases {
            let group = items.filter { $0.urgency == urgency }
            guard !group.isEmpty else { continue }
            out.append("")
            out.append(urgency.label.uppercased())
            for item in group {
                let who = item.memberName.map { " · \($0)" } ?? ""
                out.append("  [\(item.rule.severity.label)] \(item.obligation.due.written) · \(item.family.label)\(who) · \(item.rule.id.rawValue)")
                out.append("    \(item.obligation.detail)")
                if let command = item.obligation.command { out.append("    \(command)") }
            }
        }
        return Dutch.writingDates(in: out.joined(separator: "\n") + "\n")
    }

    /// The overview as JSON for programs (dates ISO 8601).
    public static func overviewJSON(_ items: [Caseload.Item], caseload: Caseload) throws -> Data {
        let rows: [[String: Any]] = items.map { item in
            var row: [String: Any] = [
                "family": item.family.id.hex, "rule": item.rule.id.rawValue, "title": item.rule.title, "severity": item.rule.severity.label,
                "urgency": item.urgency.label, "due": item.obligation.due.description, "detail": Dutch.writingDates(in: item.obligation.detail),
                "citations": item.rule.citations.map(\.description),
            ]
            if let name = item.family.name { row["familyName"] = name }
            if let member = item.obligation.member { row["member"] = member }
            if let name = item.memberName { row["memberName"] = name }
            if let command = item.obligation.command { row["command"] = command }
            return row
        }
        return try JSONSerialization.data(
            withJSONObject: ["today": caseload.today.description, "families": caseload.families.count, "items": rows],
            options: [.prettyPrinted, .sortedKeys])
    }

    // MARK: The calendar

    /// The open obligations as an iCalendar file (RFC 5545) of all-day events: an overdue one on `today`, the
    /// others on their due day. Without `names`, an event says which rule and which family (short id) and nothing
    /// else: no names, no places, no schools; a calendar is often synchronised to a phone or a cloud.
    public static func ics(_ items: [Caseload.Item], today: CalendarDate, names: Bool, stamp: Date) -> Data {
        func day(_ d: CalendarDate) -> String { d.description.replacingOccurrences(of: "-", with: "") }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        let dtstamp = formatter.string(from: stamp).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Nazorg//agenda//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        for item in items {
            let o = item.obligation
            let on = max(o.due, today)
            let uidSource = [o.rule.rawValue, o.family, o.member ?? "", o.subject ?? "", o.due.description].joined(separator: "|")
            let late = o.due < today ? Messages.Caseload.lateSince(o.due.written) : ""
            let short = Messages.Caseload.family(item.family.id.short)
            var summary = Messages.Caseload.eventSummary(item.rule.title, late: late, family: short, member: nil)
            var description = Messages.Caseload.eventDescription(
                advice: item.rule.advice, deadline: item.rule.deadline, citations: item.rule.citations.map(\.description),
                family: item.family.id.short)
            if names {
                summary = Messages.Caseload.eventSummary(item.rule.title, late: late, family: item.family.name ?? short, member: item.memberName)
                description = "\(Dutch.writingDates(in: o.detail))\n\(o.command ?? "")\n" + description
            }
            lines += [
                "BEGIN:VEVENT",
                "UID:\(uid(uidSource))@nazorg",
                "DTSTAMP:\(dtstamp)",
                "DTSTART;VALUE=DATE:\(day(on))",
                "DTEND;VALUE=DATE:\(day(on.addingDays(1)))",
                "SUMMARY:\(escape(summary))",
                "DESCRIPTION:\(escape(description))",
                "CATEGORIES:\(escape(item.rule.id.rawValue))",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return Data(lines.map(fold).joined(separator: "\r\n").appending("\r\n").utf8)
    }

    /// A stable event id (FNV-1a of what the obligation is): importing the file again updates the events.
    static func uid(_ source: String) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in source.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return String(hash, radix: 16)
    }

    /// Text escaped for an iCalendar value.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "")
    }

    /// A content line folded at 75 octets, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > (out.isEmpty ? 75 : 74) {
                out.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        out.append(current)
        return out.joined(separator: "\r\n ")
    }

    // MARK: Evidence per norm

    /// One norm in the evidence report.
    public struct NormRow: Sendable {
        public var rule: Rule
        /// Families per verdict.
        public var counts: [Verdict: Int]
        /// The families that missed the norm.
        public var missed: [Caseload.Family]
    }

    /// Per rule, how many families met it, missed it, are not yet due, … over the obligations due in `period`.
    public static func norms(_ caseload: Caseload, period: ClosedRange<CalendarDate>?) -> [NormRow] {
        RuleEngine.rules.filter { $0.id != .overrideReview }.map { rule in
            var counts: [Verdict: Int] = [:]
            var missed: [Caseload.Family] = []
            for family in caseload.families {
                guard let result = family.results.first(where: { $0.rule.id == rule.id }) else { continue }
                let verdict = result.verdict(on: caseload.today, in: period)
                counts[verdict, default: 0] += 1
                if verdict == .missed { missed.append(family) }
            }
            return NormRow(rule: rule, counts: counts, missed: missed)
        }
    }

    /// The verdicts in report order.
    public static let verdicts: [Verdict] = [.met, .missed, .exception, .notYetDue, .notApplicable, .notShared]

    /// The report as a table for the screen.
    public static func normsTable(_ rows: [NormRow], caseload: Caseload, period: ClosedRange<CalendarDate>?, names: Bool) -> String {
        var out = [
            Messages.Caseload.normsHead(
                families: caseload.families.count, on: caseload.today.description,
                period: period.map { ($0.lowerBound.description, $0.upperBound.description) }),
            "",
            Messages.Caseload.normsColumns,
        ]
        for row in rows {
            let cells = verdicts.map { String(row.counts[$0] ?? 0) }
            out.append(
                row.rule.id.rawValue.padding(toLength: 30, withPad: " ", startingAt: 0) + " "
                    + zip(cells, [7, 5, 6, 9, 7, 12]).map { String(repeating: " ", count: max(0, $1 - $0.count)) + $0 }.joined(separator: " "))
            if !row.missed.isEmpty { out.append(Messages.Caseload.missedBy(row.missed.map { label($0, names: names) })) }
        }
        out.append("")
        out.append(Messages.Caseload.normsFooter)
        return Dutch.writingDates(in: out.joined(separator: "\n") + "\n")
    }

    /// The report as JSON.
    public static func normsJSON(_ rows: [NormRow], caseload: Caseload, period: ClosedRange<CalendarDate>?, names: Bool) throws -> Data {
        var object: [String: Any] = [
            "today": caseload.today.description, "families": caseload.families.count,
            "norms": rows.map { row -> [String: Any] in
                [
                    "rule": row.rule.id.rawValue, "title": row.rule.title, "citations": row.rule.citations.map(\.description),
                    "deadline": row.rule.deadline, "nazorgDefault": row.rule.isDefault, "severity": row.rule.severity.label,
                    "counts": Dictionary(uniqueKeysWithValues: verdicts.map { ($0.rawValue, row.counts[$0] ?? 0) }),
                    "missed": row.missed.map { names ? ["family": $0.id.hex, "name": $0.name ?? ""] : ["family": $0.id.hex] },
                ]
            },
        ]
        if let period { object["period"] = ["from": period.lowerBound.description, "until": period.upperBound.description] }
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    /// The report as CSV (RFC 4180), one row per norm.
    public static func normsCSV(_ rows: [NormRow], names: Bool) -> String {
        func cell(_ s: String) -> String { s.contains(where: { ",\"\n".contains($0) }) ? "\"\(s.replacingOccurrences(of: "\"", with: "\"\""))\"" : s }
        typealias M = Messages.Caseload
        var lines = [([M.csvRule, M.csvNorm, M.csvSource] + verdicts.map(\.rawValue) + [M.csvMissedBy]).joined(separator: ",")]
        for row in rows {
            let fields = [row.rule.id.rawValue, row.rule.title, row.rule.citations.map(\.description).joined(separator: "; ")]
                + verdicts.map { String(row.counts[$0] ?? 0) } + [row.missed.map { label($0, names: names) }.joined(separator: " ")]
            lines.append(fields.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The report as one HTML page with a bar per norm, for a team lead or an inspector.
    public static func normsHTML(_ rows: [NormRow], caseload: Caseload, period: ClosedRange<CalendarDate>?, names: Bool) -> String {
        let h = HTML.escape
        let colours: [Verdict: String] = [
            .met: "#2e7d32", .missed: "#c62828", .exception: "#ef6c00", .notYetDue: "#90a4ae", .notApplicable: "#e0e0e0", .notShared: "#b39ddb",
        ]
        var body = ""
        for row in rows {
            let total = max(1, verdicts.reduce(0) { $0 + (row.counts[$1] ?? 0) })
            let segments = verdicts.compactMap { v -> String? in
                guard let n = row.counts[v], n > 0 else { return nil }
                let width = Double(n) * 100 / Double(total)
                return "<span class=\"seg\" style=\"width:\(String(format: "%.2f", width))%;background:\(colours[v]!)\" title=\"\(h(v.label)): \(n)\"></span>"
            }.joined()
            let counts = verdicts.filter { (row.counts[$0] ?? 0) > 0 }.map { "\(h($0.label)): \(row.counts[$0]!)" }.joined(separator: " · ")
            let missed = row.missed.isEmpty ? "" : "<p class=\"missed\">\(h(Messages.Caseload.pageMissed(row.missed.map { label($0, names: names) })))</p>"
            body += """
                <section class="norm" id="\(row.rule.id.rawValue)">
                <h2>\(h(row.rule.title))</h2>
                <p class="meta">\(h(Messages.Caseload.pageMeta(rule: row.rule.id.rawValue, citations: row.rule.citations.map(\.description), deadline: row.rule.deadline, isDefault: row.rule.isDefault)))</p>
                <div class="bar" role="img" aria-label="\(counts)">\(segments)</div>
                <p class="counts">\(counts)</p>\(missed)
                </section>

                """
        }
        let legend = verdicts.map { "<span><i style=\"background:\(colours[$0]!)\"></i>\(h($0.label))</span>" }.joined(separator: " ")
        return """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <title>\(h(Messages.Caseload.pageTitle))</title>
            <style>
            body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #212121; max-width: 60em; }
            h1 { font-size: 1.4em; } h2 { font-size: 1.05em; margin: 0.2em 0; }
            .norm { margin: 0 0 1.1em 0; break-inside: avoid; }
            .meta, .counts, .missed { margin: 0.15em 0; font-size: 0.85em; } .missed { color: #c62828; }
            .bar { display: flex; height: 1.1em; border: 1px solid #9e9e9e; width: 100%; }
            .seg { display: block; height: 100%; }
            .legend span { margin-right: 1em; font-size: 0.85em; } .legend i { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: middle; }
            @media print { body { margin: 1cm; } @page { size: A4; } }
            </style>
            </head>
            <body>
            <h1>\(h(Messages.Caseload.pageHeading(families: caseload.families.count, on: caseload.today.written, period: period.map { ($0.lowerBound.written, $0.upperBound.written) })))</h1>
            <p class="legend">\(legend)</p>
            \(body)</body>
            </html>

            """
    }

    static func label(_ family: Caseload.Family, names: Bool) -> String { names ? family.label : Messages.Caseload.family(family.id.short) }
}

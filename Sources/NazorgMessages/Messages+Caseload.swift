extension Messages {
    /// The caseload views: `nazorg overzicht`, `nazorg agenda` (iCalendar) and `nazorg rapport normen`.
    public enum Caseload {
        public static func families(_ n: Int) -> String { Dutch.count(n, "gezin", "gezinnen") }
        public static func family(_ short: String) -> String { "gezin \(short)" }

        // MARK: The overview

        public static func overviewHead(on day: String, families: Int, items: Int, inFamilies: Int, horizonDays: Int) -> String {
            let horizon = Dutch.count(horizonDays, "dag", "dagen")
            return "Overzicht op \(day) over \(Self.families(families)): "
                + (items == 0
                    ? "niets dat binnen \(horizon) aandacht vraagt."
                    : "\(Dutch.count(items, "punt", "punten")) in \(Self.families(inFamilies)), binnen \(horizon).")
        }

        // MARK: The calendar

        public static func lateSince(_ day: String) -> String { " (te laat sinds \(day))" }
        public static func eventSummary(_ rule: String, late: String, family: String, member: String?) -> String {
            "Nazorg: \(rule)\(late) · \(family)" + (member.map { ", \($0)" } ?? "")
        }
        public static func eventDescription(advice: String, deadline: String, citations: [String], family: String) -> String {
            "\(advice)\nTermijn: \(deadline).\nNorm: \(citations.joined(separator: "; ")).\nBekijk: 'nazorg family show \(family)'"
        }

        // MARK: Evidence per norm

        public static func normsHead(families: Int, on day: String, period: (from: String, until: String)?) -> String {
            "Normen over \(Self.families(families)) op \(day)" + (period.map { ", termijnen van \($0.from) tot en met \($0.until)" } ?? "")
        }
        public static let normsColumns = "regel                          voldaan  niet  uitz.  nog niet  n.v.t.  niet gedeeld"
        public static func missedBy(_ families: [String]) -> String { "    niet voldaan: " + families.joined(separator: ", ") }
        public static let normsFooter = "Per regel de bron en de termijn: nazorg rapport normen --format json, of docs/rules.md."
        public static let csvRule = "regel"
        public static let csvNorm = "norm"
        public static let csvSource = "bron"
        public static let csvMissedBy = "niet voldaan door"
        public static let pageTitle = "Nazorg: normen aantoonbaar"
        public static func pageHeading(families: Int, on day: String, period: (from: String, until: String)?) -> String {
            "Normen aantoonbaar: \(Self.families(families)) op \(day)" + (period.map { ", termijnen van \($0.from) tot en met \($0.until)" } ?? "")
        }
        public static func pageMissed(_ families: [String]) -> String { "Niet voldaan: \(families.joined(separator: ", "))" }
        public static func pageMeta(rule: String, citations: [String], deadline: String, isDefault: Bool) -> String {
            "\(rule) · \(citations.joined(separator: "; ")) · termijn: \(deadline)" + (isDefault ? " (standaard van Nazorg)" : "")
        }
    }
}

/// The one Dutch message catalogue: every sentence a person reads — errors, confirmations, warnings,
/// progress, report values and the server's operator output — is written here, per area in
/// `Messages+Area.swift`. Code elsewhere passes ids, counts, field labels and dates; it never writes a
/// sentence of its own (`MessageCatalogueTests` fails on a message literal outside this module and on
/// English words inside it).
///
/// Messages never carry personal data: callers pass short ids, labels, counts and dates, never a name or
/// a text from a plan.
public enum Messages {}

/// Helpers for writing Dutch: counts with the right noun, lists, dates as people write them.
public enum Dutch {
    /// `1 apparaat`, `2 apparaten`, `0 apparaten`.
    public static func count(_ n: some BinaryInteger, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }

    /// `a`, `a en b`, `a, b en c`.
    public static func list(_ items: [String], conjunction: String = "en") -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }

    /// The month names as they are written in a date (`3 december 2026`).
    public static let months = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]

    /// A day as a person writes it: `3 december 2026`. Programs read ISO 8601; people read this.
    public static func date(year: Int, month: Int, day: Int) -> String {
        guard (1...12).contains(month) else { return "\(year)-\(month)-\(day)" }
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// Parses a date as `date(year:month:day:)` writes it, so that what a person read can be typed back.
    public static func parseDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.lowercased().split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]),
            let month = months.firstIndex(of: String(parts[1]))
        else { return nil }
        return (year, month + 1, day)
    }

    /// Text for a person with every ISO 8601 day in it (`2026-03-01`) written as people write it
    /// (`1 maart 2026`). A line that is a command to type (it starts with `nazorg `) is left as it is, and so is
    /// a time stamp (`2026-03-01T10:00`): what a program or a shell reads keeps its form.
    public static func writingDates(in text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard !line.drop(while: { $0 == " " }).hasPrefix("nazorg ") else { return String(line) }
            return String(line).replacing(#/(^|[^\d-])(\d{4})-(\d{2})-(\d{2})(?![\dT:-])/#) { match in
                let (_, before, year, month, day) = match.output
                guard let y = Int(year), let m = Int(month), let d = Int(day), (1...12).contains(m), (1...31).contains(d) else {
                    return String(match.output.0)
                }
                return before + date(year: y, month: m, day: d)
            }
        }.joined(separator: "\n")
    }

    /// `ja` or `nee`.
    public static func yesNo(_ value: Bool) -> String { value ? "ja" : "nee" }
}

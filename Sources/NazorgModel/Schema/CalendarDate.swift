public import Foundation
import NazorgMessages

/// A calendar date without a time zone (`YYYY-MM-DD`), with the arithmetic the norms need.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year, 1900–2200.
    public var year: Int
    /// Month, 1–12.
    public var month: Int
    /// Day of month, valid for the month.
    public var day: Int

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date (2025-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1900...2200).contains(y), (1...12).contains(m), (1...Self.days(in: m, year: y)).contains(d)
        else { return nil }
        self.year = y
        self.month = m
        self.day = d
    }

    /// Creates a date from valid components.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func days(in month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The same day `n` months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
    public func addingMonths(_ n: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + n
        let y = index / 12
        let m = index % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, Self.days(in: m, year: y)))
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}

extension CalendarDate {
    /// The day as a person writes it (`3 december 2026`); programs and stored values use `description` (ISO 8601).
    public var written: String { Dutch.date(year: year, month: month, day: day) }

    /// Someone born on this day: their age in whole years on `day`.
    public func yearsOld(on day: CalendarDate) -> Int {
        day.year - year - ((day.month, day.day) < (month, self.day) ? 1 : 0)
    }

    /// Parses a day as a person typed it: ISO (`2026-03-01`) or written out (`1 maart 2026`).
    public static func typed(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(text) { return iso }
        guard let (y, m, d) = Dutch.parseDate(text) else { return nil }
        return CalendarDate(iso(y, m, d))
    }

    private static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// The calendar day of `date` in the Netherlands (Europe/Amsterdam): the day the norms count in.
    public init(inTheNetherlands date: Date) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Amsterdam")!, from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

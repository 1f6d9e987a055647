import Foundation
import NazorgMessages

/// The planned contact frequency of an aftercare episode, read from the words a worker writes ("twee keer per
/// week", "1x per week huisbezoek", "eens per twee weken", "1-3 per week", "maandelijks"). A range counts by its
/// lower end: that is what was promised at least.
public struct ContactFrequency: Hashable, Sendable, CustomStringConvertible {
    /// Contacts per period.
    public let count: Int
    /// The period in days (a month counts as 30).
    public let periodDays: Int

    public init(count: Int, periodDays: Int) {
        self.count = count
        self.periodDays = periodDays
    }

    /// The longest gap between two contacts that keeps to the frequency: the period divided by the count, rounded
    /// up (twice a week: 4 days; once a week: 7 days).
    public var maxGapDays: Int { (periodDays + count - 1) / count }

    public var description: String { Messages.Model.contactFrequency(count, perDays: periodDays) }

    /// The default where none is recorded for support: 1 contact a week, the low end of 003 §8.1's 1–3.
    public static let supportDefault = ContactFrequency(count: 1, periodDays: 7)

    private static let numbers: [String: Int] = [
        "een": 1, "één": 1, "eens": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    ]
    private static let units: [String: Int] = ["dag": 1, "dagen": 1, "week": 7, "weken": 7, "maand": 30, "maanden": 30]

    /// Reads a frequency; nil when the words do not say one.
    public init?(parsing text: String) {
        let words = text.lowercased()
            .replacingOccurrences(of: "/", with: " per ")
            .replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "-", with: " - ")
            .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == "(" || $0 == ")" })
            .map(String.init)
        func number(_ word: String) -> Int? {
            if let n = Self.numbers[word] { return n }
            let digits = word.hasSuffix("x") ? String(word.dropLast()) : word
            guard let n = Int(digits), (1...50).contains(n) else { return nil }
            return n
        }
        for (single, days) in [("dagelijks", 1), ("wekelijks", 7), ("tweewekelijks", 14), ("maandelijks", 30)] where words.contains(single) {
            self.init(count: 1, periodDays: days)
            return
        }
        guard let per = words.firstIndex(of: "per") else { return nil }
        // Before "per": the count, the first number (the low end of a range), with "keer", "x" or "maal" optional.
        let before = words[..<per]
        guard let count = before.compactMap(number).first else { return nil }
        // After "per": an optional number of units, then the unit.
        var rest = words[words.index(after: per)...].makeIterator()
        guard var word = rest.next() else { return nil }
        var multiple = 1
        if let n = number(word) {
            multiple = n
            guard let next = rest.next() else { return nil }
            word = next
        }
        guard let unit = Self.units[word] else { return nil }
        self.init(count: count, periodDays: unit * multiple)
    }
}

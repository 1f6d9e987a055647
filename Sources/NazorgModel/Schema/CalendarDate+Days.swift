/// Day arithmetic: days, weekdays, and Dutch working days (Algemene termijnenwet art. 3: not a Saturday or a
/// Sunday, and not a general holiday).
extension CalendarDate {
    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The date `n` calendar days later (earlier for negative `n`).
    public func addingDays(_ n: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + n) }

    /// Calendar days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var weekday: Int { ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1 }

    /// Easter Sunday of `year` (anonymous Gregorian algorithm).
    public static func easter(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The general holidays of the Algemene termijnenwet that fall in `year`: Nieuwjaarsdag, tweede Paasdag,
    /// Koningsdag (26 April when the 27th is a Sunday), Bevrijdingsdag, Hemelvaartsdag, tweede Pinksterdag,
    /// eerste en tweede Kerstdag.
    public static func generalHolidays(_ year: Int) -> Set<CalendarDate> {
        let easter = easter(year)
        let kingsDay = CalendarDate(year: year, month: 4, day: 27)
        return [
            CalendarDate(year: year, month: 1, day: 1),
            easter.addingDays(1),
            kingsDay.weekday == 7 ? kingsDay.addingDays(-1) : kingsDay,
            CalendarDate(year: year, month: 5, day: 5),
            easter.addingDays(39),
            easter.addingDays(50),
            CalendarDate(year: year, month: 12, day: 25),
            CalendarDate(year: year, month: 12, day: 26),
        ]
    }

    /// Whether this is a working day: not a weekend day and not a general holiday.
    public var isWorkingDay: Bool { weekday < 6 && !Self.generalHolidays(year).contains(self) }

    /// The `n`th working day after this date (n ≥ 1); the date itself does not count.
    public func addingWorkingDays(_ n: Int) -> CalendarDate {
        var date = self
        var left = max(0, n)
        while left > 0 {
            date = date.addingDays(1)
            if date.isWorkingDay { left -= 1 }
        }
        return date
    }
}

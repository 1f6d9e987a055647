import NazorgModel
import Testing

/// Day arithmetic and Dutch working days (Algemene termijnenwet), checked at the days where they turn.
struct CalendarDaysTests {
    @Test func dayNumbersRoundTripAndWeekdaysAreRight() {
        #expect(CalendarDate("1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate("1970-01-01")!.weekday == 4, "a Thursday")
        #expect(CalendarDate("2026-12-02")!.weekday == 3, "a Wednesday")
        #expect(CalendarDate("1900-01-01")!.weekday == 1, "a Monday")
        var day = CalendarDate(year: 1900, month: 1, day: 1)
        while day < CalendarDate("2200-12-31")! {
            #expect(CalendarDate(dayNumber: day.dayNumber) == day)
            day = day.addingDays(97)
        }
        #expect(CalendarDate("2024-02-28")!.addingDays(1).description == "2024-02-29")
        #expect(CalendarDate("2023-02-28")!.addingDays(1).description == "2023-03-01")
        #expect(CalendarDate("2026-12-31")!.addingDays(1).description == "2027-01-01")
        #expect(CalendarDate("2026-11-01")!.days(until: CalendarDate("2026-12-01")!) == 30)
    }

    @Test(arguments: [(2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"), (2038, "2038-04-25")])
    func easterSunday(year: Int, date: String) {
        #expect(CalendarDate.easter(year).description == date)
    }

    @Test func theGeneralHolidaysOf2026AndKingsDayOnASunday() {
        let holidays = CalendarDate.generalHolidays(2026).map(\.description).sorted()
        #expect(holidays == ["2026-01-01", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"])
        // 27 April 2025 is a Sunday: Koningsdag is the Saturday before.
        #expect(CalendarDate.generalHolidays(2025).contains(CalendarDate("2025-04-26")!))
        #expect(!CalendarDate.generalHolidays(2025).contains(CalendarDate("2025-04-27")!))
        // Goede Vrijdag is not a general holiday.
        #expect(CalendarDate("2026-04-03")!.isWorkingDay)
    }

    @Test func fiveWorkingDaysSkipWeekendsAndHolidays() {
        // Friday before Koningsdag (Monday 27 April 2026).
        #expect(CalendarDate("2026-04-24")!.addingWorkingDays(5).description == "2026-05-04")
        // Over Christmas: 25 and 26 December and the weekend do not count.
        #expect(CalendarDate("2026-12-23")!.addingWorkingDays(5).description == "2026-12-31")
        // An ordinary week: Monday + 5 is the next Monday.
        #expect(CalendarDate("2026-11-30")!.addingWorkingDays(5).description == "2026-12-07")
        // Ascension Thursday and the Friday after it.
        #expect(CalendarDate("2026-05-13")!.addingWorkingDays(1).description == "2026-05-15")
        #expect(!CalendarDate("2026-05-16")!.isWorkingDay && !CalendarDate("2026-05-14")!.isWorkingDay)
    }
}

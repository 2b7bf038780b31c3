import Testing

@testable import KneeCoachCore

struct LocalDateTests {
    @Test(arguments: ["2026-12-01", "2024-02-29", "1970-01-01", "2000-12-31"])
    func roundTrips(_ text: String) throws {
        let date = try #require(LocalDate(text))
        #expect(date.description == text)
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
    }

    @Test(arguments: ["2026-13-01", "2025-02-29", "26-12-01", "2026-1-1", "", "abcd-ef-gh", "2026-04-31"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func weekdaysAndArithmetic() throws {
        let monday = try #require(LocalDate("2026-12-07"))
        #expect(monday.weekday == 1 && monday.weekdayName == "Mon")
        #expect(monday.adding(days: 6).weekdayName == "Sun")
        #expect(monday.adding(days: 25).description == "2027-01-01")
        #expect(LocalDate("1970-01-01")?.dayNumber == 0)
        #expect(monday.days(until: monday.adding(days: -3)) == -3)
    }
}

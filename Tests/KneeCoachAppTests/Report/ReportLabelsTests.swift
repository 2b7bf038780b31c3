import KneeCoachCore
import Testing

@testable import KneeCoachApp

struct ReportLabelsTests {
    @Test(arguments: [
        ("2026-11-23", "W48"), ("2026-11-22", "W47"), ("2026-01-01", "W1"), ("2027-01-01", "W53"),
        ("2026-12-28", "W53"), ("2021-01-03", "W53"), ("2021-01-04", "W1"), ("2024-12-30", "W1"), ("1969-12-31", "W1"),
    ])
    func numbersISOWeeks(day: String, week: String) throws {
        #expect(ReportLabels.isoWeek(try #require(LocalDate(day))) == week)
    }

    @Test(arguments: [("2026-11-03", "3 Nov"), ("2026-01-31", "31 Jan"), ("2026-12-01", "1 Dec")])
    func writesShortDates(day: String, label: String) throws {
        #expect(ReportLabels.shortDate(try #require(LocalDate(day))) == label)
    }
}

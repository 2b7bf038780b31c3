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

    /// The in-place reading of plain `YYYY-MM-DD` agrees with the general one on every text:
    /// dates, near-dates, signs, spaces, other digits and other lengths.
    @Test func theFastReadingAgreesWithTheGeneralOne() {
        let pieces = ["0", "1", "2", "9", "-", "+", " ", "٣", "é", "a", "\u{301}"]
        var state: UInt64 = 12_345
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var texts = ["+026-12-07", "2026-+1-07", "2026-12-+7", "0000-01-01", "9999-12-31", "2026-02-29", "2028-02-29"]
        for _ in 0..<20_000 {
            if next(2) == 0 {
                // A real-looking date with one character changed now and then.
                var characters = Array(LocalDate(dayNumber: next(20_000_000) - 10_000_000).description)
                if next(3) == 0, !characters.isEmpty {
                    characters[next(characters.count)] = Character(pieces[next(pieces.count)])
                }
                texts.append(String(characters))
            } else {
                texts.append((0..<next(13)).map { _ in pieces[next(pieces.count)] }.joined())
            }
        }
        for text in texts {
            let general = LocalDate.generalFields(text).flatMap { LocalDate(year: $0.year, month: $0.month, day: $0.day) }
            #expect(LocalDate(text) == general, "\(text)")
        }
    }
}

import Testing

@testable import KneeCoachApp

/// The one reading of typed numbers and times (issue 14, items 4 and 10).
struct ValueParsersTests {
    @Test(arguments: [("5", 5.0), ("5.2", 5.2), (".5", 0.5), ("0", 0.0), ("042", 42.0)])
    func plainDecimalsAreRead(text: String, value: Double) throws {
        #expect(try parseDecimal(text, option: "--x") == value)
    }

    @Test(arguments: ["0x10", "1e3", "1E3", "nan", "NaN", "inf", "-5", "+5", "5,2", "1.2.3", "", " 5", "٣", "5 km"])
    func everythingElseIsRefusedNamingTheOption(text: String) {
        #expect(throws: JournalError.self) { try parseDecimal(text, option: "--distance-km") }
        do {
            _ = try parseDecimal(text, option: "--distance-km")
        } catch {
            #expect(error.problem.hasPrefix("--distance-km "))
            #expect(error.exitCode == 64)
        }
    }

    @Test func aNegativeNumberIsCalledNegative() throws {
        do {
            _ = try parseDecimal("-5", option: "--weekly-km")
            Issue.record("-5 was accepted")
        } catch {
            #expect(error.problem.contains("not negative"), "\(error.problem)")
        }
    }

    @Test func anAbsurdlyLongNumberIsRefusedAndNotEchoedWhole() throws {
        let digits = String(repeating: "9", count: 400)
        do {
            _ = try parseDecimal(digits, option: "--distance-km")
            Issue.record("an infinite number was accepted")
        } catch {
            #expect(error.problem.count < 200, "\(error.problem)")
        }
    }

    @Test(arguments: [("7", 7), ("0", 0), ("10", 10)])
    func wholeNumbersAreRead(text: String, value: Int) throws {
        #expect(try parseWholeNumber(text, option: "--level") == value)
    }

    @Test(arguments: ["7.5", "-1", "0x7", "1e1", "nan", "9999999999", ""])
    func wholeNumbersRefuseTheRest(text: String) {
        #expect(throws: JournalError.self) { try parseWholeNumber(text, option: "--level") }
    }

    @Test(arguments: [
        ("45:30", 2730.0), ("1:02:03", 3723.0), ("30m", 1800), ("1h15m", 4500), ("45m30s", 2730), ("90s", 90),
        ("1H", 3600), ("1.5h", 5400),
    ])
    func durationsAreRead(text: String, seconds: Double) throws {
        #expect(try parseDuration(text) == seconds)
    }

    @Test(arguments: [
        "1e3:00", "0x10", "-5:00", "5:60", "1:2:3:4", "", String(repeating: "1", count: 500),
        // A bare number could be seconds or minutes; units in order, each once.
        "30", "90", "15m1h", "1h1h", "m", "1x", "30 m",
    ])
    func durationsRefuseTheRest(text: String) {
        #expect(throws: JournalError.self) { try parseDuration(text) }
    }
}

@testable import ActivityFiles
import Foundation
import Testing

/// The number and time parsers the GPX and TCX decoders use.
struct XMLValueTests {
    @Test(arguments: ["0", "12", "-7.5", " 46.0527380 ", "+3.25", "1609.34399414", "0.000123",
                      "6839.970000000001", "1e3", "12345678901234567890", "-0.0"])
    func numbersMatchTheStandardLibrary(text: String) {
        let expected = Double(text.trimmingCharacters(in: .whitespaces))
        #expect(XMLNumber.parse(text) == expected)
    }

    @Test func fastNumbersAreExactForRandomCoordinates() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let value = Double.random(in: -180...180, using: &generator)
            let text = String(format: "%.7f", value)
            #expect(XMLNumber.parse(text) == Double(text), "\(text)")
        }
    }

    @Test(arguments: ["", "  ", "abc", "1.2.3", "--1", "nan", "inf", "."])
    func rejectsNonNumbers(text: String) {
        #expect(XMLNumber.parse(text) == nil)
    }

    @Test(arguments: [
        ("2015-08-15T14:45:08Z", 1_439_649_908.0),
        ("2015-08-15T14:45:08.250Z", 1_439_649_908.25),
        ("2020-12-27T15:43:49.000+01:00", 1_609_080_229.0),
        ("2020-12-27T15:43:49-0230", 1_609_092_829.0),
        ("2015-08-15T14:45:08", 1_439_649_908.0),
        ("1969-12-31T23:59:59Z", -1.0),
    ])
    func parsesISO8601Times(text: String, seconds: Double) {
        #expect(XMLTime.parse(text) == seconds)
    }

    @Test(arguments: ["", "2015-08-15", "2015-13-01T00:00:00Z", "2015-08-15T14:45:08Q", "yesterday"])
    func rejectsNonTimes(text: String) {
        #expect(XMLTime.parse(text) == nil)
    }
}

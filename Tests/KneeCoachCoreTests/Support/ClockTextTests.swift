import Testing

@testable import KneeCoachCore

/// `clockText` writes any duration, however absurd, without trapping.
struct ClockTextTests {
    @Test(arguments: [
        (65.0, "1:05"), (3725.0, "1:02:05"), (0, "0:00"), (-90, "-1:30"),
        (3.3e20, "3.3e+20 s"), (Double.infinity, "inf s"), (-Double.infinity, "-inf s"),
    ])
    func durationsAreWrittenAsAWatchShowsThem(seconds: Double, text: String) {
        #expect(clockText(seconds: seconds) == text)
    }

    @Test func notANumberIsWrittenNotTrappedOn() {
        #expect(clockText(seconds: .nan) == "nan s")
    }
}

import KneeCoachCore
import Testing

@testable import KneeCoachApp

/// The weekly-distance band says what `load.weeklyJumpPercent` says: a rise of more than its
/// percentage over its two weeks calls for caution. It is never called a safe range.
struct ReportLoadBandTests {
    @Test func theBandIsNamedFromTheRowAsACaution() {
        let names = ReportPage.loadBandNames
        #expect(names.over == "more than 30 % over two weeks: caution")
        #expect(names.band == "up to 30 % over two weeks")
        let page = ReportFixtures.sample
        let html = ReportHTML.render(page)
        #expect(!html.lowercased().contains("safe range"))
        #expect(html.contains("More than 30 % over two weeks: caution"))
    }

    @Test func eachWeekIsComparedWithTheLighterOfTheTwoWeeksBefore() throws {
        let bands = ReportPage.loadBands(weeklyKm: [20, 10, 14, 0, 0, 8])
        #expect(bands[0] == nil)  // nothing before it
        #expect(bands[1]?.fromKm == 20)
        #expect(bands[2]?.fromKm == 10)  // the lighter of 20 and 10
        let third = try #require(bands[2])
        #expect(abs(third.cautionAboveKm - 13) < 1e-9)  // 14 km is more than 30 % over two weeks
        #expect(bands[3]?.fromKm == 10)  // the lighter of 10 and 14
        #expect(bands[4]?.fromKm == 14)  // a week without running is not a base
        #expect(bands[5] == nil)  // two weeks without running before it
    }
}

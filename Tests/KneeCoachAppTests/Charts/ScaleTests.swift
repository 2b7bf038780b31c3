import Testing

@testable import KneeCoachApp

struct ScaleTests {
    @Test func linearScaleMapsEndsAndMiddle() {
        let y = LinearScale(domain: 0...40, range: (200, 20))
        #expect(y.position(of: 0) == 200)
        #expect(y.position(of: 40) == 20)
        #expect(y.position(of: 10) == 155)
    }

    @Test func linearScaleClampsAndSurvivesBadInput() {
        let y = LinearScale(domain: 0...40, range: (200, 20))
        #expect(y.position(of: -5) == 200)
        #expect(y.position(of: 99) == 20)
        #expect(y.position(of: .nan) == 110)
        #expect(LinearScale(domain: 5...5, range: (0, 100)).position(of: 5) == 50)
    }

    @Test func bandScaleSpacesSlotsEvenly() {
        let band = BandScale(count: 4, start: 40, end: 340, padding: 0.2)
        #expect(band.slotWidth == 75)
        #expect(band.barWidth == 60)
        #expect(band.barStart(0) == 47.5)
        #expect(band.center(3) == 302.5)
        #expect(BandScale(count: 0, start: 0, end: 100).labelledIndices(labelWidth: 10).isEmpty)
    }

    @Test func labelsThinOutAndKeepTheLatest() {
        let band = BandScale(count: 12, start: 40, end: 340)
        #expect(band.labelledIndices(labelWidth: 20) == Array(0..<12))
        #expect(band.labelledIndices(labelWidth: 30) == [1, 3, 5, 7, 9, 11])
        #expect(band.labelledIndices(labelWidth: 60) == [2, 5, 8, 11])
        #expect(band.labelledIndices(labelWidth: 1_000) == [11])
    }
}

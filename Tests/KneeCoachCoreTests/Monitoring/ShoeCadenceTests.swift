import Testing

@testable import KneeCoachCore

/// Shoe mileage and wear, and the cadence baseline and target.
struct ShoeCadenceTests {
    @Test func aShoeAtEightHundredKilometresIsPastTheRange() throws {
        var journal = Journal()
        journal.history.shoes = [
            .init(id: 1, name: "Old pair", startKm: 700), .init(id: 2, name: "Trail pair", startKm: 540),
            .init(id: 3, name: "Racers", startKm: 900, isRetired: true), .init(id: 4, name: "New pair"),
        ]
        for day in 0..<10 { journal.run(day * 2, km: 10, shoe: 1) }
        journal.run(21, km: 10, shoe: 2)
        journal.run(22, km: 7, shoe: nil)
        let shoes = try journal.status(on: 25).shoes
        #expect(shoes.pairs.map(\.km) == [800, 550, 900, 0])
        #expect(shoes.pairs.map(\.wear) == [.pastRange, .review, .retired, .fine])
        #expect(shoes.pairs.map(\.runs) == [10, 1, 0, 0])
        #expect(shoes.pairs.first?.lastUsed == Journal.day(18))
        #expect(shoes.pairs.first?.text.contains("800 km") == true)
        #expect(shoes.pairs.allSatisfy { $0.evidence == Evidence.shoeReviewKm.key })
        #expect(shoes.rotation.contains("2 pairs") && shoes.evidence == Evidence.shoeRotationHR.key)
        var one = Journal()
        one.history.shoes = [.init(id: 1, name: "Only pair")]
        one.run(0, km: 5, shoe: 1)
        #expect(try one.status(on: 1).shoes.rotation.contains("rotate two pairs"))
    }

    @Test func runsBeforeAWindowOfHistoryStillCountForTheShoe() throws {
        var journal = Journal()
        let earlier = TrainingHistory.Shoe.EarlierUse(km: 640, runs: 64, lastUsed: Journal.day(-3))
        journal.history.shoes = [
            .init(id: 1, name: "Long-served", startKm: 100, earlier: earlier), .init(id: 2, name: "Spare", earlier: earlier),
        ]
        journal.run(2, km: 12, shoe: 1)
        let pairs = try journal.status(on: 5).shoes.pairs
        #expect(pairs.map(\.km) == [752, 640])
        #expect(pairs.map(\.runs) == [65, 64])
        #expect(pairs.map(\.lastUsed) == [Journal.day(2), Journal.day(-3)])
        #expect(pairs.map(\.wear) == [.review, .review])
    }

    @Test func aCadenceBaselineOf160WithFrontKneePainGivesATargetTenPercentUp() throws {
        var journal = Journal()
        for i in 0..<10 { journal.run(i * 2, km: 6, cadence: [158, 160, 162][i % 3]) }
        journal.pain(22, .during, 4)
        for (offset, spm) in [(24, 168.0), (26, 170), (28, 172)] { journal.run(offset, km: 6, cadence: spm) }
        let cadence = try journal.status(on: 28).cadence
        #expect(cadence.baselineSpm == 160 && cadence.baselineRuns == 10)
        #expect(cadence.targetSpm == 176 && cadence.targetPercent == 10)
        #expect(cadence.currentSpm == 170 && cadence.progressPercent == 63)
        #expect(cadence.evidence == Evidence.cadencePfpRetrain.key)
        #expect(cadence.text.contains("160") && cadence.text.contains("176"))
    }

    @Test func painElsewhereGetsTheModestFivePercentAndNoPainNoTarget() throws {
        var journal = Journal()
        for i in 0..<5 { journal.run(i * 2, km: 6, cadence: 160) }
        var outside = journal
        outside.pain(12, .after, 3) { $0.location = "outside" }
        let target = try outside.status(on: 12).cadence
        #expect(target.targetSpm == 168 && target.evidence == Evidence.cadenceRaisePercent.key)
        let none = try journal.status(on: 12).cadence
        #expect(none.baselineSpm == 160 && none.targetSpm == nil && none.progressPercent == nil)
        // The profile's pain block alone also sets a target.
        var profile = Journal.profile
        profile.pain = PainReport(level: 3, location: .front, sinceWeeks: 1)
        #expect(try journal.status(on: 12, profile: profile).cadence.targetSpm == 176)
    }

    @Test func tooFewRunsWithCadenceGiveNoBaseline() throws {
        var journal = Journal()
        journal.run(0, km: 5, cadence: 170)
        journal.run(1, km: 5)
        let cadence = try journal.status(on: 2).cadence
        #expect(cadence.baselineSpm == nil && cadence.baselineRuns == 1 && cadence.text.contains("no baseline"))
    }
}

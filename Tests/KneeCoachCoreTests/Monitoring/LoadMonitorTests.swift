import Testing

@testable import KneeCoachCore

/// Load: weekly distance, jumps, single-run spikes, the acute:chronic ratio, rest days, cross-training.
struct LoadMonitorTests {
    @Test func aFortyPercentJumpInWeekThreeIsFlagged() throws {
        var journal = Journal()
        journal.week(0, runs: [7, 7, 6])
        journal.week(1, runs: [7, 7, 6])
        journal.week(2, runs: [7, 7, 7, 7])  // 28 km: 40 % up, no single run longer than before
        let report = try journal.status(on: 20, weeks: 3)
        #expect(report.weeklyKm.map(\.runningKm) == [20, 20, 28])
        #expect(report.weeklyKm.map(\.changePercent) == [nil, 0, 40])
        #expect(report.weeklyKm.map(\.runs) == [3, 3, 4])
        #expect(report.weeklyKm.last?.runningSeconds == 10_080.0)
        let jump = try #require(report.weeklyJumps.first)
        #expect(report.weeklyJumps.count == 1)
        #expect(jump.weekStart == Journal.day(14) && jump.percent == 40 && jump.referenceKm == 20)
        #expect(jump.evidence == Evidence.loadWeeklyJumpPercent.key)
        #expect(jump.reason.contains("2026-10-19") && jump.reason.contains("40 %"))
        #expect(report.spikes.isEmpty)
    }

    @Test func aTwentyPercentWeekIsNotAJumpButTwoWeeksOfItAre() throws {
        var journal = Journal()
        journal.week(0, runs: [6, 7, 7])
        journal.week(1, runs: [8, 8, 8])  // +20 %
        journal.week(2, runs: [7, 7, 7, 7])  // +16.7 % on last week, +40 % on two weeks ago
        let report = try journal.status(on: 20, weeks: 3)
        #expect(report.weeklyJumps.map(\.weekStart) == [Journal.day(14)])
        #expect(report.weeklyJumps.first?.referenceWeekStart == Journal.day(0))
    }

    @Test func aLongRunFiftyPercentPastThePreviousLongestIsASpike() throws {
        var journal = Journal()
        for week in 0..<4 { journal.week(week, runs: [6, 6, 10]) }
        journal.run(28, km: 15)
        journal.run(30, km: 10.5)  // shorter than the 15 just run
        let report = try journal.status(on: 30, weeks: 2)
        let spike = try #require(report.longestRunSpike)
        #expect(report.spikes.count == 1)
        #expect(spike.date == Journal.day(28) && spike.distanceKm == 15 && spike.previousLongestKm == 10)
        #expect(spike.percentOver == 50)
        #expect(spike.evidence == Evidence.loadSingleRunSpikePercent.key)
        #expect(spike.reason.contains("2026-11-02"))
    }

    /// In the first month the profile's longest recent run (8 km) stands for the weeks before
    /// the journal: 3 km then 6 km is no spike; 9.5 km is one, said against the profile's run.
    @Test func theProfilesLongestRunCountsUntilTheJournalCoversTheWindow() throws {
        var journal = Journal()
        journal.run(0, km: 3)
        journal.run(3, km: 6)
        journal.run(6, km: 8.5)
        #expect(try journal.status(on: 6, weeks: 2).spikes.isEmpty)
        journal.run(9, km: 9.5)
        let spike = try #require(try journal.status(on: 9, weeks: 2).spikes.first)
        #expect(spike.date == Journal.day(9) && spike.previousLongestKm == 8.5)
        // Past the month, only the journal counts: 3 km runs, then 6 km, is a spike.
        var later = Journal()
        later.run(0, km: 3)
        later.run(31, km: 3)
        later.run(35, km: 6)
        let late = try #require(try later.status(on: 35, weeks: 2).spikes.first)
        #expect(late.previousLongestKm == 3)
        #expect(try Journal().status(on: 0, weeks: 1).spikes.isEmpty)
        var past = Journal()
        past.run(0, km: 3)
        past.run(3, km: 9)
        let overProfile = try #require(try past.status(on: 3, weeks: 1).spikes.first)
        #expect(overProfile.previousLongestKm == 8)
        #expect(overProfile.reason.contains("the longest recent run of your profile (8 km)"), "\(overProfile.reason)")
    }

    @Test func tenPercentIsAllowedAndOnlyTheLastThirtyDaysCount() throws {
        var journal = Journal()
        journal.run(0, km: 20)  // 31 days before day 31: outside its window
        journal.run(10, km: 10)
        journal.run(31, km: 12)  // +20 % over the 10 km of day 10
        journal.run(40, km: 13.2)  // exactly +10 % over 12: allowed
        journal.run(100, km: 30)  // after a 60-day gap: nothing to compare with
        let report = try journal.status(on: 100, weeks: 16)
        #expect(report.spikes.map(\.date) == [Journal.day(31)])
        #expect(report.spikes.first?.previousLongestKm == 10)
    }

    @Test func slidingWindowMatchesADirectScan() throws {
        var journal = Journal()
        var seed: UInt64 = 7
        for day in 0..<400 where day % 3 != 1 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            journal.run(day, km: Double(2 + (seed >> 33) % 25))
        }
        let index = HistoryIndex(journal.history, through: Journal.day(399))
        let fast = RunSpikes.previousLongest(index)
        for day in 0..<index.dailyLongestKm.count {
            let slow = (max(0, day - 30)..<day).map { index.dailyLongestKm[$0] }.max() ?? 0
            #expect(fast[day] == slow, "day \(day)")
        }
    }

    @Test func acuteChronicRatioIsUncoupledAndShownOnly() throws {
        var journal = Journal()
        for week in 0..<4 { journal.week(week, runs: [6, 7, 7]) }
        journal.week(4, runs: [10, 10, 10])
        let ratio = try #require(try journal.status(on: 34).acuteChronicRatio)
        #expect(ratio.variant == "uncoupled-rolling-average")
        #expect(ratio.acuteKm == 30 && ratio.chronicWeeklyKm == 20 && ratio.ratio == 1.5)
        #expect(ratio.zone == "flag" && ratio.bandLow == 0.8 && ratio.bandHigh == 1.3 && ratio.flagAt == 1.5)
        #expect(ratio.caveat.contains("never changes the plan"))
        #expect(ratio.evidence.contains(Evidence.loadAcwrUseForDecisions.key))
        // Without chronic load there is no ratio: a profile without a usual week, no journal before.
        var fresh = Journal()
        fresh.run(0, km: 5)
        #expect(try fresh.status(on: 3, profile: Profile(age: 40)).acuteChronicRatio == nil)
    }

    /// Before the journal began, the profile's usual week (20 km) stands for the chronic
    /// load: two weeks of 12 km at the start are "below" the band, not a ratio of 4 (a trial
    /// was shown "above" after running less than usual).
    @Test func theProfilesWeekStandsForTheChronicLoadBeforeTheJournal() throws {
        var journal = Journal()
        journal.week(0, runs: [4, 4, 4])
        journal.week(1, runs: [4, 4, 4])
        let ratio = try #require(try journal.status(on: 13).acuteChronicRatio)
        #expect(ratio.acuteKm == 12)
        // The 28 days before the last 7: 21 before the journal (3/7 of 20 km each), then week 0.
        #expect(abs(ratio.chronicWeeklyKm - (12 + 20.0 / 7 * 21) / 4) < 0.01, "\(ratio.chronicWeeklyKm)")
        #expect(ratio.zone == "below")
    }

    @Test func daysSinceTheLastRestDay() throws {
        var journal = Journal()
        for day in 0..<10 where day != 4 { journal.run(day, km: 5) }
        #expect(try journal.status(on: 9).daysSinceRestDay == 5)
        #expect(try journal.status(on: 10).daysSinceRestDay == 0)
        #expect(try Journal().status(on: 10).daysSinceRestDay == nil)
    }

    @Test func crossTrainingIsCountedApartFromRunning() throws {
        var journal = Journal()
        journal.run(0, km: 8)
        journal.history.activities.append(
            .init(date: Journal.day(1), sport: "cycling", isFoot: false, distanceKm: 30, durationSeconds: 3_600))
        journal.history.activities.append(
            .init(date: Journal.day(2), sport: "swimming", isFoot: false, distanceKm: 1.5, durationSeconds: 1_800))
        let week = try #require(try journal.status(on: 6, weeks: 1).weeklyKm.first)
        #expect(week.runningKm == 8 && week.runs == 1)
        #expect(week.crossTrainingMinutes == 90 && week.crossTrainingSessions == 2)
        #expect(!week.isPartial)
        #expect(try journal.status(on: 5, weeks: 1).weeklyKm.first?.isPartial == true)
    }

    @Test func crossTrainingLoggedAsASessionCountsOnceADay() throws {
        var journal = Journal()
        journal.run(0, km: 8)
        // Planned cross-training logged as done, with no time: counted as a session.
        journal.history.sessions.append(.init(date: Journal.day(1), kind: "cross-training"))
        journal.history.sessions.append(.init(date: Journal.day(3), kind: "strength"))
        // The same day's recorded ride already counts that day's cross-training.
        journal.history.activities.append(
            .init(date: Journal.day(4), sport: "cycling", isFoot: false, distanceKm: 20, durationSeconds: 2_700))
        journal.history.sessions.append(.init(date: Journal.day(4), kind: "cross-training"))
        let week = try #require(try journal.status(on: 6, weeks: 1).weeklyKm.first)
        #expect(week.crossTrainingSessions == 2)
        #expect(week.crossTrainingMinutes == 45)
    }

    @Test func weeksAreISOWeeksStartingMonday() throws {
        let sunday = try #require(LocalDate("2026-10-11"))
        #expect(sunday.isoWeekStart == Journal.monday)
        #expect(Journal.monday.isoWeekStart == Journal.monday)
        var journal = Journal()
        journal.run(6, km: 5)  // Sunday
        journal.run(7, km: 9)  // next Monday
        let report = try journal.status(on: 7, weeks: 2)
        #expect(report.weeklyKm.map(\.weekStart) == [Journal.day(0), Journal.day(7)])
        #expect(report.weeklyKm.map(\.runningKm) == [5, 9])
    }
}

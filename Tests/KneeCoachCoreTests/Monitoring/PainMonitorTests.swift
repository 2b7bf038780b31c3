import Testing

@testable import KneeCoachCore

/// The pain-monitoring rule per run and per week, the weekly trend, and pain against load.
struct PainMonitorTests {
    @Test func nextMorningPainOfSixBreaksTheRule() throws {
        var journal = Journal()
        journal.run(0, km: 6)
        journal.pain(0, .during, 3)
        journal.pain(1, .nextMorning, 6)
        let report = try journal.status(on: 6, weeks: 1)
        let check = try #require(report.painTrend.runs.first)
        #expect(check.during == 3 && check.nextMorning == 6 && check.after == nil)
        #expect(check.verdict == .broken && check.evidence == Evidence.painNextMorning.key)
        #expect(check.reason.contains("6/10") && check.reason.contains("2026-10-05"))
        let week = try #require(report.painTrend.weeks.first)
        #expect(week.verdict == .broken && week.nextMorning == 6 && week.during == 3 && week.worst == 6)
    }

    /// A next-morning entry belongs to the day before: Monday morning's ache after a Sunday
    /// run is counted in the Sunday's week, not in the new one (issue 15, item 6).
    @Test func aMondayMorningEntryCountsInTheWeekOfTheSundayRun() throws {
        var journal = Journal()
        journal.run(6, km: 10)
        journal.pain(6, .during, 2)
        journal.pain(7, .nextMorning, 5)
        journal.pain(9, .rest, 1)
        let weeks = try journal.status(on: 13, weeks: 2).painTrend.weeks
        #expect(weeks.map(\.nextMorning) == [5, nil])
        #expect(weeks.map(\.worst) == [5, 1])
        #expect(weeks.map(\.rest) == [nil, 1])
        #expect(weeks.first?.verdict == .broken)
    }

    /// Pain during a strength session follows the rule for pain during a run (issue 13, item 7).
    @Test(arguments: [(8, PainVerdict.broken), (4, .acceptable), (1, .green)])
    func painInAnExerciseSessionFollowsTheRunRule(level: Int, verdict: PainVerdict) throws {
        var journal = Journal()
        journal.history.sessions.append(.init(date: Journal.day(1), kind: "strength", pain: level))
        let week = try #require(try journal.status(on: 6, weeks: 1).painTrend.weeks.first)
        #expect(week.exercise == level && week.worst == level)
        #expect(week.verdict == verdict)
        if verdict == .broken { #expect(week.reason?.contains("\(level)/10 in an exercise session on 2026-10-06") == true) }
    }

    @Test(arguments: [
        (3, 1, PainVerdict.acceptable), (2, 2, .green), (6, 0, .broken), (5, 2, .acceptable), (1, 3, .broken),
    ])
    func theRuleForOneRun(during: Int, nextMorning: Int, verdict: PainVerdict) throws {
        var journal = Journal()
        journal.run(0, km: 6)
        journal.pain(0, .during, during)
        journal.pain(1, .nextMorning, nextMorning)
        #expect(try journal.status(on: 2, weeks: 1).painTrend.runs.first?.verdict == verdict)
    }

    /// Pain at rest above the usual level breaks the week as the plan reads it (a pain hold),
    /// with or without a run: a trial's week with 3/10 at rest and swelling read "acceptable"
    /// in status while the plan said pain broke the rule.
    @Test(arguments: [(TrainingHistory.PainTiming.rest, 3, PainVerdict.broken), (.rest, 2, .green), (.nextMorning, 4, .broken)])
    func painAtRestOrOnAMorningAboveTheUsualLevelBreaksTheWeek(timing: TrainingHistory.PainTiming, level: Int, verdict: PainVerdict) throws {
        var journal = Journal()
        journal.pain(2, timing, level)
        let week = try #require(try journal.status(on: 6, weeks: 1).painTrend.weeks.first)
        #expect(week.verdict == verdict)
        if verdict == .broken {
            #expect(week.reason?.hasPrefix("Pain was \(level)/10 \(timing == .rest ? "at rest" : "in the morning") on 2026-10-07, above 2/10 or less") == true, "\(week.reason ?? "")")
        }
    }

    @Test func aRunWithoutPainLoggedIsUnknown() throws {
        var journal = Journal()
        journal.run(0, km: 6)
        let report = try journal.status(on: 2, weeks: 1)
        #expect(report.painTrend.runs.first?.verdict == .unknown)
        #expect(report.painTrend.weeks.first?.verdict == .unknown)
        #expect(report.painTrend.direction == "no-data")
    }

    @Test func painRisingWeekOnWeekBreaksTheWeekRule() throws {
        var journal = Journal()
        journal.pain(2, .after, 3)
        journal.pain(9, .after, 4)
        journal.pain(16, .after, 2)
        let report = try journal.status(on: 20, weeks: 3)
        #expect(report.painTrend.weeks.map(\.worst) == [3, 4, 2])
        #expect(report.painTrend.weeks.map(\.rising) == [false, true, false])
        #expect(report.painTrend.weeks.map(\.verdict) == [.acceptable, .broken, .green])
        #expect(report.painTrend.direction == "falling")
        #expect(report.headline.contains("2/10") && report.headline.contains("down from 4/10"))
    }

    @Test func painFollowsTheSpikes() throws {
        var journal = Journal()
        for week in 0..<4 { journal.week(week, runs: [8, 8, 8]) }
        for day in [0, 2, 4, 7, 9, 11, 14, 16, 18, 21, 23, 25] { journal.pain(day + 1, .nextMorning, 1) }
        journal.run(28, km: 12)  // +50 %
        journal.pain(29, .nextMorning, 5)
        let versus = try journal.status(on: 30).painTrend.versusLoad
        #expect(versus.spikeDays == 1 && versus.otherRunDays == 12)
        #expect(versus.meanNextMorningAfterSpikes == 5 && versus.meanNextMorningOtherwise == 1)
        #expect(versus.painFollowsSpikes == true)
        #expect(versus.text.contains("Pain follows the spikes"))
    }

    @Test func withoutEntriesPainAgainstLoadSaysSo() throws {
        var journal = Journal()
        journal.week(0, runs: [5, 5])
        let versus = try journal.status(on: 6).painTrend.versusLoad
        #expect(versus.painFollowsSpikes == nil && versus.text.contains("Not enough"))
    }
}

import Testing

@testable import KneeCoachCore

/// Self-tests against the first, function scores, adherence and streaks.
struct ProgressAdherenceTests {
    @Test func selfTestsAreSetAgainstTheFirstAndTheRetestIsDue() throws {
        var journal = Journal()
        journal.history.selfTests = [
            .init(
                date: Journal.day(28),
                assessment: Assessment(kneeToWallCm: Sides(left: 8, right: 11), hipFlexorTight: false, bridgeHoldSeconds: 45)),
            .init(
                date: Journal.day(0),
                assessment: Assessment(
                    kneeToWallCm: Sides(left: 6, right: 11), hipFlexorTight: true, calfTight: true, bridgeHoldSeconds: 60)),
        ]
        let progress = try journal.status(on: 60).progress
        let byTest = Dictionary(uniqueKeysWithValues: progress.selfTests.map { ($0.test, $0) })
        #expect(byTest["knee-to-wall-left"]?.direction == .better)
        #expect(byTest["knee-to-wall-left"]?.first == "6 cm" && byTest["knee-to-wall-left"]?.latest == "8 cm")
        #expect(byTest["knee-to-wall-right"]?.direction == .same)
        #expect(byTest["hip-flexor"]?.direction == .better && byTest["hip-flexor"]?.latest == "clear")
        #expect(byTest["bridge"]?.direction == .worse)
        #expect(byTest["calf"] == nil, "tested once only")
        #expect(progress.retestDue == Journal.day(56) && progress.retestOverdue)
        #expect(try journal.status(on: 40).progress.retestOverdue == false)
        #expect(try Journal().status(on: 3).progress.retestDue == nil)
    }

    @Test func functionScoresTrendAndHeadline() throws {
        var journal = Journal()
        journal.history.functionScores = [
            .init(date: Journal.day(0), stairs: 4, squatting: 5),
            .init(date: Journal.day(14), stairs: 6, squatting: 5, running: 3),
            .init(date: Journal.day(28), stairs: 8, squatting: 4, running: 3),
        ]
        let report = try journal.status(on: 30)
        #expect(report.progress.function.map(\.direction) == [.better, .worse, .same])
        #expect(report.progress.function.map(\.first) == [4, 5, 3])
        #expect(report.progress.functionScore == 5)
        #expect(report.headline.contains("Function 5/10 (first rating 4/10)"))
    }

    @Test func adherenceMatchesByWeekAndKindAndCountsStreaks() throws {
        var journal = Journal()
        let planned = [
            PlannedSessionRef(date: Journal.day(0), kind: .strength), PlannedSessionRef(date: Journal.day(1), kind: .run),
            PlannedSessionRef(date: Journal.day(2), kind: .strength), PlannedSessionRef(date: Journal.day(3), kind: .flexibility),
            PlannedSessionRef(date: Journal.day(4), kind: .run), PlannedSessionRef(date: Journal.day(9), kind: .run),
        ]
        journal.session(0, .strength)
        journal.run(1, km: 5)
        journal.session(3, .flexibility)
        journal.run(4, km: 5)
        journal.session(4, .strength)  // a day-2 session done two days late, same week: counts
        let report = try journal.status(on: 5, weeks: 1, planned: planned).adherence
        #expect(report.planned == 5 && report.done == 5 && report.percent == 100 && report.missed.isEmpty)
        #expect(report.longestStreakDays == 2 && report.currentStreakDays == 2)
        #expect(report.trainingDaysInARow == 0)

        var lazy = Journal()
        lazy.session(0, .strength)
        lazy.run(1, km: 5)
        let missed = try lazy.status(on: 4, weeks: 1, planned: planned).adherence
        #expect(missed.planned == 5 && missed.done == 2 && missed.percent == 40)
        #expect(missed.missed.map(\.date) == [Journal.day(2), Journal.day(3), Journal.day(4)])
        #expect(missed.currentStreakDays == 0 && missed.longestStreakDays == 2)
        #expect(missed.text.contains("not made up"))
    }

    @Test func todaysUnfinishedSessionsDoNotBreakTheStreak() throws {
        var journal = Journal()
        let planned = (0...3).map { PlannedSessionRef(date: Journal.day($0), kind: .strength) }
        for day in 0...2 { journal.session(day, .strength) }
        let report = try journal.status(on: 3, weeks: 1, planned: planned).adherence
        #expect(report.currentStreakDays == 3 && report.trainingDaysInARow == 0)
        #expect(try journal.status(on: 2, weeks: 1, planned: planned).adherence.trainingDaysInARow == 3)
        #expect(try journal.status(on: 2, weeks: 1).adherence.percent == nil)
    }
}

import Testing

@testable import KneeCoachCore

/// A runner who starts from nothing: walk–run, then running that keeps building.
struct WalkRunTests {
    @Test func aNewRunnersRunningKeepsBuildingAfterTheWalkRunWeeks() throws {
        let library = try ExerciseLibrary.bundled()
        var profile = Journal.profile
        profile.weeklyDistanceKm = 0
        profile.longestRecentRunKm = nil
        profile.goal = .returnToRunning
        // Three weeks of walk–run logged as short runs.
        var journal = Journal()
        for week in 0..<3 { journal.week(week, runs: [2.5, 2.5, 2.5]) }
        let day = Journal.day(21)
        let coach = Coach(
            programme: Programme(profile: profile, start: Journal.monday), library: library, history: journal.history,
            today: day)
        let weeks = try coach.plan(from: day, weeks: 6).weeks.filter { !$0.deload }.map(\.runningKm)
        #expect(weeks.allSatisfy { $0 > 0 }, "\(weeks)")
        #expect((weeks.last ?? 0) > (weeks.first ?? 0), "\(weeks)")
    }

    /// `rtr.walkRun`: at least two sessions at a step before moving on; one walk–run in a
    /// fortnight keeps the next week at walk–run, two let running begin.
    @Test(arguments: [(1, true), (2, false)])
    func walkRunLastsUntilAStepsSessionsAreDone(sessions: Int, stillWalkRun: Bool) throws {
        let library = try ExerciseLibrary.bundled()
        var profile = Journal.profile
        profile.weeklyDistanceKm = 0
        profile.longestRecentRunKm = nil
        profile.goal = .returnToRunning
        var journal = Journal()
        journal.week(0, runs: Array(repeating: 2.5, count: sessions))
        let day = Journal.day(7)
        let coach = Coach(
            programme: Programme(profile: profile, start: Journal.monday), library: library, history: journal.history,
            today: day)
        let week = try #require(try coach.plan(from: day, weeks: 1).weeks.first)
        let runs = week.days.flatMap(\.sessions).filter { $0.kind == .run }
        #expect(!runs.isEmpty)
        #expect(runs.allSatisfy(\.isWalkRun) == stillWalkRun, "\(runs.map(\.runKm))")
    }

    /// A walk–run session is a whole number of the row's walk and run blocks
    /// (`rtr.walkRun`), and its length is theirs, not the brisk walk's of `rtr.entry`.
    @Test func aWalkRunSessionIsMadeOfTheRowsBlocks() throws {
        let library = try ExerciseLibrary.bundled()
        var profile = Journal.profile
        profile.weeklyDistanceKm = 0
        profile.longestRecentRunKm = nil
        profile.goal = .returnToRunning
        let day = Journal.day(0)
        let coach = Coach(
            programme: Programme(profile: profile, start: Journal.monday), library: library,
            history: Journal().history, today: day)
        let week = try #require(try coach.plan(from: day, weeks: 1).weeks.first)
        let runs = week.days.flatMap(\.sessions).filter(\.isWalkRun)
        let row = Evidence.rtrWalkRun
        let block = try #require(row.quantity("walkMinutes")?.lower) + (try #require(row.quantity("runMinutes")?.lower))
        let repeats = try #require(row.quantity("repeats")?.lower)
        #expect(!runs.isEmpty)
        for run in runs {
            #expect(Double(run.minutes) == block * repeats)
            #expect(run.reason.text.contains("\(Int(repeats)) times"), "\(run.reason.text)")
        }
    }
}

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
}

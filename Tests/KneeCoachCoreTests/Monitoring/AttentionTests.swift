import Testing

@testable import KneeCoachCore

/// What a coach's dashboard says of one runner: the most urgent reason first, and adherence
/// counted as the runner's own status counts it.
@Suite struct AttentionTests {
    @Test func runsAndPlanSessionsBothCountAsSessionsDone() {
        var journal = Journal()
        // Weeks 0-2: runs only in week 0, strength only in week 1, both in week 2.
        journal.run(0, km: 5)
        journal.session(8, .strength)
        for day in [14, 16, 18, 20] { journal.run(day, km: 5) }
        for day in [15, 17, 19] { journal.session(day, .strength) }
        let report = Attention.assess(history: journal.history, profile: Journal.profile, today: Journal.day(20))
        #expect(report.sessionsLast7Days == 7)
        #expect(report.weeksWithSessionsInARow == 3)
        #expect(report.reasons.isEmpty, "\(report.reasons)")
    }

    @Test func runsWithoutPlanSessionsAreStillMissedSessions() {
        var journal = Journal()
        for day in [0, 2, 4, 7, 9] { journal.run(day, km: 5) }
        let report = Attention.assess(
            history: journal.history, profile: Journal.profile, today: Journal.day(9), programmeStart: Journal.day(0))
        #expect(report.sessionsLast7Days == 3)
        #expect(report.reasons.map(\.kind) == [.missedSessions])
    }
}

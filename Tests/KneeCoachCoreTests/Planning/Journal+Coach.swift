@testable import KneeCoachCore

/// The stories the coach's tests start from, and the coach that reads them.
extension Journal {
    /// Weeks of three 6 km runs and a strength session each; programme week `weeks + 1`
    /// starts on day `7 × weeks`.
    static func steady(weeks: Int) -> Journal {
        var journal = Journal()
        for week in 0..<weeks {
            journal.week(week, runs: [6, 6, 6])
            journal.session(week * 7 + 1, .strength)
        }
        return journal
    }

    /// The coach of this journal and ``profile``, with a programme started on ``monday``.
    func coach(_ adjustments: [CoachAdjustment] = [], library: ExerciseLibrary, today: Int) -> Coach {
        var history = history
        history.adjustments = adjustments
        return Coach(
            programme: Programme(profile: Journal.profile, start: Journal.monday), library: library, history: history,
            today: Journal.day(today))
    }
}

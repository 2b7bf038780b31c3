import Testing

@testable import KneeCoachCore

/// The week's layout spreads the runs: never more run days in a row than their number forces,
/// counted across the weekend into the next week, and always a full rest day.
struct WeekShapeTests {
    /// The longest streak of run days when the week's pattern repeats week after week.
    static func longestStreak(_ days: [Int]) -> Int {
        guard !days.isEmpty else { return 0 }
        let twoWeeks = days + days.map { $0 + 7 }
        var best = 1, streak = 1
        for (a, b) in zip(twoWeeks, twoWeeks.dropFirst()) {
            streak = b == a + 1 ? streak + 1 : 1
            best = max(best, streak)
        }
        return min(best, days.count)
    }

    @Test(arguments: 1...6)
    func runsAreNeverMoreDaysInARowThanTheirNumberForces(_ runs: Int) {
        let days = WeekShapes.runPatterns[runs]
        #expect(days.count == runs && Set(days).count == runs && days.allSatisfy { (0..<7).contains($0) })
        // Spread as evenly as the week allows: `runs` runs between 7 − `runs` days off.
        let fewest = Int((Double(runs) / Double(7 - runs)).rounded(.up))
        #expect(Self.longestStreak(days) == fewest, "\(days)")
    }

    /// A trial's coach set five runs a week: Saturday, Sunday, Monday and Tuesday in a row.
    @Test func fiveRunsAreAtMostThreeDaysInARow() {
        #expect(Self.longestStreak(WeekShapes.runPatterns[5]) == 3)
    }
}

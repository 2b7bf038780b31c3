/// How far the runner runs each week and on each run, by the load rules of the evidence table.
struct WeekRunning: Sendable, Equatable {
    /// Planned kilometres for the week (0 for walk–run or no running).
    let weeklyKm: Double
    /// Kilometres of each run session; empty when there is no running this week.
    let runsKm: [Double]
    /// Walk–run sessions by time instead of distance (a runner with no recent running).
    let isWalkRun: Bool
    let reasons: [Reason]
}

/// The load rules' factors, read from the evidence table (the coach's ``RunningWeek`` and
/// ``Prescriber`` apply them):
///
/// - Two-week increase stays within `load.weeklyJumpPercent`, so one week grows by at most
///   the square root of that factor.
/// - No run is longer than the longest of the previous 30 days by more than
///   `load.singleRunSpikePercent`.
/// - Deload weeks cut strength volume within `load.deloadCutPercent` (``Dosing/deloadCut(sets:reps:exercise:)``).
enum RunningVolume {
    static var weeklyGrowthFactor: Double {
        let jump = Evidence.loadWeeklyJumpPercent.quantity("percent")?.lower ?? 0
        return (1 + jump / 100).squareRoot()
    }

    static var singleRunFactor: Double {
        1 + (Evidence.loadSingleRunSpikePercent.quantity("percent")?.upper ?? 0) / 100
    }

    static var deloadFactor: Double {
        let cut = Evidence.loadDeloadCutPercent.quantity("percent").map { ($0.lower + $0.upper) / 2 } ?? 0
        return 1 - cut / 100
    }

    /// The share of usual volume when running through a settle phase or restarting after one.
    static var reducedFactor: Double {
        1 - (Evidence.loadDeloadCutPercent.quantity("percent")?.upper ?? 0) / 100
    }
}

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

/// Running volume: gradual weekly change, a cap on any single run, lighter deload weeks.
///
/// - Two-week increase stays within `load.weeklyJumpPercent`, so one week grows by at most
///   the square root of that factor.
/// - No run is longer than the longest of the previous 30 days by more than
///   `load.singleRunSpikePercent`.
/// - Deload weeks cut volume by the middle of `load.deloadCutPercent`.
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

    static func weeks(for needs: Needs, frames: [WeekFrame], runDaysPerWeek: Int) -> [WeekRunning] {
        let baseline = needs.baselineWeeklyKm
        guard !needs.isHeldByRedFlag else {
            return frames.map { _ in WeekRunning(weeklyKm: 0, runsKm: [], isWalkRun: false, reasons: []) }
        }
        guard baseline > 0, runDaysPerWeek > 0 else {
            return frames.map { frame in walkRun(frame, needs: needs, runDays: runDaysPerWeek) }
        }
        let growth = needs.goal == .race ? (Evidence.planRaceGrowthPercent.quantity("percent")?.lower ?? 0) / 100 : 0
        let target = baseline * (1 + growth)
        var history: [Double] = []  // planned weekly km, one per week
        var longestRuns: [Double] = []  // longest planned run, one per week
        var lastFull = baseline  // the last non-deload week's volume
        var result: [WeekRunning] = []
        for frame in frames {
            var reasons: [Reason] = []
            var km: Double
            var restarted = false
            if frame.phase == .settle && needs.painState == .tooPainfulToRun {
                km = 0
                reasons.append(
                    Reason(
                        "No running while pain is above the level running may reach; cross-training keeps your fitness.",
                        evidence: Evidence.painDuringMax.key))
            } else if frame.phase == .settle {
                km = baseline * reducedFactor
                reasons.append(
                    Reason(
                        "Running is cut to about \(percent(reducedFactor)) of your usual week while the knee settles.",
                        evidence: Evidence.loadDeloadCutPercent.key))
            } else if lastFull == 0 || (history.last ?? baseline) == 0 {
                km = baseline * reducedFactor
                restarted = true
                reasons.append(
                    Reason(
                        "Running restarts at about \(percent(reducedFactor)) of your usual week after the pause.",
                        evidence: Evidence.loadDeloadCutPercent.key))
            } else {
                km = min(target, lastFull * weeklyGrowthFactor)
                if km > lastFull {
                    reasons.append(
                        Reason(
                            "Weekly distance grows gradually: never more than \(percent(weeklyGrowthFactor * weeklyGrowthFactor - 1)) over two weeks.",
                            evidence: Evidence.loadWeeklyJumpPercent.key))
                } else {
                    reasons.append(Reason("Weekly distance holds at your usual volume.", evidence: Evidence.loadTenPercentRule.key))
                }
            }
            if frame.deload && km > 0 {
                km *= deloadFactor
                reasons.append(
                    Reason(
                        "Deload: running is about \(percent(1 - deloadFactor)) lighter this week.",
                        evidence: Evidence.loadDeloadCutPercent.key))
            }
            // The single-run cap: against the longest run of the last 30 days.
            let recentLongest = max(needs.longestRecentRunKm, longestRuns.suffix(4).max() ?? 0)
            let cap = recentLongest > 0 ? recentLongest * singleRunFactor : km
            var perRun = runDaysPerWeek > 0 ? km / Double(runDaysPerWeek) : 0
            if perRun > cap {
                perRun = cap
                reasons.append(
                    Reason(
                        "No single run is more than \(percent(singleRunFactor - 1)) longer than your longest run of the last 30 days.",
                        evidence: Evidence.loadSingleRunSpikePercent.key))
            }
            perRun = floorTenth(perRun)
            let runs = perRun > 0 ? Array(repeating: perRun, count: runDaysPerWeek) : []
            km = runs.reduce(0, +)
            km = floorTenth(km + 1e-9)
            history.append(km)
            longestRuns.append(perRun)
            // A restart that falls on a deload week is where growth continues from.
            if !frame.deload || restarted { lastFull = km }
            result.append(WeekRunning(weeklyKm: km, runsKm: runs, isWalkRun: false, reasons: reasons))
        }
        return result
    }

    private static func walkRun(_ frame: WeekFrame, needs: Needs, runDays: Int) -> WeekRunning {
        guard runDays > 0, !(frame.phase == .settle && needs.painState == .tooPainfulToRun) else {
            return WeekRunning(weeklyKm: 0, runsKm: [], isWalkRun: false, reasons: [])
        }
        return WeekRunning(
            weeklyKm: 0, runsKm: Array(repeating: 0, count: runDays), isWalkRun: true,
            reasons: [
                Reason(
                    "With no recent running, runs are walk–run sessions: walk 2 minutes, run 3, repeated; stay at a step for at least two sessions before running longer.",
                    evidence: Evidence.rtrWalkRun.key)
            ])
    }

    private static func floorTenth(_ value: Double) -> Double { (value * 10).rounded(.down) / 10 }

    private static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded())) %" }
}

/// How a week applies a coach's runs a week, target week and hold of the phase: inside the
/// rules, which decide first. The week's layout keeps a full rest day; walk–run keeps a day
/// between sessions (`rtr.walkRun`); pain, a restart, a lighter week, the single-run and the
/// weekly-jump rules cap the distance as they cap any week; the phase gates still hold a
/// phase back. Each applied adjustment says when a rule allowed less, which one, and what.
enum AdjustedWeek {
    /// The most runs a week's layout has: every day but a full rest day (``WeekShapes/runPatterns``).
    static var maxRuns: Int { WeekShapes.runPatterns.count - 1 }

    /// The week's run days: a coach's runs a week within the layout, or the profile's.
    static func runDays(_ input: WeekPlanner.Inputs) -> Int {
        input.adjustments.runs.map { min($0, maxRuns) } ?? input.runDays
    }

    /// The week's adjustments as applied, in the order of their kinds.
    static func applied(
        _ input: WeekPlanner.Inputs, phase: TrainingPhase, runDays: Int, running: RunningWeek.Decision
    ) -> [AppliedAdjustment] {
        var applied: [AppliedAdjustment] = []
        if let runs = input.adjustments.runsPerWeek, let asked = input.adjustments.runs {
            applied.append(runsPerWeek(runs, asked: asked, runDays: runDays, running: running))
        }
        if let distance = input.adjustments.weeklyDistance, let km = input.adjustments.targetKm {
            applied.append(weeklyDistance(distance, km: km, running: running))
        }
        if let hold = input.adjustments.holdPhase {
            applied.append(AdjustmentReasons.hold(hold, phase: phase, fromNextWeek: false))
        }
        return applied
    }

    private static func runsPerWeek(
        _ adjustment: CoachAdjustment, asked: Int, runDays: Int, running: RunningWeek.Decision
    ) -> AppliedAdjustment {
        let planned = running.runCount
        if running.isWalkRun && planned < asked {
            return AdjustmentReasons.limited(
                adjustment, by: Evidence.rtrWalkRun.key, "keeps a day between sessions, so this week has \(planned)")
        }
        if planned == 0 {
            let rule = running.reasons.last?.evidence ?? Evidence.painDuringMax.key
            return AdjustmentReasons.limited(adjustment, by: rule, "allows no running this week")
        }
        if planned < runDays {
            return AdjustmentReasons.applied(
                adjustment,
                "; with \(running.weeklyKm.kmText) this week, the shortest-run rule allows \(planned) run\(planned == 1 ? "" : "s") of a useful length",
                rule: "the shortest-run rule", evidence: Evidence.loadDeloadCutPercent.key)
        }
        if runDays < asked {
            return AdjustmentReasons.applied(
                adjustment, "; every week keeps a full rest day, so the plan has \(runDays) runs a week",
                rule: "the rest-day rule")
        }
        return AdjustmentReasons.applied(adjustment, "")
    }

    private static func weeklyDistance(_ adjustment: CoachAdjustment, km: Double, running: RunningWeek.Decision) -> AppliedAdjustment {
        if running.isWalkRun {
            return AdjustmentReasons.limited(
                adjustment, by: Evidence.rtrWalkRun.key, "comes first, so the target applies once running is continuous")
        }
        if running.runCount == 0 {
            let rule = running.reasons.last?.evidence ?? Evidence.painDuringMax.key
            return AdjustmentReasons.limited(adjustment, by: rule, "allows no running this week")
        }
        // Runs are rounded down to tenths: a week that short of the target by rounding alone met it.
        let rounding = 0.1 * Double(running.runCount) + 1e-9
        if running.weeklyKm + rounding < km, let rule = running.binding?.evidence {
            return AdjustmentReasons.limited(adjustment, by: rule, "allows \(running.weeklyKm.kmText) this week")
        }
        return AdjustmentReasons.applied(adjustment, ": this week has \(running.weeklyKm.kmText)")
    }
}

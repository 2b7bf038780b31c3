/// How far to run in a programme week, decided on its Monday from what was actually run.
///
/// - The usual week (the goal) is the journal's average of the 28 days before the programme
///   started when the journal covered them, else the profile's weekly distance; a race goal
///   adds `plan.raceGrowthPercent`.
/// - Each week grows from last week's real running by at most the square root of
///   `load.weeklyJumpPercent`, and never past that percentage over either of the last two
///   weeks, so two weeks never rise more than the rule allows.
/// - After a missed week it picks up without growing; after 14 days without running, or a
///   warning sign that held running (however short), it restarts at the share of
///   `plan.restartAfterGapDays` of the last full week run before the pause and builds back
///   the same way; it never keeps shrinking. A week a warning sign held is never the
///   reference of the jump rule: its running is what the sign left, not what the knee can do.
/// - Pain breaking the rule last week (or a hold still running) stops the growth; every
///   `load.deloadEveryWeeks`th week is lighter than the week before by the lower cut of
///   `load.deloadCutPercent`.
enum RunningWeek {
    struct Inputs {
        let needs: Needs
        let ledger: DayLedger
        let monday: Int
        let phase: TrainingPhase
        let deload: Bool
        let painState: Needs.PainState
        let runDays: Int
        let heldByPain: Bool
        let previousDeload: Bool
        let previousPhase: TrainingPhase?
        /// A coach's target week (``CoachAdjustment/Kind/weeklyDistance(km:)``): the goal in
        /// place of the usual week, reached within the same rules.
        var targetKm: Double? = nil
        /// Pain broke the rule, or the load rose too fast, in the week before last: after a
        /// week without running the plan does not pick up at that week's distance.
        var heldTwoWeeksAgo = false
    }

    struct Decision {
        var weeklyKm = 0.0
        var perRunKm = 0.0
        /// How many of the week's run days carry a run (fewer when the week is short).
        var runCount = 0
        var isWalkRun = false
        /// The week restarts running after a warning sign held it.
        var isRestart = false
        var jumpCapKm: Double?
        var reasons: [Reason] = []
        /// The reason of the rule that set the week's distance last (the one a coach's target met).
        var binding: Reason?
    }

    static var jumpFactor: Double { 1 + WeeklyLoad.jumpPercent / 100 }
    /// A lighter week's running: the lower cut of `load.deloadCutPercent`, so that the week
    /// after it can return to full volume without a rise past `load.weeklyJumpPercent`.
    static var deloadFactor: Double { 1 - (Evidence.loadDeloadCutPercent.quantity("percent")?.lower ?? 20) / 100 }
    static var restartGapDays: Int { Int(Evidence.planRestartAfterGapDays.quantity("days")?.lower ?? 14) }
    static var restartShare: Double { (Evidence.planRestartAfterGapDays.quantity("percent")?.lower ?? 60) / 100 }

    static func decide(_ input: Inputs) -> Decision {
        var decision = Decision()
        let m = input.monday, ledger = input.ledger
        guard input.runDays > 0 else {
            decision.reasons.append(Reason(noRunDays))
            return decision
        }
        if input.phase == .settle && input.painState == .tooPainfulToRun {
            decision.reasons.append(
                Reason(
                    "No running while pain is above the level running may reach; cross-training keeps your fitness.",
                    evidence: Evidence.painDuringMax.key))
            return decision
        }
        let usual = input.needs.baselineWeeklyKm
        let prev = ledger.ruleKm(from: m - 7, to: m - 1), prev2 = ledger.ruleKm(from: m - 14, to: m - 8)
        // Walk–run until the runner has done a step's sessions (`rtr.walkRun`: at least two
        // before running on): a lone run in the last fortnight does not end the walk–run weeks.
        if usual <= 0 && ledger.runDays(from: m - 14, to: m - 1) < WalkRun.runsPerStep {
            decision.isWalkRun = true
            decision.runCount = WeekShapes.walkRunDays(WeekShapes.runPatterns[min(input.runDays, 6)]).count
            decision.reasons += [WalkRun.reason, WalkRun.entryReason]
            return decision
        }
        let growth = input.needs.goal == .race ? (Evidence.planRaceGrowthPercent.quantity("percent")?.lower ?? 0) / 100 : 0
        // Without a usual week (a new runner), the goal is a little more than what was run
        // lately: running keeps building from the walk–run weeks within the load rules.
        let goal = usual > 0 ? usual : max(prev, prev2) * RunningVolume.weeklyGrowthFactor
        let target = input.targetKm ?? max(goal, 0) * (1 + growth)
        let reduced = RunningVolume.reducedFactor
        // The one reason for the week's distance: each rule that binds replaces it.
        var (km, why) = startingDistance(input, prev: prev, prev2: prev2, usual: usual, target: target)
        if let restart = restartAfterFlag(input, usual: usual, target: target) {
            (km, why) = restart
            decision.isRestart = true
        }
        if let coach = input.targetKm, km > coach {
            km = coach
            why = Reason("Weekly distance comes to \(goalWords(input, target)).")
        }
        var lighter: Reason?
        let initialWhy = why
        if input.heldByPain && prev > 0 && km > prev && !decision.isRestart {
            km = prev
            why = Reason(
                "Pain broke the rule or the load rose too fast last week, so weekly distance stays at last week's \(prev.kmText).",
                evidence: Evidence.painNextMorning.key)
        }
        if input.deload && prev > 0 && !decision.isRestart {
            km = min(km, prev) * deloadFactor
            lighter = Reason(
                "Lighter week: running is about \(percent(1 - deloadFactor)) below last week's \(prev.kmText).",
                evidence: Evidence.loadDeloadCutPercent.key)
            decision.binding = lighter
        } else if input.deload {
            lighter = Reason(
                "Lighter week: fewer sets and no hopping drills; running, restarting, is light already.",
                evidence: Evidence.loadDeloadCutPercent.key)
        }
        let references = [(prev, m - 7), (prev2, m - 14)].filter { $0.0 > 0 && !ledger.wasFlagged(from: $0.1, to: $0.1 + 6) }
            .map(\.0)
        if let lightest = references.min() {
            let cap = capTenth(lightest * jumpFactor)
            decision.jumpCapKm = cap
            if km > cap {
                km = cap
                why = Reason(
                    "The week stays within \(percent(jumpFactor - 1)) of the lighter of the last \(jumpSpan) (\(lightest.kmText)).",
                    evidence: Evidence.loadWeeklyJumpPercent.key)
            }
        }
        // A short week is fewer runs of a useful length, not many very short ones: no run
        // below the settle share (`load.deloadCutPercent`) of the last 30 days' longest.
        var count = input.runDays
        let recentLongest = ledger.ruleLongest(from: m - RunSpikes.windowDays, to: m - 1)
        let shortest = recentLongest * reduced
        if km > 0, shortest > 0, km / Double(count) < shortest {
            count = max(1, min(count, Int((km / shortest).rounded(.down))))
        }
        // No run past the single-run cap of the 30 days before the week.
        let runCap = recentLongest > 0 ? capTenth(recentLongest * RunningVolume.singleRunFactor) : .infinity
        var perRun = km > 0 ? (input.deload ? nearestTenth(km / Double(count)) : floorTenth(km / Double(count))) : 0
        if perRun > runCap {
            perRun = runCap
            why = Reason(
                "Runs of \(runCap.kmText): no run more than \(percent(RunningVolume.singleRunFactor - 1)) longer than your longest of the last \(RunSpikes.windowDays) days (\(recentLongest.kmText)), so the week is \(floorTenth(runCap * Double(count) + 1e-9).kmText) on its way to \(goalWords(input, target)).",
                evidence: Evidence.loadSingleRunSpikePercent.key)
        }
        // Rounding the runs never takes the week past the jump rule.
        if let cap = decision.jumpCapKm, count > 0 { perRun = min(perRun, capTenth(cap / Double(count))) }
        decision.runCount = km > 0 ? count : 0
        decision.perRunKm = perRun
        decision.weeklyKm = floorTenth(perRun * Double(decision.runCount) + 1e-9)
        // Said with the week's distance as planned (its runs rounded), as the week's header says it.
        let fewer = decision.runCount > 0 && count < input.runDays
            ? Reason(
                "With \(decision.weeklyKm.kmText) this week, that is \(count) run\(count == 1 ? "" : "s") rather than \(input.runDays) very short ones; cross-training takes the other run days.",
                evidence: Evidence.loadDeloadCutPercent.key)
            : nil
        decision.reasons = [lighter, why, fewer].compactMap { $0 }
        if decision.binding == nil || why != initialWhy { decision.binding = why }
        return decision
    }

    /// The week's distance before the caps: a restart after a gap, a pick-up after a missed
    /// week, a settle cut, or gradual growth toward the usual week; with its reason.
    private static func startingDistance(_ input: Inputs, prev: Double, prev2: Double, usual: Double, target: Double)
        -> (Double, Reason)
    {
        let m = input.monday, ledger = input.ledger, reduced = RunningVolume.reducedFactor
        let km: Double
        let why: Reason
        let gap = ledger.lastRunDay(before: m).map { m - 1 - $0 }
        if prev == 0 && prev2 == 0 || (gap ?? 0) >= restartGapDays {
            let before = lastRunningWeek(ledger, monday: m)
            let reference = before.map { usual > 0 ? min(usual, $0.0) : $0.0 } ?? usual
            km = reference * restartShare
            let when = before.map { week in
                ledger.runKm(from: week.1, to: week.1 + 6) > 0
                    ? " the \(week.0.kmText) you ran in the week of \(LocalDate(dayNumber: week.1))"
                    : " the usual \(week.0.kmText) a week of your profile"
            } ?? " your usual week"
            why = Reason(
                "After \(gap.map { "\($0) days" } ?? "weeks") without running, running restarts at about \(percent(restartShare)) of\(when) and builds back within the load rules toward \(goalWords(input, target)).",
                evidence: Evidence.planRestartAfterGapDays.key)
        } else if prev == 0 {
            // The week before the missed one is the pick-up, but never past the jump rule over
            // the week before it, and a lighter week's cut below it when pain or load broke a
            // rule in it: a pause after a flare-up never makes the flare-up the new baseline.
            let prev3 = ledger.ruleKm(from: m - 21, to: m - 15)
            var pickUp = prev3 > 0 ? min(prev2, capTenth(prev3 * jumpFactor)) : prev2
            if input.heldTwoWeeksAgo { pickUp = floorTenth(pickUp * deloadFactor) }
            km = min(input.phase == .settle ? target * reduced : target, pickUp)
            why =
                pickUp < prev2 - 0.05
                ? Reason(
                    "No running was logged last week, and the week before (\(prev2.kmText)) \(input.heldTwoWeeksAgo ? "broke the pain or load rules" : "rose past the weekly-jump rule"), so the plan picks up below it, at \(pickUp.kmText), without growing.",
                    evidence: input.heldTwoWeeksAgo ? Evidence.loadDeloadCutPercent.key : Evidence.loadWeeklyJumpPercent.key)
                : Reason(
                    "No running was logged last week, so the plan picks up at the \(prev2.kmText) of the week before, without growing.",
                    evidence: Evidence.loadWeeklyJumpPercent.key)
        } else if input.phase == .settle {
            // The first settle week cuts what was run; later ones hold it.
            let base = input.previousPhase == .settle ? prev : prev * reduced
            km = min(target * reduced, base)
            why = Reason(
                "While the knee settles, running is cut to about \(percent(reduced)) of \(goalWords(input, target)), and never more than last week's \(prev.kmText).",
                evidence: Evidence.loadDeloadCutPercent.key)
        } else {
            let base = input.previousDeload ? max(prev, prev2) : prev
            km = min(target, base * RunningVolume.weeklyGrowthFactor)
            why =
                km > base + 0.05
                ? Reason(
                    "Weekly distance grows gradually from \(base.kmText) toward \(goalWords(input, target)): never more than \(percent(jumpFactor - 1)) over \(jumpSpan).",
                    evidence: Evidence.loadWeeklyJumpPercent.key)
                : Reason(
                    "Weekly distance holds at \(goalWords(input, target)); adding a fixed 10 % every week did not protect runners in a trial.",
                    evidence: Evidence.loadTenPercentRule.key)
        }
        return (km, why)
    }

    /// After a warning sign held running in the week before: a restart at the share of
    /// `plan.restartAfterGapDays` of the last full week run before the sign, whatever the
    /// length of the pause (a week held by a sign has no running planned, like a gap).
    private static func restartAfterFlag(_ input: Inputs, usual: Double, target: Double) -> (Double, Reason)? {
        let m = input.monday, ledger = input.ledger
        // Once running came back after the sign (a run since its last day), the restart is done
        // and the week builds on what was run, rather than restarting again from before the sign.
        guard let last = ledger.lastFlagged(from: m - 7, to: m - 1), ledger.runDays(from: last + 1, to: m - 1) == 0 else {
            return nil
        }
        let first = ledger.flaggedSince(last)
        let pauseMonday = LocalDate(dayNumber: first).isoWeekStart.dayNumber
        guard let before = lastRunningWeek(ledger, monday: pauseMonday) else { return nil }
        let reference = usual > 0 ? min(usual, before.0) : before.0
        let km = reference * restartShare
        let ran =
            ledger.runKm(from: before.1, to: before.1 + 6) > 0
            ? "the \(reference.kmText) you ran in the week of \(LocalDate(dayNumber: before.1))"
            : "the usual \(reference.kmText) a week of your profile"
        let why = Reason(
            "A warning sign held running from \(LocalDate(dayNumber: first)) to \(LocalDate(dayNumber: last)), so running restarts at about \(percent(restartShare)) of \(ran) and builds back within the load rules toward \(goalWords(input, target)).",
            evidence: Evidence.planRestartAfterGapDays.key)
        return (km, why)
    }

    /// The goal the week builds toward, in words: the usual week, or a coach's target.
    private static func goalWords(_ input: Inputs, _ target: Double) -> String {
        input.targetKm != nil ? "your coach's target of \(target.kmText)" : "your usual \(target.kmText)"
    }

    /// The last week with running in the eight weeks before a Monday, and its Monday.
    private static func lastRunningWeek(_ ledger: DayLedger, monday: Int) -> (Double, Int)? {
        for back in 1...8 {
            let from = monday - 7 * back
            let km = ledger.ruleKm(from: from, to: from + 6)
            if km > 0 { return (km, from) }
        }
        return nil
    }

    /// Why a programme without run days has no running, and how to change it.
    static let noRunDays =
        "Your profile has no run days (runs per week: 0), so this plan has no running; the strength, stretching, yoga or Pilates and cross-training go on. To run again (walk–run first if you are not running now), give the days a week you can run: 'kneecoach profile set runsPerWeek N'."

    static func floorTenth(_ value: Double) -> Double { (value * 10 + 1e-9).rounded(.down) / 10 }

    static func nearestTenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// The largest tenth of a kilometre safely below a limit that a rule checks with `>`:
    /// a hair under it, so that sums of tenths never cross it by a rounding error.
    static func capTenth(_ limit: Double) -> Double {
        guard limit > 0 else { return 0 }
        return max(0, ((limit - 1e-6) * 10).rounded(.down) / 10)
    }

    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded())) %" }

    /// The span of `load.weeklyJumpPercent` in words: "two weeks".
    static var jumpSpan: String {
        let weeks = Int(Evidence.loadWeeklyJumpPercent.quantity("weeks")?.lower ?? 2)
        return weeks == 2 ? "two weeks" : "\(weeks) weeks"
    }
}

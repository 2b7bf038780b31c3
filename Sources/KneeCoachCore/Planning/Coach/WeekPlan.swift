/// What the coach decides each Monday for the programme week ahead: the phase (moved on only
/// when last week kept its gate), whether it is a lighter week, and how far to run.
struct WeekPlan: Sendable, Equatable {
    let index: Int
    let monday: LocalDate
    /// Phase weeks done, counting this one (1-based; a week that missed its gate is repeated).
    let step: Int
    /// How many weeks the settle phase lasts in this programme.
    let settleWeeks: Int
    let phase: TrainingPhase
    let deload: Bool
    let painState: Needs.PainState
    let painReason: Reason?
    /// Progression waits this week: pain broke the rule, a spike or a sharp rise in the week
    /// before, or pain that persists.
    let isHeld: Bool
    /// Planned kilometres for the whole week (0 with walk–run or no running).
    let weeklyKm: Double
    let perRunKm: Double
    /// How many of the week's run days carry a run.
    let runCount: Int
    let isWalkRun: Bool
    /// Running restarts this week after a warning sign held it (``RunningWeek``).
    let isRestart: Bool
    /// At most this much running this week (the two-week jump rule), or `nil` with nothing to compare.
    let jumpCapKm: Double?
    /// Why the phase, the lighter week and the distance are what they are.
    let reasons: [Reason]
    /// The running reasons alone (the run session's reason).
    let runReasons: [Reason]
    /// The run days of the week's layout: the profile's runs a week, or a coach's within the rules.
    let runsPerWeek: Int
    /// The coach's adjustments the week was decided with, as applied (``WeekAdjustments``).
    let adjusted: [AppliedAdjustment]
}

/// Decides a ``WeekPlan`` from the morning state of a Monday.
enum WeekPlanner {
    struct Inputs {
        let programme: Programme
        let needs: Needs
        let ledger: DayLedger
        let pain: PainMemory
        let previous: WeekPlan?
        let monday: LocalDate
        /// The journal has pain entries: its levels replace the profile's snapshot.
        let journalHasPain: Bool
        let runDays: Int
        /// Programme weeks before the first one decided, counted as kept (a long programme).
        var weeksBefore = 0
        /// Pain that persists (`flag.persistDays`): progression waits, exercise goes on.
        var persisting: [RedFlagNotice] = []
        /// A coach's runs a week, target week and hold of the phase.
        var adjustments: WeekAdjustments = .none
    }

    static func decide(_ input: Inputs) -> WeekPlan {
        let monday = input.monday, m = monday.dayNumber
        let index = input.programme.week(of: monday)
        let lengths = Evidence.planPhaseWeeks
        let (painState, painReason, painOutsideSettle) = painState(input)
        var reasons: [Reason] = []

        // The phase: last week's gate moves it on, or the week is repeated.
        var step = 1 + input.needs.unlockedWeeks + input.weeksBefore
        // Before the programme: a spike, a sharp rise or pain breaking the rule in the week
        // before it holds progression in its first week.
        let heldFromBefore = input.previous == nil && !input.needs.holdReasons.isEmpty
        if heldFromBefore {
            reasons += input.needs.holdReasons
            reasons.append(
                Reason(
                    "So running does not grow in the first week, and the phases move on from the next week inside the rules.",
                    evidence: Evidence.painWeekTrend.key))
        }
        if let previous = input.previous {
            let gate = gateKept(previous, input)
            // A coach's hold keeps the phase; it never moves one on that its gate holds back.
            step = gate.kept && input.adjustments.holdPhase == nil ? previous.step + 1 : previous.step
            if let why = gate.reason { reasons.append(why) }
        }
        // The settle phase's length is fixed by the programme's first week.
        let settle =
            input.previous?.settleWeeks ?? (painState == .none ? 0 : Int(lengths.quantity("settleWeeks")?.lower ?? 2))
        let build = Int(lengths.quantity("buildWeeks")?.lower ?? 4)
        let strengthen = Int(lengths.quantity("strengthenWeeks")?.lower ?? 6)
        let last: TrainingPhase = input.needs.hasKneePain || input.needs.goal == .returnToRunning ? .return : .maintain
        let phase: TrainingPhase =
            switch step {
            case ...settle: .settle
            case ...(settle + build): .build
            case ...(settle + build + strengthen): .strengthen
            default: last
            }
        reasons.insert(Phases.phaseReason(phase, painReason: painReason, frontKneePain: input.needs.runner.hasFrontKneePain), at: 0)
        // Outside the settle phase the pain behind the week is still said, from the journal,
        // with what it changes there: running goes on, day by day under the pain rule.
        if phase != .settle, input.journalHasPain, let painOutsideSettle { reasons.insert(painOutsideSettle, at: 1) }
        if let previous = input.previous, previous.phase != phase {
            reasons.append(
                Reason(
                    "Last week kept the pain rule, so the plan moves from \(previous.phase.rawValue) to \(phase.rawValue).",
                    evidence: Evidence.painWeekTrend.key))
        }
        let deloadEvery = Int(Evidence.loadDeloadEveryWeeks.quantity("weeks")?.upper ?? 4)
        // A week that pain made lighter (runs replaced or shortened, running at least the
        // deload cut below the week before) was the lighter week already: the one due after
        // it is not cut again, so two cuts do not stack after a flare-up.
        let deloadDue = index % deloadEvery == 0
        let lastWeekKm = input.ledger.ruleKm(from: m - 7, to: m - 1)
        let painMadeLastWeekLighter =
            deloadDue && input.pain.broke(from: m - 7, to: m - 1)
            && lastWeekKm <= input.ledger.ruleKm(from: m - 14, to: m - 8) * RunningWeek.deloadFactor
        let deload = deloadDue && !painMadeLastWeekLighter
        if painMadeLastWeekLighter {
            reasons.append(
                Reason(
                    "This would be the lighter week, but pain already made last week lighter (\(lastWeekKm.kmText) of running), so it is not cut again.",
                    evidence: Evidence.loadDeloadEveryWeeks.key))
        }

        let held =
            input.pain.broke(from: m - 7, to: m - 1) || input.pain.holding(on: monday) != nil
            || loadHold(input.ledger, monday: monday.adding(days: -7)) != nil || heldFromBefore || !input.persisting.isEmpty
        let runsPerWeek = AdjustedWeek.runDays(input)
        let running = RunningWeek.decide(
            .init(
                needs: input.needs, ledger: input.ledger, monday: m, phase: phase, deload: deload,
                painState: painState, runDays: runsPerWeek, heldByPain: held,
                previousDeload: input.previous?.deload ?? false, previousPhase: input.previous?.phase,
                targetKm: input.adjustments.targetKm,
                heldTwoWeeksAgo: input.pain.broke(from: m - 14, to: m - 8)
                    || loadHold(input.ledger, monday: monday.adding(days: -14)) != nil))
        let adjusted = AdjustedWeek.applied(input, phase: phase, runDays: runsPerWeek, running: running)
        if deload {
            reasons.append(
                Reason(
                    "Every \(deloadEvery)th week is lighter: less running, less strength volume and no hopping drills, more stretching and mobility, so the body can absorb the work.",
                    evidence: Evidence.loadDeloadEveryWeeks.key))
        }
        return WeekPlan(
            index: index, monday: monday, step: step, settleWeeks: settle, phase: phase, deload: deload, painState: painState,
            painReason: painReason, isHeld: held, weeklyKm: running.weeklyKm, perRunKm: running.perRunKm, runCount: running.runCount, isWalkRun: running.isWalkRun, isRestart: running.isRestart,
            jumpCapKm: running.jumpCapKm, reasons: (reasons + adjusted.map(\.reason) + running.reasons).uniqued(),
            runReasons: running.reasons, runsPerWeek: runsPerWeek, adjusted: adjusted)
    }

    /// Whether last week moves the phase on: something was done, no pain broke the rule, a
    /// settle week logged pain that had settled, a build week had strength work.
    private static func gateKept(_ week: WeekPlan, _ input: Inputs) -> (kept: Bool, reason: Reason?) {
        let from = week.monday.dayNumber, to = from + 6
        let ledger = input.ledger
        let safe = Evidence.painSafeMax.quantity("painScore")?.upper.plainText ?? "2"
        if let persisting = input.persisting.first {
            return (
                false,
                Reason(
                    "Your pain lasted without getting better (\(persisting.sign)) in the week of \(week.monday), so that week does not count towards the \(week.phase.rawValue) phase and running does not grow; the exercise goes on, and a physiotherapist or doctor should look at the knee if it persists.",
                    evidence: persisting.evidence)
            )
        }
        if input.pain.broke(from: from, to: to) {
            return (
                false,
                Reason(
                    "Pain broke the rule in the week of \(week.monday), so that week does not count towards the \(week.phase.rawValue) phase: only weeks inside the rule do.",
                    evidence: Evidence.painWeekTrend.key)
            )
        }
        if let reason = loadHold(ledger, monday: week.monday) { return (false, reason) }
        if let flagged = ledger.lastFlagged(from: from, to: to) {
            return (
                false,
                Reason(
                    "A warning sign held the plan on \(LocalDate(dayNumber: flagged)), so the week of \(week.monday) does not count towards the \(week.phase.rawValue) phase.",
                    evidence: Evidence.painWeekTrend.key)
            )
        }
        if ledger.count(\.active, from: from, to: to) == 0 {
            return (
                false,
                Reason(
                    "Nothing was logged in the week of \(week.monday), so that week does not count towards the \(week.phase.rawValue) phase.",
                    evidence: Evidence.planPainFreeWeeksToUnlock.key)
            )
        }
        if week.phase == .settle && ledger.count(\.painLogged, from: from, to: to) == 0 {
            return (
                false,
                Reason(
                    "The settle phase moves on once your pain entries show the knee at or below \(safe)/10: log pain with 'kneecoach log pain'.",
                    evidence: Evidence.planPainFreeWeeksToUnlock.key)
            )
        }
        if week.phase == .build && ledger.count(\.strength, from: from, to: to) == 0 {
            return (
                false,
                Reason(
                    "No strength session was logged in the week of \(week.monday), so that week does not count towards the build phase.",
                    evidence: Evidence.strengthSessionsPerWeek.key)
            )
        }
        return (true, nil)
    }

    /// A run past the single-run cap or a sharp weekly rise in the week starting `monday`:
    /// progression waits a week.
    static func loadHold(_ ledger: DayLedger, monday: LocalDate) -> Reason? {
        let from = monday.dayNumber, to = from + 6
        if let spike = ledger.spike(from: from, to: to), spike.before > 0 {
            let over = Int(((spike.km / spike.before - 1) * 100).rounded())
            return Reason(
                "The \(spike.km.kmText) run on \(LocalDate(dayNumber: spike.day)) was \(over) % longer than the longest run of the \(RunSpikes.windowDays) days before it (\(spike.before.kmText)): progression waits a week, and runs stay within \(RunningWeek.percent(RunningVolume.singleRunFactor - 1)) of \(spike.before.kmText).",
                evidence: Evidence.loadSingleRunSpikePercent.key)
        }
        let km = ledger.runKm(from: from, to: to)
        // A week a warning sign held is no reference: its running is what the sign left.
        let references = [1, 2].map { back in (LocalDate(dayNumber: from - 7 * back), ledger.runKm(from: from - 7 * back, to: to - 7 * back)) }
            .filter { $0.1 > 0 && !ledger.wasFlagged(from: $0.0.dayNumber, to: $0.0.dayNumber + 6) }
        guard km > 0, let lighter = references.min(by: { $0.1 < $1.1 }), km > lighter.1 * RunningWeek.jumpFactor + 1e-9 else {
            return nil
        }
        let over = Int(((km / lighter.1 - 1) * 100).rounded())
        return Reason(
            "The week of \(monday) had \(km.kmText) of running, \(over) % more than the week of \(lighter.0) (\(lighter.1.kmText)): progression waits a week.",
            evidence: Evidence.loadWeeklyJumpPercent.key)
    }

    /// How the knee is now: the journal's last levels once it has pain entries, else the profile's,
    /// against the runner's usual level (``UsualPain``: the green zone, or an osteoarthritic
    /// knee's settled baseline).
    /// - Returns: The state; why, as the settle phase acts on it (no running, or less); and
    ///   why, as later phases act on it (hopping drills left out, running under the pain rule).
    private static func painState(_ input: Inputs) -> (Needs.PainState, Reason?, Reason?) {
        let duringMax = PainMemory.duringMax
        let usual = input.pain.usual(on: input.monday.dayNumber)
        let isBaseline = usual > PainMemory.safe
        let level: Int
        let source: String
        if input.journalHasPain {
            let last = input.pain.lastLevels(before: input.monday.dayNumber)
            level = last.map(\.level).max() ?? 0
            source =
                input.pain.summary(before: input.monday.dayNumber).map { "In your journal, \($0)" }
                ?? "Your journal has no pain entry in the last \(PainMemory.window) days"
        } else {
            level = input.programme.profile.pain?.level ?? 0
            source = "Your profile gives pain of \(level)/10"
        }
        let later = "hopping and bounding drills stay out, and each run follows the pain rule day by day"
        if level > duringMax {
            return (
                .tooPainfulToRun,
                Reason(
                    "\(source), above the \(duringMax)/10 that running may reach, so running waits while the knee settles.",
                    evidence: Evidence.painDuringMax.key),
                Reason("\(source), above the \(duringMax)/10 that running may reach: \(later).", evidence: Evidence.painDuringMax.key)
            )
        }
        let zone = isBaseline ? "your usual \(usual)/10" : "the \(usual)/10 green zone"
        let evidence = isBaseline ? input.pain.usualPain.startEvidence : Evidence.painSafeMax.key
        if level > usual {
            return (
                .settling,
                Reason("\(source), above \(zone), so running is reduced while the knee settles.", evidence: evidence),
                Reason("\(source), above \(zone): \(later).", evidence: evidence)
            )
        }
        let within = input.journalHasPain || isBaseline ? Reason("\(source): within \(zone).", evidence: evidence) : nil
        return (.none, within, within)
    }
}

/// The morning state → the day's sessions, each with its reason.
///
/// The steps are the pipeline that builds a week (needs → week shape → sessions → doses
/// within the minutes), fed by the state: the week's phase and running come from its
/// ``WeekPlan``; a warning sign short-circuits to the safe day; a pain hold replaces or
/// shortens the run and leaves out high-impact drills; a strength session done yesterday
/// keeps strength off today; no run passes the single-run or weekly rule on the journal plus
/// the plan.
struct Prescriber: Sendable {
    let needs: Needs
    let library: ExerciseLibrary
    let catalogue: SessionCatalogue
    let experience: Experience?

    /// - Parameter from: The phase of the first day it prescribes: phases only move forward,
    ///   so only that one, the later ones and the settle phase (for pain holds) are prepared.
    init(needs: Needs, library: ExerciseLibrary, experience: Experience?, from phase: TrainingPhase) {
        self.needs = needs
        self.library = library
        self.experience = experience
        let order = TrainingPhase.allCases
        let first = order.firstIndex(of: phase) ?? 0
        catalogue = SessionCatalogue(needs: needs, library: library, phases: Set(order[first...]).union([.settle]))
    }

    /// The run days of a week's layout (day offsets): its runs a week, spread out.
    static func runDays(_ week: WeekPlan) -> [Int] { WeekShapes.runPatterns[min(week.runsPerWeek, AdjustedWeek.maxRuns)] }

    struct Morning {
        let date: LocalDate
        let week: WeekPlan
        let flags: [RedFlagNotice]
        let hold: PlanHold?
        let retest: Reason?
        /// The day the self-tests are next due (`nil` under a warning sign).
        let retestDue: LocalDate?
        let ledger: DayLedger
        /// The last day pain broke the rule, if any, and the rule it broke.
        let lastBreak: PainBreak?
        /// The coaches' adjustments of the day.
        var adjustments = MorningAdjustments.none

        func with(flags: [RedFlagNotice]) -> Morning {
            Morning(
                date: date, week: week, flags: flags, hold: hold, retest: flags.isEmpty ? retest : nil,
                retestDue: flags.isEmpty ? retestDue : nil, ledger: ledger, lastBreak: lastBreak, adjustments: adjustments)
        }
    }

    /// Which of the week's run days keep a run when the week has fewer runs: spread out,
    /// the last one kept when there is only one.
    static func keptRunPositions(count: Int, of days: Int) -> Set<Int> {
        guard count < days else { return Set(0..<days) }
        guard count > 1 else { return [days - 1] }
        return Set((0..<count).map { Int((Double($0) * Double(days - 1) / Double(count - 1)).rounded()) })
    }

    /// The shapes of a week, without and with a pain hold: laid out once a week.
    struct Shapes {
        let week: WeekPlan
        let normal: WeekShape
        let held: WeekShape
    }

    func shapes(for week: WeekPlan) -> Shapes { shapes(for: week, needs: needs(for: week)) }

    private func shapes(for week: WeekPlan, needs: Needs) -> Shapes {
        let running = Self.running(week, runDays: week.runsPerWeek)
        func frame(_ hold: Bool) -> WeekFrame {
            WeekFrame(index: week.index, phase: week.phase, deload: week.deload, reasons: week.reasons, hold: hold)
        }
        return Shapes(
            week: week, normal: WeekShapes.shape(for: frame(false), needs: needs, running: running),
            held: WeekShapes.shape(for: frame(true), needs: needs, running: running))
    }

    /// The week's runs as the session builder reads them.
    private static func running(_ week: WeekPlan, runDays: Int) -> WeekRunning {
        WeekRunning(
            weeklyKm: week.weeklyKm,
            runsKm: week.isWalkRun ? Array(repeating: 0, count: runDays)
                : week.perRunKm > 0 ? Array(repeating: week.perRunKm, count: runDays) : [],
            isWalkRun: week.isWalkRun, reasons: week.runReasons)
    }

    /// The needs of a week: the programme's, with the week's pain state.
    private func needs(for week: WeekPlan) -> Needs {
        var needs = self.needs
        needs.painState = week.painState
        needs.painReason = week.painReason
        needs.strengthYesterday = false
        needs.runsPerWeek = week.runsPerWeek
        return needs
    }

    /// - Parameter shapes: The week's shapes when the caller keeps them (see ``shapes(for:)``).
    func day(_ morning: Morning, shapes: Shapes? = nil) -> PlanDay {
        let week = morning.week
        var needs = needs(for: week)
        needs.redFlags = morning.flags
        needs.holdReasons = morning.hold.map { [$0.reason] } ?? []
        let offset = morning.date.weekday - 1
        if morning.flags.contains(where: \.holdsThePlan) {
            return safeDay(morning, needs: needs, offset: offset)
        }
        let runDays = Self.runDays(week)
        let running = Self.running(week, runDays: runDays.count)
        let shapes = shapes ?? self.shapes(for: week, needs: needs)
        var kinds = (morning.hold != nil ? shapes.held : shapes.normal).days[offset]
        let plannedRun = kinds.contains(.run)
        if kinds.contains(.strength) && morning.ledger.didStrength(on: morning.date.dayNumber - 1) {
            kinds.removeAll { $0 == .strength }
            if !kinds.contains(.flexibility) && !kinds.contains(.run) { kinds.append(.flexibility) }
        }
        if kinds.contains(.run), let position = runDays.firstIndex(of: offset),
            week.isWalkRun
                ? !WeekShapes.walkRunDays(runDays).contains(offset)
                : !Self.keptRunPositions(count: week.runCount, of: runDays.count).contains(position)
        {
            Self.crossTrainingInPlaceOfRun(&kinds)
        }
        var runKm: [Double] = running.runsKm.isEmpty ? [] : [running.runsKm[0]]
        var runReasons = week.runReasons
        if kinds.contains(.run), !week.isWalkRun {
            let (km, why) = todaysRun(morning)
            runKm = [km]
            runReasons = why + runReasons
            if km <= 0 { Self.crossTrainingInPlaceOfRun(&kinds) }
        }
        if kinds.contains(.run), morning.hold?.effect == .replaceRuns || morning.adjustments.pausesRunning {
            Self.crossTrainingInPlaceOfRun(&kinds)
        }
        var context = SessionBuilder.Context(
            frame: sessionFrame(morning), needs: needs, library: library,
            running: WeekRunning(weeklyKm: week.weeklyKm, runsKm: runKm, isWalkRun: week.isWalkRun, reasons: runReasons),
            experience: experience, catalogue: catalogue, lowImpact: isLowImpact(morning),
            sore: morning.hold != nil || week.painState != .none)
        // A run the day had and lost stands as cross-training, which then takes the run's place.
        context.crossTrainingReplacesRun = plannedRun && !kinds.contains(.run)
        return PlanDay(
            date: morning.date, sessions: SessionBuilder.day(kinds, runIndex: 0, context: context),
            retest: morning.retest, programmeWeek: week.index, phase: week.phase, deload: week.deload,
            holds: morning.hold.map { [$0] } ?? [],
            adjustments: morning.adjustments.applied.map { applied in
                morning.hold.map { AdjustmentReasons.heldByPain(applied, hold: $0) } ?? applied
            })
    }

    /// The frame the sessions are built in: under a pain hold, the settle phase's pain-relief
    /// holds and gentle work; in a lighter week, last week's exercises (nothing new).
    private func sessionFrame(_ morning: Morning) -> WeekFrame {
        let week = morning.week
        return WeekFrame(
            index: week.deload ? max(1, week.index - 1) : week.index, phase: morning.hold != nil ? .settle : week.phase,
            deload: week.deload, reasons: week.reasons, hold: morning.hold != nil)
    }

    /// No hopping or bounding drills for a tendon a clinician found, under a hold, in a lighter
    /// week, in a week of walk–run, in a week the journal holds or reads as painful (as profile
    /// pain leaves them out), while pain persists, and for a week after pain broke the rule or
    /// a warning sign was lifted.
    private func isLowImpact(_ morning: Morning) -> Bool {
        let day = morning.date.dayNumber, week = morning.week
        return morning.hold != nil || week.deload || week.isHeld || week.isWalkRun || week.painState != .none
            || !morning.flags.isEmpty || !needs.findings.tendonProblems.isEmpty
            || (morning.lastBreak.map { day - $0.date.dayNumber <= 7 } ?? false)
            || morning.ledger.lastFlagged(from: day - 7, to: day - 1) != nil
    }

    /// Under a warning sign: relaxed breathing, and gentle positions that put no load through
    /// the knee when the sign is not urgent; nothing else.
    private func safeDay(_ morning: Morning, needs: Needs, offset: Int) -> PlanDay {
        let frame = WeekFrame(index: morning.week.index, phase: .settle, deload: false, reasons: [])
        let kinds = WeekShapes.heldShape(needs: needs).days[offset]
        let context = SessionBuilder.Context(
            frame: frame, needs: needs, library: library,
            running: WeekRunning(weeklyKm: 0, runsKm: [], isWalkRun: false, reasons: []), experience: experience,
            catalogue: catalogue, lowImpact: true, kneeFree: true, sore: true)
        return PlanDay(
            date: morning.date, sessions: SessionBuilder.day(kinds, runIndex: nil, context: context), retest: nil,
            programmeWeek: morning.week.index, phase: .settle, deload: false, holds: morning.hold.map { [$0] } ?? [],
            adjustments: morning.adjustments.applied.map { applied in
                morning.flags.first(where: \.holdsThePlan).map { AdjustmentReasons.waiting(applied.adjustment, sign: $0) } ?? applied
            })
    }

    /// The day's run: the week's run, within the single-run cap and what is left of the week's
    /// jump allowance, shortened by a hold; with the reason for each cut first.
    private func todaysRun(_ morning: Morning) -> (Double, [Reason]) {
        let day = morning.date.dayNumber, ledger = morning.ledger, week = morning.week
        var km = week.perRunKm
        var reasons: [Reason] = []
        // Against the 30 days before this run, and no further than against the 30 days before
        // the week began, so runs do not climb run after run within one week.
        let monday = week.monday.dayNumber
        let beforeWeek = ledger.ruleLongest(from: monday - RunSpikes.windowDays, to: monday - 1)
        let beforeRun = ledger.ruleLongest(from: day - RunSpikes.windowDays, to: day - 1)
        let longest = beforeWeek > 0 && beforeRun > 0 ? min(beforeWeek, beforeRun) : beforeRun
        if longest > 0 {
            let cap = RunningWeek.capTenth(longest * RunningVolume.singleRunFactor)
            if km > cap {
                km = cap
                reasons.append(
                    Reason(
                        "No single run is more than \(RunningWeek.percent(RunningVolume.singleRunFactor - 1)) longer than your longest run of the \(RunSpikes.windowDays) days before it and before this week (\(longest.kmText)).",
                        evidence: Evidence.loadSingleRunSpikePercent.key))
            }
        }
        if let cap = week.jumpCapKm {
            let soFar = ledger.runKm(from: week.monday.dayNumber, to: day - 1)
            let left = RunningWeek.capTenth(cap - soFar)
            if km > left {
                km = left
                reasons.append(
                    Reason(
                        "This week already has \(soFar.kmText) of running; the week stays within \(cap.kmText), so this run is \(left > 0 ? "shorter" : "swapped for cross-training").",
                        evidence: Evidence.loadWeeklyJumpPercent.key))
            }
        }
        if let broke = morning.lastBreak, day - broke.date.dayNumber <= 7 {
            let around = ledger.longestRun(from: broke.date.dayNumber - 7, to: broke.date.dayNumber)
            let limit = RunningWeek.floorTenth(around * RunningWeek.deloadFactor)
            if around > 0 && km > limit {
                km = limit
                reasons.append(
                    Reason(
                        "Pain broke the rule on \(broke.date.weekdayName) \(broke.date): for a week, runs stay \(RunningWeek.percent(1 - RunningWeek.deloadFactor)) shorter than the \(around.kmText) you ran around it.",
                        evidence: broke.evidence))
            }
        }
        if let persisting = morning.flags.first(where: { !$0.holdsThePlan }) {
            let recent = ledger.longestRun(from: day - 7, to: day - 1)
            if recent > 0 && km > recent {
                km = RunningWeek.floorTenth(recent)
                reasons.append(
                    Reason(
                        "Your pain has lasted without getting better, so no run is longer than your longest of the last week (\(recent.kmText)) until it settles or the knee has been looked at.",
                        evidence: persisting.evidence))
            }
        }
        // A week planned as a restart after the sign is at the restart share already; so is
        // a week after one in which running came back after the sign (it builds on that).
        if let flagged = ledger.lastFlagged(from: day - 7, to: day - 1), km > 0, !week.isRestart,
            flagged >= week.monday.dayNumber || ledger.runDays(from: flagged + 1, to: day - 1) == 0
        {
            km = RunningWeek.floorTenth(km * RunningVolume.reducedFactor)
            reasons.insert(
                Reason(
                    "A warning sign held the plan until \(LocalDate(dayNumber: flagged)): running comes back gradually, about \(RunningWeek.percent(RunningVolume.reducedFactor)) of the planned run for a week, without hopping drills.",
                    evidence: Evidence.loadDeloadCutPercent.key), at: 0)
        }
        if let hold = morning.hold, hold.effect == .shortenRuns, km > 0 {
            km = RunningWeek.floorTenth(km * RunningVolume.reducedFactor)
            reasons.insert(hold.reason, at: 0)
        }
        return (km, reasons)
    }

    /// A run (with its warm-up and cool-down) becomes low-impact cross-training.
    private static func crossTrainingInPlaceOfRun(_ kinds: inout [SessionKind]) {
        guard let at = kinds.firstIndex(of: .warmUp) ?? kinds.firstIndex(of: .run) else { return }
        kinds.removeAll { $0 == .warmUp || $0 == .run || $0 == .coolDown }
        if !kinds.contains(.crossTraining) { kinds.insert(.crossTraining, at: min(at, kinds.count)) }
    }
}

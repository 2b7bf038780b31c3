/// Builds a personalised, periodised plan from a profile: one pure pipeline.
///
/// `Profile → Needs → Phases → WeekShapes → Sessions → Plan`, each step a plain function
/// in its own file. No clock, no randomness, no I/O: the same inputs give the same plan.
///
/// ```swift
/// let plan = try PlanGenerator.plan(for: profile, library: .bundled(), start: monday, weeks: 12)
/// ```
public enum PlanGenerator {
    /// The plan lengths KneeCoach builds, in weeks.
    public static let weekRange = 1...52

    /// Builds the plan.
    /// - Parameters:
    ///   - profile: The runner, with their pain block and self-test results.
    ///   - library: The exercise library to prescribe from.
    ///   - start: The first day of the plan (usually today: a plan started today just carries
    ///     on, and missed sessions are not piled onto it).
    ///   - weeks: How many weeks, within ``weekRange``.
    ///   - history: The journal up to `start`. It refines the needs before anything is laid
    ///     out: active warning signs stop running and progression until a clearance; a recent
    ///     spike, sharp weekly jump or pain breaking the rule makes the first week lighter and
    ///     holds progression; weeks of running inside the pain rule unlock the next phase; the
    ///     usual week and the longest recent run come from logged runs; the self-tests are due
    ///     again four weeks after the last. Each change carries a reason naming the entry.
    ///   - asOf: The day the plan is looked at, when later than `start` (a week's plan shown
    ///     on its Wednesday): warning signs logged up to that day already hold it, since red
    ///     flags always win; everything else is read as of `start`, so the week keeps its shape.
    /// - Returns: The plan, with a reason on every week, session and item.
    /// - Throws: ``PlanError/weeksOutOfRange(_:)``.
    public static func plan(
        for profile: Profile, library: ExerciseLibrary, start: LocalDate, weeks: Int,
        history: TrainingHistory = .empty, asOf: LocalDate? = nil
    ) throws(PlanError) -> Plan {
        guard weekRange.contains(weeks) else { throw .weeksOutOfRange(weeks) }
        let needs = Needs(from: profile, journal: JournalSignals(history: history, start: start, asOf: asOf))
        let frames = Phases.frames(for: needs, weeks: weeks)
        let runDays = WeekShapes.runPatterns[min(needs.runsPerWeek, 6)].count
        let running = RunningVolume.weeks(for: needs, frames: frames, runDaysPerWeek: runDays)
        let catalogue = SessionCatalogue(needs: needs, library: library, phases: Set(frames.map(\.phase)))
        let retests = Retests.days(needs: needs, start: start, weeks: weeks)
        var planWeeks: [PlanWeek] = []
        planWeeks.reserveCapacity(weeks)
        for (frame, volume) in zip(frames, running) {
            let shape = WeekShapes.shape(for: frame, needs: needs, running: volume)
            let context = SessionBuilder.Context(
                frame: frame, needs: needs, library: library, running: volume, experience: profile.experience,
                catalogue: catalogue)
            let firstDay = start.adding(days: (frame.index - 1) * 7)
            let days = shape.days.enumerated().map { offset, kinds in
                let date = firstDay.adding(days: offset)
                return PlanDay(
                    date: date,
                    sessions: SessionBuilder.day(
                        kinds, runIndex: shape.runDays.firstIndex(of: offset), context: context),
                    retest: retests.contains(date) ? Retests.reason(needs: needs) : nil)
            }
            var reasons = frame.reasons + volume.reasons + WeekShapes.reasons(for: days, frame: frame, needs: needs)
            if frame.index == 1 { reasons += needs.journalReasons + needs.emphasisReasons }
            if let day = days.first(where: { $0.retest != nil }), let retest = day.retest {
                reasons.append(Reason("\(day.date.weekdayName) \(day.date): " + retest.text, evidence: retest.evidence))
            }
            planWeeks.append(
                PlanWeek(
                    index: frame.index, phase: frame.phase, deload: frame.deload, runningKm: volume.weeklyKm,
                    reasons: reasons.uniqued(), days: days))
        }
        return Plan(
            start: start, weeks: planWeeks, notes: PlanNotes.notes(for: needs, profile: profile),
            redFlags: needs.redFlags, disclaimer: Disclaimer.text)
    }
}

/// What can stop a plan from being built.
public enum PlanError: UserFacingError, Equatable {
    case weeksOutOfRange(Int)

    public var problem: String {
        switch self {
        case .weeksOutOfRange(let weeks):
            "A plan of \(weeks) weeks is outside the range KneeCoach builds (\(PlanGenerator.weekRange.lowerBound)–\(PlanGenerator.weekRange.upperBound))."
        }
    }

    public var fix: String { "Pass --weeks with a number from 1 to 52." }
    public var exitCode: Int32 { ExitStatus.usage }
}

/// The one plain statement of what KneeCoach is not.
public enum Disclaimer {
    public static let text =
        "KneeCoach is not a medical device and does not diagnose. See a clinician for pain at rest or at night, swelling, redness or heat, locking, giving way or limping."
}

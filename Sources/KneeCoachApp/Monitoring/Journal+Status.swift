import Foundation
import KneeCoachCore
import KneeCoachStore

extension Journal {
    /// The runner's status on a day: load, spikes, pain against the rule, shoes, cadence,
    /// warning signs, progress and adherence, from the journal up to that day.
    ///
    /// Adherence counts the sessions the plan laid out from the week of the first session
    /// the runner logged (or the first week shown, if later) up to the day before `day`:
    /// weeks before the runner used the plan are not counted as missed.
    ///
    /// Only the weeks shown and the five weeks before them are read in full (enough for the
    /// weekly jump, the 30-day spike window and the 28-day chronic load); shoes, warning
    /// signs and progress still see the whole journal (see ``history(from:through:)``).
    /// - Parameters:
    ///   - day: The day to report on (its week is the last one shown).
    ///   - weeks: How many ISO weeks to show, within ``Monitor/weekRange``.
    ///   - profile: The runner's profile.
    ///   - library: The exercise library the plan prescribes from.
    /// - Throws: ``MonitorError``, ``PlanError``, or a store error.
    public func status(on day: LocalDate, weeks: Int, profile: Profile, library: ExerciseLibrary) async throws
        -> MonitoringReport
    {
        try await statusAndHistory(on: day, weeks: weeks, profile: profile, library: library).report
    }

    /// The status on a day drawn as a report page (see ``status(on:weeks:profile:library:)``).
    public func reportPage(on day: LocalDate, weeks: Int, profile: Profile, library: ExerciseLibrary) async throws
        -> ReportPage
    {
        let (report, history) = try await statusAndHistory(on: day, weeks: weeks, profile: profile, library: library)
        return ReportPage(report, history: history)
    }

    /// The status and the history it was computed from, read once.
    private func statusAndHistory(on day: LocalDate, weeks: Int, profile: Profile, library: ExerciseLibrary)
        async throws -> (report: MonitoringReport, history: TrainingHistory)
    {
        guard Monitor.weekRange.contains(weeks) else { throw MonitorError.weeksOutOfRange(weeks) }
        let history = try await history(from: Self.statusWindowStart(day: day, weeks: weeks), through: day)
        let planned = try plannedSessions(before: day, weeks: weeks, profile: profile, library: library, history: history)
        let report = try Monitor.status(history: history, profile: profile, today: day, weeks: weeks, planned: planned)
        return (report, history)
    }

    /// The first day a status over `weeks` weeks reads in full: five weeks before its first week.
    static func statusWindowStart(day: LocalDate, weeks: Int) -> LocalDate {
        day.isoWeekStart.adding(days: -7 * (weeks - 1) - 35)
    }

    /// A plan that has read the journal up to `start` (see
    /// ``PlanGenerator/plan(for:library:start:weeks:history:asOf:)``): a pain entry logged this
    /// morning already shapes a plan that starts today.
    /// - Parameter asOf: The day the plan is looked at, when later than `start`: warning
    ///   signs logged up to that day hold it too.
    public func plan(
        for profile: Profile, start: LocalDate, weeks: Int, library: ExerciseLibrary, asOf: LocalDate? = nil
    ) async throws -> Plan {
        let history = try await history(through: max(start, asOf ?? start))
        return try PlanGenerator.plan(
            for: profile, library: library, start: start, weeks: weeks, history: history, asOf: asOf)
    }

    /// The sessions the plan asked for in the weeks shown, from the week of the first logged session.
    private func plannedSessions(
        before day: LocalDate, weeks: Int, profile: Profile, library: ExerciseLibrary, history: TrainingHistory
    ) throws -> [PlannedSessionRef] {
        guard let firstSession = history.sessions.map(\.date).min() else { return [] }
        let firstShown = day.isoWeekStart.adding(days: -7 * (weeks - 1))
        let start = max(firstShown, firstSession.isoWeekStart)
        guard start < day else { return [] }
        let span = min((start.days(until: day) + 6) / 7, PlanGenerator.weekRange.upperBound)
        let plan = try PlanGenerator.plan(for: profile, library: library, start: start, weeks: span, history: history)
        return plan.sessionRefs.filter { $0.date < day }
    }
}

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
    ///   - now: The clock's instant (the coach's today).
    /// - Throws: ``MonitorError``, ``PlanError``, or a store error.
    public func status(
        on day: LocalDate, weeks: Int, profile: Profile, library: ExerciseLibrary, now: Date = Date()
    ) async throws -> MonitoringReport {
        try await statusAndHistory(on: day, weeks: weeks, profile: profile, library: { library }, now: now).report
    }

    /// The status, as ``status(on:weeks:profile:library:)``, with the library asked for only
    /// once the journal's weeks are read (a command decoding it on another thread waits late).
    public func status(
        on day: LocalDate, weeks: Int, profile: Profile, libraryOnceRead library: () throws -> ExerciseLibrary
    ) async throws -> MonitoringReport {
        try await statusAndHistory(on: day, weeks: weeks, profile: profile, library: library, now: Date()).report
    }

    /// The status on a day drawn as a report page (see ``status(on:weeks:profile:library:)``).
    public func reportPage(on day: LocalDate, weeks: Int, profile: Profile, library: ExerciseLibrary) async throws
        -> ReportPage
    {
        let (report, history) = try await statusAndHistory(
            on: day, weeks: weeks, profile: profile, library: { library }, now: Date())
        let from = report.weeklyKm.first?.weekStart ?? day
        return ReportPage(
            report, history: history, signs: Monitor.signs(history: history, profile: profile, from: from, through: day))
    }

    /// The status and the history it was computed from, read once.
    private func statusAndHistory(
        on day: LocalDate, weeks: Int, profile: Profile, library: () throws -> ExerciseLibrary, now: Date
    ) async throws -> (report: MonitoringReport, history: TrainingHistory)
    {
        guard Monitor.weekRange.contains(weeks) else { throw MonitorError.weeksOutOfRange(weeks) }
        let history = try await history(from: Self.statusWindowStart(day: day, weeks: weeks), through: day)
        let planned = try await plannedSessions(before: day, weeks: weeks, library: library, history: history, now: now)
        let report = try Monitor.status(history: history, profile: profile, today: day, weeks: weeks, planned: planned)
        return (report, history)
    }

    /// The first day a status over `weeks` weeks reads in full: five weeks before its first week.
    static func statusWindowStart(day: LocalDate, weeks: Int) -> LocalDate {
        day.isoWeekStart.adding(days: -7 * (weeks - 1) - 35)
    }

    /// What the coach prescribed each morning of the weeks shown, from the week of the first
    /// logged session (weeks before the runner used the plan are not counted as missed) up to
    /// the day before `day`: adherence sets each past day against what `today` showed then.
    private func plannedSessions(
        before day: LocalDate, weeks: Int, library: () throws -> ExerciseLibrary, history: TrainingHistory, now: Date
    ) async throws -> [PlannedSessionRef] {
        guard let firstSession = history.sessions.map(\.date).min() else { return [] }
        let firstShown = day.isoWeekStart.adding(days: -7 * (weeks - 1))
        let start = max(firstShown, firstSession.isoWeekStart)
        guard start < day else { return [] }
        let coach = try await coach(profile: nil, earliest: start, shows: .day(start), now: now, libraryOnceRead: library)
        return coach.prescriptions(from: start, through: day.adding(days: -1)).flatMap(\.sessionRefs)
    }
}

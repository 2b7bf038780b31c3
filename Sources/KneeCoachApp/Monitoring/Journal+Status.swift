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
    ///
    /// With sessions logged in the weeks read, adherence needs the coach's prescriptions, and
    /// the coach reads two years of the journal: the journal is then read once, over both
    /// windows, and each gets its own rows from that read (``JournalRows``), as its own read
    /// would have given them.
    private func statusAndHistory(
        on day: LocalDate, weeks: Int, profile: Profile, library: () throws -> ExerciseLibrary, now: Date
    ) async throws -> (report: MonitoringReport, history: TrainingHistory)
    {
        guard Monitor.weekRange.contains(weeks) else { throw MonitorError.weeksOutOfRange(weeks) }
        let from = Self.statusWindowStart(day: day, weeks: weeks)
        guard let start = try await adherenceStart(day: day, weeks: weeks, windowStart: from) else {
            let history = try await history(from: from, through: day)
            return (try Monitor.status(history: history, profile: profile, today: day, weeks: weeks, planned: []), history)
        }
        let inputs = try await coachInputs(profile: nil, start: nil, earliest: start, shows: .day(start), now: now)
        let rows = try await rows(
            from: min(from, inputs.readFrom), through: nil, scope: .report,
            leavingOutActivities: inputs.unread?.before(from), shoeUseBefore: from)
        let shown = try self.history(of: rows.narrowed(from: from, through: day, leavingOut: nil), scope: .report)
        let folded = try self.history(
            of: rows.narrowed(from: inputs.readFrom, through: nil, leavingOut: inputs.unread), scope: .coach)
        let coach = try await self.coach(inputs, history: folded, libraryOnceRead: library)
        let planned = coach.prescriptions(from: start, through: day.adding(days: -1)).flatMap(\.sessionRefs)
        let report = try Monitor.status(history: shown, profile: profile, today: day, weeks: weeks, planned: planned)
        return (report, shown)
    }

    /// The first day of a status over `weeks` weeks read in full: five weeks before its first week.
    static func statusWindowStart(day: LocalDate, weeks: Int) -> LocalDate {
        day.isoWeekStart.adding(days: -7 * (weeks - 1) - 35)
    }

    /// The first morning adherence compares with what the coach prescribed: from the week of
    /// the first session logged in the weeks read (weeks before the runner used the plan are
    /// not counted as missed), and not before the first week shown; `nil` when there is none
    /// before `day` (no session logged, or none before it).
    private func adherenceStart(day: LocalDate, weeks: Int, windowStart: LocalDate) async throws -> LocalDate? {
        guard let firstSession = try await store.firstSessionDay(from: windowStart, to: day) else { return nil }
        let firstShown = day.isoWeekStart.adding(days: -7 * (weeks - 1))
        let start = max(firstShown, firstSession.isoWeekStart)
        return start < day ? start : nil
    }
}

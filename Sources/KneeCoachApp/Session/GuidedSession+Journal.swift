import Foundation
import KneeCoachCore
import KneeCoachStore

extension SessionRecord {
    /// The journal's record of a guided session, from what its runner did.
    ///
    /// Each exercise with at least one set (or timed block) done in full is an item: `sets`
    /// counts the sets done in full, `reps` and `holdSeconds` repeat the plan's dose of one set
    /// (as `log session` stores them). The totals count exactly what was done, every side and
    /// the finished holds and repetitions of a set left part-way included. Exercises skipped,
    /// never reached or left before a whole set are listed as skipped. The note says how the
    /// session ended and how long it ran, and names an exercise left part-way; what the runner
    /// wrote follows it.
    ///
    /// - Parameters:
    ///   - runner: The runner after the session, finished or stopped.
    ///   - activeSeconds: The seconds it ran, pauses excluded (for the note only).
    ///   - note: The runner's own words about the session, if any.
    public init(
        guided runner: SessionRunner, date: LocalDate, activeSeconds: Double, pain: Int?, effort: Int?, note: String? = nil
    ) {
        let report = runner.report
        let planned = runner.timeline.items
        let done = report.items.enumerated().filter(\.element.isDone)
        let items = done.map { index, item in
            SessionRecord.Item(
                exercise: item.exercise, sets: item.setsDone, reps: planned[index].reps,
                holdSeconds: planned[index].holdSeconds)
        }
        self.init(
            date: date, kind: report.kind.rawValue, itemsDone: items, itemsSkipped: report.notDone.map(\.exercise),
            setsDone: report.items.map(\.setsDone).reduce(0, +),
            repsDone: report.items.compactMap(\.repsDone).reduce(0, +),
            holdSecondsDone: report.items.compactMap(\.holdSecondsDone).reduce(0, +), pain: pain, effort: effort,
            note: Self.guidedNote(report, activeSeconds: activeSeconds) + (note.map { " " + $0 } ?? ""))
    }

    /// The longest note of the runner's own a guided session takes: the rest of the journal's
    /// limit is left for the summary before it.
    public static let guidedOwnNoteCharacters = InputLimits.noteCharacters - 500

    /// `Guided session, finished in 23:40.` or `Guided session, stopped after 12:05: 2 of 4
    /// exercises done; Slow Step-Down 1 of 3 sets.`
    static func guidedNote(_ report: SessionReport, activeSeconds: Double) -> String {
        let time = clockText(seconds: activeSeconds.rounded(.down))
        let partial = report.items.filter { $0.status == .partial }
            .map { "\($0.name) \($0.setsDone) of \($0.plannedSets) \($0.plannedSets == 1 ? "set" : "sets")" }
        var note = report.finished ? "Guided session, finished in \(time)" : "Guided session, stopped after \(time)"
        if !report.finished || !partial.isEmpty {
            note += ": \(report.done.count) of \(report.items.count) exercises done"
        }
        if !partial.isEmpty { note += "; " + partial.joined(separator: ", ") }
        return note + "."
    }
}

extension Journal {
    /// Stores what a guided session did, with the knee pain and effort the runner gave.
    /// - Parameters:
    ///   - runner: The runner after the session, finished or stopped.
    ///   - note: The runner's own words, stored after the session's summary.
    ///   - today: The runner's today, to refuse a session dated in the future.
    /// - Throws: ``JournalError`` for a pain or effort outside 0–10, a future date or a note
    ///   too long; a ``StoreError`` from the database.
    @discardableResult
    public func logGuidedSession(
        _ runner: SessionRunner, date: LocalDate, activeSeconds: Double, pain: Int?, effort: Int?, note: String? = nil,
        today: LocalDate
    ) async throws -> SessionRecord {
        try Self.checkDate(date, option: "--date", today: today)
        if let pain { try Self.check(pain, option: "pain") }
        if let effort { try Self.check(effort, option: "effort") }
        if let note { try JournalRules.check(text: note, option: "The note", limit: SessionRecord.guidedOwnNoteCharacters) }
        let record = SessionRecord(
            guided: runner, date: date, activeSeconds: activeSeconds, pain: pain, effort: effort, note: note)
        try JournalRules.check(record)
        return try await store.insert(record)
    }
}

import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// The `--date` option of the journal commands, defaulting to today in the runner's time zone.
struct DateOption: ParsableArguments {
    @Option(help: ArgumentHelp("The day, YYYY-MM-DD (default: today in your profile's time zone).", valueName: "date"))
    var date: String?

    /// The date given, or `nil` for today (which only the journal knows: it holds the time zone).
    /// - Throws: ``PlanInputError/badDate(option:value:)`` for text that is not a date.
    func parsed() throws(PlanInputError) -> LocalDate? {
        try date.map { (text) throws(PlanInputError) in try PlanInputs.date(text, option: "date") }
    }
}

extension DatabaseOptions {
    /// Checks `--date`, opens the journal and runs `body` with the day asked for (today in
    /// the runner's time zone when it was left out) and today.
    /// - Throws: ``PlanInputError/badDate(option:value:)`` before anything is opened, or what
    ///   opening the journal or `body` throws.
    func withJournal<T>(
        day option: DateOption, _ body: (Journal, _ day: LocalDate, _ today: LocalDate) async throws -> T
    ) async throws -> T {
        let asked = try option.parsed()
        return try await withJournal { journal in
            let today = await journal.today()
            return try await body(journal, asked ?? today, today)
        }
    }
}

enum JournalInputs {
    /// The planned items of one kind of session on a date: the coach's prescription for that
    /// day, as `kneecoach today` shows it; empty when there is no profile or nothing of that
    /// kind is planned.
    static func plannedItems(on date: LocalDate, kind: SessionKind, journal: Journal) async throws -> [PlanItem] {
        try await journal.plannedItems(on: date, kind: kind, library: ExerciseLibrary.bundled())
    }
}

extension SessionKind: ExpressibleByArgument {
    /// Any case: `Strength` is `strength`.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

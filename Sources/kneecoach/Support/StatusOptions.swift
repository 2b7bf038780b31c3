import ArgumentParser
import KneeCoachApp
import KneeCoachCore

/// The options `status` and `report` share, and what they read before reporting: the
/// journal, the stored profile, the day and the exercise library.
struct StatusOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The day to report on, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("How many weeks to show (1–520).", valueName: "n"))
    var weeks = 12

    /// Checks the options, opens the journal and runs `body` with the stored profile and the day;
    /// `body` asks for the exercise library when it needs it (`LibraryWarmUp` decodes it meanwhile).
    /// - Throws: ``MonitorError`` or ``PlanInputError`` (exit 64) before the journal is opened,
    ///   ``PlanInputError/noProfile`` when there is no journal or no profile (no journal is
    ///   created just to find that out), or what `body` throws.
    func withStatusInputs<T>(
        _ database: DatabaseOptions,
        _ body: (Journal, Profile, _ day: LocalDate, _ library: () throws -> ExerciseLibrary) async throws -> T
    ) async throws -> T {
        guard Monitor.weekRange.contains(weeks) else { throw MonitorError.weeksOutOfRange(weeks) }
        let asked = try date.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "date") }
        guard try database.journalMayExist() else { throw PlanInputError.noProfile }
        return try await database.withJournal { journal in
            guard let profile = try await journal.profile() else { throw PlanInputError.noProfile }
            let day: LocalDate
            if let asked { day = asked } else { day = await journal.today() }
            return try await body(journal, profile, day, ExerciseLibrary.bundled)
        }
    }
}

import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// The `--date` option of the journal commands, defaulting to today in the runner's time zone.
struct DateOption: ParsableArguments {
    @Option(help: ArgumentHelp("The day, YYYY-MM-DD (default: today in your profile's time zone).", valueName: "date"))
    var date: String?

    /// The date given, or today.
    /// - Throws: ``PlanInputError/badDate(option:value:)`` for text that is not a date.
    func resolve(today: LocalDate) throws(PlanInputError) -> LocalDate {
        guard let date else { return today }
        return try PlanInputs.date(date, option: "date")
    }
}

enum JournalInputs {
    /// Today in the stored profile's time zone (the system's when there is no profile).
    static func today(folder: DataFolder) -> LocalDate {
        let zone = (try? ProfileStore(folder: folder).profile())?.timeZone
        return PlanInputs.today(timeZone: zone)
    }

    /// The planned items of one kind of session on a date, from the stored profile's plan
    /// (which starts on the Monday of that week, as `kneecoach today` shows it); empty when
    /// there is no profile or nothing of that kind is planned.
    static func plannedItems(on date: LocalDate, kind: SessionKind, folder: DataFolder) throws -> [PlanItem] {
        guard let profile = try ProfileStore(folder: folder).profile() else { return [] }
        let start = date.mondayOfWeek
        let plan = try PlanGenerator.plan(for: profile, library: ExerciseLibrary.bundled(), start: start, weeks: 1)
        return plan.sessions(on: date).filter { $0.kind == kind }.flatMap(\.items)
    }
}

extension SessionKind: ExpressibleByArgument {}

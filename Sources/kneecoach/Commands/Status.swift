import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach status`: what the journal says about load, pain, shoes, cadence and warning signs.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show your load, pain trend, shoes, cadence, warning signs, progress and adherence.",
        discussion: """
            Everything comes from the journal up to --date (default: today). Warning signs come \
            first: they hold the plan until 'kneecoach log cleared' records a clinician's all-clear. \
            The README explains each number and where its threshold comes from.
            """)

    @Option(help: ArgumentHelp("The day to report on, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("How many weeks to show (1–520).", valueName: "n"))
    var weeks = 12

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingErrors {
            guard Monitor.weekRange.contains(weeks) else { throw MonitorError.weeksOutOfRange(weeks) }
            let asked = try date.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "date") }
            let library = try ExerciseLibrary.bundled()
            guard try database.journalMayExist() else { throw PlanInputError.noProfile }
            let report = try await database.withJournal { journal in
                guard let profile = try await journal.profile() else { throw PlanInputError.noProfile }
                let day: LocalDate
                if let asked { day = asked } else { day = await journal.today() }
                return try await journal.status(on: day, weeks: weeks, profile: profile, library: library)
            }
            if output.json { try Console.json(report) } else { Console.out(StatusView.render(report)) }
        }
    }
}

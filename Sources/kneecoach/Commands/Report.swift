import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach report FILE.html`: the status as one self-contained page of charts.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page of charts: weekly distance, pain against load, shoes, cadence.",
        discussion: """
            The page needs no network: styles and SVG charts are inside it, with a table of the \
            numbers behind each chart. Open it in any browser, or send it to your physiotherapist.
            """)

    @Argument(help: ArgumentHelp("The HTML file to write (replaced if it exists).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The last day to report on, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("How many weeks to draw (1–520).", valueName: "n"))
    var weeks = 12

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            guard Monitor.weekRange.contains(weeks) else { throw MonitorError.weeksOutOfRange(weeks) }
            let asked = try date.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "date") }
            let library = try ExerciseLibrary.bundled()
            guard try database.journalMayExist() else { throw PlanInputError.noProfile }
            let page = try await database.withJournal { journal in
                guard let profile = try await journal.profile() else { throw PlanInputError.noProfile }
                let day: LocalDate
                if let asked { day = asked } else { day = await journal.today() }
                return try await journal.reportPage(on: day, weeks: weeks, profile: profile, library: library)
            }
            let url = URL(fileURLWithPath: file)
            try ReportHTML.write(page, to: url)
            Console.out("Wrote the report of \(page.from) to \(page.to) to \(url.path).")
        }
    }
}

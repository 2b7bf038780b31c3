import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach plan`: the personalised, periodised plan as a week view, JSON or a calendar.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Build your personalised plan: a week view, --json, or an --ics calendar.",
        discussion: """
            With --profile FILE the plan is built from that file and nothing is stored or read \
            from the data folder; otherwise from the stored profile ('kneecoach profile init'). \
            The plan starts on --start, by default the next Monday on or after today in the \
            profile's time zone. --ics writes one all-day event per session; exporting the same \
            plan again gives the same event ids, so a calendar updates instead of duplicating.
            """
    )

    @Option(help: ArgumentHelp("Build the plan from this profile JSON file instead of the stored profile.", valueName: "file"))
    var profile: String?

    @Option(help: ArgumentHelp("The first day of the plan, YYYY-MM-DD (default: the next Monday on or after today).", valueName: "date"))
    var start: String?

    @Option(help: ArgumentHelp("How many weeks, 1 to 52.", valueName: "n"))
    var weeks: Int = 12

    @Flag(help: "Show why: each week's reasons and each session's and exercise's reason with its evidence key.")
    var explain = false

    @Option(
        name: .customLong("ics"),
        help: ArgumentHelp("Write the plan as an iCalendar file to this path instead of showing the week view.", valueName: "file"))
    var icsPath: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingErrors {
            guard PlanGenerator.weekRange.contains(weeks) else { throw PlanError.weeksOutOfRange(weeks) }
            let startDate = try start.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "start") }
            let runner = try await PlanInputs.profile(file: profile, database: database)
            let library = try ExerciseLibrary.bundled()
            let first = startDate ?? PlanInputs.today(timeZone: runner.timeZone).nextMondayOnOrAfter
            let plan = try await PlanInputs.plan(for: runner, start: first, weeks: weeks, library: library, database: database)
            if let icsPath {
                let url = URL(fileURLWithPath: icsPath)
                try CalendarExport.write(plan, library: library, to: url)
                let events = plan.days.map(\.sessions.count).reduce(plan.redFlags.isEmpty ? 0 : 1, +)
                let message = "Wrote \(events) calendar events (\(plan.weeks.count) weeks from \(plan.start)) to \(url.path)."
                if output.json { Console.err(message) } else { Console.out(message) }
            }
            if output.json {
                try Console.json(PlanDocument(plan, library: library))
            } else if icsPath == nil {
                Console.out(PlanWeekView.render(plan, library: library, explain: explain))
            }
        }
    }
}

import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach plan`: the plan (the default subcommand, `show`) and `plan restart`.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Build your personalised plan (week view, --json, --ics), or restart the programme.",
        subcommands: [PlanShow.self, PlanRestart.self],
        defaultSubcommand: PlanShow.self
    )
}

/// `kneecoach plan [show]`: the personalised, periodised plan as a week view, JSON or a calendar.
struct PlanShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Build your personalised plan: a week view, --json, or an --ics calendar.",
        discussion: """
            The plan is the coach's prescription projected forward: each day as 'kneecoach today' \
            would show it, assuming the days before it done as prescribed and pain-free. Weeks \
            are programme weeks, counted from the programme's start (see 'plan restart'). With \
            --profile FILE the plan is that profile's programme starting on --start, and nothing \
            is stored. The plan starts on --start, by default the next Monday on or after today \
            in the profile's time zone. --ics writes one all-day event per session; exporting the same \
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
            let coach = try await PlanInputs.coach(
                profileFile: profile, first: startDate, defaultFirst: \.nextMondayOnOrAfter,
                shows: startDate.map(FirstShown.day) ?? .nextMonday, library: ExerciseLibrary.bundled, database: database)
            let library = coach.library
            let plan = try coach.plan(from: startDate ?? coach.today.nextMondayOnOrAfter, weeks: weeks)
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

/// `kneecoach plan restart`: start the programme again (week 1) from a day.
struct PlanRestart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restart",
        abstract: "Start the programme again (week 1, first phase) from a day, keeping the journal.",
        discussion: """
            Use it after a long break, an injury, or when you want the phases to start over. \
            Programme weeks count from the ISO week of the day given; the journal, the profile \
            and the self-tests are kept, and the coach keeps reading them (your recent running \
            and pain still shape the first week).
            """
    )

    @Option(help: ArgumentHelp("The programme's new first day, YYYY-MM-DD (default: today in the profile's time zone).", valueName: "date"))
    var date: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let asked = try date.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "date") }
            guard try database.journalMayExist() else { throw PlanInputError.noProfile }
            let day = try await database.withJournal { journal in
                guard try await journal.profile() != nil else { throw PlanInputError.noProfile }
                let day: LocalDate
                if let asked { day = asked } else { day = await journal.today() }
                try await journal.restartProgramme(on: day)
                return day
            }
            Console.out(
                "The programme starts again on \(day.weekdayName) \(day): week 1 is the week of \(day.isoWeekStart). Run 'kneecoach today' for the day's sessions.")
        }
    }
}

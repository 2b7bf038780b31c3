import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach today`: the coach's prescription for one day.
///
/// The coach folds the journal from the programme's start to the morning of the day: the
/// programme week and phase, pain holds, warning signs and the self-tests' due day all come
/// from there (see ``Coach``), and `plan --start` the same day begins with exactly this day.
struct Today: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Show the sessions the coach prescribes for today (or --date).",
        discussion: """
            The coach decides each morning from your journal: the programme week and phase count \
            from the programme's start ('kneecoach plan restart' starts it again), pain that broke \
            the rule yesterday shortens or replaces today's run, and a warning sign makes the day \
            a safe day until a clinician has seen the knee. Days up to yesterday (or your last \
            journal entry, if later) are read from the journal; later days are assumed done as \
            prescribed, so a date ahead shows where the plan will be if you follow it.
            """
    )

    /// The JSON shape of `today --json`.
    typealias Document = TodayDocument

    @Option(help: ArgumentHelp("The day to show, YYYY-MM-DD (default: today in the profile's time zone).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Use this profile JSON file instead of the stored profile (a programme starting on the day shown).", valueName: "file"))
    var profile: String?

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Show each session's and exercise's reason with its evidence key.")
    var explain = false

    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingErrors {
            let asked = try date.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "date") }
            let (coach, comments) = try await PlanInputs.coach(
                profileFile: profile, first: asked, shows: .asked(asked), library: ExerciseLibrary.bundled,
                database: database, alsoReading: { try await $0.newComments() })
            let library = coach.library
            let day = asked ?? coach.today
            let (planned, morning) = coach.todayWithMorning(day)
            if output.json {
                try Console.json(Document(day: day, planned: planned, morning: morning, library: library))
                return
            }
            Console.out(
                TodayView.render(planned, morning: morning, library: library, explain: explain, comments: comments ?? []))
        }
    }
}

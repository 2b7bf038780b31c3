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
    struct Document: Codable, Equatable {
        let date: String
        /// The programme's first day (weeks count from its ISO week).
        let planStart: String
        /// The programme week (the same number as `programmeWeek`, kept for scripts).
        let week: Int?
        let programmeWeek: Int
        let phase: String?
        let deload: Bool
        let sessions: [PlanDocument.Session]
        /// Holds that pain put on the day, each with its cause and last day.
        let holds: [PlanDocument.Hold]
        /// Why the self-tests are due today, or `null`.
        let retest: String?
        /// The day the self-tests are next due (`null` under a warning sign).
        let retestDue: String?
        let redFlags: [PlanDocument.RedFlag]
        let disclaimer: String

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(planStart, forKey: .planStart)
            try c.encode(week, forKey: .week)
            try c.encode(programmeWeek, forKey: .programmeWeek)
            try c.encode(phase, forKey: .phase)
            try c.encode(deload, forKey: .deload)
            try c.encode(sessions, forKey: .sessions)
            try c.encode(holds, forKey: .holds)
            try c.encode(retest, forKey: .retest)
            try c.encode(retestDue, forKey: .retestDue)
            try c.encode(redFlags, forKey: .redFlags)
            try c.encode(disclaimer, forKey: .disclaimer)
        }
    }

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
            let coach = try await PlanInputs.coach(
                profileFile: profile, first: asked, library: ExerciseLibrary.bundled, database: database)
            let library = coach.library
            let day = asked ?? coach.today
            let (planned, morning) = coach.todayWithMorning(day)
            if output.json {
                try Console.json(Document(day: day, planned: planned, morning: morning, library: library))
                return
            }
            Console.out(TodayView.render(planned, morning: morning, library: library, explain: explain))
        }
    }
}

extension Today.Document {
    /// The day's prescription and the morning it came from, as `today --json` prints them.
    init(day: LocalDate, planned: PlanDay, morning: MorningState, library: ExerciseLibrary) {
        self.init(
            date: day.description, planStart: morning.programmeStart.description, week: morning.programmeWeek,
            programmeWeek: morning.programmeWeek, phase: morning.phase.rawValue, deload: morning.deload,
            sessions: planned.sessions.map { PlanDocument.Session($0, library: library) },
            holds: planned.holds.map(PlanDocument.Hold.init), retest: planned.retest?.text,
            retestDue: morning.retestDue?.description, redFlags: morning.redFlags.map(PlanDocument.RedFlag.init),
            disclaimer: Disclaimer.text)
    }
}

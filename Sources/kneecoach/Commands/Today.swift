import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach today`: the sessions planned for one day.
///
/// The plan behind it starts on the Monday of the week of the profile's stored plan start
/// when there is one, else on the Monday of the week of the date asked for, and runs as many
/// weeks as it takes to reach that date (at most 52). Today's sessions are that date's.
struct Today: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the sessions planned for today (or --date).",
        discussion: """
            The plan starts on the Monday of the week of the date asked for, so with no stored \
            plan start 'today' shows the first week's pattern for that weekday. Red flags in the \
            profile come first.
            """
    )

    /// The JSON shape of `today --json`.
    struct Document: Codable, Equatable {
        let date: String
        let planStart: String
        let week: Int?
        let phase: String?
        let sessions: [PlanDocument.Session]
        let redFlags: [PlanDocument.RedFlag]
        let disclaimer: String
    }

    @Option(help: ArgumentHelp("The day to show, YYYY-MM-DD (default: today in the profile's time zone).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Use this profile JSON file instead of the stored profile.", valueName: "file"))
    var profile: String?

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Show each session's and exercise's reason with its evidence key.")
    var explain = false

    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingErrors {
            let asked = try date.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "date") }
            let runner = try await PlanInputs.profile(file: profile, database: database)
            let day = asked ?? PlanInputs.today(timeZone: runner.timeZone)
            let start = Self.planStart(stored: nil, day: day)
            let library = try ExerciseLibrary.bundled()
            let weeks = start.days(until: day) / 7 + 1
            let plan: Plan? =
                day >= start && PlanGenerator.weekRange.contains(weeks)
                ? try await PlanInputs.plan(
                    for: runner, start: start, weeks: weeks, library: library, database: database, asOf: day)
                : nil
            let week = plan?.weeks.first { $0.days.contains { $0.date == day } }
            let planned = PlanDay(date: day, sessions: plan?.sessions(on: day) ?? [])
            if output.json {
                let document = PlanDocument(
                    plan ?? Plan(start: start, weeks: [], notes: [], redFlags: [], disclaimer: Disclaimer.text),
                    library: library)
                let sessions = document.weeks.flatMap(\.days).first { $0.date == day.description }?.sessions ?? []
                try Console.json(
                    Document(
                        date: day.description, planStart: start.description, week: week?.index,
                        phase: week?.phase.rawValue, sessions: sessions, redFlags: document.redFlags,
                        disclaimer: document.disclaimer))
                return
            }
            var blocks: [String] = []
            if let plan, !plan.redFlags.isEmpty { blocks.append(PlanWeekView.redFlags(plan.redFlags)) }
            if let week {
                var header = "Today, week \(week.index) · \(week.phase.rawValue)"
                if week.deload { header += " · deload" }
                blocks.append(header)
            }
            if planned.sessions.isEmpty {
                blocks.append("Nothing planned for \(day.weekdayName) \(day): rest, walk, and enjoy the day.")
            } else {
                blocks.append(PlanWeekView.day(planned, library: library, explain: explain))
            }
            blocks.append(TextLayout.wrap(plan?.disclaimer ?? Disclaimer.text))
            Console.out(blocks.joined(separator: "\n\n"))
        }
    }

    /// The Monday the plan behind `today` starts on: that of the stored plan start's week when
    /// there is one, else that of the day's own week.
    static func planStart(stored: LocalDate?, day: LocalDate) -> LocalDate {
        (stored ?? day).mondayOfWeek
    }
}

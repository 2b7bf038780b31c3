import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach session`: today's planned session, step by step, on a full screen that
/// counts down every hold, rep set, side change and rest, then logs what was done.
///
/// The session is the coach's prescription for the day: exactly what `today` shows. On a
/// terminal it runs full screen; when standard input or output is not a terminal it prints
/// the steps as a plain list and logs nothing.
struct Session: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Be guided through a planned session: timers, sides, rests and a breath pacer.",
        discussion: """
            Keys: space pause/resume, n next step, b back a step, s skip the exercise, r repeat \
            the step, q stop early. A bell rings at each new step unless --quiet. At the end \
            (or after q) you rate knee pain and effort from 0 to 10, and the session is logged \
            in your journal with the sets, repetitions and holds done and the exercises skipped. \
            When standard output is not a terminal the steps are printed as a list and nothing \
            is logged.
            """
    )

    @Option(help: ArgumentHelp("The day of the session, YYYY-MM-DD (default: today in your profile's time zone).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("The kind of session: \(Session.guidedKinds.map(\.rawValue).joined(separator: ", ")) (default: the day's first).", valueName: "kind"))
    var kind: SessionKind?

    @Option(help: ArgumentHelp("Use this profile JSON file instead of the stored profile.", valueName: "file"))
    var profile: String?

    @Flag(help: "No bell at each new step.")
    var quiet = false

    /// A testing aid: session seconds per real second. Counts come from the steps done,
    /// never from the clock, so it changes no recorded number.
    @Option(help: .hidden)
    var timeScale: Double = 1

    @OptionGroup var database: DatabaseOptions

    /// Kinds a guided session can run: everything with exercises.
    static let guidedKinds = SessionKind.guided

    func validate() throws {
        guard timeScale.isFinite, timeScale > 0, timeScale <= 1000 else {
            throw ValidationError("--time-scale must be a number above 0 and at most 1000.")
        }
    }

    func run() async throws {
        try await reportingErrors {
            let planned = try await Self.plannedSession(date: date, kind: kind, profile: profile, database: database)
            let timeline = SessionTimeline(kind: planned.session.kind, items: planned.session.items, library: try .bundled())
            guard TerminalScreen.isInteractive else {
                Console.out(SessionStepList.text(timeline, date: planned.date))
                return
            }
            if planned.date > planned.today {
                throw SessionCommandError.future(date: planned.date, today: planned.today)
            }
            if !planned.others.isEmpty {
                Console.out("Also planned that day: \(planned.others.map(\.rawValue).joined(separator: ", ")) (pick one with --kind).")
            }
            let outcome = try SessionLoop(timeline: timeline, date: planned.date, quiet: quiet, timeScale: timeScale).run()
            try await record(outcome, date: planned.date, today: planned.today)
        }
    }

    /// Asks for the ratings and logs what was done, or says why nothing was logged.
    private func record(_ outcome: SessionLoop.Outcome, date: LocalDate, today: LocalDate) async throws {
        let report = outcome.runner.report
        let time = clockText(seconds: outcome.activeSeconds.rounded(.down))
        Console.out(
            report.finished
                ? "Session done in \(time)."
                : "Stopped after \(time): \(report.done.count) of \(report.items.count) exercises done.")
        guard !report.isEmpty else {
            Console.out("Nothing was done, so nothing was logged.")
            return
        }
        let prompter = Prompter()
        let pain = SessionRatings.ask(prompter, "Knee pain during the session, 0 (none) to 10 (worst):", field: "pain")
        let effort = SessionRatings.ask(prompter, "Effort, 0 (none) to 10 (all you had):", field: "effort")
        let record = try await database.withJournal {
            try await $0.logGuidedSession(
                outcome.runner, date: date, activeSeconds: outcome.activeSeconds, pain: pain, effort: effort, today: today)
        }
        let skipped = record.itemsSkipped.isEmpty ? "" : ", \(record.itemsSkipped.count) skipped"
        Console.out(
            "Logged the \(record.kind) session of \(record.date): \(record.itemsDone.count) of \(report.items.count) exercises done\(skipped).")
    }

    /// What the command guides: the session of the kind asked for on the date, from the
    /// coach's prescription for it. The one place this command reads the profile and the plan.
    static func plannedSession(
        date text: String?, kind: SessionKind?, profile file: String?, database: DatabaseOptions
    ) async throws -> (session: PlanSession, date: LocalDate, today: LocalDate, others: [SessionKind]) {
        let asked = try text.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "date") }
        if let kind, !guidedKinds.contains(kind) { throw SessionCommandError.notGuided(kind: kind) }
        let coach = try await PlanInputs.coach(
            profileFile: file, first: asked, shows: .asked(asked), library: ExerciseLibrary.bundled, database: database)
        let today = coach.today
        let date = asked ?? today
        let planned = coach.today(date)
        let sessions = planned.guidedSessions
        guard let session = planned.guidedSession(kind) else {
            throw SessionCommandError.nothingPlanned(date: date, kind: kind, planned: sessions.map(\.kind))
        }
        return (session, date, today, kind == nil ? sessions.map(\.kind).filter { $0 != session.kind } : [])
    }
}

/// The 0–10 questions at the end of a session.
enum SessionRatings {
    /// Asks until the answer is a whole number from 0 to 10; `nil` only at the end of input.
    static func ask(_ prompter: Prompter, _ question: String, field: String) -> Int? {
        prompter.ask(question, required: true) { (text) throws(ProfileError) in
            try parse(text, field: field)
        }
    }

    /// A whole number from 0 to 10.
    /// - Throws: ``ProfileError/outOfRange(field:value:allowed:)`` for anything else.
    static func parse(_ text: String, field: String) throws(ProfileError) -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (0...10).contains(value) else {
            throw .outOfRange(field: field, value: text, allowed: "a whole number from 0 to 10")
        }
        return value
    }
}

/// Why `kneecoach session` cannot guide what was asked for.
enum SessionCommandError: UserFacingError, Equatable {
    case nothingPlanned(date: LocalDate, kind: SessionKind?, planned: [SessionKind])
    case notGuided(kind: SessionKind)
    case future(date: LocalDate, today: LocalDate)

    var problem: String {
        switch self {
        case .nothingPlanned(let date, let kind, _):
            "No \(kind.map { "\($0.rawValue) session" } ?? "session with exercises") is planned on \(date.weekdayName) \(date)."
        case .notGuided(let kind):
            kind == .run ? "A run is not a guided session." : "A rest day has no session to guide."
        case .future(let date, let today):
            "The session of \(date) is still ahead (today is \(today)), so it could not be logged."
        }
    }

    var fix: String {
        switch self {
        case .nothingPlanned(let date, _, let planned):
            planned.isEmpty
                ? "See what is planned with 'kneecoach today --date \(date)', or give another --date."
                : "Pick one that is: --kind \(planned.map(\.rawValue).joined(separator: " or --kind "))."
        case .notGuided(let kind):
            kind == .run
                ? "Log runs with 'kneecoach log run', and use --kind warm-up or cool-down for the exercises around it."
                : "Pick another --kind, or leave it out for the day's first session."
        case .future:
            "Leave out --date for today's session; 'kneecoach today --date DATE' shows days ahead."
        }
    }

    var exitCode: Int32 { ExitStatus.usage }
}

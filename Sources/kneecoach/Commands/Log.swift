import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// `kneecoach log …`: add an entry to the journal.
struct Log: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Add to your journal: a run, knee pain, a session done, a note, or a clinician's all-clear.",
        subcommands: [Run.self, Pain.self, Session.self, Note.self, Function.self, Cleared.self]
    )
}

extension Log {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Log a run typed by hand.")

        @OptionGroup var day: DateOption
        @Option(parsing: .unconditional, help: ArgumentHelp("Distance in kilometres.", valueName: "km")) var distanceKm: String
        @Option(parsing: .unconditional, help: ArgumentHelp("Moving time, H:MM:SS or MM:SS.", valueName: "time")) var duration: String
        @Option(parsing: .unconditional, help: ArgumentHelp("Metres climbed.", valueName: "m")) var elevationGain: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Metres descended.", valueName: "m")) var elevationLoss: String?
        @Option(help: ArgumentHelp("road, trail, track, treadmill or your own word.", valueName: "surface")) var surface: String?
        @Option(help: ArgumentHelp("The shoe, by the name given to 'shoes add'.", valueName: "name")) var shoe: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Average steps per minute.", valueName: "spm")) var cadence: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Perceived effort, 0–10.", valueName: "0-10")) var effort: String?
        @Option(help: ArgumentHelp("A note.", valueName: "text")) var note: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let effort = try effort.map { (text) throws(JournalError) in try parseWholeNumber(text, option: "--effort") }
                let seconds = try parseDuration(duration)
                let distanceKm = try parseDecimal(self.distanceKm, option: "--distance-km")
                let gain = try elevationGain.map { (text) throws(JournalError) in try parseDecimal(text, option: "--elevation-gain") }
                let loss = try elevationLoss.map { (text) throws(JournalError) in try parseDecimal(text, option: "--elevation-loss") }
                let cadence = try cadence.map { (text) throws(JournalError) in try parseDecimal(text, option: "--cadence") }
                let run = try await database.withJournal(day: day) { journal, date, today in
                    let input = RunInput(
                        date: date, distanceKm: distanceKm, durationSeconds: seconds,
                        elevationGainMeters: gain, elevationLossMeters: loss, surface: surface,
                        shoe: shoe, cadenceSpm: cadence, effort: effort, note: note)
                    return try await journal.logRun(input, today: today)
                }
                Console.out("Logged a run of \(distanceKm.plainText) km on \(run.date).")
            }
        }
    }

    struct Pain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pain",
            abstract: "Log knee pain: during or after a run, the next morning, or at rest.",
            discussion: "Warning signs (swelling, locking, giving way, limping, red or hot, at night, after a fall or twist, one calf, breathlessness, numbness, a cold foot, and after an injury: not walking four steps, not bending to a right angle, a tender bone) are flagged by 'kneecoach status' and hold the plan until a clinician has seen the knee ('kneecoach log cleared').")

        @OptionGroup var day: DateOption
        @Option(help: ArgumentHelp("When: during, after, next-morning or rest.", valueName: "when")) var when: PainEntry.Timing
        @Option(parsing: .unconditional, help: ArgumentHelp("Pain from 0 (none) to 10 (worst).", valueName: "0-10")) var level: String
        @Option(help: ArgumentHelp("Where: front, outside, inside, back, whole.", valueName: "where")) var location: String?
        @Flag(help: ArgumentHelp(PainEntry.question("atNight"))) var atNight = false
        @OptionGroup var signs: WarningSignFlags
        @Option(help: ArgumentHelp("A note.", valueName: "text")) var note: String?
        @OptionGroup var database: DatabaseOptions

        /// The hold the entry puts on the next day the coach prescribes (none without a stored
        /// profile, and none while a warning sign holds the whole plan): what a runner should
        /// know before their next run.
        static func holds(after entry: PainEntry, in journal: Journal) async throws -> [PlanHold]? {
            guard try await journal.profile() != nil else { return nil }
            let next = entry.timing == .nextMorning ? entry.date : entry.date.adding(days: 1)
            let coach = try await journal.coach(earliest: entry.date, library: try ExerciseLibrary.bundled())
            let morning = coach.morning(of: next)
            return morning.redFlags.contains(where: \.holdsThePlan) ? nil : morning.holds
        }

        /// The hold this entry starts or changes: one the next morning has that it did not have
        /// before the entry (a next-morning entry after a bad run does not repeat that run's hold).
        static func newHold(before: [PlanHold]?, after: [PlanHold]?) -> PlanHold? {
            (after ?? []).first { !(before ?? []).contains($0) }
        }

        func run() async throws {
            try await reportingErrors {
                let level = try parseWholeNumber(self.level, option: "--level")
                let (stored, flags, hold) = try await database.withJournal(day: day) { journal, date, today in
                    let entry = PainEntry(
                        date: date, timing: when, level: level, location: location, swelling: signs.swelling,
                        locking: signs.locking, givingWay: signs.givingWay, limping: signs.limping,
                        redOrHot: signs.redOrHot, atNight: atNight, afterTrauma: signs.afterTrauma,
                        calfPain: signs.calfPain, breathless: signs.breathless, numbness: signs.numbness,
                        numbnessSpreading: signs.numbnessSpreading, coldFoot: signs.coldFoot,
                        cannotBearWeight: signs.cannotBearWeight, cannotBend: signs.cannotBend,
                        bonyTenderness: signs.bonyTenderness, note: note)
                    let before = try await Self.holds(after: entry, in: journal)
                    let stored = try await journal.logPain(entry, today: today)
                    let after = try await Self.holds(after: stored, in: journal)
                    return (stored, try await journal.signs(of: stored), Self.newHold(before: before, after: after))
                }
                Console.out("Logged knee pain \(stored.level)/10 (\(stored.timing.rawValue)) on \(stored.date).")
                for flag in flags {
                    Console.out(TextLayout.wrap("Warning sign — \(flag.sign): \(flag.reason) (\(flag.action.rawValue))", indent: "  "))
                }
                if flags.isEmpty, let hold {
                    Console.out(TextLayout.wrap("What changes: " + hold.reason.text + " See 'kneecoach today'."))
                }
            }
        }
    }

    struct Session: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "session",
            abstract: "Log a planned session as done: every exercise unless listed with --skipped.")

        @OptionGroup var day: DateOption
        @Option(help: ArgumentHelp("The kind of session: \(SessionKind.allCases.filter { $0 != .run && $0 != .rest }.map(\.rawValue).joined(separator: ", ")) (a run is 'log run').", valueName: "kind"))
        var kind: SessionKind
        @Option(parsing: .upToNextOption, help: ArgumentHelp("Exercise ids of the session that you skipped.", valueName: "id"))
        var skipped: [String] = []
        @Option(parsing: .unconditional, help: ArgumentHelp("Knee pain during the session, 0–10.", valueName: "0-10")) var pain: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Perceived effort, 0–10.", valueName: "0-10")) var effort: String?
        @Option(help: ArgumentHelp("A note.", valueName: "text")) var note: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                // A run has its own entry, with distance and time; a rest day has nothing to log.
                if kind == .run {
                    throw UsageError(
                        problem: "A run is not logged as a session.", fix: "Log it with 'kneecoach log run --distance-km X --duration T'.")
                }
                if kind == .rest {
                    throw UsageError(
                        problem: "A rest day has no session to log.", fix: "Log a note to remember the day: 'kneecoach log note TEXT'.")
                }
                let pain = try pain.map { (text) throws(JournalError) in try parseWholeNumber(text, option: "--pain") }
                let effort = try effort.map { (text) throws(JournalError) in try parseWholeNumber(text, option: "--effort") }
                let (date, planned, record) = try await database.withJournal(day: day) { journal, date, today in
                    let planned = try await JournalInputs.plannedItems(on: date, kind: kind, journal: journal)
                    let record = try await journal.logSession(
                        date: date, kind: kind, planned: planned, skipped: skipped, pain: pain, effort: effort, note: note,
                        today: today)
                    return (date, planned, record)
                }
                let detail =
                    planned.isEmpty
                    ? " (no \(kind.rawValue) session was planned that day; stored without exercises)"
                    : ": \(record.itemsDone.count) of \(planned.count) exercises done"
                Console.out("Logged the \(kind.rawValue) session of \(date)\(detail).")
            }
        }
    }

    struct Note: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "note", abstract: "Add to the pain-and-mood journal.")

        @OptionGroup var day: DateOption
        @Argument(help: "The note.") var text: String
        @Option(parsing: .unconditional, help: ArgumentHelp("Mood, 0–10.", valueName: "0-10")) var mood: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Stress, 0–10.", valueName: "0-10")) var stress: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Hours slept.", valueName: "hours")) var sleepHours: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let mood = try mood.map { (text) throws(JournalError) in try parseWholeNumber(text, option: "--mood") }
                let stress = try stress.map { (text) throws(JournalError) in try parseWholeNumber(text, option: "--stress") }
                let sleep = try sleepHours.map { (text) throws(JournalError) in try parseDecimal(text, option: "--sleep-hours") }
                let (stored, flags) = try await database.withJournal(day: day) { journal, date, today in
                    let note = NoteRecord(date: date, text: text, mood: mood, stress: stress, sleepHours: sleep)
                    let stored = try await journal.logNote(note, today: today)
                    return (stored, try await journal.signs(of: stored))
                }
                Console.out("Logged a note on \(stored.date).")
                // A note that names a warning sign holds the plan as a pain entry would: say so.
                for flag in flags {
                    Console.out(TextLayout.wrap("Warning sign — \(flag.sign): \(flag.reason) (\(flag.action.rawValue))", indent: "  "))
                }
            }
        }
    }

    struct Function: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "function",
            abstract: "Rate how your knee copes with stairs, squatting and running, 0–10 (10: no trouble).",
            discussion: "A rating a week is enough: 'kneecoach status' shows each against your first.")

        @OptionGroup var day: DateOption
        @Option(parsing: .unconditional, help: ArgumentHelp("Going up and down stairs, 0–10.", valueName: "0-10")) var stairs: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Squatting down and standing up, 0–10.", valueName: "0-10")) var squatting: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Running, 0–10.", valueName: "0-10")) var running: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let stairs = try stairs.map { (text) throws(JournalError) in try parseWholeNumber(text, option: "--stairs") }
                let squatting = try squatting.map { (text) throws(JournalError) in try parseWholeNumber(text, option: "--squatting") }
                let running = try running.map { (text) throws(JournalError) in try parseWholeNumber(text, option: "--running") }
                let stored = try await database.withJournal(day: day) { journal, date, today in
                    try await journal.logFunction(
                        FunctionScoreRecord(date: date, stairs: stairs, squatting: squatting, running: running),
                        today: today)
                }
                Console.out("Logged your function ratings for \(stored.date).")
            }
        }
    }

    struct Cleared: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cleared",
            abstract: "Record that a clinician has seen the knee: lifts the red-flag hold on the plan.")

        @OptionGroup var day: DateOption
        @Option(help: ArgumentHelp("A note, e.g. what the clinician advised.", valueName: "text")) var note: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let (stored, lifted) = try await database.withJournal(day: day) { journal, date, today in
                    let active = try await Self.activeSigns(on: date, in: journal)
                    return (try await journal.logCleared(ClearanceRecord(date: date, note: note), today: today), active)
                }
                Console.out("Recorded a clinician's all-clear on \(stored.date).")
                if let lifted {
                    Console.out(
                        TextLayout.wrap(
                            lifted.isEmpty
                                ? "No warning sign was active that day; the all-clear stays in the journal for any sign logged before it."
                                : "It lifts: " + lifted.joined(separator: ", ") + "."))
                }
            }
        }
    }
}

extension Log.Cleared {
    /// The warning signs active on a day, as the coach sees them that morning (`nil` without
    /// a stored profile, when there is no coach to ask).
    static func activeSigns(on date: LocalDate, in journal: Journal) async throws -> [String]? {
        guard try await journal.profile() != nil else { return nil }
        let coach = try await journal.coach(earliest: date, library: try ExerciseLibrary.bundled())
        var names: [String] = []
        for flag in coach.morning(of: date).redFlags where !names.contains(flag.sign) { names.append(flag.sign) }
        return names
    }
}

extension PainEntry.Timing: ExpressibleByArgument {}

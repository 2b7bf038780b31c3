import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

extension JournalCommand {
    /// `kneecoach journal edit NAME --FIELD VALUE…`.
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change fields of one entry, checked as 'log' checks them.",
            discussion: """
                NAME is the entry's name in 'kneecoach journal' (run-12, pain-3 …). Give only the \
                fields to change; an empty text ("") clears a note, location, surface or name. An \
                imported activity keeps its file's day and figures: change its shoe, surface, effort, \
                name or note. 'kneecoach journal undo' puts the entry back as it was.
                """)

        @Argument(help: "The entry's name, as 'kneecoach journal' shows it.") var name: String
        @Option(help: ArgumentHelp("The day, YYYY-MM-DD.", valueName: "date")) var date: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("A run's distance in kilometres.", valueName: "km")) var distanceKm: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("A run's moving time, H:MM:SS or MM:SS.", valueName: "time")) var duration: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Metres climbed.", valueName: "m")) var elevationGain: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Metres descended.", valueName: "m")) var elevationLoss: String?
        @Option(help: ArgumentHelp("road, trail, track, treadmill or your own word.", valueName: "surface")) var surface: String?
        @Option(help: ArgumentHelp("The shoe, by name (\"\" for none).", valueName: "name")) var shoe: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Average steps per minute.", valueName: "spm")) var cadence: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Perceived effort, 0–10.", valueName: "0-10")) var effort: String?
        @Option(help: ArgumentHelp("An activity's name.", valueName: "text")) var title: String?
        @Option(help: ArgumentHelp("Pain timing: during, after, next-morning or rest.", valueName: "when")) var when: PainEntry.Timing?
        @Option(parsing: .unconditional, help: ArgumentHelp("Pain from 0 to 10.", valueName: "0-10")) var level: String?
        @Option(help: ArgumentHelp("Where: front, outside, inside, back, whole.", valueName: "where")) var location: String?
        @OptionGroup var signs: WarningSignEdits
        @Option(parsing: .unconditional, help: ArgumentHelp("Knee pain during a session, 0–10.", valueName: "0-10")) var pain: String?
        @Option(help: ArgumentHelp("A note's text.", valueName: "text")) var text: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Mood, 0–10.", valueName: "0-10")) var mood: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Stress, 0–10.", valueName: "0-10")) var stress: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Hours slept.", valueName: "hours")) var sleepHours: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Stairs rating, 0–10.", valueName: "0-10")) var stairs: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Squatting rating, 0–10.", valueName: "0-10")) var squatting: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Running rating, 0–10.", valueName: "0-10")) var running: String?
        @Option(help: ArgumentHelp("A note on a run, session, pain entry or all-clear.", valueName: "text")) var note: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        /// The fields given, parsed by the parsers `log` uses.
        func edit() throws -> EntryEdit {
            var edit = EntryEdit()
            edit.date = try date.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "date") }
            edit.distanceKm = try distanceKm.map { (text) throws(JournalError) in try parseDecimal(text, option: "--distance-km") }
            edit.durationSeconds = try duration.map { (text) throws(JournalError) in try parseDuration(text) }
            edit.elevationGain = try elevationGain.map { (text) throws(JournalError) in try parseDecimal(text, option: "--elevation-gain") }
            edit.elevationLoss = try elevationLoss.map { (text) throws(JournalError) in try parseDecimal(text, option: "--elevation-loss") }
            edit.cadence = try cadence.map { (text) throws(JournalError) in try parseDecimal(text, option: "--cadence") }
            edit.sleepHours = try sleepHours.map { (text) throws(JournalError) in try parseDecimal(text, option: "--sleep-hours") }
            let whole: [(String?, String, WritableKeyPath<EntryEdit, Int?>)] = [
                (effort, "--effort", \.effort), (level, "--level", \.level), (pain, "--pain", \.pain), (mood, "--mood", \.mood),
                (stress, "--stress", \.stress), (stairs, "--stairs", \.stairs), (squatting, "--squatting", \.squatting),
                (running, "--running", \.running),
            ]
            for (text, option, field) in whole {
                edit[keyPath: field] = try text.map { (text) throws(JournalError) in try parseWholeNumber(text, option: option) }
            }
            edit.surface = surface
            edit.shoe = shoe
            edit.name = title
            edit.when = when
            edit.location = location
            edit.signs = signs.changes
            edit.text = text
            edit.note = note
            return edit
        }

        func run() async throws {
            try await reportingErrors {
                let edit = try edit()
                let (before, after, shoes) = try await database.withJournal { journal in
                    let result = try await journal.edit(name, edit, today: await journal.today())
                    return (result.before, result.after, try await journal.shoeNames())
                }
                let shown = JournalDocument.entry(after, shoeNames: shoes)
                if output.json { return try Console.json(["entry": shown]) }
                Console.out(
                    TextLayout.wrap(
                        before == after
                            ? "\(shown.id) already had these values; nothing changed."
                            : "Changed \(shown.id) (\(shown.date)): \(shown.summary). 'kneecoach journal undo' reverts it."))
            }
        }
    }

    /// `kneecoach journal delete NAME [--yes]`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Delete one entry ('kneecoach journal undo' brings it back).",
            discussion: """
                A deleted imported activity is left out when the same file is imported again, \
                unless 'kneecoach import --include-deleted'. In a terminal it asks first; in a \
                script, give --yes.
                """)

        @Argument(help: "The entry's name, as 'kneecoach journal' shows it.") var name: String
        @Flag(help: "Delete without asking (needed when standard input is not a terminal).") var yes = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let deleted = try await database.withJournal { journal -> JournalEntry? in
                    let entry = try await journal.entry(named: name)
                    if !yes {
                        guard Prompter.isInteractive else {
                            throw UsageError(
                                problem: "Deleting \(EntryName.of(entry)) needs a confirmation, and standard input is not a terminal.",
                                fix: "Add --yes to delete it from a script.")
                        }
                        let shown = JournalDocument.entry(entry, shoeNames: try await journal.shoeNames())
                        Console.out(TextLayout.wrap("\(shown.id) (\(shown.date)): \(shown.summary)"))
                        guard Prompter().yesNo("Delete it") == true else { return nil }
                    }
                    return try await journal.delete(name)
                }
                guard let deleted else { return Console.out("Nothing deleted.") }
                Console.out("Deleted \(EntryName.of(deleted)) of \(deleted.date). 'kneecoach journal undo' brings it back.")
            }
        }
    }

    /// `kneecoach journal undo`.
    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo",
            abstract: "Revert the last edit or delete; again to go one further back (the last \(JournalStore.keptChanges) are kept).")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let undone = try await database.withJournal { journal -> (JournalChange, JournalDocument.Entry)? in
                    guard let (change, entry) = try await journal.undo() else { return nil }
                    return (change, JournalDocument.entry(entry, shoeNames: try await journal.shoeNames()))
                }
                guard let (change, shown) = undone else {
                    return Console.out("Nothing to undo: no edit or delete is left to revert.")
                }
                switch change.action {
                case .edit: Console.out(TextLayout.wrap("Undid the edit of \(shown.id): it is back as it was (\(shown.summary))."))
                case .delete: Console.out(TextLayout.wrap("Undid the delete: \(shown.id) of \(shown.date) is back (\(shown.summary))."))
                }
            }
        }
    }
}

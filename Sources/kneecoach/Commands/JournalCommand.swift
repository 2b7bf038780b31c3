import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// `kneecoach journal [show|edit|delete|undo]`: every entry, day by day, and corrections.
struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "Show your journal day by day, and correct it: edit, delete, undo.",
        subcommands: [Show.self, Edit.self, Delete.self, Undo.self], defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show your journal day by day: runs, sessions, knee pain, notes, all-clears, ratings, self-tests.",
            discussion: "Each entry starts with its name (run-12, pain-3 …), which 'journal edit' and 'journal delete' take.")

        @Option(help: ArgumentHelp("The first day, YYYY-MM-DD.", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("The last day, YYYY-MM-DD.", valueName: "date")) var to: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingErrors {
                let first = try from.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "from") }
                let last = try to.map { text throws(PlanInputError) in try PlanInputs.date(text, option: "to") }
                let contents = try await database.withJournal { try await $0.contents(from: first, to: last) }
                let document = JournalDocument(contents)
                if output.json { try Console.json(document) } else { Console.out(document.text) }
            }
        }
    }
}

/// `kneecoach shoes add|list|rename|retire`.
struct Shoes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shoes",
        abstract: "Your running shoes and their mileage.", subcommands: [Add.self, List.self, Rename.self, Retire.self],
        defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a pair of shoes.")
        @Argument(help: "A name you will use with --shoe, e.g. \"Pegasus 40\".") var name: String
        @Option(parsing: .unconditional, help: ArgumentHelp("Kilometres already run in them.", valueName: "km")) var startKm: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let startKm = try startKm.map { (text) throws(JournalError) in try parseDecimal(text, option: "--start-km") } ?? 0
                let shoe = try await database.withJournal { try await $0.addShoe(named: name, startKm: startKm) }
                Console.out("Added the shoe '\(shoe.name)'" + (startKm > 0 ? " with \(startKm.plainText) km." : "."))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List your shoes with their distance.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingErrors {
                let shoes = try await database.withJournal { try await $0.shoes() }
                let rows = ShoesDocument(shoes).shoes
                let review = ShoeWearLevel.reviewRange.lower
                if output.json {
                    try Console.json(ShoesDocument(shoes))
                    return
                }
                guard !rows.isEmpty else {
                    Console.out("No shoes yet. Add a pair with 'kneecoach shoes add NAME [--start-km X]'.")
                    return
                }
                let table = TextLayout.columns(
                    ["SHOE", "KM", "RUNS", "STATUS"],
                    rows.map {
                        [$0.name, String(format: "%.1f", $0.km), String($0.runs),
                         $0.wear.label]
                    }, maxWidths: [36, 8, 5, 24])
                Console.out(table)
                if rows.contains(where: \.review) {
                    Console.out(
                        "\n" + TextLayout.wrap(
                            "From \(Int(review)) km, check how a pair feels; the figure is tradition, not a rule [shoe.reviewKm]."))
                }
            }
        }
    }

    struct Rename: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename", abstract: "Give a pair a new name; its runs and distance stay with it.")
        @Argument(help: "The shoe's name now (any case).") var old: String
        @Argument(help: "Its new name.") var new: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let shoe = try await database.withJournal { try await $0.renameShoe(named: old, to: new) }
                Console.out("Renamed the shoe '\(old)' to '\(shoe.name)'.")
            }
        }
    }

    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retire", abstract: "Retire a pair: kept in the history, no longer in use.")
        @Argument(help: "The shoe's name.") var name: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                try await database.withJournal { try await $0.retireShoe(named: name) }
                Console.out("Retired the shoe '\(name)'.")
            }
        }
    }
}

/// `kneecoach export FILE`.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a complete backup of your journal (original activity files included) to a JSON file.")
    @Argument(help: "The backup file to write.") var file: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let url = URL(fileURLWithPath: file)
            let backup = try await database.withJournal { try await $0.export(to: url) }
            Console.out("Wrote a backup of \(backup.countsText) to \(file).")
        }
    }
}

/// `kneecoach restore FILE`.
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace your journal with a backup made by 'kneecoach export': all of it, or nothing if the file is bad.")
    @Argument(help: "The backup file to read.") var file: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let backup = try await database.withJournal { try await $0.restore(from: URL(fileURLWithPath: file)) }
            Console.out("Restored \(backup.countsText) from \(file).")
        }
    }
}

extension Backup {
    /// "3 activities, 1 pain entry, …" for the export and restore messages.
    var countsText: String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        return [
            count(activities.count, "activity", "activities"), count(painEntries.count, "pain entry", "pain entries"),
            count(sessions.count, "session", "sessions"), count(notes.count, "note", "notes"),
        ].joined(separator: ", ") + " and " + count(shoes.count, "shoe", "shoes")
    }
}

import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach adjustments [list]|undo ID`: what coaches changed in the programme, and undoing
/// a change offline.
struct AdjustmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjustments", abstract: "List the changes your coaches made to your programme, or undo one.",
        discussion: """
            A coach you let adjust your programme can set runs a week, a target weekly distance, \
            a pause of running, extra emphasis on a target, or hold the current phase. Each applies \
            from the morning after it was made, inside the load and pain rules (a warning sign \
            always wins), and 'today' and 'plan' say what it changed. You or the coach can undo it.
            """,
        subcommands: [List.self, Undo.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the adjustments, undone ones too, oldest first.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingErrors {
                let (adjustments, today) = try await database.withJournal { journal in
                    (try await journal.adjustments(), await journal.today())
                }
                if output.json { return try Console.json(AdjustmentsDocument(adjustments, today: today)) }
                Console.out(AdjustmentsView.render(adjustments, today: today))
            }
        }
    }

    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo", abstract: "Undo an adjustment: the plan goes back from tomorrow.")

        @Argument(help: "The adjustment's id, as 'kneecoach adjustments' shows it.") var id: Int64
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingErrors {
                let undone = try await database.withJournal { journal in
                    try await journal.undoAdjustment(
                        id: id, by: .init(userID: journal.store.userID.rawValue, name: AdjustmentsView.runnerName))
                }
                if output.json {
                    return try Console.json(AdjustmentsDocument.Entry(undone, today: undone.undone?.on ?? undone.made))
                }
                Console.out(
                    "Undid adjustment \(undone.id) (\(AdjustmentText.change(undone.kind)), set by \(undone.author.name) on \(undone.made)): the plan goes back from \(undone.lastDay.map { $0.adding(days: 1).description } ?? "tomorrow").")
            }
        }
    }
}

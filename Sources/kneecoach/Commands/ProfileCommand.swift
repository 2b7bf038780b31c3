import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach profile`: the runner's profile.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Create, show or import the runner's profile (age, running, goals, pain, equipment).",
        discussion: "The profile format and every field's range are described in the README.",
        subcommands: [Init.self, Show.self, Import.self],
        defaultSubcommand: Show.self
    )
}

extension ProfileCommand {
    /// `kneecoach profile show [--json]`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show the stored profile as a summary, or as the profile JSON with --json.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingErrors {
                let profile = try await database.withJournal { try await $0.requireProfile() }
                if output.json {
                    try Console.json(profile)
                } else {
                    Console.out(ProfileSummary.render(profile))
                }
            }
        }
    }

    /// `kneecoach profile import FILE`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Check a profile JSON file and store it; a bad file changes nothing.")

        @Argument(help: "The profile JSON file (its format is in the README).")
        var file: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                try await database.withJournal { try await $0.importProfile(from: URL(fileURLWithPath: file)) }
                Console.out("Imported the profile into the journal (\(try database.location())).")
            }
        }
    }
}

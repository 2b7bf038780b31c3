import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach profile`: the runner's profile.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Create, show or import the runner's profile (age, running, goals, pain, equipment).",
        discussion: "The profile format and every field's range are described in docs/profile.md.",
        subcommands: [Init.self, Show.self, Set.self, Import.self],
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

    /// `kneecoach profile set FIELD VALUE` or `kneecoach profile set --json FILE`.
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change one field of the stored profile, or several from a JSON patch file.",
            discussion: """
                FIELD is the profile's JSON name (weeklyDistanceKm, equipment, pain.level, …; see \
                'profile show --json'). Lists take commas (equipment wall,step); 'none' clears an \
                optional field. --json FILE merges a JSON object into the profile (null removes a \
                field). The programme goes on: only 'profile init' starts it again.
                """)

        @Argument(help: "The field's JSON name, such as weeklyDistanceKm or pain.level.") var field: String?
        @Argument(help: "Its new value.") var value: String?
        @Option(name: .customLong("json"), help: ArgumentHelp("A JSON object of the fields to change.", valueName: "file"))
        var patchFile: String?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard (patchFile == nil) != (field == nil), (field == nil) == (value == nil) else {
                throw ValidationError("Give FIELD and VALUE, or --json FILE.")
            }
        }

        func run() async throws {
            try await reportingErrors {
                let profile = try await database.withJournal { journal in
                    do {
                        if let patchFile {
                            let url = URL(fileURLWithPath: patchFile)
                            guard let data = try BoundedFile.read(url, limit: InputLimits.profileFileBytes, kind: "a profile file")
                            else { throw ProfileStoreError.unreadableInput(path: patchFile) }
                            return try await journal.patchProfile(with: data)
                        }
                        return try await journal.setProfileField(field ?? "", to: value ?? "")
                    } catch let error as ProfileError {
                        throw patchFile.map { ProfileStoreError.invalidImport(path: $0, error: error) as any Error }
                            ?? FlagError(flag: field ?? "", error: error)
                    }
                }
                Console.out(field.map { "Set \($0) in the profile." } ?? "Changed the profile from \(patchFile ?? "").")
                if profile.pain.map(ProfileSummary.hasWarningSign) == true { Console.out(ProfileSummary.warningLine) }
            }
        }
    }

    /// `kneecoach profile import FILE`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Check a profile JSON file and store it; a bad file changes nothing.")

        @Argument(help: "The profile JSON file (its format is in docs/profile.md).")
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

import ArgumentParser
import Foundation
import KneeCoachCore
import KneeCoachStore

/// `kneecoach migrate`: applies the database's pending migrations and says which, for
/// deployments that migrate as a step of their own before starting `kneecoach serve --no-migrate`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database's schema up to this version's, and print what was applied.",
        discussion: """
            Every other command migrates the database as it opens it; this one does only that, \
            for deployments that update the schema in a step of their own and start servers with \
            'kneecoach serve --no-migrate'. Several at once are safe: the migrations are applied \
            once, under a lock. See docs/server.md.
            """)

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let location = try database.location()
            let (applied, version) = try await JournalStore.migrate(location)
            for migration in applied {
                Console.out("Applied migration \(migration.version) (\(migration.name)).")
            }
            Console.out(
                applied.isEmpty
                    ? "The schema of \(location) was already at version \(version); nothing to apply."
                    : "The schema of \(location) is at version \(version).")
        }
    }
}

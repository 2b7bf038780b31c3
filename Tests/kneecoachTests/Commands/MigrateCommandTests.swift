import Foundation
import Testing

/// `kneecoach migrate`, and `kneecoach serve --no-migrate` / `--db-pool-size`.
struct MigrateCommandTests: JournalTest {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws { folder = try Self.temporaryFolder("migrate") }

    @Test func migrateAppliesWhatIsMissingOnceAndSaysWhat() throws {
        let first = try kc(["migrate"])
        let lines = first.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Applied migration 1 (create-users-profiles-shoes).")
        let applied = lines.filter { $0.hasPrefix("Applied migration ") }
        #expect(applied.count >= 14 && applied.count == lines.count - 1)
        #expect(lines.last == "The schema of \(db) is at version \(applied.count).")
        let again = try kc(["migrate"])
        #expect(again.stdout == "The schema of \(db) was already at version \(applied.count); nothing to apply.\n")
        // The other commands open the migrated journal as usual.
        #expect(try kc(["shoes", "list"]).status == 0)
        #expect(try kc(["migrate", "--help"]).stdout.contains("--database"))
    }

    @Test func serveWithoutMigratingRefusesAnOlderSchemaAndChecksThePoolSize() throws {
        let refused = try CLI.run(["serve", "--no-migrate", "--port", "0", "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("kneecoach: The database schema is at version 0, and this KneeCoach needs version "))
        #expect(refused.stderr.contains("Run 'kneecoach migrate' with the same --database first"))
        let fromEnvironment = try CLI.run(["serve", "--port", "0", "--db", db], environment: ["KNEECOACH_MIGRATE": "0"])
        #expect(fromEnvironment.status == 1 && fromEnvironment.stderr.contains("kneecoach migrate"))
        let pool = try CLI.run(["serve", "--db-pool-size", "0", "--db", db])
        #expect(pool.status == 64)
        #expect(pool.stderr == "kneecoach: --db-pool-size '0' is not 1–1000. Give a value from that list or range.\n")
        let help = try CLI.run(["serve", "--help"])
        #expect(help.stdout.contains("--db-pool-size") && help.stdout.contains("KNEECOACH_DB_POOL_SIZE"))
        #expect(help.stdout.contains("--no-migrate") && help.stdout.contains("KNEECOACH_MIGRATE=0"))
    }
}

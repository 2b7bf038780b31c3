import Foundation
import KneeCoachCore
import SQLKit
import Testing

@testable import KneeCoachStore

/// Migrating as a step of its own (`kneecoach migrate`), opening without migrating
/// (`kneecoach serve --no-migrate`), and several processes migrating at the same moment.
extension StoreSuite {
    @Test("migrate applies what the database lacks, once, and names it", arguments: Engine.available)
    func migrateAsAStep(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let older = Migrations.latestVersion - 1
            let connection = try await JournalStore.connect(database.location)
            try await Migrator.migrate(connection, to: older)
            await connection.close()

            let first = try await JournalStore.migrate(database.location)
            #expect(first.applied == [AppliedMigration(version: Migrations.latestVersion, name: Migrations.all.last?.name ?? "")])
            #expect(first.version == Migrations.latestVersion)
            let second = try await JournalStore.migrate(database.location)
            #expect(second.applied.isEmpty)
            #expect(second.version == Migrations.latestVersion)
            // Only the schema: no user was made.
            let check = try await JournalStore.connect(database.location)
            let users = try await check.sql.raw("SELECT COUNT(*) AS n FROM users").first(decodingColumn: "n", as: Int.self)
            #expect(users == 0)
            await check.close()
        }
    }

    @Test("without migrating, an older schema is refused and a newer one is used as it is", arguments: Engine.available)
    func openWithoutMigrating(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let noMigrate = StoreOptions(migrates: false)
            // An empty database is older than any build.
            let empty = await storeError { _ = try await JournalStore.open(database.location, options: noMigrate) }
            #expect(empty == .schemaBehind(found: 0, needs: Migrations.latestVersion))
            #expect(empty?.message.contains("kneecoach migrate") == true)
            #expect(empty?.exitCode == 1)

            let connection = try await JournalStore.connect(database.location)
            try await Migrator.migrate(connection, to: Migrations.latestVersion - 1)
            let behind = await storeError { _ = try await JournalStore.open(database.location, options: noMigrate) }
            #expect(behind == .schemaBehind(found: Migrations.latestVersion - 1, needs: Migrations.latestVersion))

            try await Migrator.migrate(connection)
            let store = try await JournalStore.open(database.location, options: noMigrate)
            #expect(try await store.schemaVersion() == Migrations.latestVersion)
            await store.close()

            // A newer build migrated it further (a rolling upgrade): this one still opens it.
            try await connection.sql.raw(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: Migrations.latestVersion + 1), \(bind: "from-the-future"), \(bind: 0))"
            ).run()
            let old = try await JournalStore.open(database.location, options: noMigrate)
            #expect(try await old.schemaVersion() == Migrations.latestVersion + 1)
            await old.close()
            // Migrating, it refuses: it cannot tell what the newer schema needs of its writes.
            let migrating = await storeError { _ = try await JournalStore.open(database.location) }
            #expect(migrating == .newerSchema(found: Migrations.latestVersion + 1, known: Migrations.latestVersion))
            await connection.close()
        }
    }

    /// On PostgreSQL, under its advisory lock (SQLite's write lock is the concurrency suite's).
    @Test("four processes opening a new database at the same moment apply each migration once",
          .enabled(if: Engine.postgresURL != nil))
    func concurrentMigrations() async throws {
        try await TestDatabase.with(.postgres) { database async throws in
            let location = database.location
            let stores = try await withThrowingTaskGroup(of: JournalStore.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await JournalStore.open(location, options: StoreOptions(poolSize: 2)) }
                }
                return try await group.reduce(into: [JournalStore]()) { $0.append($1) }
            }
            let rows = try await stores[0].connection.sql.raw(
                "SELECT version, COUNT(*) AS n FROM schema_migrations GROUP BY version ORDER BY version"
            ).all()
            let counts = try rows.map { (try $0.decode(column: "version", as: Int.self), try $0.decode(column: "n", as: Int.self)) }
            #expect(counts.map(\.0) == Migrations.all.map(\.version))
            #expect(counts.allSatisfy { $0.1 == 1 })
            #expect(try await stores[0].users().map(\.name) == [UserRecord.localName])
            for store in stores { await store.close() }
        }
    }
}

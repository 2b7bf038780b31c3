import Foundation
import KneeCoachCore
import SQLKit
import Testing

@testable import KneeCoachStore

/// The store suite: every test runs on SQLite, and on PostgreSQL when
/// `KNEECOACH_TEST_POSTGRES_URL` is set, each in a database of its own.
@Suite("Journal store")
struct StoreSuite {
    // MARK: Migrations

    @Test("an empty database is migrated to the latest version", arguments: Engine.available)
    func migratesEmptyDatabase(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                #expect(try await store.schemaVersion() == Migrations.latestVersion)
                let rows = try await store.connection.sql.raw("SELECT version, name FROM schema_migrations ORDER BY version")
                    .all()
                let recorded = try rows.map { (try $0.decode(column: "version", as: Int.self), try $0.decode(column: "name", as: String.self)) }
                #expect(recorded.map(\.0) == Migrations.all.map(\.version))
                #expect(recorded.map(\.1) == Migrations.all.map(\.name))
                #expect(try await store.users().map(\.name) == [UserRecord.localName])
                #expect(try await store.isIntact())
            }
        }
    }

    /// Every earlier version, holding data written at that version, reaches the latest one
    /// with its data intact.
    @Test("a database of every earlier version is migrated with its data", arguments: Engine.available, 0..<Migrations.latestVersion)
    func migratesEarlierVersion(engine: Engine, version: Int) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let connection = try await JournalStore.connect(database.location)
            let applied = try await Migrator.migrate(connection, to: version)
            #expect(applied == Array(stride(from: 1, through: version, by: 1)))
            let sql = connection.sql
            if version >= 1 {
                // Data as a version-1 build wrote it.
                try await sql.raw("INSERT INTO users (name, created_at) VALUES (\(bind: "local"), \(bind: 1))").run()
                let user = try #require(try await sql.raw("SELECT id FROM users").first(decodingColumn: "id", as: Int64.self))
                try await sql.raw(
                    "INSERT INTO shoes (user_id, name, start_km, retired, created_at) VALUES (\(bind: user), \(bind: "Old"), \(bind: 12.5), \(bind: false), \(bind: 2))"
                ).run()
                if version >= 2 {
                    try await sql.raw(
                        """
                        INSERT INTO pain_entries (user_id, local_date, timing, level, created_at)
                        VALUES (\(bind: user), \(bind: "2026-12-01"), \(bind: "after"), \(bind: 3), \(bind: 3))
                        """
                    ).run()
                }
            }
            await connection.close()

            try await database.withStore { store async throws in
                #expect(try await store.schemaVersion() == Migrations.latestVersion)
                if version >= 1 { #expect(try await store.shoes().map(\.name) == ["Old"]) }
                if version >= 2 { #expect(try await store.painEntries().map(\.level) == [3]) }
                #expect(try await store.users().count == 1)
                #expect(try await store.isIntact())
            }
        }
    }

    @Test("opening again applies nothing and keeps the data", arguments: Engine.available)
    func reopenIsIdempotent(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                try await store.insert(ShoeRecord(name: "Daily"))
            }
            let connection = try await JournalStore.connect(database.location)
            #expect(try await Migrator.migrate(connection).isEmpty)
            await connection.close()
            try await database.withStore { store async throws in
                #expect(try await store.shoes().map(\.name) == ["Daily"])
                #expect(try await store.users().count == 1)
            }
        }
    }

    @Test("a database from a newer KneeCoach is refused", arguments: Engine.available)
    func refusesNewerSchema(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                try await store.connection.sql.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: 99), \(bind: "future"), \(bind: 0))"
                ).run()
            }
            let error = await storeError { _ = try await JournalStore.open(database.location) }
            #expect(error == .newerSchema(found: 99, known: Migrations.latestVersion))
            #expect(error?.exitCode == 1)
        }
    }

    /// Shipped migrations are never edited: their DDL must hash to the recorded values.
    @Test("shipped migrations are unchanged and numbered without gaps")
    func migrationsAreAppendOnly() {
        #expect(Migrations.all.map(\.version) == Array(1...Migrations.all.count))
        #expect(Set(Migrations.all.map(\.name)).count == Migrations.all.count)
        let shipped: [Int: UInt64] = MigrationFixtures.ddlHashes
        for migration in Migrations.all {
            let hash = MigrationFixtures.hash(migration.statements)
            if let recorded = shipped[migration.version] {
                #expect(hash == recorded, "migration \(migration.version) '\(migration.name)' was edited; add a new one instead")
            } else {
                Issue.record("record migration \(migration.version)'s hash \(hash) in MigrationFixtures.ddlHashes")
            }
        }
    }
}

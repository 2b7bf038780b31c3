import Foundation
import SQLKit

/// Brings a database to a schema version, recording each step in `schema_migrations`.
///
/// All pending migrations run in one transaction, so a database is always at a whole
/// version. Concurrent processes are serialised: SQLite by `BEGIN IMMEDIATE`, PostgreSQL
/// by a transaction-scoped advisory lock; the second process finds the work done.
enum Migrator {
    /// The advisory lock key PostgreSQL processes take while migrating ("KNEE" in ASCII).
    static let postgresLockKey = 0x4B4E_4545

    /// Applies every migration up to `target` (default: all) that the database lacks.
    /// - Returns: The versions applied, oldest first.
    /// - Throws: ``StoreError/newerSchema(found:known:)`` when the database is ahead of this build.
    @discardableResult
    static func migrate(
        _ connection: StoreConnection, to target: Int = Migrations.latestVersion, now: Date = Date()
    ) async throws(StoreError) -> [Int] {
        if connection.isReadOnly { return try await checkReadOnly(connection, target: target) }
        do {
            return try await connection.exclusively { sql in
                try await SQLiteRetry.run {
                    try await migrateOnce(sql, engine: connection.engine, to: target, now: now)
                }
            }
        } catch {
            throw StoreError.from(error, operation: "update the database schema")
        }
    }

    /// A journal opened read-only is read as it is when its schema is current; one that
    /// needs a migration cannot take it.
    private static func checkReadOnly(_ connection: StoreConnection, target: Int) async throws(StoreError) -> [Int] {
        let applied: [Int]
        do {
            applied = try await connection.exclusively { sql in
                try await sql.raw("SELECT version FROM schema_migrations").all(decodingColumn: "version", as: Int.self)
            }
        } catch {
            throw .readOnly(path: connection.displayName, needs: "its tables created")
        }
        if let newest = applied.max(), newest > Migrations.latestVersion {
            throw .newerSchema(found: newest, known: Migrations.latestVersion)
        }
        if Migrations.all.contains(where: { $0.version <= target && !applied.contains($0.version) }) {
            throw .readOnly(path: connection.displayName, needs: "an update of its schema")
        }
        return []
    }

    private static func migrateOnce(_ sql: any SQLDatabase, engine: StoreEngine, to target: Int, now: Date) async throws -> [Int] {
        try await sql.raw("\(unsafeRaw: engine.beginWrite)").run()
        do {
            if engine == .postgres {
                try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: postgresLockKey))").run()
            }
            try await sql.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version \(unsafeRaw: engine.ddl("{int}")) PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at \(unsafeRaw: engine.ddl("{int}")) NOT NULL
                )
                """
            ).run()
            let applied = Set(
                try await sql.raw("SELECT version FROM schema_migrations").all(decodingColumn: "version", as: Int.self))
            if let newest = applied.max(), newest > Migrations.latestVersion {
                throw StoreError.newerSchema(found: newest, known: Migrations.latestVersion)
            }
            var done: [Int] = []
            for migration in Migrations.all where migration.version <= target && !applied.contains(migration.version) {
                for statement in migration.statements {
                    guard let ddl = engine.statement(statement) else { continue }
                    try await sql.raw("\(unsafeRaw: ddl)").run()
                }
                try await sql.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Int64(now.timeIntervalSince1970)))
                    .run()
                done.append(migration.version)
            }
            try await sql.raw("COMMIT").run()
            return done
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    /// The versions recorded in `schema_migrations`, or none for an empty database.
    static func appliedVersions(_ connection: StoreConnection) async throws(StoreError) -> [Int] {
        do {
            return try await connection.exclusively(retryingLostConnection: true) { sql in
                try await SQLiteRetry.run {
                    // An empty database has no table yet: no version.
                    guard try await hasMigrationTable(sql, engine: connection.engine) else { return [] }
                    return try await sql.raw("SELECT version FROM schema_migrations ORDER BY version")
                        .all(decodingColumn: "version", as: Int.self)
                }
            }
        } catch {
            throw StoreError.from(error, operation: "read the schema version")
        }
    }

    /// Refuses a database whose schema lacks migrations of this build, for a process that may
    /// not migrate (`kneecoach serve --no-migrate`); a newer schema is used as it is, since
    /// migrations only add (an old instance during a rolling upgrade).
    /// - Throws: ``StoreError/schemaBehind(found:needs:)``.
    static func requireCurrent(_ connection: StoreConnection) async throws(StoreError) {
        let applied = try await appliedVersions(connection)
        if Migrations.all.contains(where: { !applied.contains($0.version) }) {
            throw .schemaBehind(found: applied.max() ?? 0, needs: Migrations.latestVersion)
        }
    }

    /// Whether `schema_migrations` exists (in the search path's first schema on PostgreSQL).
    private static func hasMigrationTable(_ sql: any SQLDatabase, engine: StoreEngine) async throws -> Bool {
        switch engine {
        case .sqlite:
            return try await !sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").all().isEmpty
        case .postgres:
            return try await !sql.raw(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
            ).all().isEmpty
        }
    }
}

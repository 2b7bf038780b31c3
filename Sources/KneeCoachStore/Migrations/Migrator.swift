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
            return try await connection.exclusively {
                try await SQLiteRetry.run {
                    try await migrateOnce(connection, to: target, now: now)
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
            applied = try await connection.exclusively {
                try await connection.sql.raw("SELECT version FROM schema_migrations").all(decodingColumn: "version", as: Int.self)
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

    private static func migrateOnce(_ connection: StoreConnection, to target: Int, now: Date) async throws -> [Int] {
        let sql = connection.sql
        let engine = connection.engine
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
            return try await connection.exclusively {
                try await SQLiteRetry.run {
                    try await connection.sql.raw("SELECT version FROM schema_migrations ORDER BY version")
                        .all(decodingColumn: "version", as: Int.self)
                }
            }
        } catch {
            throw StoreError.from(error, operation: "read the schema version")
        }
    }
}

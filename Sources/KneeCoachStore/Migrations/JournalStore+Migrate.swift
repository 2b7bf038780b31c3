import Foundation

/// A migration that ``JournalStore/migrate(_:now:)`` applied.
public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
}

extension JournalStore {
    /// Applies the migrations the database lacks, and nothing else (no user is created): for
    /// deployments that migrate as a step of their own (`kneecoach migrate`) before starting
    /// servers with `--no-migrate`. Safe to run from several processes at once: they take the
    /// same lock, and the migrations are applied once.
    /// - Returns: The migrations applied, oldest first (none when the schema was current),
    ///   and the schema version afterwards.
    /// - Throws: What ``open(_:user:now:options:)`` throws when connecting or migrating.
    public static func migrate(
        _ location: DatabaseLocation, now: Date = Date()
    ) async throws(StoreError) -> (applied: [AppliedMigration], version: Int) {
        let connection = try await connect(location)
        do {
            let versions = try await Migrator.migrate(connection, now: now)
            let current = try await Migrator.appliedVersions(connection).max() ?? 0
            await connection.close()
            let applied = versions.map { version in
                AppliedMigration(version: version, name: Migrations.all.first { $0.version == version }?.name ?? "")
            }
            return (applied, current)
        } catch {
            await connection.close()
            throw error
        }
    }
}

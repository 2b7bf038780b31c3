import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachStore

/// The `--db PATH` and `--database URL` options shared by every command that reads or
/// writes the runner's data.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The data file (default: $KNEECOACH_DB, else $XDG_DATA_HOME/kneecoach/kneecoach.sqlite).")
    var db: String?

    @Option(
        help: ArgumentHelp(
            "A PostgreSQL URL (postgres://user@host:port/db) to use instead of the SQLite file (default: $KNEECOACH_DATABASE_URL).",
            valueName: "url"))
    var database: String?

    /// The data folder from `--db`, else the environment.
    var dataFolder: DataFolder {
        DataFolder.resolve(path: db, environment: ProcessInfo.processInfo.environment)
    }

    /// The journal's database: `--database`, else `KNEECOACH_DATABASE_URL`, else the SQLite file.
    func location() throws(StoreError) -> DatabaseLocation {
        try DatabaseLocation.resolve(
            database: database, environment: ProcessInfo.processInfo.environment,
            defaultSQLitePath: dataFolder.databaseURL.path)
    }

    /// Opens the journal, runs `body`, and closes it again, also on error.
    /// Whether there may be a journal to read: a PostgreSQL URL, an SQLite file, or an
    /// earlier version's `profile.json` in the data folder that opening it would take in.
    func journalMayExist() throws(StoreError) -> Bool {
        guard case .sqlite(let path) = try location() else { return true }
        let manager = FileManager.default
        return manager.fileExists(atPath: path) || manager.fileExists(atPath: dataFolder.file("profile.json").path)
    }

    func withJournal<T>(_ body: (Journal) async throws -> T) async throws -> T {
        try await Journal.with(location(), dataFolder: dataFolder, body)
    }
}

import Foundation
import KneeCoachCore
import KneeCoachStore

/// The runner's journal: the use cases the command line (and later the server) call to
/// log, list, import, export and restore. The only place that joins Core, the activity
/// files and the store.
///
/// ```swift
/// try await Journal.with(.sqlite(path: path), dataFolder: folder) { journal in
///     try await journal.logPain(...)
/// }
/// ```
public struct Journal: Sendable {
    /// The open store, scoped to the runner.
    public let store: JournalStore
    /// The data folder: where the SQLite file lives, and where an earlier version's
    /// `profile.json` is looked for when the journal opens.
    public let dataFolder: DataFolder
    /// Whether the coach reads and keeps its fold checkpoints (``coach(profile:start:earliest:shows:now:libraryOnceRead:)``):
    /// on unless `KNEECOACH_FOLD_CHECKPOINTS=off`, which folds every command in full (to compare, or to rule them out).
    public var usesFoldCheckpoints = Journal.foldCheckpointsByDefault

    public init(store: JournalStore, dataFolder: DataFolder) {
        self.store = store
        self.dataFolder = dataFolder
    }

    /// Opens the journal at `location`, runs `body`, and closes it, also when `body` throws.
    ///
    /// Opening takes a `profile.json` / `assessments.json` of an earlier version found in
    /// `dataFolder` into the database (see ``LegacyProfileFiles``).
    /// - Throws: A ``StoreError`` when the database cannot be opened, or what `body` throws.
    public static func with<T>(
        _ location: DatabaseLocation, dataFolder: DataFolder, isolation: isolated (any Actor)? = #isolation,
        _ body: (Journal) async throws -> T
    ) async throws -> T {
        let store = try await JournalStore.open(location)
        do {
            try await LegacyProfileFiles(folder: dataFolder).adopt(into: store)
            let result = try await body(Journal(store: store, dataFolder: dataFolder))
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

import Foundation
import NIOPosix
import SQLiteKit

extension StoreConnection {
    /// Opens (creating when missing) an SQLite journal file: WAL, foreign keys on, a busy
    /// timeout, and a check that the file really is an SQLite database.
    /// - Throws: ``StoreError/notADatabase(path:)``, ``StoreError/cannotOpen(path:reason:)``,
    ///   ``StoreError/busy(seconds:)``.
    static func openSQLite(path: String) async throws(StoreError) -> StoreConnection {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .cannotOpen(path: path, reason: "it is a folder")
        }
        // Health data is private: a new folder is the owner's only, a new database file (and
        // so its -wal and -shm files, which SQLite creates with the database's mode) too.
        do {
            let folder = url.deletingLastPathComponent()
            if !FileManager.default.fileExists(atPath: folder.path) {
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            if !FileManager.default.fileExists(atPath: url.path) {
                guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
                else { throw CocoaError(.fileWriteNoPermission) }
            }
        } catch {
            throw .cannotOpen(path: path, reason: "its folder or file cannot be created")
        }
        // A journal this process may read but not write (the file, or the folder its -wal
        // and -shm files live in) is opened read-only, so that reading it still works.
        let isReadOnly = access(url.path, W_OK) != 0 || access(url.deletingLastPathComponent().path, W_OK) != 0
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: .file(path: isReadOnly ? readOnlyURI(url.path) : url.path), threadPool: thread, logger: quietLogger,
                on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            try? await thread.shutdownGracefully()
            throw .cannotOpen(path: path, reason: reason(error))
        }
        let store = StoreConnection(
            engine: .sqlite, handle: .sqlite(connection, thread), sql: connection.sql(queryLogLevel: nil),
            displayName: path, isReadOnly: isReadOnly)
        do {
            try await store.configureSQLite()
        } catch {
            await store.close()
            if error is ForeignDatabase { throw .notAJournal(path: path) }
            if let sqlite = error as? SQLiteError, sqlite.reason == .notADatabase {
                throw .notADatabase(path: path)
            }
            if let sqlite = error as? SQLiteError, sqlite.reason == .corrupt {
                throw .notADatabase(path: path)
            }
            if SQLiteRetry.isBusy(error) { throw .busy(seconds: SQLiteRetry.totalWaitSeconds) }
            throw .cannotOpen(path: path, reason: reason(error))
        }
        return store
    }

    private func configureSQLite() async throws {
        // busy_timeout first: every later statement may have to wait for another process.
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(SQLiteRetry.busyTimeoutMilliseconds))").run()
        try await sql.raw("PRAGMA foreign_keys = ON").run()
        // Reading the schema reads the file's header: a file that is not a database fails here.
        // A database with tables but no migration record belongs to another program: it is
        // refused before anything (even the journal mode in its header) is written to it.
        let tables = try await SQLiteRetry.run {
            try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                .all(decodingColumn: "name", as: String.self)
        }
        if !tables.isEmpty && !tables.contains("schema_migrations") { throw ForeignDatabase() }
        if isReadOnly { return }
        // WAL lets readers and one writer work at once, and survives a killed process.
        // NORMAL sync is safe with WAL: a crash loses at most the last commits, never the file.
        _ = try await SQLiteRetry.run { try await sql.raw("PRAGMA journal_mode = WAL").all() }
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
    }

    /// A URI that opens `path` for reading only. Without write access to the folder, SQLite
    /// cannot create the -shm file a WAL database needs, so the file is read as immutable:
    /// no lock, no -wal or -shm (nothing can write it meanwhile through this process either).
    private static func readOnlyURI(_ path: String) -> String {
        let folderWritable = access(URL(fileURLWithPath: path).deletingLastPathComponent().path, W_OK) == 0
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(escaped)?mode=ro" + (folderWritable ? "" : "&immutable=1")
    }

    /// The file holds another program's tables (see ``StoreError/notAJournal(path:)``).
    private struct ForeignDatabase: Error {}

    private static func reason(_ error: any Error) -> String {
        if let error = error as? SQLiteError { return error.message }
        return String(describing: type(of: error))
    }
}

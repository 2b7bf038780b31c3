import Foundation
import SQLKit

extension JournalStore {
    /// The schema version of the database (the newest applied migration).
    /// - Parameter timeout: On PostgreSQL, the longest to wait for a free connection (default:
    ///   the pool's); readiness checks wait less than requests do.
    public func schemaVersion(waitingAtMost timeout: Duration? = nil) async throws(StoreError) -> Int {
        try await read("read the schema version", waitingAtMost: timeout) { sql in
            try await sql.raw("SELECT MAX(version) AS v FROM schema_migrations").first(decodingColumn: "v", as: Int?.self)
                .flatMap { $0 } ?? 0
        }
    }

    /// Whether the database is intact: SQLite's `PRAGMA integrity_check` and foreign-key
    /// check both clean. PostgreSQL guards its own pages, so it always answers `true`.
    public func isIntact() async throws(StoreError) -> Bool {
        guard engine == .sqlite else { return true }
        return try await read("check the database") { sql in
            let integrity = try await sql.raw("PRAGMA integrity_check").all()
            let messages = try integrity.map { try $0.decode(column: "integrity_check", as: String.self) }
            guard messages == ["ok"] else { return false }
            return try await sql.raw("PRAGMA foreign_key_check").all().isEmpty
        }
    }
}

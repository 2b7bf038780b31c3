import Foundation
import SQLKit

/// The server's settings (`server_settings`, one row): read on every request that needs one,
/// never kept in a process, so that every instance on the database agrees at once. Not
/// scoped to the store's runner.
extension JournalStore {
    /// Who may sign up, as stored (`open`, `invite-only` or `closed`), or `nil` when nothing
    /// is stored and the server's default holds.
    public func signupSetting() async throws(StoreError) -> String? {
        try await read("read the sign-up setting") { sql in
            try await sql.select().column("signup").from("server_settings").where("id", .equal, 1)
                .first().flatMap { row in try RowReader(row: row, table: "server_settings")("signup", as: String?.self) }
        }
    }

    /// Stores who may sign up, replacing what was stored.
    /// - Parameter value: `open`, `invite-only` or `closed`.
    /// - Throws: ``StoreError/constraintViolated(constraint:rule:)`` with `server_settings_signup`
    ///   for any other value.
    public func setSignupSetting(_ value: String, now: Date = Date()) async throws(StoreError) {
        let seconds = SQLValues.seconds(now)
        try await write("store the sign-up setting") { sql in
            try await sql.insert(into: "server_settings").columns("id", "signup", "updated_at")
                .values(SQLBind(1), SQLBind(value), SQLBind(seconds))
                .onConflict(with: ["id"]) { $0.set(excludedValueOf: "signup").set(excludedValueOf: "updated_at") }
                .run()
        }
    }
}

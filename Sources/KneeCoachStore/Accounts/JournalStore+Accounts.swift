import Foundation
import SQLKit

/// Accounts: the server's runners, each a row of `users` with a sign-in name and a password
/// hash. These methods are not scoped to the store's runner: they find the runner.
extension JournalStore {
    static let accountColumns = ["user_id", "login", "password_hash", "is_admin", "auth_epoch", "created_at"]

    /// The account with this sign-in name (compared lower-cased), or `nil`.
    public func account(login: String) async throws(StoreError) -> AccountRecord? {
        try await read("read an account") { sql in
            try await sql.select().columns(Self.accountColumns).from("accounts")
                .where("login", .equal, login.lowercased()).first().map(AccountRecord.init(row:))
        }
    }

    /// The account of this runner, or `nil` (the command line's local runner has none until a
    /// server adopts it).
    public func account(userID: UserID) async throws(StoreError) -> AccountRecord? {
        try await read("read an account") { sql in
            try await sql.select().columns(Self.accountColumns).from("accounts")
                .where("user_id", .equal, userID.rawValue).first().map(AccountRecord.init(row:))
        }
    }

    /// How many accounts the server has.
    public func accountCount() async throws(StoreError) -> Int {
        try await read("count accounts") { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("accounts")
                .first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// Creates an account and the runner it signs in as.
    ///
    /// With `adoptingLocalRunner`, the command line's local runner (and everything it logged)
    /// becomes the account's, when it exists and no account has it yet: a self-hoster who
    /// starts a server on the journal they used at the terminal keeps their journal.
    /// - Returns: The account.
    /// - Throws: ``StoreError/constraintViolated(constraint:rule:)`` with `accounts_login_unique`
    ///   when the name is taken.
    public func createAccount(
        login: String, passwordHash: String, isAdmin: Bool, adoptingLocalRunner: Bool, now: Date = Date()
    ) async throws(StoreError) -> AccountRecord {
        let login = login.lowercased()
        let created = SQLValues.seconds(now)
        let userID: Int64 = try await write("create an account") { sql in
            var runner: Int64?
            if adoptingLocalRunner {
                runner = try await sql.raw(
                    """
                    SELECT id FROM users WHERE name = \(bind: UserRecord.localName)
                    AND id NOT IN (SELECT user_id FROM accounts)
                    """
                ).first(decodingColumn: "id", as: Int64.self)
            }
            if runner == nil {
                runner = try await sql.insert(into: "users").columns("name", "created_at")
                    .values(SQLBind(Self.runnerName(login: login)), SQLBind(created))
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            }
            guard let runner else { throw StoreError.failed(operation: "create an account", reason: "no id came back") }
            try await sql.insert(into: "accounts")
                .columns("user_id", "login", "password_hash", "is_admin", "auth_epoch", "created_at")
                .values(
                    SQLBind(runner), SQLBind(login), SQLBind(passwordHash), SQLBind(isAdmin), SQLBind(Int64(0)),
                    SQLBind(created)
                ).run()
            return runner
        }
        return AccountRecord(
            userID: UserID(userID), login: login, passwordHash: passwordHash, isAdmin: isAdmin, authEpoch: 0,
            createdAt: Date(timeIntervalSince1970: TimeInterval(created)))
    }

    /// The name of the `users` row behind an account: unique, and never the local runner's.
    static func runnerName(login: String) -> String { "account:\(login)" }

    /// Stores a new password hash and moves the epoch on, which ends every session.
    /// - Throws: ``StoreError/notFound(what:)`` when the account is gone.
    public func setPasswordHash(_ hash: String, userID: UserID) async throws(StoreError) {
        try await updateAccount(userID, "change a password") { $0.set("password_hash", to: hash) }
    }

    /// Moves the epoch on: every session of the account ends ("sign out everywhere").
    /// - Throws: ``StoreError/notFound(what:)`` when the account is gone.
    public func endAllSessions(userID: UserID) async throws(StoreError) {
        try await updateAccount(userID, "end sessions") { $0 }
    }

    private func updateAccount(
        _ userID: UserID, _ operation: String, _ change: (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws(StoreError) {
        let changed = try await write(operation) { sql in
            try await change(sql.update("accounts"))
                .set("auth_epoch", to: SQLRaw("auth_epoch + 1"))
                .where("user_id", .equal, userID.rawValue)
                .returning("user_id").all().count
        }
        if changed == 0 { throw .notFound(what: "account") }
    }

    /// Deletes the account and the runner behind it, in one transaction: every run, session,
    /// pain entry, note, self-test, shoe, token, coach link and stored answer goes with it,
    /// and so does every web session of the account.
    ///
    /// The web sessions go by hand (their rows are the session library's JSON, with the
    /// runner's id under ``webSessionUserKey``): SQLite may give a deleted runner's id to the
    /// next account, which a session left behind would then sign in as.
    public func deleteAccount(userID: UserID) async throws(StoreError) {
        let engine = self.engine
        try await write("delete an account") { sql in
            switch engine {
            case .sqlite:
                try await sql.raw(
                    """
                    DELETE FROM web_sessions
                    WHERE json_extract(value_json, \(bind: "$." + Self.webSessionUserKey)) = \(bind: userID.rawValue)
                    """
                ).run()
            case .postgres:
                try await sql.raw(
                    """
                    DELETE FROM web_sessions
                    WHERE (value_json::jsonb ->> \(bind: Self.webSessionUserKey)) = \(bind: String(userID.rawValue))
                    """
                ).run()
            }
            try await sql.delete(from: "users").where("id", .equal, userID.rawValue).run()
        }
    }

    /// The key under which a web session's JSON holds its runner's id (the server's
    /// `WebSession.userID`).
    public static let webSessionUserKey = "userID"
}

extension AccountRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "accounts")
        self.init(
            userID: try read.id("user_id"), login: try read("login"), passwordHash: try read("password_hash"),
            isAdmin: try read("is_admin"), authEpoch: try read("auth_epoch"), createdAt: try read.instant("created_at"))
    }
}

import Foundation
import SQLKit

/// API tokens of the store's runner: named, scoped, stored as the SHA-256 of the token.
extension JournalStore {
    static let tokenColumns = ["id", "user_id", "name", "scopes", "created_at", "last_used_at", "revoked_at"]

    /// Stores a new token of the store's runner.
    /// - Parameters:
    ///   - tokenHash: The SHA-256 of the token, hex; the token itself is never stored.
    ///   - scopes: What the token may do, e.g. `read`, `journal:write`.
    /// - Returns: The stored token.
    public func insertToken(name: String, tokenHash: String, scopes: [String], now: Date = Date()) async throws(StoreError)
        -> APITokenRecord
    {
        let id = try await write("create a token") { sql in
            try await insertRow(
                sql, into: "api_tokens",
                [("name", name), ("token_hash", tokenHash), ("scopes", scopes.joined(separator: " ")),
                 ("created_at", SQLValues.seconds(now))])
        }
        return APITokenRecord(
            id: id, userID: userID, name: name, scopes: scopes,
            createdAt: Date(timeIntervalSince1970: TimeInterval(SQLValues.seconds(now))))
    }

    /// The runner's tokens, revoked ones too, oldest first.
    public func tokens() async throws(StoreError) -> [APITokenRecord] {
        try await read("read tokens") { sql in
            try await sql.select().columns(Self.tokenColumns).from("api_tokens")
                .where("user_id", .equal, userID.rawValue).orderBy("id").all().map(APITokenRecord.init(row:))
        }
    }

    /// Revokes one of the runner's tokens; `false` when the runner has no such live token.
    public func revokeToken(id: Int64, now: Date = Date()) async throws(StoreError) -> Bool {
        try await write("revoke a token") { sql in
            try await sql.update("api_tokens").set("revoked_at", to: SQLValues.seconds(now))
                .where("id", .equal, id).where("user_id", .equal, userID.rawValue).where("revoked_at", .is, SQLLiteral.null)
                .returning("id").all().isEmpty == false
        }
    }

    /// The live token with this hash, whoever's it is, or `nil`; marks it used (at most once a
    /// minute, so a busy script does not write on every request).
    public func liveToken(hash: String, now: Date = Date()) async throws(StoreError) -> APITokenRecord? {
        let token = try await read("read a token") { sql in
            try await sql.select().columns(Self.tokenColumns).from("api_tokens")
                .where("token_hash", .equal, hash).where("revoked_at", .is, SQLLiteral.null)
                .first().map(APITokenRecord.init(row:))
        }
        guard let token else { return nil }
        let seconds = SQLValues.seconds(now)
        if token.lastUsedAt.map({ seconds - SQLValues.seconds($0) >= 60 }) ?? true {
            try await write("mark a token used") { sql in
                try await sql.update("api_tokens").set("last_used_at", to: seconds).where("id", .equal, token.id).run()
            }
        }
        return token
    }
}

extension APITokenRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "api_tokens")
        let lastUsed: Int64? = try read("last_used_at")
        let revoked: Int64? = try read("revoked_at")
        self.init(
            id: try read("id"), userID: try read.id("user_id"), name: try read("name"),
            scopes: try read("scopes", as: String.self).split(separator: " ").map(String.init),
            createdAt: try read.instant("created_at"),
            lastUsedAt: lastUsed.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            revokedAt: revoked.map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }
}

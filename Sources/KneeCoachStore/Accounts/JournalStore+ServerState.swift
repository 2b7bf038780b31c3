import Foundation
import SQLKit

/// What a server keeps between requests, in the database so that any instance can answer
/// any request: web sessions, sign-in counters, stored answers to idempotent writes,
/// calendar feed tokens and sign-up invitations. None of these is scoped to the store's
/// runner except where a method says so.
extension JournalStore {
    // MARK: Web sessions

    /// Stores a session under the SHA-256 of its cookie value. With `onlyIfNew`, an existing
    /// row is left alone and the result is `false`.
    @discardableResult
    public func putWebSession(keyHash: String, json: String, expires: Date?, onlyIfNew: Bool) async throws(StoreError) -> Bool {
        try await write("store a session") { sql in
            let insert = sql.insert(into: "web_sessions").columns("key_hash", "value_json", "expires_at")
                .values(SQLBind(keyHash), SQLBind(json), SQLBind(expires.map(SQLValues.seconds)))
            if onlyIfNew {
                return try await insert.ignoringConflicts(with: ["key_hash"]).returning("key_hash").all().isEmpty == false
            }
            try await insert.onConflict(with: ["key_hash"]) { conflict in
                var update = conflict.set(excludedValueOf: "value_json")
                if expires != nil { update = update.set(excludedValueOf: "expires_at") }
                return update
            }.run()
            return true
        }
    }

    /// The session stored under this hash and when it expires, or `nil` when there is none or
    /// it has expired.
    public func webSession(keyHash: String, now: Date = Date()) async throws(StoreError) -> (json: String, expires: Date?)? {
        try await read("read a session") { sql in
            guard let row = try await sql.select().columns("value_json", "expires_at").from("web_sessions")
                .where("key_hash", .equal, keyHash).first()
            else { return nil }
            let read = RowReader(row: row, table: "web_sessions")
            let expires: Int64? = try read("expires_at")
            if let expires, expires <= SQLValues.seconds(now) { return nil }
            return (try read("value_json"), expires.map { Date(timeIntervalSince1970: TimeInterval($0)) })
        }
    }

    /// Removes a session (sign-out).
    public func removeWebSession(keyHash: String) async throws(StoreError) {
        try await write("remove a session") { sql in
            try await sql.delete(from: "web_sessions").where("key_hash", .equal, keyHash).run()
        }
    }

    /// Removes expired sessions and sign-in counters of windows that have ended.
    public func tidyServerState(now: Date = Date()) async throws(StoreError) {
        let seconds = SQLValues.seconds(now)
        try await write("tidy sessions") { sql in
            try await sql.delete(from: "web_sessions").where("expires_at", .lessThanOrEqual, seconds).run()
            try await sql.delete(from: "rate_limits").where("window_start", .lessThan, seconds - 86_400).run()
        }
    }

    // MARK: Sign-in counters

    /// Counts one attempt in `bucket` for the window starting at `windowStart` and returns the
    /// attempts so far in that window, this one included.
    public func countAttempt(bucket: String, windowStart: Int64) async throws(StoreError) -> Int {
        try await write("count a sign-in attempt") { sql in
            try await sql.raw(
                """
                INSERT INTO rate_limits (bucket, window_start, hits) VALUES (\(bind: bucket), \(bind: windowStart), 1)
                ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
                RETURNING hits
                """
            ).first(decodingColumn: "hits", as: Int.self) ?? 1
        }
    }

    // MARK: Idempotent writes (scoped to the store's runner)

    /// The answer stored for this runner's key, or `nil`.
    public func storedResponse(key: String) async throws(StoreError) -> StoredResponse? {
        try await read("read an idempotency key") { sql in
            try await sql.select().columns("request_hash", "status", "content_type", "body").from("idempotency_keys")
                .where("user_id", .equal, userID.rawValue).where("idem_key", .equal, key).first()
                .map { row in
                    let read = RowReader(row: row, table: "idempotency_keys")
                    return StoredResponse(
                        requestHash: try read("request_hash"), status: try read("status"),
                        contentType: try read("content_type"), body: try read("body"))
                }
        }
    }

    /// Stores the answer to this runner's key. Inside the transaction of the write it answers,
    /// so that the entry and its key are stored together or not at all; a second request with
    /// the same key racing this one fails on the key's uniqueness and rolls back.
    public func storeResponse(_ response: StoredResponse, key: String, now: Date = Date()) async throws(StoreError) {
        try await write("store an idempotency key") { sql in
            try await sql.insert(into: "idempotency_keys")
                .columns("user_id", "idem_key", "request_hash", "status", "content_type", "body", "created_at")
                .values(
                    SQLBind(userID.rawValue), SQLBind(key), SQLBind(response.requestHash), SQLBind(response.status),
                    SQLBind(response.contentType), SQLBind(response.body), SQLBind(SQLValues.seconds(now))
                ).run()
        }
    }

    // MARK: Calendar feeds

    /// Sets the runner's calendar feed token (its SHA-256), replacing the old one.
    public func setCalendarFeed(tokenHash: String, now: Date = Date()) async throws(StoreError) {
        try await write("store a calendar feed") { sql in
            try await sql.delete(from: "calendar_feeds").where("user_id", .equal, userID.rawValue).run()
            try await sql.insert(into: "calendar_feeds").columns("user_id", "token_hash", "created_at")
                .values(SQLBind(userID.rawValue), SQLBind(tokenHash), SQLBind(SQLValues.seconds(now))).run()
        }
    }

    /// Whether the runner has a calendar feed.
    public func hasCalendarFeed() async throws(StoreError) -> Bool {
        try await read("read a calendar feed") { sql in
            try await sql.select().column("user_id").from("calendar_feeds")
                .where("user_id", .equal, userID.rawValue).first() != nil
        }
    }

    /// The runner whose calendar feed has this token hash, or `nil`.
    public func calendarFeedOwner(tokenHash: String) async throws(StoreError) -> UserID? {
        try await read("read a calendar feed") { sql in
            try await sql.select().column("user_id").from("calendar_feeds").where("token_hash", .equal, tokenHash)
                .first(decodingColumn: "user_id", as: Int64.self).map { UserID($0) }
        }
    }

    // MARK: Sign-up invitations

    /// Stores an invitation (the SHA-256 of its code) made by the store's runner.
    public func insertInvitation(codeHash: String, expires: Date, now: Date = Date()) async throws(StoreError) {
        try await write("store an invitation") { sql in
            try await sql.insert(into: "signup_invitations").columns("code_hash", "created_by", "created_at", "expires_at")
                .values(
                    SQLBind(codeHash), SQLBind(userID.rawValue), SQLBind(SQLValues.seconds(now)),
                    SQLBind(SQLValues.seconds(expires))
                ).run()
        }
    }

    /// Uses up an invitation; `false` when it does not exist, has expired or was used.
    public func useInvitation(codeHash: String, now: Date = Date()) async throws(StoreError) -> Bool {
        let seconds = SQLValues.seconds(now)
        return try await write("use an invitation") { sql in
            try await sql.update("signup_invitations").set("used_at", to: seconds)
                .where("code_hash", .equal, codeHash).where("used_at", .is, SQLLiteral.null)
                .where("expires_at", .greaterThan, seconds)
                .returning("code_hash").all().isEmpty == false
        }
    }
}

import Foundation
import KneeCoachCore
import SQLKit

extension JournalStore {
    /// The runner's stored profile as JSON text (the profile file's format), or `nil`.
    public func profileJSON() async throws(StoreError) -> String? {
        try await read("read the profile") { sql in
            try await sql.select().column("profile_json").from("profiles")
                .where("user_id", .equal, userID.rawValue)
                .first(decodingColumn: "profile_json", as: String.self)
        }
    }

    /// Stores the runner's profile JSON text, replacing the old one. The caller validates it.
    public func saveProfile(json: String, now: Date = Date()) async throws(StoreError) {
        try await write("save the profile") { sql in
            try await sql.delete(from: "profiles").where("user_id", .equal, userID.rawValue).run()
            try await sql.insert(into: "profiles")
                .columns("user_id", "profile_json", "updated_at")
                .values(SQLBind(userID.rawValue), SQLBind(json), SQLBind(SQLValues.seconds(now)))
                .run()
        }
    }

    /// When the profile was last saved, or `nil` when there is none.
    public func profileUpdatedAt() async throws(StoreError) -> Date? {
        try await read("read the profile") { sql in
            try await sql.select().column("updated_at").from("profiles")
                .where("user_id", .equal, userID.rawValue)
                .first(decodingColumn: "updated_at", as: Int64.self)
                .map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
    }

    /// The stored profile, decoded and validated, or `nil` when there is none.
    /// - Throws: ``StoreError/corruptRow(table:column:)`` when the stored JSON no longer validates.
    public func profile() async throws(StoreError) -> Profile? {
        guard let json = try await profileJSON() else { return nil }
        do {
            return try Profile(jsonData: Data(json.utf8))
        } catch {
            throw .corruptRow(table: "profiles", column: "profile_json")
        }
    }

    /// Stores a profile (encoded as the profile file's JSON), replacing the old one.
    public func save(_ profile: Profile, now: Date = Date()) async throws(StoreError) {
        let json: String
        do {
            json = try SQLValues.json(profile)
        } catch {
            throw .failed(operation: "save the profile", reason: "it cannot be encoded")
        }
        try await saveProfile(json: json, now: now)
    }
}

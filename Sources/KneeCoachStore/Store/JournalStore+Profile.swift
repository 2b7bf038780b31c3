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
    /// - Parameter signsRecordedMs: When the profile's warning signs were raised, in
    ///   milliseconds since 1970 (``profileSignsRecordedAt()``); `nil` falls back to the save time.
    public func saveProfile(json: String, now: Date = Date(), signsRecordedMs: Int64? = nil) async throws(StoreError) {
        try await write("save the profile") { sql in
            try await sql.delete(from: "profiles").where("user_id", .equal, userID.rawValue).run()
            try await sql.insert(into: "profiles")
                .columns("user_id", "profile_json", "updated_at", "signs_recorded_ms")
                .values(
                    SQLBind(userID.rawValue), SQLBind(json), SQLBind(SQLValues.seconds(now)), SQLBind(signsRecordedMs))
                .run()
        }
    }

    /// When the stored profile's warning signs were raised, in milliseconds since 1970: the
    /// save that last brought a sign the profile did not have before (a clearance recorded
    /// after it lifts them); for a profile saved before this was kept, its save time. `nil`
    /// when there is no profile.
    public func profileSignsRecordedMs() async throws(StoreError) -> Int64? {
        try await read("read the profile") { sql in
            guard
                let row = try await sql.select().columns("signs_recorded_ms", "updated_at").from("profiles")
                    .where("user_id", .equal, userID.rawValue).first()
            else { return nil }
            let read = RowReader(row: row, table: "profiles")
            if let exact: Int64 = try read("signs_recorded_ms") { return exact }
            return try read("updated_at", as: Int64.self) * 1000
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
    ///
    /// Its warning signs count as raised now only when it brings a sign the stored profile
    /// did not have (``WarningSigns/raisesNewSign(from:to:)``): re-saving the same profile, or
    /// changing other fields, keeps the old instant, so a clinician's clearance still stands.
    public func save(_ profile: Profile, now: Date = Date()) async throws(StoreError) {
        let json: String
        do {
            json = try SQLValues.json(profile)
        } catch {
            throw .failed(operation: "save the profile", reason: "it cannot be encoded")
        }
        let old = try? await self.profile()
        let oldSigns = try await profileSignsRecordedMs()
        let signs = WarningSigns.raisesNewSign(from: old, to: profile) ? SQLValues.milliseconds(now) : oldSigns
        try await saveProfile(json: json, now: now, signsRecordedMs: signs ?? SQLValues.milliseconds(now))
    }
}

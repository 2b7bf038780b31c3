import Foundation
import KneeCoachCore
import SQLKit

/// The day the runner's programme started: programme weeks and phases count from it.
///
/// One row per runner in `programmes`. Inside ``transaction(isolation:_:)`` the store handed
/// to the body has the same two methods, so the start can change together with the profile
/// or a self-test:
///
/// ```swift
/// try await store.transaction { tx in
///     try await tx.save(profile)
///     try await tx.setProgrammeStart(today)
/// }
/// ```
extension JournalStore {
    /// The day the runner's programme started, or `nil` when none is stored.
    /// - Throws: ``StoreError/corruptRow(table:column:)`` when the stored day is not `YYYY-MM-DD`.
    public func programmeStart() async throws(StoreError) -> LocalDate? {
        try await read("read the programme's start") { sql in
            guard
                let row = try await sql.select().column("start_date").from("programmes")
                    .where("user_id", .equal, userID.rawValue)
                    .first()
            else { return nil }
            return try RowReader(row: row, table: "programmes").date("start_date")
        }
    }

    /// Stores the day the runner's programme started, replacing the old one.
    public func setProgrammeStart(_ day: LocalDate, now: Date = Date()) async throws(StoreError) {
        try await write("store the programme's start") { sql in
            try await sql.delete(from: "programmes").where("user_id", .equal, userID.rawValue).run()
            try await sql.insert(into: "programmes")
                .columns("user_id", "start_date", "updated_at")
                .values(SQLBind(userID.rawValue), SQLBind(day.description), SQLBind(SQLValues.seconds(now)))
                .run()
        }
    }
}

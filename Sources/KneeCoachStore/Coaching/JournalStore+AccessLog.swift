import Foundation
import SQLKit

/// The log of every read of a runner's data by a coach, which the runner can read.
extension JournalStore {
    /// Records that a coach read `what` of each of these runners, in one statement.
    public func logAccess(
        coachID: UserID, coachNames: [UserID: String], runnerIDs: [UserID], what: String, now: Date = Date()
    ) async throws(StoreError) {
        guard !runnerIDs.isEmpty else { return }
        let at = SQLValues.seconds(now)
        try await write("log a coach's read") { sql in
            var insert = sql.insert(into: "access_log").columns("runner_id", "coach_id", "coach_name", "what", "at_utc")
            for runner in runnerIDs {
                insert = insert.values(
                    SQLBind(runner.rawValue), SQLBind(coachID.rawValue), SQLBind(coachNames[runner] ?? "A coach"),
                    SQLBind(what), SQLBind(at))
            }
            try await insert.run()
        }
    }

    /// The store's runner's access log, newest first, at most `limit` rows.
    public func accessLog(limit: Int) async throws(StoreError) -> [AccessLogRecord] {
        try await read("read the access log") { sql in
            try await sql.select().columns("id", "runner_id", "coach_id", "coach_name", "what", "at_utc").from("access_log")
                .where("runner_id", .equal, userID.rawValue).orderBy("id", .descending).limit(limit).all()
                .map(AccessLogRecord.init(row:))
        }
    }
}

extension AccessLogRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "access_log")
        let coach: Int64? = try read("coach_id")
        self.init(
            id: try read("id"), runnerID: try read.id("runner_id"), coachID: coach.map { UserID($0) },
            coachName: try read("coach_name"), what: try read("what"), at: try read.instant("at_utc"))
    }
}

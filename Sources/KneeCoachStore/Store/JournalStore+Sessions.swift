import Foundation
import KneeCoachCore
import SQLKit

extension JournalStore {
    static let sessionColumns = [
        "id", "local_date", "kind", "items_done_json", "items_skipped_json", "sets_done", "reps_done",
        "hold_seconds_done", "pain", "effort", "note",
    ]

    /// Stores a completed (or partly completed) session.
    /// - Returns: The session with its new id.
    /// - Throws: ``StoreError/constraintViolated(constraint:rule:)`` for pain or effort outside 0–10.
    @discardableResult
    public func insert(_ session: SessionRecord, now: Date = Date()) async throws(StoreError) -> SessionRecord {
        let id = try await write("store a session") { sql in
            try await insertRow(
                sql, into: "sessions_done",
                [
                    ("local_date", session.date.description), ("kind", session.kind),
                    ("items_done_json", try SQLValues.json(session.itemsDone)),
                    ("items_skipped_json", try SQLValues.json(session.itemsSkipped)),
                    ("sets_done", session.setsDone), ("reps_done", session.repsDone),
                    ("hold_seconds_done", session.holdSecondsDone), ("pain", session.pain),
                    ("effort", session.effort), ("note", session.note), ("created_at", SQLValues.seconds(now)),
                ])
        }
        var stored = session
        stored.id = SessionID(id)
        return stored
    }

    /// The runner's completed sessions between two days (inclusive), oldest first.
    public func sessions(from: LocalDate? = nil, to: LocalDate? = nil) async throws(StoreError) -> [SessionRecord] {
        try await read("read sessions") { sql in
            try await selectRows(sql, from: "sessions_done", columns: Self.sessionColumns, between: from, and: to)
                .map(SessionRecord.init(row:))
        }
    }

    /// The day of the runner's first completed session between two days (inclusive), if any:
    /// the week adherence counts from, known before the sessions are read.
    public func firstSessionDay(from: LocalDate, to: LocalDate) async throws(StoreError) -> LocalDate? {
        try await read("read the first session's day") { sql in
            let row = try await sql.raw(
                """
                SELECT MIN(local_date) AS first_day FROM sessions_done
                WHERE user_id = \(bind: userID.rawValue) AND local_date >= \(bind: from.description)
                  AND local_date <= \(bind: to.description)
                """
            ).first()
            let text: String? = try row.flatMap { try RowReader(row: $0, table: "sessions_done")("first_day") }
            return try text.map { text in
                guard let day = LocalDate(text) else { throw StoreError.corruptRow(table: "sessions_done", column: "local_date") }
                return day
            }
        }
    }

    /// Deletes a completed session; `false` when there was none.
    @discardableResult
    public func delete(_ id: SessionID) async throws(StoreError) -> Bool {
        try await deleteRow(from: "sessions_done", id: id.rawValue)
    }
}

extension SessionRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "sessions_done")
        self.init(
            id: try read.id(), date: try read.date(), kind: try read("kind"),
            itemsDone: try read.json("items_done_json", as: [Item].self),
            itemsSkipped: try read.json("items_skipped_json", as: [String].self), setsDone: try read("sets_done"),
            repsDone: try read("reps_done"), holdSecondsDone: try read("hold_seconds_done"), pain: try read("pain"),
            effort: try read("effort"), note: try read("note"))
    }
}

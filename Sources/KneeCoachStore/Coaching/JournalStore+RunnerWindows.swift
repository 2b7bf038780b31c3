import Foundation
import KneeCoachCore
import SQLKit

/// What a coach's dashboard reads of many runners at once: each one's profile, programme
/// start and the recent window of their journal, in one query per table rather than one per
/// runner and table.
public struct RunnerWindow: Sendable {
    public var profileJSON: String?
    public var profileSignsRecordedMs: Int64?
    public var programmeStart: LocalDate?
    public var activities: [ActivityRecord] = []
    /// Pain entries from the window's first day, and earlier ones that carry a warning sign.
    public var pain: [PainEntry] = []
    /// Every note and clearance: a sign in a note holds until a clearance, however old.
    public var notes: [NoteRecord] = []
    public var clearances: [ClearanceRecord] = []
    public var sessions: [SessionRecord] = []
}

extension JournalStore {
    /// The windows of these runners from `from` through `through`, by runner.
    ///
    /// Seven statements whatever the number of runners, each served by an index on
    /// `(user_id, local_date)`; earlier pain entries with a warning sign by the partial index of
    /// migration 14. The rows are the ones each runner's own reads give, in the same order.
    public func runnerWindows(_ runners: [UserID], from: LocalDate, through: LocalDate) async throws(StoreError)
        -> [UserID: RunnerWindow]
    {
        guard !runners.isEmpty else { return [:] }
        let ids = runners.map(\.rawValue)
        return try await read("read runners' recent journals") { sql in
            var windows = Dictionary(uniqueKeysWithValues: runners.map { ($0, RunnerWindow()) })
            var profiles = RunnersQuery(engine: engine)
            profiles.append("SELECT user_id, profile_json, signs_recorded_ms, updated_at FROM profiles WHERE ")
            profiles.appendRunners(ids)
            for row in try await profiles.rows(on: self, sql) {
                let read = RowReader(row: row, table: "profiles")
                let runner = UserID(try read("user_id", as: Int64.self))
                windows[runner]?.profileJSON = try read("profile_json")
                let exact: Int64? = try read("signs_recorded_ms")
                windows[runner]?.profileSignsRecordedMs = try exact ?? read("updated_at", as: Int64.self) * 1000
            }
            var programmes = RunnersQuery(engine: engine)
            programmes.append("SELECT user_id, start_date FROM programmes WHERE ")
            programmes.appendRunners(ids)
            for row in try await programmes.rows(on: self, sql) {
                let read = RowReader(row: row, table: "programmes")
                windows[UserID(try read("user_id", as: Int64.self))]?.programmeStart = try read.date("start_date")
            }
            for row in try await dated(Self.activityColumns, "activities", ids, from, through).rows(on: self, sql) {
                windows[try Self.owner(row, "activities")]?.activities.append(try ActivityRecord(row: row))
            }
            for row in try await painWindows(ids, from, through).rows(on: self, sql) {
                windows[try Self.owner(row, "pain_entries")]?.pain.append(try PainEntry(row: row))
            }
            for row in try await dated(Self.noteColumns, "notes", ids, nil, through).rows(on: self, sql) {
                windows[try Self.owner(row, "notes")]?.notes.append(try NoteRecord(row: row))
            }
            for row in try await dated(Self.clearanceColumns, "cleared", ids, nil, through).rows(on: self, sql) {
                windows[try Self.owner(row, "cleared")]?.clearances.append(try ClearanceRecord(row: row))
            }
            for row in try await dated(Self.sessionColumns, "sessions_done", ids, from, through).rows(on: self, sql) {
                windows[try Self.owner(row, "sessions_done")]?.sessions.append(try SessionRecord(row: row))
            }
            return windows
        }
    }

    /// `SELECT user_id, columns FROM table` of these runners, `from` (if any) through `through`,
    /// oldest first.
    private func dated(
        _ columns: [String], _ table: String, _ ids: [Int64], _ from: LocalDate?, _ through: LocalDate
    ) -> RunnersQuery {
        var query = RunnersQuery(engine: engine)
        query.append("SELECT \(Self.columnList(columns)) FROM \(table) WHERE ")
        query.appendRunners(ids)
        if let from {
            query.append(" AND local_date >= ")
            query.appendBind(from.description)
        }
        query.append(" AND local_date <= ")
        query.appendBind(through.description)
        query.append(" ORDER BY local_date, id")
        return query
    }

    /// The pain entries of these runners from `from` through `through`, and before `from` those
    /// that carry a warning sign (``painEntriesWithSigns(before:)``'s predicate, which the
    /// partial index serves), oldest first.
    private func painWindows(_ ids: [Int64], _ from: LocalDate, _ through: LocalDate) -> RunnersQuery {
        var query = RunnersQuery(engine: engine)
        let columns = Self.columnList(Self.painColumns)
        query.append("SELECT \(columns) FROM pain_entries WHERE ")
        query.appendRunners(ids)
        query.append(" AND local_date >= ")
        query.appendBind(from.description)
        query.append(" AND local_date <= ")
        query.appendBind(through.description)
        query.append(" UNION ALL SELECT \(columns) FROM pain_entries WHERE ")
        query.appendRunners(ids)
        query.append(" AND local_date < ")
        query.appendBind(from.description)
        query.append(" AND (\(Self.painSignPredicate)) ORDER BY local_date, id")
        return query
    }

    private static func columnList(_ columns: [String]) -> String {
        (["user_id"] + columns).map { "\"\($0)\"" }.joined(separator: ", ")
    }

    private static func owner(_ row: any SQLRow, _ table: String) throws -> UserID {
        UserID(try RowReader(row: row, table: table)("user_id", as: Int64.self))
    }
}

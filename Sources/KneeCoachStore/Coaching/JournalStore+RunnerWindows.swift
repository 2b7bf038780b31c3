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
    public func runnerWindows(_ runners: [UserID], from: LocalDate, through: LocalDate) async throws(StoreError)
        -> [UserID: RunnerWindow]
    {
        guard !runners.isEmpty else { return [:] }
        let ids = runners.map(\.rawValue)
        return try await read("read runners' recent journals") { sql in
            var windows = Dictionary(uniqueKeysWithValues: runners.map { ($0, RunnerWindow()) })
            for row in try await sql.select().columns("user_id", "profile_json", "signs_recorded_ms", "updated_at")
                .from("profiles").where("user_id", .in, ids).all()
            {
                let read = RowReader(row: row, table: "profiles")
                let runner = UserID(try read("user_id", as: Int64.self))
                windows[runner]?.profileJSON = try read("profile_json")
                let exact: Int64? = try read("signs_recorded_ms")
                windows[runner]?.profileSignsRecordedMs = try exact ?? read("updated_at", as: Int64.self) * 1000
            }
            for row in try await sql.select().columns("user_id", "start_date").from("programmes")
                .where("user_id", .in, ids).all()
            {
                let read = RowReader(row: row, table: "programmes")
                windows[UserID(try read("user_id", as: Int64.self))]?.programmeStart = try read.date("start_date")
            }
            for row in try await dated(sql, Self.activityColumns, "activities", ids, from, through).all() {
                windows[try Self.owner(row, "activities")]?.activities.append(try ActivityRecord(row: row))
            }
            let painQuery = sql.select().columns(["user_id"] + Self.painColumns).from("pain_entries")
                .where("user_id", .in, ids).where("local_date", .lessThanOrEqual, through.description)
                .where(group: { group in
                    var group = group.where("local_date", .greaterThanOrEqual, from.description)
                    for sign in Self.painSignColumns { group = group.orWhere(SQLIdentifier(sign), .equal, SQLBind(true)) }
                    return group.orWhere(SQLIdentifier("timing"), .equal, SQLBind(PainEntry.Timing.rest.rawValue))
                })
                .orderBy("local_date").orderBy("id")
            for row in try await painQuery.all() {
                windows[try Self.owner(row, "pain_entries")]?.pain.append(try PainEntry(row: row))
            }
            for row in try await dated(sql, Self.noteColumns, "notes", ids, nil, through).all() {
                windows[try Self.owner(row, "notes")]?.notes.append(try NoteRecord(row: row))
            }
            for row in try await dated(sql, Self.clearanceColumns, "cleared", ids, nil, through).all() {
                windows[try Self.owner(row, "cleared")]?.clearances.append(try ClearanceRecord(row: row))
            }
            for row in try await dated(sql, Self.sessionColumns, "sessions_done", ids, from, through).all() {
                windows[try Self.owner(row, "sessions_done")]?.sessions.append(try SessionRecord(row: row))
            }
            return windows
        }
    }

    private func dated(
        _ sql: any SQLDatabase, _ columns: [String], _ table: String, _ ids: [Int64], _ from: LocalDate?, _ through: LocalDate
    ) -> SQLSelectBuilder {
        var query = sql.select().columns(["user_id"] + columns).from(table).where("user_id", .in, ids)
            .where("local_date", .lessThanOrEqual, through.description)
        if let from { query = query.where("local_date", .greaterThanOrEqual, from.description) }
        return query.orderBy("local_date").orderBy("id")
    }

    private static func owner(_ row: any SQLRow, _ table: String) throws -> UserID {
        UserID(try RowReader(row: row, table: table)("user_id", as: Int64.self))
    }
}

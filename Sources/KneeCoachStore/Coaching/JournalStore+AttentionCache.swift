import Foundation
import KneeCoachCore
import SQLKit

/// One runner's attention report as the dashboard keeps it (migration 15): the report's JSON,
/// and what it holds for.
public struct KeptAttention: Sendable, Equatable {
    /// The runner's day it was judged on, in ``timeZone``.
    public var day: LocalDate
    public var timeZone: String
    /// The journal's revision it was read at.
    public var revision: Int64
    /// The KneeCoach release (and report format) that judged it.
    public var release: String
    public var reportJSON: String

    public init(day: LocalDate, timeZone: String, revision: Int64, release: String, reportJSON: String) {
        self.day = day
        self.timeZone = timeZone
        self.revision = revision
        self.release = release
        self.reportJSON = reportJSON
    }
}

extension JournalStore {
    /// For each of these runners: the journal's revision now, and the report kept for them
    /// (`nil` when none), in one statement. Read it before the journal: a report judged from
    /// that read is kept at that revision.
    public func keptAttention(_ runners: [UserID]) async throws(StoreError) -> [UserID: (revision: Int64, kept: KeptAttention?)] {
        guard !runners.isEmpty else { return [:] }
        return try await read("read the dashboard's kept reports") { sql in
            var query = RunnersQuery(engine: engine)
            query.append(
                """
                SELECT user_id, revision, local_date, time_zone, journal_revision, release, report \
                FROM (SELECT id AS user_id, journal_revision AS revision FROM users) AS runners \
                LEFT JOIN attention_cache USING (user_id) WHERE 
                """)
            query.appendRunners(runners.map(\.rawValue))
            var found: [UserID: (revision: Int64, kept: KeptAttention?)] = [:]
            for row in try await query.rows(on: self, sql) {
                let read = RowReader(row: row, table: "attention_cache")
                let runner = UserID(try read("user_id", as: Int64.self))
                let revision: Int64 = try read("revision")
                var kept: KeptAttention?
                let dayText: String? = try read("local_date")
                if let day = dayText.flatMap { LocalDate($0) }, let zone: String = try read("time_zone"),
                    let keptAt: Int64 = try read("journal_revision"), let release: String = try read("release"),
                    let report: String = try read("report")
                {
                    kept = KeptAttention(day: day, timeZone: zone, revision: keptAt, release: release, reportJSON: report)
                }
                found[runner] = (revision, kept)
            }
            return found
        }
    }

    /// Keeps these reports, each replacing the runner's last, in one statement.
    public func keepAttention(_ reports: [UserID: KeptAttention], now: Date = Date()) async throws(StoreError) {
        guard !reports.isEmpty else { return }
        let at = SQLValues.seconds(now)
        try await write("keep the dashboard's reports") { sql in
            var insert = sql.insert(into: "attention_cache")
                .columns("user_id", "local_date", "time_zone", "journal_revision", "release", "report", "created_at")
            for (runner, kept) in reports.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                insert = insert.values(
                    SQLBind(runner.rawValue), SQLBind(kept.day.description), SQLBind(kept.timeZone), SQLBind(kept.revision),
                    SQLBind(kept.release), SQLBind(kept.reportJSON), SQLBind(at))
            }
            try await insert.onConflict(with: ["user_id"]) { update in
                try update.set(excludedValueOf: "local_date").set(excludedValueOf: "time_zone")
                    .set(excludedValueOf: "journal_revision").set(excludedValueOf: "release")
                    .set(excludedValueOf: "report").set(excludedValueOf: "created_at")
            }.run()
        }
    }

    /// Drops every kept report: the next dashboards judge every runner again (a benchmark of
    /// the first dashboard of a day; an operator who changed rows by hand).
    public func forgetKeptAttention() async throws(StoreError) {
        try await write("forget the dashboard's reports") { sql in
            try await sql.delete(from: "attention_cache").run()
        }
    }
}

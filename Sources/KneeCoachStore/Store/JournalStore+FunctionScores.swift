import Foundation
import KneeCoachCore
import SQLKit

extension JournalStore {
    static let functionScoreColumns = ["id", "local_date", "stairs", "squatting", "running"]

    /// Stores the runner's function ratings of a day.
    /// - Returns: The ratings with their new id.
    /// - Throws: ``StoreError/constraintViolated(constraint:rule:)`` for a rating outside 0–10
    ///   or a record without any rating.
    @discardableResult
    public func insert(_ score: FunctionScoreRecord, now: Date = Date()) async throws(StoreError) -> FunctionScoreRecord {
        let id = try await write("store function ratings") { sql in
            try await insertRow(
                sql, into: "function_scores",
                [
                    ("local_date", score.date.description), ("stairs", score.stairs), ("squatting", score.squatting),
                    ("running", score.running), ("created_at", SQLValues.seconds(now)),
                ])
        }
        var stored = score
        stored.id = FunctionScoreID(id)
        return stored
    }

    /// The runner's function ratings between two days (inclusive), oldest first.
    public func functionScores(from: LocalDate? = nil, to: LocalDate? = nil) async throws(StoreError)
        -> [FunctionScoreRecord]
    {
        try await read("read function ratings") { sql in
            try await selectRows(sql, from: "function_scores", columns: Self.functionScoreColumns, between: from, and: to)
                .map(FunctionScoreRecord.init(row:))
        }
    }

    /// Deletes a set of function ratings; `false` when there was none.
    @discardableResult
    public func delete(_ id: FunctionScoreID) async throws(StoreError) -> Bool {
        try await deleteRow(from: "function_scores", id: id.rawValue)
    }
}

extension FunctionScoreRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "function_scores")
        self.init(
            id: try read.id(), date: try read.date(), stairs: try read("stairs"), squatting: try read("squatting"),
            running: try read("running"))
    }
}

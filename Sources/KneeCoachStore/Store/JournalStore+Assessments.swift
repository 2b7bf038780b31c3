import Foundation
import KneeCoachCore
import SQLKit

extension JournalStore {
    static let assessmentColumns = ["id", "local_date", "assessment_json"]

    /// Stores a dated set of self-test results (a re-test adds a new set).
    /// - Returns: The set with its new id.
    @discardableResult
    public func insert(_ assessment: AssessmentRecord, now: Date = Date()) async throws(StoreError) -> AssessmentRecord {
        let id = try await write("store self-test results") { sql in
            try await insertRow(
                sql, into: "assessments",
                [("local_date", assessment.date.description), ("assessment_json", assessment.json),
                 ("created_at", SQLValues.seconds(now))])
        }
        var stored = assessment
        stored.id = AssessmentID(id)
        return stored
    }

    /// The runner's self-test sets between two days (inclusive), oldest first.
    public func assessments(from: LocalDate? = nil, to: LocalDate? = nil) async throws(StoreError) -> [AssessmentRecord] {
        try await read("read self-test results") { sql in
            try await selectRows(sql, from: "assessments", columns: Self.assessmentColumns, between: from, and: to)
                .map(AssessmentRecord.init(row:))
        }
    }

    /// Deletes a self-test set; `false` when there was none.
    @discardableResult
    public func delete(_ id: AssessmentID) async throws(StoreError) -> Bool {
        try await deleteRow(from: "assessments", id: id.rawValue)
    }
}

extension AssessmentRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "assessments")
        self.init(id: try read.id(), date: try read.date(), json: try read("assessment_json"))
    }
}

import Foundation
import KneeCoachCore
import SQLKit

extension JournalStore {
    static let adjustmentColumns = [
        "id", "kind", "value", "target", "made_by", "coach_name", "reason", "local_date", "undone_on", "undone_by",
        "undone_by_name",
    ]

    /// Stores a coach's adjustment of this runner's programme (undone already, when a
    /// restored one was).
    /// - Returns: The adjustment with its new id.
    /// - Throws: ``StoreError/constraintViolated(constraint:rule:)`` for a kind the schema does
    ///   not know, a value missing or not above 0, an empty name or reason, an undo before the day made.
    @discardableResult
    public func insert(_ adjustment: AdjustmentRecord, now: Date = Date()) async throws(StoreError) -> AdjustmentRecord {
        let id = try await write("store a coach's adjustment") { sql in
            try await insertRow(
                sql, into: "coach_adjustments",
                [
                    ("kind", adjustment.kind), ("value", adjustment.value), ("target", adjustment.target),
                    ("made_by", adjustment.madeBy), ("coach_name", adjustment.coachName), ("reason", adjustment.reason),
                    ("local_date", adjustment.date.description), ("created_at", SQLValues.seconds(now)),
                    ("undone_on", adjustment.undoneOn?.description), ("undone_by", adjustment.undoneBy),
                    ("undone_by_name", adjustment.undoneByName),
                ])
        }
        var stored = adjustment
        stored.id = AdjustmentID(id)
        return stored
    }

    /// The runner's adjustments, undone ones included, in the order they were made (day, then id).
    public func adjustments() async throws(StoreError) -> [AdjustmentRecord] {
        try await read("read the coaches' adjustments") { sql in
            try await sql.select().columns(Self.adjustmentColumns).from("coach_adjustments")
                .where("user_id", .equal, userID.rawValue).orderBy("local_date").orderBy("id").all()
                .map(AdjustmentRecord.init(row:))
        }
    }

    /// One of the runner's adjustments; `nil` when the runner has none with that id.
    public func adjustment(_ id: AdjustmentID) async throws(StoreError) -> AdjustmentRecord? {
        try await read("read a coach's adjustment") { sql in
            try await sql.select().columns(Self.adjustmentColumns).from("coach_adjustments")
                .where("user_id", .equal, userID.rawValue).where("id", .equal, id.rawValue).first()
                .map(AdjustmentRecord.init(row:))
        }
    }

    /// Marks an adjustment undone on `day` by `by` (an account, or none) shown as `name`,
    /// unless it was undone already.
    /// - Returns: `false` when the runner has no such adjustment still in force.
    /// - Throws: ``StoreError/constraintViolated(constraint:rule:)`` for a day before the one it was made.
    @discardableResult
    public func undoAdjustment(
        _ id: AdjustmentID, on day: LocalDate, by: Int64?, name: String
    ) async throws(StoreError) -> Bool {
        try await write("undo a coach's adjustment") { sql in
            let updated = try await sql.update("coach_adjustments")
                .set("undone_on", to: day.description).set("undone_by", to: by).set("undone_by_name", to: name)
                .where("user_id", .equal, userID.rawValue).where("id", .equal, id.rawValue)
                .where("undone_on", .is, SQLLiteral.null)
                .returning("id").all()
            return !updated.isEmpty
        }
    }

    /// Whether an account with this id exists (a restored adjustment names its coach only then).
    func userExists(_ id: Int64) async throws(StoreError) -> Bool {
        try await read("look for an account") { sql in
            try await sql.select().column("id").from("users").where("id", .equal, id).first() != nil
        }
    }
}

extension AdjustmentRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "coach_adjustments")
        let undone: String? = try read("undone_on")
        self.init(
            id: try read.id(), kind: try read("kind"), value: try read("value"), target: try read("target"),
            madeBy: try read("made_by"), coachName: try read("coach_name"), reason: try read("reason"),
            date: try read.date(), undoneOn: try undone.map { _ in try read.date("undone_on") },
            undoneBy: try read("undone_by"), undoneByName: try read("undone_by_name"))
    }
}

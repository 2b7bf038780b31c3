import Foundation
import KneeCoachCore
import SQLKit

/// The corrections a runner made, newest last, for `journal undo`; and the imported files
/// a runner deleted, which a later import leaves out unless asked.
extension JournalStore {
    /// How many corrections are kept for undoing; older ones are forgotten.
    public static let keptChanges = 50

    /// Records an edit or a delete with the entry as it was before it.
    public func recordChange(
        _ action: JournalChange.Action, of before: JournalEntry, now: Date = Date()
    ) async throws(StoreError) {
        guard let reference = before.reference else { return }
        let json: String
        do { json = try SQLValues.json(before) } catch { throw .failed(operation: "record a correction", reason: "\(error)") }
        try await write("record a correction") { sql in
            _ = try await insertRow(
                sql, into: "journal_changes",
                [
                    ("action", action.rawValue), ("entry_kind", reference.kind.rawValue), ("entry_id", reference.id),
                    ("before_json", json), ("created_at", SQLValues.seconds(now)),
                ])
            // Keep the newest few: a correction from months ago is not what "undo" means.
            try await sql.raw(
                """
                DELETE FROM journal_changes WHERE user_id = \(bind: userID.rawValue) AND id NOT IN (
                    SELECT id FROM journal_changes WHERE user_id = \(bind: userID.rawValue)
                    ORDER BY id DESC LIMIT \(literal: Self.keptChanges))
                """
            ).run()
        }
    }

    /// The newest correction not yet undone, or `nil`.
    public func lastChange() async throws(StoreError) -> JournalChange? {
        let row = try await read("read the last correction") { sql in
            try await sql.select().columns("id", "action", "entry_kind", "entry_id", "before_json").from("journal_changes")
                .where("user_id", .equal, userID.rawValue).orderBy("id", .descending).limit(1).first()
        }
        guard let row else { return nil }
        do {
            let read = RowReader(row: row, table: "journal_changes")
            guard let action = JournalChange.Action(rawValue: try read("action")),
                let kind = EntryKind(rawValue: try read("entry_kind"))
            else { throw StoreError.corruptRow(table: "journal_changes", column: "action") }
            return JournalChange(
                id: try read("id"), action: action, entry: EntryReference(kind, try read("entry_id")),
                before: try read.json("before_json", as: JournalEntry.self))
        } catch {
            throw StoreError.from(error, operation: "read the last correction")
        }
    }

    /// Forgets a correction (once undone).
    public func forgetChange(_ id: Int64) async throws(StoreError) {
        _ = try await deleteRow(from: "journal_changes", id: id)
    }

    /// Marks an imported file as deleted by the runner: importing it again leaves it out.
    public func dismissFile(hash: String, now: Date = Date()) async throws(StoreError) {
        try await write("remember a deleted file") { sql in
            try await sql.delete(from: "dismissed_files").where("user_id", .equal, userID.rawValue)
                .where("content_hash", .equal, hash).run()
            try await sql.insert(into: "dismissed_files").columns("user_id", "content_hash", "created_at")
                .values(SQLBind(userID.rawValue), SQLBind(hash), SQLBind(SQLValues.seconds(now))).run()
        }
    }

    /// Lets an imported file be imported again.
    public func undismissFile(hash: String) async throws(StoreError) {
        try await write("forget a deleted file") { sql in
            try await sql.delete(from: "dismissed_files").where("user_id", .equal, userID.rawValue)
                .where("content_hash", .equal, hash).run()
        }
    }

    /// The content hashes of every imported file the runner deleted, sorted.
    public func dismissedFiles() async throws(StoreError) -> [String] {
        try await read("read the deleted files") { sql in
            try await sql.select().column("content_hash").from("dismissed_files")
                .where("user_id", .equal, userID.rawValue).orderBy("content_hash")
                .all(decodingColumn: "content_hash", as: String.self)
        }
    }

    /// Whether the runner deleted an imported file with this content hash.
    public func isDismissed(hash: String) async throws(StoreError) -> Bool {
        try await read("look up a deleted file") { sql in
            try await sql.select().column("content_hash").from("dismissed_files")
                .where("user_id", .equal, userID.rawValue).where("content_hash", .equal, hash).first() != nil
        }
    }
}

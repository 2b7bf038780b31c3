import Foundation
import KneeCoachCore
import SQLKit

/// Any entry by its reference: read whole, replaced keeping its id, put back, deleted.
extension JournalStore {
    /// The entry, whole (an imported activity with its original file, unless
    /// `withOriginalFile` is `false`: a view that shows it needs none of the file's bytes),
    /// or `nil` when the runner has none with that id.
    public func entry(_ reference: EntryReference, withOriginalFile: Bool = true) async throws(StoreError) -> JournalEntry? {
        let kind = reference.kind
        let row = try await read("read a journal entry") { sql in
            try await sql.select().columns(Self.columns(of: kind)).from(kind.table)
                .where("id", .equal, reference.id).where("user_id", .equal, userID.rawValue)
                .first()
        }
        guard let row else { return nil }
        do {
            switch kind {
            case .activity:
                let file = withOriginalFile ? try await originalFile(of: ActivityID(reference.id)) : nil
                return .activity(try ActivityRecord(row: row), originalFile: file)
            case .session: return .session(try SessionRecord(row: row))
            case .pain: return .pain(try PainEntry(row: row))
            case .note: return .note(try NoteRecord(row: row))
            case .clearance: return .clearance(try ClearanceRecord(row: row))
            case .selfTest: return .selfTest(try AssessmentRecord(row: row))
            case .function: return .function(try FunctionScoreRecord(row: row))
            }
        } catch {
            throw StoreError.from(error, operation: "read a journal entry")
        }
    }

    /// Deletes the entry; `false` when there was none.
    @discardableResult
    public func delete(_ reference: EntryReference) async throws(StoreError) -> Bool {
        try await deleteRow(from: reference.kind.table, id: reference.id)
    }

    /// Replaces the stored entry with `entry`, keeping its id (and its recording instant as
    /// `entry` carries it), in one transaction.
    /// - Throws: ``StoreError/notFound(what:)`` when there is no such entry; a ``StoreError``
    ///   for a value the schema refuses (nothing changes then).
    @discardableResult
    public func replace(_ reference: EntryReference, with entry: JournalEntry, now: Date = Date()) async throws -> JournalEntry {
        try await transaction { tx in
            guard try await tx.delete(reference) else { throw StoreError.notFound(what: "journal entry \(reference.id)") }
            return try await tx.putBack(entry, now: now)
        }
    }

    /// Stores an entry with the id it carries (a deleted entry put back by an undo), or a new
    /// id when that one is another row's.
    @discardableResult
    public func putBack(_ entry: JournalEntry, now: Date = Date()) async throws(StoreError) -> JournalEntry {
        let stored: JournalEntry
        switch entry {
        case .activity(let record, let file):
            stored = .activity(try await insert(record, originalFile: file, now: now), originalFile: file)
        case .session(let record): stored = .session(try await insert(record, now: now))
        case .pain(let record): stored = .pain(try await insert(record, now: now, recordedMs: record.recordedMs))
        case .note(let record): stored = .note(try await insert(record, now: now, recordedMs: record.recordedMs))
        case .clearance(let record): stored = .clearance(try await insert(record, now: now, recordedMs: record.recordedMs))
        case .selfTest(let record): stored = .selfTest(try await insert(record, now: now))
        case .function(let record): stored = .function(try await insert(record, now: now))
        }
        let kept = try await keep(entry.id, for: stored.id, in: entry.kind.table)
        try await advanceIDSequences()
        return kept == stored.id ? stored : try await self.entry(EntryReference(entry.kind, kept)) ?? stored
    }

    static func columns(of kind: EntryKind) -> [String] {
        switch kind {
        case .activity: activityColumns
        case .session: sessionColumns
        case .pain: painColumns
        case .note: noteColumns
        case .clearance: clearanceColumns
        case .selfTest: assessmentColumns
        case .function: functionScoreColumns
        }
    }
}

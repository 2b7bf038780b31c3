import Foundation
import KneeCoachCore
import SQLKit

extension JournalStore {
    static let noteColumns = ["id", "local_date", "text", "mood", "stress", "sleep_hours", "recorded_ms", "created_at"]
    static let clearanceColumns = ["id", "local_date", "note", "recorded_ms", "created_at"]

    /// Stores a journal note, recorded at `now` (to the millisecond) unless it already carries
    /// its recording instant (a restored backup's).
    /// - Returns: The note with its new id and recording instant.
    /// - Throws: ``StoreError/constraintViolated(constraint:rule:)`` for mood or stress outside
    ///   0–10, or sleep outside 0–24 hours.
    @discardableResult
    public func insert(_ note: NoteRecord, now: Date = Date()) async throws(StoreError) -> NoteRecord {
        try await insert(note, now: now, recordedMs: note.recordedMs ?? SQLValues.milliseconds(now))
    }

    /// Stores a note with the given recording instant (`nil`: falls back to `created_at`).
    @discardableResult
    func insert(_ note: NoteRecord, now: Date, recordedMs: Int64?) async throws(StoreError) -> NoteRecord {
        let id = try await write("store a note") { sql in
            try await insertRow(
                sql, into: "notes",
                [
                    ("local_date", note.date.description), ("text", note.text), ("mood", note.mood),
                    ("stress", note.stress), ("sleep_hours", note.sleepHours), ("created_at", SQLValues.seconds(now)),
                    ("recorded_ms", recordedMs),
                ])
        }
        var stored = note
        stored.id = NoteID(id)
        stored.recordedMs = recordedMs ?? SQLValues.seconds(now) * 1000
        return stored
    }

    /// The runner's notes between two days (inclusive), oldest first.
    public func notes(from: LocalDate? = nil, to: LocalDate? = nil) async throws(StoreError) -> [NoteRecord] {
        try await read("read notes") { sql in
            try await selectRows(sql, from: "notes", columns: Self.noteColumns, between: from, and: to)
                .map(NoteRecord.init(row:))
        }
    }

    /// Deletes a note; `false` when there was none.
    @discardableResult
    public func delete(_ id: NoteID) async throws(StoreError) -> Bool {
        try await deleteRow(from: "notes", id: id.rawValue)
    }

    /// Records that a clinician cleared the knee on a day (lifts the red-flag hold), recorded
    /// at `now` (to the millisecond) unless it already carries its recording instant.
    /// - Returns: The clearance with its new id and recording instant.
    @discardableResult
    public func insert(_ clearance: ClearanceRecord, now: Date = Date()) async throws(StoreError) -> ClearanceRecord {
        try await insert(clearance, now: now, recordedMs: clearance.recordedMs ?? SQLValues.milliseconds(now))
    }

    /// Stores a clearance with the given recording instant (`nil`: falls back to `created_at`).
    @discardableResult
    func insert(_ clearance: ClearanceRecord, now: Date, recordedMs: Int64?) async throws(StoreError) -> ClearanceRecord {
        let id = try await write("store a clearance") { sql in
            try await insertRow(
                sql, into: "cleared",
                [("local_date", clearance.date.description), ("note", clearance.note),
                 ("created_at", SQLValues.seconds(now)), ("recorded_ms", recordedMs)])
        }
        var stored = clearance
        stored.id = ClearanceID(id)
        stored.recordedMs = recordedMs ?? SQLValues.seconds(now) * 1000
        return stored
    }

    /// The runner's clearances between two days (inclusive), oldest first.
    public func clearances(from: LocalDate? = nil, to: LocalDate? = nil) async throws(StoreError) -> [ClearanceRecord] {
        try await read("read clearances") { sql in
            try await selectRows(sql, from: "cleared", columns: Self.clearanceColumns, between: from, and: to)
                .map(ClearanceRecord.init(row:))
        }
    }

    /// Deletes a clearance; `false` when there was none.
    @discardableResult
    public func delete(_ id: ClearanceID) async throws(StoreError) -> Bool {
        try await deleteRow(from: "cleared", id: id.rawValue)
    }
}

extension NoteRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "notes")
        self.init(
            id: try read.id(), date: try read.date(), text: try read("text"), mood: try read("mood"),
            stress: try read("stress"), sleepHours: try read("sleep_hours"), recordedMs: try read.recordedMs())
    }
}

extension ClearanceRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "cleared")
        self.init(id: try read.id(), date: try read.date(), note: try read("note"), recordedMs: try read.recordedMs())
    }
}

import Foundation
import KneeCoachCore
import SQLKit

extension JournalStore {
    /// A complete copy of the runner's journal, original activity files included, read in
    /// one transaction so that it is consistent.
    public func backup(now: Date = Date()) async throws(StoreError) -> Backup {
        do {
            return try await transaction { tx in
                var activities: [Backup.Activity] = []
                for activity in try await tx.activities() {
                    guard let id = activity.id else { continue }
                    activities.append(Backup.Activity(activity: activity, originalFile: try await tx.originalFile(of: id)))
                }
                return Backup(
                    exportedAt: now, schemaVersion: try await tx.schemaVersion(), profileJSON: try await tx.profileJSON(),
                    shoes: try await tx.shoes(), activities: activities, sessions: try await tx.sessions(),
                    painEntries: try await tx.painEntries(), notes: try await tx.notes(),
                    clearances: try await tx.clearances(), assessments: try await tx.assessments(),
                    functionScores: try await tx.functionScores(), programmeStart: try await tx.programmeStart(),
                    profileSignsRecordedMs: try await tx.profileSignsRecordedMs(), deletedFiles: try await tx.dismissedFiles(),
                    comments: try await tx.comments(), accessLog: try await tx.accessLog(limit: Int(Int32.max)),
                    adjustments: try await tx.adjustments())
            }
        } catch {
            throw StoreError.from(error, operation: "read the journal for a backup")
        }
    }

    /// Replaces all of the runner's data with a backup's, in one transaction: on any failure
    /// (a value the schema rejects, a lost connection, a killed process) nothing changes.
    /// - Throws: ``StoreError/invalidBackup(reason:)`` before touching anything when the backup's
    ///   parts don't fit together; a ``StoreError`` from the database otherwise.
    public func replaceAll(with backup: Backup, now: Date = Date()) async throws(StoreError) {
        try backup.validate()
        do {
            try await transaction { tx in
                try await tx.deleteAllRows()
                if let profile = backup.profileJSON {
                    try await tx.saveProfile(json: profile, now: now, signsRecordedMs: backup.profileSignsRecordedMs)
                }
                if let start = backup.programmeStart { try await tx.setProgrammeStart(start, now: now) }
                // Every entry keeps its id (the ids `journal` shows and the API puts in
                // addresses), unless another runner's row has it.
                var shoeIDs: [ShoeID: ShoeID] = [:]
                for shoe in backup.shoes {
                    let stored = try await tx.insert(shoe)
                    if let old = shoe.id, let new = stored.id {
                        shoeIDs[old] = ShoeID(try await tx.keep(old.rawValue, for: new.rawValue, in: "shoes"))
                    }
                }
                for item in backup.activities {
                    var activity = item.activity
                    activity.shoeID = activity.shoeID.flatMap { shoeIDs[$0] }
                    let stored = try await tx.insert(activity, originalFile: item.originalFile, now: now)
                    try await tx.keep(activity.id?.rawValue, for: stored.id?.rawValue, in: "activities")
                }
                for session in backup.sessions {
                    let stored = try await tx.insert(session, now: now)
                    try await tx.keep(session.id?.rawValue, for: stored.id?.rawValue, in: "sessions_done")
                }
                // Each keeps its recording instant as it is, none included: a sign and a
                // clearance of the same day keep their order (or stay a tie, which holds).
                for entry in backup.painEntries {
                    let stored = try await tx.insert(entry, now: now, recordedMs: entry.recordedMs)
                    try await tx.keep(entry.id?.rawValue, for: stored.id?.rawValue, in: "pain_entries")
                }
                for note in backup.notes {
                    let stored = try await tx.insert(note, now: now, recordedMs: note.recordedMs)
                    try await tx.keep(note.id?.rawValue, for: stored.id?.rawValue, in: "notes")
                }
                for clearance in backup.clearances {
                    let stored = try await tx.insert(clearance, now: now, recordedMs: clearance.recordedMs)
                    try await tx.keep(clearance.id?.rawValue, for: stored.id?.rawValue, in: "cleared")
                }
                for assessment in backup.assessments {
                    let stored = try await tx.insert(assessment, now: now)
                    try await tx.keep(assessment.id?.rawValue, for: stored.id?.rawValue, in: "assessments")
                }
                for score in backup.functionScores {
                    let stored = try await tx.insert(score, now: now)
                    try await tx.keep(score.id?.rawValue, for: stored.id?.rawValue, in: "function_scores")
                }
                for hash in backup.deletedFiles { try await tx.dismissFile(hash: hash, now: now) }
                // A coach's comment keeps its author's name, and its account where that exists
                // (a backup restored on another server names nobody's).
                for comment in backup.comments {
                    var author = comment.byCoach ? comment.authorID : tx.userID
                    if let coach = author, comment.byCoach, !(try await tx.userExists(coach.rawValue)) { author = nil }
                    _ = try await tx.insertComment(
                        authorID: author, authorName: comment.authorName, byCoach: comment.byCoach,
                        day: comment.day, about: comment.about, body: comment.body, now: comment.createdAt,
                        seenAt: comment.seenAt)
                }
                // A coach's account is named only where it exists (a backup restored on another server).
                for adjustment in backup.adjustments {
                    var row = adjustment
                    if let coach = row.madeBy, !(try await tx.userExists(coach)) { row.madeBy = nil }
                    if let undoer = row.undoneBy, !(try await tx.userExists(undoer)) { row.undoneBy = nil }
                    let stored = try await tx.insert(row, now: now)
                    try await tx.keep(adjustment.id?.rawValue, for: stored.id?.rawValue, in: "coach_adjustments")
                }
                try await tx.advanceIDSequences()
            }
        } catch {
            throw StoreError.from(error, operation: "restore the backup")
        }
    }

    static let entryTables = [
        "activities", "sessions_done", "pain_entries", "notes", "cleared", "assessments", "function_scores", "shoes",
        "coach_adjustments",
    ]

    /// Gives a row just inserted with id `new` its id `old` from a backup, unless that id is
    /// another row's (a backup restored on another server); returns the id it has.
    @discardableResult
    func keep(_ old: Int64?, for new: Int64?, in table: String) async throws(StoreError) -> Int64 {
        guard let new else { throw .failed(operation: "restore into \(table)", reason: "no id came back") }
        guard let old, old != new else { return new }
        return try await write("keep an id in \(table)") { sql in
            let taken = try await sql.select().column("id").from(table).where("id", .equal, old).first()
            guard taken == nil else { return new }
            try await sql.update(table).set("id", to: old).where("id", .equal, new).run()
            return old
        }
    }

    /// PostgreSQL numbers new rows from a sequence that kept ids do not move: set each past
    /// the highest id, so that the next entry logged does not collide. SQLite numbers from
    /// the highest id already.
    func advanceIDSequences() async throws(StoreError) {
        guard engine == .postgres else { return }
        try await write("renumber after a restore") { sql in
            for table in Self.entryTables {
                try await sql.raw(
                    "SELECT setval(pg_get_serial_sequence('\(unsafeRaw: table)', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM \(unsafeRaw: table)), false)"
                ).run()
            }
        }
    }

    /// Deletes every row of the runner but the user itself (the programme's start and the
    /// corrections that `journal undo` could revert included).
    func deleteAllRows() async throws(StoreError) {
        try await write("clear the journal") { sql in
            for table in [
                "activities", "sessions_done", "pain_entries", "notes", "cleared", "assessments", "function_scores", "shoes",
                "profiles", "programmes", "journal_changes", "dismissed_files", "comments", "coach_adjustments",
            ] {
                try await sql.delete(from: table).where("user_id", .equal, userID.rawValue).run()
            }
        }
    }
}

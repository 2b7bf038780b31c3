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
                    profileSignsRecordedMs: try await tx.profileSignsRecordedMs())
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
                var shoeIDs: [ShoeID: ShoeID] = [:]
                for shoe in backup.shoes {
                    let stored = try await tx.insert(shoe)
                    if let old = shoe.id, let new = stored.id { shoeIDs[old] = new }
                }
                for item in backup.activities {
                    var activity = item.activity
                    activity.shoeID = activity.shoeID.flatMap { shoeIDs[$0] }
                    try await tx.insert(activity, originalFile: item.originalFile, now: now)
                }
                for session in backup.sessions { try await tx.insert(session, now: now) }
                // Each keeps its recording instant as it is, none included: a sign and a
                // clearance of the same day keep their order (or stay a tie, which holds).
                for entry in backup.painEntries { try await tx.insert(entry, now: now, recordedMs: entry.recordedMs) }
                for note in backup.notes { try await tx.insert(note, now: now, recordedMs: note.recordedMs) }
                for clearance in backup.clearances {
                    try await tx.insert(clearance, now: now, recordedMs: clearance.recordedMs)
                }
                for assessment in backup.assessments { try await tx.insert(assessment, now: now) }
                for score in backup.functionScores { try await tx.insert(score, now: now) }
            }
        } catch {
            throw StoreError.from(error, operation: "restore the backup")
        }
    }

    /// Deletes every row of the runner but the user itself (the programme's start included).
    func deleteAllRows() async throws(StoreError) {
        try await write("clear the journal") { sql in
            for table in [
                "activities", "sessions_done", "pain_entries", "notes", "cleared", "assessments", "function_scores", "shoes",
                "profiles", "programmes",
            ] {
                try await sql.delete(from: table).where("user_id", .equal, userID.rawValue).run()
            }
        }
    }
}

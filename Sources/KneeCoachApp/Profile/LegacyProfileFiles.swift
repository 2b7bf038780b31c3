import Foundation
import KneeCoachCore
import KneeCoachStore

/// `profile.json` and `assessments.json`: where KneeCoach kept the profile and the self-test
/// history before they moved into the journal's database.
///
/// When a journal is opened and such files are in its data folder, their contents are
/// validated and taken into the database in one transaction (a profile only when the
/// database has none, the history only when it has none), and the files are then renamed
/// to `*.imported`, so they are read once and kept for reference.
struct LegacyProfileFiles {
    let folder: DataFolder

    var profileURL: URL { folder.file("profile.json") }
    var assessmentsURL: URL { folder.file("assessments.json") }

    /// Moves the files' contents into the journal; nothing happens when there are no files.
    /// - Throws: ``ProfileStoreError/invalidLegacyFile(path:error:)`` or
    ///   ``ProfileStoreError/unreadableInput(path:)`` with the database unchanged, or a ``StoreError``.
    func adopt(into store: JournalStore, now: Date = Date()) async throws {
        let manager = FileManager.default
        let hasProfile = manager.fileExists(atPath: profileURL.path)
        let hasHistory = manager.fileExists(atPath: assessmentsURL.path)
        guard hasProfile || hasHistory else { return }
        let profile = hasProfile ? try readProfile() : nil
        let history = hasHistory ? try readHistory() : []
        try await store.transaction { tx in
            if let profile, try await tx.profileJSON() == nil {
                try await tx.save(profile, now: now)
            }
            if !history.isEmpty, try await tx.assessments().isEmpty {
                for set in history {
                    try await tx.insert(AssessmentRecord(date: set.date, json: try Journal.json(set.assessment)), now: now)
                }
            }
        }
        // A rename that fails only means the next open reads the files again and finds
        // the database already holding their contents.
        for (present, url) in [(hasProfile, profileURL), (hasHistory, assessmentsURL)] where present {
            try? manager.moveItem(at: url, to: url.appendingPathExtension("imported"))
        }
    }

    private func readProfile() throws -> Profile {
        guard let data = try BoundedFile.read(profileURL, limit: InputLimits.profileFileBytes, kind: "a profile file") else {
            throw ProfileStoreError.unreadableInput(path: profileURL.path)
        }
        do {
            return try Profile(jsonData: data)
        } catch {
            throw ProfileStoreError.invalidLegacyFile(path: profileURL.path, error: error)
        }
    }

    private func readHistory() throws -> [DatedAssessment] {
        // A history of self-tests is a few hundred bytes a set: the profile's bound is ample.
        guard let data = try BoundedFile.read(assessmentsURL, limit: InputLimits.profileFileBytes, kind: "a self-test history")
        else {
            throw ProfileStoreError.unreadableInput(path: assessmentsURL.path)
        }
        do {
            return try JSONDecoder().decode([DatedAssessment].self, from: data)
        } catch let error as ProfileError {
            throw ProfileStoreError.invalidLegacyFile(path: assessmentsURL.path, error: error)
        } catch {
            throw ProfileStoreError.invalidLegacyFile(
                path: assessmentsURL.path, error: .notJSON(detail: "expected a list of {date, assessment}"))
        }
    }
}

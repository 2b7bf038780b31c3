import Foundation
import KneeCoachCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One dated set of self-test results, as stored in `assessments.json`.
public struct DatedAssessment: Codable, Sendable, Equatable {
    public let date: LocalDate
    public let assessment: Assessment

    public init(date: LocalDate, assessment: Assessment) {
        self.date = date
        self.assessment = assessment
    }
}

/// Keeps the runner's profile (`profile.json`) and self-test history (`assessments.json`)
/// in the data folder, until the journal moves them into the database.
///
/// Every write goes to a temporary file beside the target and is renamed over it, so a
/// reader sees the old file or the new one, never half of one; a value that fails
/// validation is never written.
///
/// ```swift
/// let store = ProfileStore(folder: .resolve(path: db, environment: env))
/// try store.save(Profile(age: 40))
/// let profile = try store.requireProfile()
/// ```
public struct ProfileStore: Sendable {
    public let folder: DataFolder

    public init(folder: DataFolder) { self.folder = folder }

    /// The profile file.
    public var profileURL: URL { folder.file("profile.json") }
    /// The self-test history file.
    public var assessmentsURL: URL { folder.file("assessments.json") }

    /// The stored profile, or `nil` when none has been stored.
    /// - Throws: ``ProfileStoreError/unreadable(path:)``, ``ProfileStoreError/invalidStored(path:error:)``.
    public func profile() throws(ProfileStoreError) -> Profile? {
        guard let data = try read(profileURL) else { return nil }
        do {
            return try Profile(jsonData: data)
        } catch {
            throw .invalidStored(path: profileURL.path, error: error)
        }
    }

    /// The stored profile.
    /// - Throws: ``ProfileStoreError/noProfile(path:)`` when there is none, or a read error.
    public func requireProfile() throws(ProfileStoreError) -> Profile {
        guard let profile = try profile() else { throw .noProfile(path: profileURL.path) }
        return profile
    }

    /// Stores a profile, replacing the old one atomically.
    /// - Throws: ``ProfileStoreError/unwritable(path:reason:)``.
    public func save(_ profile: Profile) throws(ProfileStoreError) {
        try write(profile, to: profileURL)
    }

    /// Validates a profile file and stores it; on any problem the stored profile is untouched.
    /// - Parameter url: The file to import.
    /// - Returns: The profile as stored.
    /// - Throws: ``ProfileStoreError/unreadableInput(path:)``, ``ProfileStoreError/invalidImport(path:error:)``
    ///   or a write error.
    @discardableResult
    public func importProfile(from url: URL) throws(ProfileStoreError) -> Profile {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadableInput(path: url.path) }
        let profile: Profile
        do {
            profile = try Profile(jsonData: data)
        } catch {
            throw .invalidImport(path: url.path, error: error)
        }
        try save(profile)
        return profile
    }

    /// Every stored set of self-test results, oldest first.
    /// - Throws: ``ProfileStoreError/unreadable(path:)``, ``ProfileStoreError/invalidStored(path:error:)``.
    public func assessments() throws(ProfileStoreError) -> [DatedAssessment] {
        guard let data = try read(assessmentsURL) else { return [] }
        do {
            return try JSONDecoder().decode([DatedAssessment].self, from: data)
        } catch let error as ProfileError {
            throw .invalidStored(path: assessmentsURL.path, error: error)
        } catch {
            throw .invalidStored(path: assessmentsURL.path, error: .notJSON(detail: "expected a list of {date, assessment}"))
        }
    }

    /// Adds a dated set of results to the history (a re-test adds another set) and takes
    /// its results into the stored profile's current assessment, when there is a profile.
    /// - Parameters:
    ///   - assessment: The results of this session; tests not done keep their earlier result in the profile.
    ///   - date: The day of the tests.
    /// - Returns: The updated profile, or `nil` when no profile is stored yet.
    /// - Throws: Read and write errors of the store.
    @discardableResult
    public func record(_ assessment: Assessment, on date: LocalDate) throws(ProfileStoreError) -> Profile? {
        var history = try assessments()
        var profile = try profile()
        history.append(DatedAssessment(date: date, assessment: assessment))
        history.sort { $0.date < $1.date }  // stable: same-day sets keep their order
        try write(history, to: assessmentsURL)
        guard var updated = profile else { return nil }
        updated.assessment = (updated.assessment ?? Assessment()).updated(with: assessment)
        try save(updated)
        profile = updated
        return profile
    }

    /// The results of every stored set folded together, later results winning; `nil` when there are none.
    public func latestAssessment() throws(ProfileStoreError) -> Assessment? {
        let history = try assessments()
        guard !history.isEmpty else { return nil }
        return history.reduce(Assessment()) { $0.updated(with: $1.assessment) }
    }

    // MARK: - Files

    private func read(_ url: URL) throws(ProfileStoreError) -> Data? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(path: url.path) }
        return data
    }

    private func write(_ value: some Encodable, to url: URL) throws(ProfileStoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: url.path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: url.path, reason: reason)
        }
    }
}

import Foundation
import KneeCoachCore
import KneeCoachStore

/// The runner's profile, self-test history and programme start, kept in the journal's database.
///
/// A profile that fails validation is never stored; an import or a re-test changes the
/// database in one transaction or not at all. A new profile is a new programme: saving or
/// importing one also sets the programme's start (from which programme weeks and phases
/// count) to the runner's today, in the same transaction.
///
/// ```swift
/// try await Journal.with(location, dataFolder: folder) { journal in
///     try await journal.save(profile: Profile(age: 40))
///     try await journal.record(Assessment(calfTight: true), on: today)
/// }
/// ```
extension Journal {
    /// The stored profile, or `nil` when none has been stored.
    /// - Throws: ``ProfileStoreError/invalidStored(error:)`` when the stored profile no longer
    ///   validates, or a ``StoreError``.
    public func profile() async throws -> Profile? {
        try await storedProfile()?.profile
    }

    /// The stored profile and its JSON text as stored, or `nil` when none has been stored.
    /// - Throws: as ``profile()``.
    func storedProfile() async throws -> (profile: Profile, json: String)? {
        guard let json = try await store.profileJSON() else { return nil }
        do {
            return (try Profile(jsonData: Data(json.utf8)), json)
        } catch {
            throw ProfileStoreError.invalidStored(error: error)
        }
    }

    /// The stored profile.
    /// - Throws: ``ProfileStoreError/noProfile`` when there is none, or a read error.
    public func requireProfile() async throws -> Profile {
        guard let profile = try await profile() else { throw ProfileStoreError.noProfile }
        return profile
    }

    /// Stores a profile, replacing the old one, and starts a new programme on `day` (by
    /// default the runner's today in the new profile's time zone), in one transaction.
    /// - Parameters:
    ///   - profile: The validated profile.
    ///   - day: The programme's first day; `nil` for today.
    ///   - now: The clock, for today and the rows' times.
    public func save(profile: Profile, startingOn day: LocalDate? = nil, now: Date = Date()) async throws {
        try await store.transaction { tx in
            let journal = Journal(store: tx, dataFolder: dataFolder)
            try await tx.save(profile, now: now)
            // After the save, so that today is read in the new profile's time zone.
            let start: LocalDate
            if let day { start = day } else { start = await journal.today(now: now) }
            try await tx.setProgrammeStart(start, now: now)
        }
    }

    /// A new profile with the self-test results already stored: those of the profile it
    /// replaces, else the history's latest (tests done before any profile). `profile init`
    /// and the web's first profile screen both keep them.
    /// - Parameter old: The stored profile the new one replaces, if any.
    public func keepingSelfTests(_ profile: Profile, replacing old: Profile?) async -> Profile {
        var profile = profile
        if let kept = old?.assessment {
            profile.assessment = kept
        } else {
            profile.assessment = try? await latestAssessment()
        }
        return profile
    }

    /// The day the runner's programme started, or `nil` when none is stored (no profile
    /// saved and no self-test recorded since the programme's start was first kept).
    public func programmeStart() async throws -> LocalDate? {
        try await store.programmeStart()
    }

    /// Starts the programme again on `day`, keeping the profile and the journal.
    public func restartProgramme(on day: LocalDate) async throws {
        try await store.setProgrammeStart(day)
    }

    /// Validates a profile file and stores it, starting a new programme today (see
    /// ``save(profile:startingOn:now:)``); on any problem the stored profile and the
    /// programme's start are untouched.
    /// - Returns: The profile as stored.
    /// - Throws: ``ProfileStoreError/unreadableInput(path:)``, ``BoundedFileError`` for a file
    ///   over ``InputLimits/profileFileBytes`` (not read), ``ProfileStoreError/invalidImport(path:error:)``
    ///   or a ``StoreError``.
    @discardableResult
    public func importProfile(from url: URL) async throws -> Profile {
        guard let data = try BoundedFile.read(url, limit: InputLimits.profileFileBytes, kind: "a profile file") else {
            throw ProfileStoreError.unreadableInput(path: url.path)
        }
        let profile: Profile
        do {
            profile = try Profile(jsonData: data)
        } catch {
            throw ProfileStoreError.invalidImport(path: url.path, error: error)
        }
        try await save(profile: profile)
        return profile
    }

    /// Every stored set of self-test results, oldest first (same-day sets in the order stored).
    /// - Throws: ``ProfileStoreError/invalidStoredAssessment(date:error:)`` for a set that no longer validates.
    public func assessments() async throws -> [DatedAssessment] {
        try decode(try await store.assessments())
    }

    /// Stored self-test sets as results.
    /// - Throws: ``ProfileStoreError/invalidStoredAssessment(date:error:)`` for a set that no longer validates.
    func decode(_ records: some Sequence<AssessmentRecord>) throws -> [DatedAssessment] {
        var history: [DatedAssessment] = []
        for record in records {
            do {
                history.append(DatedAssessment(date: record.date, assessment: try Assessment(jsonData: Data(record.json.utf8))))
            } catch {
                throw ProfileStoreError.invalidStoredAssessment(date: record.date, error: error)
            }
        }
        return history
    }

    /// Adds a dated set of results to the history (a re-test adds another set) and takes
    /// its results into the stored profile's current assessment, when there is a profile;
    /// when no programme start is stored yet, the programme starts on `date` (a re-test
    /// never restarts it); all in one transaction.
    /// - Parameters:
    ///   - assessment: The results of this session; tests not done keep their earlier result in the profile.
    ///   - date: The day of the tests.
    /// - Returns: The updated profile, or `nil` when no profile is stored yet.
    @discardableResult
    public func record(_ assessment: Assessment, on date: LocalDate, now: Date = Date()) async throws -> Profile? {
        let json = try Self.json(assessment)
        return try await store.transaction { tx in
            let journal = Journal(store: tx, dataFolder: dataFolder)
            try await tx.insert(AssessmentRecord(date: date, json: json), now: now)
            if try await tx.programmeStart() == nil { try await tx.setProgrammeStart(date, now: now) }
            guard var profile = try await journal.profile() else { return nil }
            profile.assessment = (profile.assessment ?? Assessment()).updated(with: assessment)
            try await tx.save(profile, now: now)
            return profile
        }
    }

    /// The results of every stored set folded together, later results winning; `nil` when there are none.
    public func latestAssessment() async throws -> Assessment? {
        let history = try await assessments()
        guard !history.isEmpty else { return nil }
        return history.reduce(Assessment()) { $0.updated(with: $1.assessment) }
    }

    /// The runner's time zone: the stored profile's `timeZone`, else the system's.
    public func runnerTimeZone() async -> TimeZone {
        if let name = try? await profile()?.timeZone, let zone = TimeZone(identifier: name) { return zone }
        return .current
    }

    /// Today's date in the runner's time zone.
    public func today(now: Date = Date()) async -> LocalDate {
        LocalDate.today(in: await runnerTimeZone(), now: now)
    }

    static func json(_ assessment: Assessment) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(assessment), as: UTF8.self)
    }
}

import KneeCoachCore

/// What can go wrong reading or storing the runner's profile and self-test history.
public enum ProfileStoreError: UserFacingError, Equatable {
    /// No profile has been stored yet.
    case noProfile
    /// The file given to `profile import` cannot be read.
    case unreadableInput(path: String)
    /// The profile in the database no longer validates (e.g. edited by hand).
    case invalidStored(error: ProfileError)
    /// A stored set of self-test results no longer validates.
    case invalidStoredAssessment(date: LocalDate, error: ProfileError)
    /// The file given to `profile import` is not a valid profile.
    case invalidImport(path: String, error: ProfileError)
    /// A `profile.json` or `assessments.json` left by an earlier version cannot be taken into the database.
    case invalidLegacyFile(path: String, error: ProfileError)

    public var problem: String {
        switch self {
        case .noProfile: "There is no profile yet."
        case .unreadableInput(let path): "Cannot read '\(path)'."
        case .invalidStored(let error): "The stored profile is invalid: \(error.problem)"
        case .invalidStoredAssessment(let date, let error): "The self-tests stored for \(date) are invalid: \(error.problem)"
        case .invalidImport(let path, let error): "'\(path)' is not a valid profile: \(error.problem)"
        case .invalidLegacyFile(let path, let error):
            "The file \(path) from an earlier KneeCoach cannot be moved into the journal: \(error.problem)"
        }
    }

    public var fix: String {
        switch self {
        case .noProfile: "Run 'kneecoach profile init' or 'kneecoach profile import FILE' first."
        case .unreadableInput: "Check the path and that the file is readable."
        case .invalidStored(let error): error.fix + " Or run 'kneecoach profile import FILE' to replace it."
        case .invalidStoredAssessment: "Restore a backup with 'kneecoach restore FILE', or run 'kneecoach assess' again."
        case .invalidImport(_, let error): error.fix + " The stored profile was left unchanged."
        case .invalidLegacyFile(let path, let error):
            error.fix + " Then run the command again, or move \(path) out of the folder to start without it."
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .noProfile: ExitStatus.failure
        case .unreadableInput: ExitStatus.usage
        case .invalidStored, .invalidStoredAssessment, .invalidImport, .invalidLegacyFile: ExitStatus.data
        }
    }
}

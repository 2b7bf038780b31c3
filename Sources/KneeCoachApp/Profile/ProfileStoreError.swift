import KneeCoachCore

/// What can go wrong keeping the profile and the self-test history in the data folder.
public enum ProfileStoreError: UserFacingError, Equatable {
    /// No profile has been stored yet.
    case noProfile(path: String)
    /// A file to import does not exist or cannot be read.
    case unreadableInput(path: String)
    /// A stored file cannot be read.
    case unreadable(path: String)
    /// A file in the data folder cannot be written.
    case unwritable(path: String, reason: String)
    /// The stored profile or history no longer validates (edited by hand, say).
    case invalidStored(path: String, error: ProfileError)
    /// The file to import is not a valid profile; nothing was stored.
    case invalidImport(path: String, error: ProfileError)

    public var problem: String {
        switch self {
        case .noProfile(let path): "There is no profile yet (looked for \(path))."
        case .unreadableInput(let path): "Cannot read '\(path)'."
        case .unreadable(let path): "Cannot read the stored file \(path)."
        case .unwritable(let path, let reason): "Cannot write \(path): \(reason)."
        case .invalidStored(let path, let error): "The stored file \(path) is invalid: \(error.problem)"
        case .invalidImport(let path, let error): "'\(path)' is not a valid profile: \(error.problem)"
        }
    }

    public var fix: String {
        switch self {
        case .noProfile: "Run 'kneecoach profile init' or 'kneecoach profile import FILE' first."
        case .unreadableInput: "Check the path and that the file is readable."
        case .unreadable: "Check the file's permissions, or pass another --db PATH."
        case .unwritable: "Check that the folder exists and is writable, or pass another --db PATH."
        case .invalidStored(_, let error): error.fix + " Or run 'kneecoach profile import FILE' to replace it."
        case .invalidImport(_, let error): error.fix + " The stored profile was left unchanged."
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .noProfile, .unreadable, .unwritable: ExitStatus.failure
        case .unreadableInput: ExitStatus.usage
        case .invalidStored, .invalidImport: ExitStatus.data
        }
    }
}

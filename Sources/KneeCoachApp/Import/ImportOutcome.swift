import ActivityFiles
import KneeCoachStore

/// What importing one file (or one archive member) did.
///
/// ```swift
/// switch outcome.status {
/// case .imported(let run): print("new run on \(run.date)")
/// case .duplicate(let existing, _): print("already there as \(existing.id!)")
/// case .failed(let reason), .skipped(let reason): print(reason)
/// }
/// ```
public struct ImportOutcome: Sendable, Equatable {
    /// How a duplicate was recognised.
    public enum DuplicateMatch: String, Sendable, Equatable {
        /// The same bytes: the content hash is stored already.
        case sameFile = "same-file"
        /// Another file of the same activity: the same start (within a minute) and sport
        /// family, such as a FIT file and its GPX export.
        case sameStart = "same-start"
    }

    /// The four ends of one import.
    public enum Status: Sendable, Equatable {
        /// Stored as a new activity (with its id).
        case imported(ActivityRecord)
        /// Not stored: the journal holds this activity already.
        case duplicate(of: ActivityRecord, match: DuplicateMatch)
        /// Not stored: the file is corrupt or the database refused it; the reason is one
        /// or two sentences (problem and fix).
        case failed(reason: String)
        /// Not stored, and not an error: the file has nothing to import (no absolute start
        /// time, a course rather than an activity, no samples).
        case skipped(reason: String)
    }

    /// `path`, or `path!member` inside an archive.
    public var source: String
    /// The format, when it was recognised.
    public var format: ActivityFormat?
    /// The SHA-256 of the file's bytes, when they could be read.
    public var contentHash: String?
    /// The shoe the activity was linked to (from an export's gear), when any.
    public var shoeName: String?
    /// What happened.
    public var status: Status

    /// Creates an outcome.
    public init(source: String, format: ActivityFormat?, contentHash: String?, shoeName: String? = nil,
                status: Status) {
        self.source = source
        self.format = format
        self.contentHash = contentHash
        self.shoeName = shoeName
        self.status = status
    }

    /// Whether the file failed (the command line exits 65 when any did).
    public var isFailure: Bool {
        if case .failed = status { return true }
        return false
    }

    /// The source text the journal stores: `path` or `path!member`.
    public static func sourceText(_ source: ActivitySource) -> String {
        guard let member = source.member else { return source.path }
        return source.path + "!" + member
    }
}

/// How far an import has got, for a progress bar.
public struct ImportProgress: Sendable, Equatable {
    /// Files finished so far (0 before the first).
    public var done: Int
    /// Files in this import.
    public var total: Int
    /// The file being read now (a path; archive members are not counted separately).
    public var currentFile: String
}

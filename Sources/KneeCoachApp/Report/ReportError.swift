import KneeCoachCore

/// What can go wrong when writing a report.
public enum ReportError: UserFacingError, Equatable {
    /// The HTML file could not be written (missing folder, no permission, full disk).
    case cannotWrite(path: String)

    public var problem: String {
        switch self {
        case .cannotWrite(let path): "The report file \(path) could not be written."
        }
    }

    public var fix: String { "Check that its folder exists and is writable, or name another file." }
    public var exitCode: Int32 { ExitStatus.failure }
}

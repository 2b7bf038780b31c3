/// An error a person can act on: what went wrong and what to do now, in one sentence each.
///
/// Every module of KneeCoach reports failures through a conforming enum. The command line
/// prints `problem + " " + fix` to standard error and exits with ``exitCode``; the server
/// (later) maps the same values to HTTP responses. Messages never carry pain notes or other
/// health data.
public protocol UserFacingError: Error, Sendable {
    /// One sentence: what went wrong.
    var problem: String { get }
    /// One sentence: what to do now.
    var fix: String { get }
    /// The process status for the command line: 64 usage, 65 bad data, 1 anything else.
    var exitCode: Int32 { get }
}

extension UserFacingError {
    /// The problem and its fix as one line, ready for standard error.
    public var message: String { fix.isEmpty ? problem : problem + " " + fix }
}

/// The exit codes of the command line, as `INTERFACES.md` promises them.
public enum ExitStatus {
    /// Success.
    public static let ok: Int32 = 0
    /// Anything not covered below.
    public static let failure: Int32 = 1
    /// A bad flag or value on the command line (`EX_USAGE`).
    public static let usage: Int32 = 64
    /// Bad input data, such as a corrupt file or an invalid profile (`EX_DATAERR`).
    public static let data: Int32 = 65
}

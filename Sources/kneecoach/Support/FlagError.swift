import KneeCoachCore

/// A bad value on the command line, reported by the option's name (exit 64).
///
/// Flags are checked by the same validation as the profile file; this wraps its
/// ``ProfileError`` so the sentence names `--age` instead of the JSON field `age`.
struct FlagError: UserFacingError {
    let flag: String
    let error: ProfileError

    var problem: String { error.problem(naming: "Option '\(flag)'") }
    var fix: String { error.fix }
    var exitCode: Int32 { ExitStatus.usage }
}

/// A required option missing when there is no terminal to ask on (exit 64).
struct MissingOptionError: UserFacingError {
    let flag: String
    let allowed: String

    var problem: String { "Option '\(flag)' is required when standard input is not a terminal." }
    var fix: String { "Pass \(flag) with \(allowed), or run the command in a terminal to be asked." }
    var exitCode: Int32 { ExitStatus.usage }
}

/// Any other misuse of the command line, as a problem and its fix (exit 64).
struct UsageError: UserFacingError {
    let problem: String
    let fix: String
    var exitCode: Int32 { ExitStatus.usage }
}

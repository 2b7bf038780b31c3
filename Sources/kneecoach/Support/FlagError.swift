import KneeCoachApp
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

extension FlagError {
    /// Reads a number typed for a profile or self-test flag with the shared parser
    /// (``KneeCoachApp/parseDecimal(_:option:)``: plain decimal digits only); its range is
    /// checked by the profile's validator.
    /// - Throws: `outOfRange` for a negative number, `wrongType` for anything else that is
    ///   not plain digits (hexadecimal, an exponent, `nan`), each naming the flag.
    static func number(_ text: String, flag: String, range: ProfileLimits.Range) throws(FlagError) -> Double {
        if let value = try? parseDecimal(text, option: flag) { return value }
        let shown = String(text.prefix(32))
        if text.hasPrefix("-"), (try? parseDecimal(String(text.dropFirst()), option: flag)) != nil {
            throw FlagError(flag: flag, error: .outOfRange(field: flag, value: shown, allowed: range.allowed))
        }
        throw FlagError(flag: flag, error: .wrongType(field: flag, found: "'\(shown)' (not a plain decimal number)", allowed: range.allowed))
    }
}

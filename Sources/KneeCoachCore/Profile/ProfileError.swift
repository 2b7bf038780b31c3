/// What can be wrong with a profile or a set of self-test results.
///
/// Every case names the field by its JSON path (`pain.level`, `terrain[1]`) and says what
/// is allowed, so the message alone is enough to fix the file. Messages quote the bad
/// value only for enumerations and numbers, never free text such as pain notes.
public enum ProfileError: UserFacingError, Equatable {
    /// The input is not JSON, or its top level is not an object.
    case notJSON(detail: String)
    /// A required field is absent.
    case missingField(field: String, allowed: String)
    /// A field the format does not define; `suggestion` is the nearest known field.
    case unknownField(field: String, suggestion: String?, known: [String])
    /// The JSON type is wrong, e.g. text where a number belongs.
    case wrongType(field: String, found: String, allowed: String)
    /// A number outside its range, or not whole where a whole number belongs.
    case outOfRange(field: String, value: String, allowed: String)
    /// A value that is not one of an enumeration's values.
    case unknownValue(field: String, value: String, kind: String, suggestion: String?, allowed: String)
    /// Text longer than its field allows (``InputLimits``); the text itself is not echoed.
    case tooLong(field: String, characters: Int, limit: Int)
    /// Text holding a control character such as a NUL or an escape; not echoed either.
    case controlCharacter(field: String)

    /// The field path the error is about, or `nil` for ``notJSON(detail:)``.
    public var field: String? {
        switch self {
        case .notJSON: nil
        case .missingField(let field, _), .unknownField(let field, _, _), .wrongType(let field, _, _),
            .outOfRange(let field, _, _), .unknownValue(let field, _, _, _, _), .tooLong(let field, _, _),
            .controlCharacter(let field):
            field
        }
    }

    /// What is allowed for the field, e.g. `a whole number from 12 to 100`.
    public var allowed: String? {
        switch self {
        case .notJSON, .unknownField, .controlCharacter: nil
        case .tooLong(_, _, let limit): "at most \(limit) characters"
        case .missingField(_, let allowed), .wrongType(_, _, let allowed), .outOfRange(_, _, let allowed),
            .unknownValue(_, _, _, _, let allowed):
            allowed
        }
    }

    public var problem: String { problem(naming: field.map { "Profile field '\($0)'" } ?? "The profile") }

    /// The problem sentence with the field called by another name, such as a flag (`--age`).
    /// - Parameter subject: How to name the field at the start of the sentence.
    public func problem(naming subject: String) -> String {
        switch self {
        case .notJSON(let detail):
            "The profile is not valid JSON: \(detail)."
        case .missingField:
            "\(subject) is required but missing."
        case .unknownField(_, let suggestion, _):
            "\(subject) is not a known field" + (suggestion.map { "; did you mean '\($0)'?" } ?? ".")
        case .wrongType(_, let found, _):
            "\(subject) is \(found), which is the wrong type."
        case .outOfRange(_, let value, _):
            "\(subject) is \(value), which is outside the allowed range."
        case .unknownValue(_, let value, let kind, let suggestion, _):
            "\(subject): '\(value)' is not \(kind)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ".")
        case .tooLong(_, let characters, let limit):
            "\(subject) is \(characters) characters long, more than the \(limit) allowed."
        case .controlCharacter:
            "\(subject) holds a control character (such as a NUL, a line break or an escape)."
        }
    }

    public var fix: String {
        switch self {
        case .notJSON:
            "Write the profile as one JSON object such as {\"age\": 40}; docs/profile.md lists every field."
        case .unknownField(_, let suggestion, let known):
            if let suggestion {
                "Rename it to '\(suggestion)' or remove it."
            } else {
                "Remove it; the known fields here are \(known.joined(separator: ", "))."
            }
        case .missingField(_, let allowed), .wrongType(_, _, let allowed), .outOfRange(_, _, let allowed):
            "Give \(allowed) and try again."
        case .unknownValue(_, _, _, _, let allowed):
            "Use one of \(allowed)."
        case .tooLong(_, _, let limit):
            "Give a value of at most \(limit) characters."
        case .controlCharacter:
            "Give plain text without control characters."
        }
    }

    public var exitCode: Int32 { ExitStatus.data }
}

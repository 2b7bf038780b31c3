/// An adjustment that cannot be made or undone as asked.
///
/// Messages name the value and what is allowed, never the coach's reason text.
public enum AdjustmentError: UserFacingError, Equatable {
    /// A kind name that is not one of ``CoachAdjustment/Kind/names``.
    case unknownKind(String)
    /// A kind that needs a value was given none (or `hold-phase` was given one).
    case missingValue(kind: String, allowed: String)
    case unexpectedValue(kind: String)
    /// A value that is not a number.
    case notANumber(kind: String, value: String)
    /// A value outside ``AdjustmentLimits``.
    case outOfRange(kind: String, value: String, allowed: String)
    /// An emphasis on a target the exercise library does not know.
    case unknownTarget(String)
    /// No reason, or a reason or name too long.
    case emptyReason
    case tooLong(field: String, characters: Int, limit: Int)
    case emptyName
    /// No adjustment of this runner has that id.
    case notFound(id: Int64)
    /// The adjustment was undone already.
    case alreadyUndone(id: Int64, on: LocalDate)

    public var problem: String {
        switch self {
        case .unknownKind(let name): "'\(name)' is not a kind of adjustment."
        case .missingValue(let kind, _): "An adjustment of \(kind) needs a value."
        case .unexpectedValue(let kind): "An adjustment of \(kind) takes no value."
        case .notANumber(let kind, let value): "\(kind) '\(value)' is not a number."
        case .outOfRange(let kind, let value, let allowed): "\(kind) \(value) is outside what a coach can set (\(allowed))."
        case .unknownTarget(let name): "'\(name)' is not a target the exercises work on."
        case .emptyReason: "The adjustment has no reason."
        case .tooLong(let field, let characters, let limit):
            "The \(field) is \(characters) characters long, more than the \(limit) KneeCoach accepts."
        case .emptyName: "The coach's name is empty."
        case .notFound(let id): "There is no adjustment \(id) for this runner."
        case .alreadyUndone(let id, let day): "Adjustment \(id) was already undone on \(day)."
        }
    }

    public var fix: String {
        switch self {
        case .unknownKind: "Use one of \(CoachAdjustment.Kind.names.joined(separator: ", "))."
        case .missingValue(let kind, let allowed): "Give \(kind) \(allowed)."
        case .unexpectedValue(let kind): "Leave out the value: \(kind) holds the phase the plan is in."
        case .notANumber(let kind, _):
            kind == "weekly-distance"
                ? "Write \(kind) as a number with a point for decimals, e.g. 25.5."
                : "Write \(kind) as a whole number in digits, e.g. 3."
        case .outOfRange(let kind, _, _): "Give \(kind) a value inside that range."
        case .unknownTarget: "Use one of \(Target.allCases.map(\.rawValue).joined(separator: ", "))."
        case .emptyReason: "Say in a few words why, so the runner sees it beside the change."
        case .tooLong(let field, _, let limit): "Shorten the \(field) to at most \(limit) characters."
        case .emptyName: "Give the name the runner knows the coach by."
        case .notFound: "List the adjustments and use a number from that list."
        case .alreadyUndone: "Nothing to do: it no longer changes the plan."
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .notFound, .alreadyUndone: ExitStatus.failure
        default: ExitStatus.usage
        }
    }
}

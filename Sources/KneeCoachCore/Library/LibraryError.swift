/// What can go wrong loading the exercise library or looking something up in it.
public enum LibraryError: UserFacingError, Equatable {
    /// The bundled resource is missing from the build.
    case missingResource
    /// The resource is not a JSON array of objects.
    case malformed(reason: String)
    /// One entry breaks a rule; names the entry (its id, or its position) and the field.
    case invalidEntry(entry: String, field: String, reason: String)
    /// No exercise has this id.
    case unknownExercise(id: String, suggestions: [String])
    /// A filter value (category, phase, target, equipment) is not one of the known values.
    case unknownValue(option: String, value: String, suggestions: [String])

    public var problem: String {
        switch self {
        case .missingResource:
            "The exercise library resource (exercises.json) is missing from this build."
        case .malformed(let reason):
            "The exercise library is not valid JSON: \(reason)."
        case .invalidEntry(let entry, let field, let reason):
            "Exercise library entry '\(entry)', field '\(field)': \(reason)."
        case .unknownExercise(let id, let suggestions):
            "There is no exercise with id '\(InputLimits.shown(id))'." + suffix(suggestions)
        case .unknownValue(let option, let value, let suggestions):
            "'\(InputLimits.shown(value))' is not a known \(option)." + suffix(suggestions)
        }
    }

    public var fix: String {
        switch self {
        case .missingResource, .malformed, .invalidEntry:
            "Reinstall KneeCoach, or correct Sources/KneeCoachCore/Library/Resources/exercises.json and rebuild."
        case .unknownExercise:
            "Run 'kneecoach exercises' to list every id."
        case .unknownValue(let option, _, _):
            "Run 'kneecoach exercises --help' to see the valid \(option) values."
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .missingResource, .malformed, .invalidEntry: ExitStatus.failure
        case .unknownExercise, .unknownValue: ExitStatus.usage
        }
    }

    private func suffix(_ suggestions: [String]) -> String {
        let phrase = Suggestions.phrase(suggestions)
        return phrase.isEmpty ? "" : " " + phrase
    }
}

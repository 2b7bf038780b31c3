import KneeCoachCore

/// A value given to a journal command that cannot be stored as it is.
///
/// Messages name the option and what is allowed, never the health data itself beyond the
/// offending number.
public enum JournalError: UserFacingError, Equatable {
    /// A number outside what the option allows.
    case outOfRange(option: String, value: String, allowed: String)
    /// Text that is not a number KneeCoach reads (a comma for a point, hexadecimal, `nan`);
    /// `suggestion` is the same with a point, when that is what was meant.
    case notANumber(option: String, value: String, expected: String, suggestion: String?)
    /// A date after today.
    case futureDate(option: String, date: LocalDate, today: LocalDate)
    /// A duration that is not H:MM:SS, MM:SS or a number of seconds.
    case badDuration(String)
    /// A shoe name that is not in the journal.
    case unknownShoe(name: String, suggestions: [String])
    /// Exercise ids to skip that are not in the planned session.
    case unknownItems(ids: [String], kind: String, valid: [String])
    /// `--from` after `--to`.
    case emptyRange(from: LocalDate, to: LocalDate)
    /// A backup or other input file that cannot be read.
    case unreadableFile(path: String, reason: String)
    /// `log function` without any of the three ratings.
    case noFunctionRating
    /// A note with no text (only spaces).
    case emptyNote
    /// Text longer than its field allows (``KneeCoachCore/InputLimits``); not echoed.
    case tooLong(option: String, characters: Int, limit: Int)
    /// A file that cannot be written (a backup, a report, a calendar).
    case unwritableFile(path: String, reason: String)
    /// Text that is not an entry name as `journal` shows it (`pain-7`).
    case badEntryName(String)
    /// No entry of the runner has that name.
    case unknownEntry(name: String)
    /// An option `journal edit` cannot change on this kind of entry.
    case notAField(option: String, entry: String, fields: [String])
    /// `journal edit` without anything to change.
    case nothingToEdit(entry: String, fields: [String])
    /// The last correction cannot be reverted (and was dropped from the undo list).
    case cannotUndo(entry: String, reason: String)

    public var problem: String {
        switch self {
        case .outOfRange(let option, let value, let allowed):
            "\(option) \(value) is outside what KneeCoach accepts (\(allowed))."
        case .notANumber(let option, let value, let expected, _):
            "\(option) \(value) is not a number KneeCoach reads (\(expected))."
        case .futureDate(let option, let date, let today):
            "\(option) \(date) is in the future (today is \(today))."
        case .badDuration(let text): "--duration '\(text)' is not a time such as 45:30, 1:02:03, 30m or 1h15m."
        case .unknownShoe(let name, let suggestions):
            "There is no shoe named '\(name)'." + Self.hint(suggestions)
        case .unknownItems(let ids, let kind, _):
            "The \(kind) session has no exercise \(ids.map { "'\($0)'" }.joined(separator: ", "))."
        case .emptyRange(let from, let to): "--from \(from) is after --to \(to)."
        case .unreadableFile(let path, let reason): "Cannot read '\(path)': \(reason)."
        case .noFunctionRating: "No rating was given, so nothing was stored."
        case .emptyNote: "The note is empty, so nothing was stored."
        case .tooLong(let option, let characters, let limit):
            "\(option) is \(characters) characters long, more than the \(limit) KneeCoach accepts."
        case .unwritableFile(let path, let reason): "Cannot write '\(path)': \(reason)."
        case .badEntryName(let text): "'\(text)' is not an entry name such as run-12 or pain-3."
        case .unknownEntry(let name): "Your journal has no entry \(name)."
        case .notAField(let option, let entry, _): "\(option) is not something \(entry) has."
        case .nothingToEdit(let entry, _): "Nothing to change was given for \(entry)."
        case .cannotUndo(let entry, let reason): "The delete of \(entry) cannot be undone: \(reason)."
        }
    }

    public var fix: String {
        switch self {
        case .outOfRange(let option, _, _): "Give \(option) a value inside that range."
        case .notANumber(let option, _, _, let suggestion?): "Write the decimal with a point: \(option) \(suggestion)."
        case .notANumber(let option, _, let expected, nil): "Give \(option) \(expected)."
        case .futureDate(let option, _, _): "Log what already happened: give \(option) today's date or an earlier one."
        case .badDuration: "Write the time as H:MM:SS or MM:SS, or with units (30m, 1h15m, 45m30s); a bare number could be seconds or minutes."
        case .unknownShoe: "Add it first with 'kneecoach shoes add NAME', or check 'kneecoach shoes list'."
        case .unknownItems(_, _, let valid):
            valid.isEmpty
                ? "This session has no planned exercises to skip; leave out --skipped."
                : "Skip only exercises of that session: \(valid.joined(separator: ", "))."
        case .emptyRange: "Swap the two dates."
        case .unreadableFile: "Check the path and that the file is readable."
        case .noFunctionRating: "Rate at least one of --stairs, --squatting and --running from 0 to 10 (10: no trouble)."
        case .emptyNote: "Write what you want to remember in quotes, e.g. kneecoach log note \"stiff on the stairs\"."
        case .tooLong(let option, _, let limit): "Shorten \(option) to at most \(limit) characters."
        case .unwritableFile: "Choose a path in a folder you can write to, with space left on its disk."
        case .badEntryName: "Copy the name from 'kneecoach journal' (it starts with \(EntryName.prefixes.joined(separator: ", ")))."
        case .unknownEntry: "Check the name in 'kneecoach journal'; an entry deleted stays gone unless 'kneecoach journal undo' puts it back."
        case .cannotUndo: "It is off the undo list now; run 'kneecoach journal undo' again for the correction before it."
        case .notAField(_, _, let fields), .nothingToEdit(_, let fields):
            fields.isEmpty
                ? "This kind of entry cannot be changed; delete it with 'kneecoach journal delete' and log it again."
                : "Change one of: \(fields.joined(separator: ", "))."
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .unreadableFile, .cannotUndo: ExitStatus.data
        case .unwritableFile: ExitStatus.failure
        default: ExitStatus.usage
        }
    }

    private static func hint(_ suggestions: [String]) -> String {
        let phrase = Suggestions.phrase(suggestions)
        return phrase.isEmpty ? "" : " " + phrase
    }
}

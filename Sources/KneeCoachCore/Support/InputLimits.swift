/// How long and how large an input may be before KneeCoach refuses it unread.
///
/// These bound the work a mistyped or hostile value can cause (a "did you mean" search, a
/// message that echoes it, a file read into memory): every name, text field and file is
/// checked against them where it enters, and the *Limits* table of docs/refusals.md lists them.
public enum InputLimits {
    /// A name: a shoe, an exercise id, an evidence key, a surface, an enumeration value.
    public static let nameCharacters = 100
    /// A note, a pain or session note, a clinician's all-clear note.
    public static let noteCharacters = 4_000
    /// A time-zone name (the longest IANA name is about 30 characters).
    public static let timeZoneCharacters = 64
    /// Any one value on the command line (the longest field it can fill is a note).
    public static let argumentCharacters = noteCharacters
    /// "Did you mean …" is computed only for inputs up to this length; longer ones get none
    /// (the edit distance costs the product of the two lengths).
    public static let suggestionInputCharacters = 64
    /// A profile file (`profile import`, `plan --profile`): a real one is about 1 KB.
    public static let profileFileBytes = 1 << 20
    /// A backup file (`restore`): it holds every original activity file, in base64.
    public static let backupFileBytes = 1 << 30
    /// The calendar years a date may fall in, wherever a date is read (options, backups,
    /// activity files): a plan, a calendar or a report never reaches a five-digit year.
    public static let years = 1900...2200

    /// A typed value as a message quotes it: whole when it is no longer than a name can be,
    /// else its first 32 characters and its length, so a huge value never fills a message.
    public static func shown(_ text: String) -> String {
        guard text.utf8.count > nameCharacters, text.count > nameCharacters else { return text }
        return String(text.prefix(32)) + "… (\(text.count) characters)"
    }

    /// A byte count for messages: `1 MB`, `1024 MB`, `512 KB`, `20 bytes`.
    public static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}

extension LocalDate {
    /// Whether the date falls in ``InputLimits/years``.
    public var isWithinAcceptedYears: Bool { InputLimits.years.contains(year) }

    /// The first and last day KneeCoach accepts, for messages.
    public static var acceptedRangeText: String {
        "\(InputLimits.years.lowerBound)-01-01 to \(InputLimits.years.upperBound)-12-31"
    }
}

extension String {
    /// Whether the text holds a control character (C0, DEL or C1), such as a NUL or an escape.
    public var containsControlCharacter: Bool {
        unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}

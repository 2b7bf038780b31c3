import KneeCoachStore

/// The names `journal` shows for entries and `journal edit` / `delete` take: `run-12`,
/// `activity-3` (any other sport), `session-4`, `pain-7`, `note-2`, `cleared-1`,
/// `function-5`, `selftest-6`. The number is the entry's id, which never changes.
public enum EntryName {
    /// The name of an entry of `kind` with `id`; an activity on foot is a `run`.
    public static func of(_ kind: EntryKind, id: Int64, isFoot: Bool = true) -> String {
        "\(prefix(kind, isFoot: isFoot))-\(id)"
    }

    /// The name of a stored entry.
    public static func of(_ entry: JournalEntry) -> String {
        if case .activity(let record, _) = entry { return of(.activity, id: entry.id ?? 0, isFoot: record.isFoot) }
        return of(entry.kind, id: entry.id ?? 0)
    }

    /// The reference a name stands for.
    /// - Throws: ``JournalError/badEntryName(_:)`` for text that is not a name `journal` shows.
    public static func reference(_ text: String) throws(JournalError) -> EntryReference {
        let lowered = text.lowercased()
        guard let dash = lowered.lastIndex(of: "-"), let id = Int64(lowered[lowered.index(after: dash)...]), id > 0,
            let kind = kinds[String(lowered[..<dash])]
        else { throw .badEntryName(text) }
        return EntryReference(kind, id)
    }

    /// Every prefix, as the error for a bad name lists them.
    public static let prefixes = ["run", "activity", "session", "pain", "note", "cleared", "function", "selftest"]

    private static let kinds: [String: EntryKind] = [
        "run": .activity, "activity": .activity, "session": .session, "pain": .pain, "note": .note,
        "cleared": .clearance, "function": .function, "selftest": .selfTest,
    ]

    private static func prefix(_ kind: EntryKind, isFoot: Bool) -> String {
        switch kind {
        case .activity: isFoot ? "run" : "activity"
        case .session: "session"
        case .pain: "pain"
        case .note: "note"
        case .clearance: "cleared"
        case .function: "function"
        case .selfTest: "selftest"
        }
    }
}

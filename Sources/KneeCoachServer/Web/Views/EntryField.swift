import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// One field of a journal entry as its edit form shows it: an input of the field's kind,
/// holding the stored value, named as `PATCH /api/v1/journal/{name}` names it.
struct EntryField: Sendable {
    let name: String
    let label: String
    let value: String
    let isText: Bool
    let isLongText: Bool
    let isNumber: Bool
    let isWhole: Bool
    let isFlag: Bool
    let isChoice: Bool
    let checked: Bool
    let choices: [Choice]

    struct Choice: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    /// Text fields that an emptied input clears.
    static let textFields: Set<String> = ["name", "surface", "shoe", "location", "note", "text"]

    /// The fields an edit form offers for each kind of entry (others are shown, not edited).
    static let editable: [String: Set<String>] = [
        "run": ["name", "distanceKm", "durationSeconds", "elevationGainM", "elevationLossM", "surface", "shoe", "cadenceSpm", "effort", "note"],
        "activity": ["name", "distanceKm", "durationSeconds", "elevationGainM", "elevationLossM", "effort", "note"],
        "session": ["pain", "effort", "note"],
        "pain": Set(["when", "level", "location", "note"] + PainEntry.signFields),
        "note": ["text", "mood", "stress", "sleepHours"],
        "cleared": ["note"],
        "function": ["stairs", "squatting", "running"],
    ]

    init?(_ name: String, _ value: JournalDocument.Entry.Value, type: String) {
        guard (Self.editable[type] ?? Self.editable["activity"] ?? []).contains(name), !(type == "self-test") else { return nil }
        self.name = name
        label = PainEntry.signFields.contains(name) ? PainEntry.question(name) : Self.label(name)
        let stored: String
        switch value {
        case .text(let text): stored = text ?? ""
        case .number(let number): stored = number.map { name == "distanceKm" ? String(format: "%.2f", $0) : $0.plainText } ?? ""
        case .integer(let number): stored = number.map(String.init) ?? ""
        case .flag, .list: stored = ""
        }
        self.value = stored
        if case .flag(let flag) = value { checked = flag; isFlag = true } else { checked = false; isFlag = false }
        isChoice = name == "when"
        choices = isChoice
            ? PainEntry.Timing.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == stored) } : []
        if case .number = value { isNumber = true } else { isNumber = false }
        if case .integer = value { isWhole = true } else { isWhole = false }
        isLongText = name == "note" || name == "text"
        isText = !isFlag && !isNumber && !isWhole && !isChoice && !isLongText
    }

    /// A stored value as text, for the fields shown but not edited.
    static func text(_ value: JournalDocument.Entry.Value) -> String? {
        switch value {
        case .text(let text): return text
        case .number(let number): return number.map { $0.plainText }
        case .integer(let number): return number.map(String.init)
        case .flag(let flag): return flag ? "yes" : nil
        case .list(let list): return list.isEmpty ? nil : list.joined(separator: ", ")
        }
    }

    /// `distanceKm` → `Distance (km)`.
    static func label(_ name: String) -> String {
        labels[name] ?? name
    }

    private static let labels: [String: String] = [
        "name": "Title", "sport": "Sport", "distanceKm": "Distance (km)", "durationSeconds": "Time (seconds, or m:ss)",
        "elapsedSeconds": "Elapsed (seconds)", "elevationGainM": "Metres climbed", "elevationLossM": "Metres descended",
        "cadenceSpm": "Cadence (steps per minute)", "averageHeartRate": "Average heart rate", "surface": "Surface",
        "shoe": "Shoes", "effort": "Effort (0–10)", "note": "Note", "source": "Source", "format": "File format",
        "contentHash": "File fingerprint", "start": "Started", "kind": "Kind", "itemsDone": "Exercises done",
        "itemsSkipped": "Exercises skipped", "setsDone": "Sets done", "pain": "Knee pain (0–10)", "when": "When",
        "level": "Pain (0–10)", "location": "Where", "text": "Note", "mood": "Mood (0–10)", "stress": "Stress (0–10)",
        "sleepHours": "Hours slept", "stairs": "Stairs (0–10)", "squatting": "Squatting (0–10)", "running": "Running (0–10)",
        "tests": "Self-tests",
    ]
}

import KneeCoachApp
import KneeCoachCore

extension JournalDocument {
    /// Day by day, for people.
    var text: String {
        guard !entries.isEmpty else { return "The journal has no entries for these dates. Add one with 'kneecoach log'." }
        var lines: [String] = []
        var day = ""
        for entry in entries {
            if entry.date != day {
                day = entry.date
                let weekday = LocalDate(day)?.weekdayName ?? ""
                lines.append((lines.isEmpty ? "" : "\n") + "\(weekday) \(day)")
            }
            lines.append(TextLayout.wrap("\(entry.id): \(entry.summary)", indent: "      ", firstIndent: "  - "))
        }
        return lines.joined(separator: "\n")
    }
}

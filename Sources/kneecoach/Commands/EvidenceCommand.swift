import ArgumentParser
import KneeCoachApp
import KneeCoachCore

/// `kneecoach evidence [KEY]`: the evidence table behind every number KneeCoach advises.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Show the evidence table: each advice number, its grade and its citation.",
        discussion: """
            Grades, strongest first: guideline, trial, cohort, expert, traditional. Rows from \
            the 'Dosing conventions' section are KneeCoach's own conventions where the \
            literature gives no number.
            """
    )

    @Argument(help: "A key (e.g. stretch.static.holdSeconds) or a prefix of keys (e.g. flag).")
    var key: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let rows = try select()
            if output.json {
                try Console.json(rows.map(EvidenceDocument.init))
            } else if rows.count == 1, let row = rows.first {
                Console.out(EvidenceView.card(row))
            } else {
                Console.out(EvidenceView.table(rows, showDisagreements: key == nil))
            }
        }
    }

    /// The rows the argument names: one key, all keys under a prefix, or the whole table.
    private func select() throws(EvidenceLookupError) -> [EvidenceEntry] {
        guard let key else { return Evidence.all }
        if let row = Evidence.entry(for: EvidenceKey(rawValue: key)) { return [row] }
        let prefixed = Evidence.all.filter { $0.key.rawValue.hasPrefix(key + ".") }
        if !prefixed.isEmpty { return prefixed }
        let keys = Evidence.keys.map(\.rawValue)
        let prefixes = Set(keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        throw .unknownKey(key, suggestions: Suggestions.nearest(to: key, in: prefixes.sorted() + keys))
    }
}

/// A key that names no row of the evidence table.
enum EvidenceLookupError: UserFacingError {
    case unknownKey(String, suggestions: [String])

    var problem: String {
        switch self {
        case .unknownKey(let key, let suggestions):
            let hint = Suggestions.phrase(suggestions)
            return "'\(InputLimits.shown(key))' is not a key of the evidence table." + (hint.isEmpty ? "" : " " + hint)
        }
    }

    var fix: String { "Run 'kneecoach evidence' to list every key." }
    var exitCode: Int32 { ExitStatus.usage }
}

/// The evidence table for people.
enum EvidenceView {
    static func table(_ rows: [EvidenceEntry], showDisagreements: Bool) -> String {
        var out: [String] = []
        var section = ""
        for row in rows {
            if row.section != section {
                section = row.section
                out.append((out.isEmpty ? "" : "\n") + section)
            }
            let value = row.action.map { "\($0.rawValue): \(row.value)" } ?? row.value
            let lead = "  " + TextLayout.fit(row.key.rawValue, 32) + " " + TextLayout.fit(row.grade.rawValue, 11) + " "
            out.append(TextLayout.wrap(value, indent: String(repeating: " ", count: lead.count), firstIndent: lead))
        }
        if showDisagreements {
            out.append("\nWhere the article and the evidence disagree, KneeCoach follows the evidence:")
            for line in Evidence.disagreements { out.append(TextLayout.wrap(line, indent: "    ", firstIndent: "  - ")) }
        }
        out.append("\n\(rows.count) rows. Citation of one row: kneecoach evidence KEY")
        return out.joined(separator: "\n")
    }

    static func card(_ row: EvidenceEntry) -> String {
        var out = ["\(row.key)  (\(row.section))"]
        out.append(TextLayout.wrap("Value: " + row.value, indent: "  "))
        if let action = row.action { out.append("Action: \(action.rawValue)") }
        out.append(TextLayout.wrap("Governs: " + row.governs, indent: "  "))
        out.append("Grade: \(row.grade.rawValue)" + (row.origin == .convention ? " (KneeCoach convention)" : ""))
        out.append(TextLayout.wrap("Citation: " + row.citation, indent: "  "))
        out.append("Checked: \(row.verified)")
        for quantity in row.quantities { out.append("  \(TextLayout.fit(quantity.name, 22)) \(quantity.text)") }
        if let note = row.note { out.append(TextLayout.wrap("Article vs evidence: " + note, indent: "  ")) }
        return out.joined(separator: "\n")
    }
}


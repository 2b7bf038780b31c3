/// Small helpers for laying text out in an 80-column terminal.
enum TextLayout {
    static let width = 80

    /// Pads or cuts a string to exactly `width` characters, ending a cut with "…".
    static func fit(_ text: String, _ width: Int) -> String {
        if text.count <= width { return text + String(repeating: " ", count: width - text.count) }
        return String(text.prefix(max(0, width - 1))) + "…"
    }

    /// Wraps text at word boundaries so no line exceeds `width`: the first line starts with
    /// `firstIndent`, the others with `indent`.
    static func wrap(_ text: String, indent: String = "", firstIndent: String = "", width: Int = width) -> String {
        var lines: [String] = []
        var line = firstIndent
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// Rows of cells as aligned columns; the last column takes what is left of the width.
    static func columns(_ header: [String], _ rows: [[String]], maxWidths: [Int]) -> String {
        let all = [header] + rows
        var widths = header.indices.map { column in
            min(maxWidths[column], all.map { $0[column].count }.max() ?? 0)
        }
        let used = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
        widths[widths.count - 1] = max(8, min(widths[widths.count - 1], width - used))
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1 && row[column].count <= widths[column]
                    ? row[column] : fit(row[column], widths[column])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

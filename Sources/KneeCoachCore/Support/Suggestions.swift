/// Finds the valid names closest to a mistyped one, for "did you mean …" hints.
public enum Suggestions {
    /// The candidates nearest to `input`, best first.
    ///
    /// A candidate qualifies when it contains the input (or the input contains it), or when
    /// its edit distance is small for its length. An input longer than
    /// ``InputLimits/suggestionInputCharacters`` gets no suggestion: nothing valid is that
    /// long, and comparing it would cost time in proportion to its length times each candidate's.
    /// - Parameters:
    ///   - input: What the person typed.
    ///   - candidates: The valid values.
    ///   - limit: The most suggestions to return.
    /// - Returns: Up to `limit` candidates; empty when nothing is close.
    public static func nearest(to input: String, in candidates: [String], limit: Int = 3) -> [String] {
        guard input.unicodeScalars.count <= InputLimits.suggestionInputCharacters else { return [] }
        let typed = input.lowercased()
        guard !typed.isEmpty else { return [] }
        let scored: [(String, Int)] = candidates.compactMap { candidate in
            let lower = candidate.lowercased()
            if lower.contains(typed) || typed.contains(lower) {
                return (candidate, abs(lower.count - typed.count) / 4)
            }
            // Compare with the whole value and with each of its words ("pegasos" → "Pegasus 40").
            let words = lower.split { !$0.isLetter && !$0.isNumber }.map(String.init)
            let distance = ([lower] + words).map { editDistance(typed, $0) }.min() ?? editDistance(typed, lower)
            let allowed = max(2, min(typed.count, lower.count) / 3)
            return distance <= allowed ? (candidate, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// "Did you mean a, b or c?" or an empty string when there is nothing to suggest.
    public static func phrase(_ suggestions: [String]) -> String {
        switch suggestions.count {
        case 0: ""
        case 1: "Did you mean '\(suggestions[0])'?"
        default:
            "Did you mean "
                + suggestions.dropLast().map { "'\($0)'" }.joined(separator: ", ")
                + " or '\(suggestions[suggestions.count - 1])'?"
        }
    }

    /// The Levenshtein distance between two strings, by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

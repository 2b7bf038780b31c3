extension Dosage {
    /// A short dose for a table, such as `3 × 30 s /side` or `3 × 10 reps, 4 s down`.
    public var summary: String {
        var parts: [String] = []
        let sets = self.sets.map { "\($0.value.plainText) × " } ?? ""
        if let hold = holdSeconds, let reps {
            parts.append("\(sets)\(reps.value.plainText) × \(hold.value.plainText) s")
        } else if let hold = holdSeconds {
            parts.append("\(sets)\(hold.value.plainText) s")
        } else if let reps {
            parts.append("\(sets)\(reps.value.plainText) reps")
        } else if let duration = durationSeconds {
            parts.append("\(sets)\(duration.value.plainText) s")
        } else if !sets.isEmpty, let count = self.sets {
            parts.append("\(count.value.plainText) sets")
        }
        if let minutes { parts.append("\(minutes.value.plainText) min") }
        if perSide, !parts.isEmpty { parts[0] += " /side" }
        if let tempo = tempoSeconds { parts.append("\(tempo.value.plainText) s down") }
        if let breaths = breathsPerMinute { parts.append("\(breaths.value.plainText) breaths/min") }
        if let times = timesPerDay, times.value > 1 { parts.append("\(times.value.plainText)×/day") }
        return parts.isEmpty ? "as cued" : parts.joined(separator: ", ")
    }
}

extension DoseValue {
    /// The evidence row this number comes from. Every validated dose has one.
    public var row: EvidenceEntry? { Evidence.entry(for: evidence) }
}

import KneeCoachApp
import KneeCoachCore

/// One exercise in full, for people.
enum ExerciseCard {
    /// - Parameter library: Names the exercise a modification puts in its place.
    static func render(_ exercise: Exercise, library: ExerciseLibrary? = nil) -> String {
        var out: [String] = []
        out.append("\(exercise.name)  (\(exercise.id))")
        out.append(
            "\(exercise.category.rawValue) · \(exercise.phases.map(\.rawValue).joined(separator: ", "))")
        out.append(TextLayout.wrap("Targets: " + exercise.targets.map(\.rawValue).joined(separator: ", "), indent: "  "))
        out.append(TextLayout.wrap("Also called: " + exercise.aliases.joined(separator: ", "), indent: "  "))
        out.append("")
        out.append(TextLayout.wrap(exercise.summary))
        out.append("")
        out.append("Dose: \(exercise.dosage.summary)")
        for (field, dose) in exercise.dosage.values {
            let grade = dose.row.map { " (\($0.grade.rawValue))" } ?? ""
            out.append("  \(TextLayout.fit(field, 17)) \(TextLayout.fit(dose.value.plainText, 6)) from \(dose.evidence)\(grade)")
        }
        out.append("")
        out.append("Equipment:")
        for option in exercise.equipment {
            let needs = option.needs.isEmpty ? "nothing" : option.needs.map(\.rawValue).joined(separator: " + ")
            let note = option.note.map { " — \($0)" } ?? ""
            out.append(TextLayout.wrap(needs + note, indent: "    ", firstIndent: "  - "))
        }
        out.append("")
        out.append("How to:")
        for (index, cue) in exercise.cues.enumerated() {
            out.append(TextLayout.wrap(cue, indent: "     ", firstIndent: "  \(index + 1). "))
        }
        if !exercise.regressions.isEmpty || !exercise.progressions.isEmpty {
            out.append("")
            if !exercise.regressions.isEmpty { out.append("Easier: " + exercise.regressions.joined(separator: ", ")) }
            if !exercise.progressions.isEmpty { out.append("Harder: " + exercise.progressions.joined(separator: ", ")) }
        }
        let mods = exercise.modifications.all
        if !mods.isEmpty {
            out.append("")
            out.append("Changes:")
            for (field, note) in mods {
                out.append(
                    TextLayout.wrap(
                        label(field) + ": " + note.sentence(library: library), indent: "    ", firstIndent: "  - "))
            }
        }
        if !exercise.cautions.isEmpty {
            out.append("")
            out.append("Cautions:")
            for caution in exercise.cautions { out.append(TextLayout.wrap(caution, indent: "    ", firstIndent: "  - ")) }
        }
        out.append("")
        if let row = Evidence.entry(for: exercise.evidence) {
            out.append(TextLayout.wrap("Evidence: \(row.key) (\(row.grade.rawValue)) — \(row.citation)", indent: "  "))
        }
        if let note = exercise.evidenceNote { out.append(TextLayout.wrap("What the evidence says: " + note, indent: "  ")) }
        return out.joined(separator: "\n")
    }

    /// Who a modification is for, in words; the older-runner age is read from its row.
    static func label(_ field: String) -> String {
        switch field {
        case "olderRunner":
            let age = Evidence.planOlderAgeFrom.quantity("ageFrom").map { "from \($0.lower.plainText)" } ?? ""
            return "Older runners (\(age), or with knee osteoarthritis)"
        case "arthritis": return "Knee osteoarthritis"
        case "acutePain": return "Acute pain"
        default: return field
        }
    }
}


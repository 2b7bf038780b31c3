import KneeCoachCore

/// One exercise in full, for people.
enum ExerciseCard {
    static func render(_ exercise: Exercise) -> String {
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
        let mods = [
            ("Older runners", exercise.modifications.olderRunner), ("Arthritis", exercise.modifications.arthritis),
            ("Acute pain", exercise.modifications.acutePain),
        ].compactMap { label, text in text.map { (label, $0) } }
        if !mods.isEmpty {
            out.append("")
            for (label, text) in mods { out.append(TextLayout.wrap("\(label): \(text)", indent: "  ")) }
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
}


// The rules one entry must follow. Rules between entries (unique ids, existing regression
// and progression ids) live in `ExerciseLibrary.init(exercises:)`.

extension RawExercise {
    static let modificationFields = ["olderRunner", "arthritis", "acutePain"]

    /// Checks every value and builds the typed exercise.
    /// - Parameter position: The 1-based position of the entry, used when its id is unusable.
    /// - Throws: ``LibraryError/invalidEntry(entry:field:reason:)`` for the first broken rule.
    func validated(position: Int) throws(LibraryError) -> Exercise {
        let entry = id.isEmpty ? "#\(position)" : id
        func invalid(_ field: String, _ reason: String) -> LibraryError {
            .invalidEntry(entry: entry, field: field, reason: reason)
        }
        guard ExerciseLibrary.isKebabCase(id) else {
            throw invalid("id", "'\(id)' must be kebab-case (lower-case letters and digits joined by single hyphens)")
        }
        for (field, text) in [("name", name), ("summary", summary)] where text.isBlank {
            throw invalid(field, "must not be empty")
        }
        guard !aliases.isEmpty else { throw invalid("aliases", "must list at least one name people search for") }
        if let blank = aliases.firstIndex(where: \.isBlank) { throw invalid("aliases[\(blank)]", "must not be empty") }
        guard !cues.isEmpty else { throw invalid("cues", "must list at least one step") }
        if let blank = cues.firstIndex(where: \.isBlank) { throw invalid("cues[\(blank)]", "must not be empty") }
        if let blank = cautions.firstIndex(where: \.isBlank) { throw invalid("cautions[\(blank)]", "must not be empty") }

        let category: ExerciseCategory = try known(self.category, field: "category", entry: entry)
        let origin: ExerciseOrigin = try known(self.origin, field: "origin", entry: entry)
        guard !targets.isEmpty else { throw invalid("targets", "must list at least one target") }
        let targets: [Target] = try targets.enumerated().map { (index, value) throws(LibraryError) in
            try known(value, field: "targets[\(index)]", entry: entry)
        }
        guard !phases.isEmpty else { throw invalid("phases", "must list at least one phase") }
        let phases: [ExercisePhase] = try phases.enumerated().map { (index, value) throws(LibraryError) in
            try known(value, field: "phases[\(index)]", entry: entry)
        }
        var options: [EquipmentOption] = []
        for (index, option) in equipment.enumerated() {
            let needs: [Equipment] = try option.needs.enumerated().map { (item, value) throws(LibraryError) in
                try known(value, field: "equipment[\(index)].needs[\(item)]", entry: entry)
            }
            if let name = option.name, name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw invalid("equipment[\(index)].name", "must not be empty when given")
            }
            options.append(EquipmentOption(needs: needs, note: option.note, name: option.name))
        }
        guard !options.isEmpty else {
            throw invalid("equipment", "must list at least one option (use {\"needs\": []} for none)")
        }
        guard let evidence = Evidence.entry(for: EvidenceKey(rawValue: self.evidence)) else {
            throw invalid("evidence", unknownKeyReason(self.evidence))
        }
        if let field = modifications.keys.sorted().first(where: { !Self.modificationFields.contains($0) }) {
            throw invalid("modifications.\(field)", "is not a known field; use olderRunner, arthritis or acutePain")
        }
        var modified: [String: Modification] = [:]
        for field in modifications.keys.sorted() {
            guard let raw = modifications[field] else { continue }
            modified[field] = try raw.validated(field: "modifications.\(field)", entry: entry, exerciseID: id)
        }
        for (field, ids) in [("regressions", regressions), ("progressions", progressions)] {
            if ids.contains(id) { throw invalid(field, "must not name the exercise itself") }
        }
        return Exercise(
            id: id, name: name, aliases: aliases, category: category, origin: origin, summary: summary,
            targets: targets, phases: phases, dosage: try dosage.validated(entry: entry), equipment: options,
            cues: cues, regressions: regressions, progressions: progressions,
            modifications: Modifications(
                olderRunner: modified["olderRunner"], arthritis: modified["arthritis"], acutePain: modified["acutePain"]),
            cautions: cautions, evidence: evidence.key, evidenceNote: evidenceNote,
            isDeepLoadedKneeBend: deepLoadedKneeBend, isHighImpact: highImpact, loadsKnee: loadsKnee)
    }
}

extension RawModification {
    /// Checks one modification alone; that a substitute names a library exercise is checked
    /// with the whole library in `ExerciseLibrary.init(exercises:)`.
    func validated(field: String, entry: String, exerciseID: String) throws(LibraryError) -> Modification {
        func invalid(_ path: String, _ reason: String) -> LibraryError {
            .invalidEntry(entry: entry, field: path, reason: reason)
        }
        if let cue, cue.isBlank { throw invalid(field + ".cue", "must not be empty") }
        if exclude == false { throw invalid(field + ".exclude", "must be true, or left out") }
        if substitute != nil, exclude == true {
            throw invalid(field, "gives both a substitute and exclude; an excluded exercise has no substitute")
        }
        guard substitute != nil || exclude == true || cue != nil else {
            throw invalid(field, "must give a substitute (an exercise id), \"exclude\": true or a cue")
        }
        if let substitute {
            guard ExerciseLibrary.isKebabCase(substitute) else {
                throw invalid(field + ".substitute", "'\(substitute)' must be an exercise id")
            }
            if substitute == exerciseID { throw invalid(field + ".substitute", "must not name the exercise itself") }
        }
        return Modification(substitute: substitute, exclude: exclude ?? false, cue: cue)
    }
}

extension RawDosage {
    /// Checks that every number is positive and lies within the range of the evidence row it names.
    func validated(entry: String) throws(LibraryError) -> Dosage {
        var dosage = Dosage(perSide: perSide)
        for field in Self.numberFields {
            guard let raw = doses[field] else { continue }
            let path = "dosage.\(field)"
            guard raw.value > 0, raw.value.isFinite else {
                throw .invalidEntry(entry: entry, field: path, reason: "must be a positive number")
            }
            guard let row = Evidence.entry(for: EvidenceKey(rawValue: raw.evidence)) else {
                throw .invalidEntry(entry: entry, field: path + ".evidence", reason: unknownKeyReason(raw.evidence))
            }
            guard let quantity = row.quantity(field) else {
                throw .invalidEntry(
                    entry: entry, field: path + ".evidence",
                    reason: "evidence row '\(row.key)' gives no \(field); it doses "
                        + (row.quantities.isEmpty ? "nothing" : row.quantities.map(\.name).joined(separator: ", ")))
            }
            guard quantity.contains(raw.value) else {
                throw .invalidEntry(
                    entry: entry, field: path,
                    reason: "\(raw.value.plainText) is outside \(quantity.text), the range of '\(row.key)'")
            }
            dosage[field] = DoseValue(value: raw.value, evidence: row.key)
        }
        return dosage
    }
}

extension Dosage {
    init(perSide: Bool) { self.perSide = perSide }

    /// Sets a number by its field name; unknown names are ignored.
    subscript(field: String) -> DoseValue? {
        get { values.first { $0.field == field }?.dose }
        set {
            switch field {
            case "holdSeconds": holdSeconds = newValue
            case "reps": reps = newValue
            case "sets": sets = newValue
            case "restSeconds": restSeconds = newValue
            case "tempoSeconds": tempoSeconds = newValue
            case "durationSeconds": durationSeconds = newValue
            case "minutes": minutes = newValue
            case "breathsPerMinute": breathsPerMinute = newValue
            case "timesPerDay": timesPerDay = newValue
            default: break
            }
        }
    }
}

/// Parses a string into a known enumeration value, or names the nearest valid values.
private func known<Value: RawRepresentable & CaseIterable>(
    _ raw: String, field: String, entry: String
) throws(LibraryError) -> Value where Value.RawValue == String {
    if let value = Value(rawValue: raw) { return value }
    let valid = Value.allCases.map(\.rawValue)
    let hint = Suggestions.phrase(Suggestions.nearest(to: raw, in: valid))
    throw .invalidEntry(
        entry: entry, field: field,
        reason: "'\(raw)' is not one of \(valid.joined(separator: ", "))" + (hint.isEmpty ? "" : " (\(hint))"))
}

private func unknownKeyReason(_ key: String) -> String {
    let hint = Suggestions.phrase(Suggestions.nearest(to: key, in: Evidence.keys.map(\.rawValue)))
    return "'\(key)' is not a key of the evidence table" + (hint.isEmpty ? "" : " (\(hint))")
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}


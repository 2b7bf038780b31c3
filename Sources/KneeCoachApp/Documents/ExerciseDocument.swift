import KneeCoachCore

/// The JSON shape of one exercise, as `exercises --json` and `exercises show --json` print it.
///
/// Field names are a promise to scripts (see README "JSON output"): extend, never rename.
public struct ExerciseDocument: Codable, Equatable {
    public struct EvidenceReference: Codable, Equatable {
        public let key: String
        public let grade: String
        public let citation: String
    }

    public struct Dose: Codable, Equatable {
        public let value: Double
        public let evidence: String
    }

    public struct DosageDocument: Codable, Equatable {
        public let holdSeconds, reps, sets, restSeconds, tempoSeconds: Dose?
        public let durationSeconds, minutes, breathsPerMinute, timesPerDay: Dose?
        public let perSide: Bool
        public let summary: String
    }

    /// One structured modification: `substitute` (an exercise id) when given, `exclude`
    /// always, `cue` when given.
    public struct ModificationDocument: Codable, Equatable {
        public let substitute: String?
        public let exclude: Bool
        public let cue: String?
    }

    public struct EquipmentDocument: Codable, Equatable {
        public let needs: [String]
        public let note: String?
        /// The variant's own name, when it has one (present only then).
        public var name: String? = nil
    }

    public let id: String
    public let name: String
    public let aliases: [String]
    public let category: String
    public let origin: String
    public let summary: String
    public let targets: [String]
    public let phases: [String]
    public let dosage: DosageDocument
    public let equipment: [EquipmentDocument]
    public let cues: [String]
    public let regressions: [String]
    public let progressions: [String]
    /// Each modification as one readable sentence (kept for scripts that read text).
    public let modifications: [String: String]
    /// Each modification as the planner applies it.
    public let modificationChanges: [String: ModificationDocument]
    public let cautions: [String]
    public let evidence: EvidenceReference
    public let evidenceNote: String?
}

extension ExerciseDocument {
    /// - Parameter library: Names a substitute in the readable sentence.
    public init(_ exercise: Exercise, library: ExerciseLibrary? = nil) {
        func dose(_ value: DoseValue?) -> Dose? {
            value.map { Dose(value: $0.value, evidence: $0.evidence.rawValue) }
        }
        let d = exercise.dosage
        let row = Evidence.entry(for: exercise.evidence)
        var modifications: [String: String] = [:]
        var changes: [String: ModificationDocument] = [:]
        for (field, note) in exercise.modifications.all {
            modifications[field] = note.sentence(library: library)
            changes[field] = ModificationDocument(substitute: note.substitute, exclude: note.exclude, cue: note.cue)
        }
        self.init(
            id: exercise.id, name: exercise.name, aliases: exercise.aliases,
            category: exercise.category.rawValue, origin: exercise.origin.rawValue, summary: exercise.summary,
            targets: exercise.targets.map(\.rawValue), phases: exercise.phases.map(\.rawValue),
            dosage: DosageDocument(
                holdSeconds: dose(d.holdSeconds), reps: dose(d.reps), sets: dose(d.sets),
                restSeconds: dose(d.restSeconds), tempoSeconds: dose(d.tempoSeconds),
                durationSeconds: dose(d.durationSeconds), minutes: dose(d.minutes),
                breathsPerMinute: dose(d.breathsPerMinute), timesPerDay: dose(d.timesPerDay),
                perSide: d.perSide, summary: d.summary),
            equipment: exercise.equipment.map { EquipmentDocument(needs: $0.needs.map(\.rawValue), note: $0.note, name: $0.name) },
            cues: exercise.cues, regressions: exercise.regressions, progressions: exercise.progressions,
            modifications: modifications, modificationChanges: changes, cautions: exercise.cautions,
            evidence: EvidenceReference(
                key: exercise.evidence.rawValue, grade: row?.grade.rawValue ?? "",
                citation: row?.citation ?? ""),
            evidenceNote: exercise.evidenceNote)
    }
}

extension Modification {
    /// A modification in a sentence or two: what to do instead (or to leave it out), then the cue.
    public func sentence(library: ExerciseLibrary?) -> String {
        var parts: [String] = []
        if exclude { parts.append("Leave it out.") }
        if let id = substitute {
            let name = library?.exercise(id: id).map { "\($0.name) (\(id))" } ?? id
            parts.append("Do \(name) instead.")
        }
        if let cue = cue { parts.append(cue) }
        return parts.joined(separator: " ")
    }
}

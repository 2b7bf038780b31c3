import KneeCoachCore

/// The JSON shape of one exercise, as `exercises --json` and `exercises show --json` print it.
///
/// Field names are a promise to scripts (see README "JSON output"): extend, never rename.
struct ExerciseDocument: Codable, Equatable {
    struct EvidenceReference: Codable, Equatable {
        let key: String
        let grade: String
        let citation: String
    }

    struct Dose: Codable, Equatable {
        let value: Double
        let evidence: String
    }

    struct DosageDocument: Codable, Equatable {
        let holdSeconds, reps, sets, restSeconds, tempoSeconds: Dose?
        let durationSeconds, minutes, breathsPerMinute, timesPerDay: Dose?
        let perSide: Bool
        let summary: String
    }

    /// One structured modification: `substitute` (an exercise id) when given, `exclude`
    /// always, `cue` when given.
    struct ModificationDocument: Codable, Equatable {
        let substitute: String?
        let exclude: Bool
        let cue: String?
    }

    struct EquipmentDocument: Codable, Equatable {
        let needs: [String]
        let note: String?
        /// The variant's own name, when it has one (present only then).
        var name: String? = nil
    }

    let id: String
    let name: String
    let aliases: [String]
    let category: String
    let origin: String
    let summary: String
    let targets: [String]
    let phases: [String]
    let dosage: DosageDocument
    let equipment: [EquipmentDocument]
    let cues: [String]
    let regressions: [String]
    let progressions: [String]
    /// Each modification as one readable sentence (kept for scripts that read text).
    let modifications: [String: String]
    /// Each modification as the planner applies it.
    let modificationChanges: [String: ModificationDocument]
    let cautions: [String]
    let evidence: EvidenceReference
    let evidenceNote: String?
}

extension ExerciseDocument {
    /// - Parameter library: Names a substitute in the readable sentence.
    init(_ exercise: Exercise, library: ExerciseLibrary? = nil) {
        func dose(_ value: DoseValue?) -> Dose? {
            value.map { Dose(value: $0.value, evidence: $0.evidence.rawValue) }
        }
        let d = exercise.dosage
        let row = Evidence.entry(for: exercise.evidence)
        var modifications: [String: String] = [:]
        var changes: [String: ModificationDocument] = [:]
        for (field, note) in exercise.modifications.all {
            modifications[field] = ExerciseCard.sentence(for: note, library: library)
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

/// The kind of practice an exercise is.
public enum ExerciseCategory: String, CaseIterable, Codable, Sendable {
    case dynamicStretch = "dynamic-stretch"
    case staticStretch = "static-stretch"
    case myofascialRelease = "myofascial-release"
    case mobility
    case isometric
    case eccentric
    case concentricStrength = "concentric-strength"
    case neuromuscularBalance = "neuromuscular-balance"
    case breathworkRelaxation = "breathwork-relaxation"
    case crossTraining = "cross-training"
    case yogaPilates = "yoga-pilates"
}

/// When in a runner's week an exercise fits.
public enum ExercisePhase: String, CaseIterable, Codable, Sendable {
    case preRun = "pre-run"
    case postRun = "post-run"
    case strength
    case flexibility
    case restDay = "rest-day"
    case acute
}

/// Equipment a runner may own. A floor, a chair and stairs count as no equipment.
public enum Equipment: String, CaseIterable, Codable, Sendable {
    case foamRoller = "foam-roller"
    case massageBall = "massage-ball"
    case resistanceBand = "resistance-band"
    case step, wall, towel
    case stabilityBall = "stability-ball"
    case bosu
    case slantBoard = "slant-board"
    case weights, pool, bike
}

/// The muscles, tissues, joints and systems an exercise works on.
public enum Target: String, CaseIterable, Codable, Sendable {
    case quadriceps, hamstrings, calves, achilles
    case patellarTendon = "patellar-tendon"
    case glutes
    case gluteusMedius = "gluteus-medius"
    case hipAbductors = "hip-abductors"
    case hipAdductors = "hip-adductors"
    case hipFlexors = "hip-flexors"
    case hipRotators = "hip-rotators"
    case piriformis
    case itBand = "it-band"
    case lateralThigh = "lateral-thigh"
    case core
    case lowerBack = "lower-back"
    case ankle, hip, knee, foot, balance
    case nervousSystem = "nervous-system"
    case cardiovascular
}

/// Whether an exercise comes from the source article or was added from the evidence.
public enum ExerciseOrigin: String, CaseIterable, Codable, Sendable {
    case article
    case evidence
}

/// One number of a dose and the evidence row it comes from.
public struct DoseValue: Sendable, Equatable, Codable {
    public let value: Double
    public let evidence: EvidenceKey
}

/// How much of an exercise to do. Every number names the evidence row that supports it.
public struct Dosage: Sendable, Equatable, Codable {
    public var holdSeconds: DoseValue?
    public var reps: DoseValue?
    public var sets: DoseValue?
    public var restSeconds: DoseValue?
    /// Seconds for the lowering part of an eccentric repetition.
    public var tempoSeconds: DoseValue?
    /// Seconds of a timed drill (per side when ``perSide``).
    public var durationSeconds: DoseValue?
    /// Minutes of a whole practice, such as a swim or a breathing session.
    public var minutes: DoseValue?
    public var breathsPerMinute: DoseValue?
    public var timesPerDay: DoseValue?
    /// Whether the dose is done on each side in turn.
    public var perSide: Bool

    /// Each present number with the name of its field, in a fixed order.
    public var values: [(field: String, dose: DoseValue)] {
        let all: [(String, DoseValue?)] = [
            ("holdSeconds", holdSeconds), ("reps", reps), ("sets", sets), ("restSeconds", restSeconds),
            ("tempoSeconds", tempoSeconds), ("durationSeconds", durationSeconds), ("minutes", minutes),
            ("breathsPerMinute", breathsPerMinute), ("timesPerDay", timesPerDay),
        ]
        return all.compactMap { field, dose in dose.map { (field, $0) } }
    }
}

/// One way to do an exercise with what a runner owns: every listed item is needed.
public struct EquipmentOption: Sendable, Equatable, Codable {
    public let needs: [Equipment]
    public let note: String?
    /// What the exercise is called when done this way, for an exercise named after equipment
    /// this option does without ("Calf Stretch on a Stair" for the slant board's); `nil` when
    /// the exercise's own name fits.
    public let name: String?

    public init(needs: [Equipment], note: String? = nil, name: String? = nil) {
        self.needs = needs
        self.note = note
        self.name = name
    }

    /// Whether this option needs nothing beyond the floor, a chair or stairs.
    public var isEquipmentFree: Bool { needs.isEmpty }
}

/// One change of an exercise for a kind of runner: another exercise in its place, or none
/// at all, and a cue for doing it. Validated so that at least one part is given, a
/// substitute and an exclusion are not both given, and a substitute names a library exercise.
public struct Modification: Sendable, Equatable, Codable {
    /// The id of the exercise to do instead.
    public let substitute: String?
    /// Whether the exercise is left out for this runner.
    public let exclude: Bool
    /// How to do it (or its substitute) for this runner, in a sentence.
    public let cue: String?

    public init(substitute: String? = nil, exclude: Bool = false, cue: String? = nil) {
        self.substitute = substitute
        self.exclude = exclude
        self.cue = cue
    }

    private enum CodingKeys: String, CodingKey { case substitute, exclude, cue }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        substitute = try c.decodeIfPresent(String.self, forKey: .substitute)
        exclude = try c.decodeIfPresent(Bool.self, forKey: .exclude) ?? false
        cue = try c.decodeIfPresent(String.self, forKey: .cue)
    }

    /// Writes only the parts given (`exclude` only when true), as in the library resource.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(substitute, forKey: .substitute)
        if exclude { try c.encode(true, forKey: .exclude) }
        try c.encodeIfPresent(cue, forKey: .cue)
    }

    /// Whether the exercise stays as it is for this runner (only a cue, if anything).
    public var keepsExercise: Bool { substitute == nil && !exclude }
}

/// Changes for particular runners: older runners (from `plan.olderAgeFrom`, and any runner
/// with knee osteoarthritis, as that row says), knee osteoarthritis, and acute pain.
public struct Modifications: Sendable, Equatable, Codable {
    public let olderRunner: Modification?
    public let arthritis: Modification?
    public let acutePain: Modification?

    public init(olderRunner: Modification? = nil, arthritis: Modification? = nil, acutePain: Modification? = nil) {
        self.olderRunner = olderRunner
        self.arthritis = arthritis
        self.acutePain = acutePain
    }

    /// The notes given, with their field names, in a fixed order.
    public var all: [(field: String, note: Modification)] {
        [("olderRunner", olderRunner), ("arthritis", arthritis), ("acutePain", acutePain)]
            .compactMap { field, note in note.map { (field, $0) } }
    }

    /// What the planner does with an exercise for a runner: the notes that apply, the most
    /// specific (arthritis) first. Leaving out wins over a substitute, and the arthritis
    /// note's substitute over the older runner's.
    /// - Parameters:
    ///   - olderRunner: The runner gets the older-runner changes.
    ///   - arthritis: The runner has knee osteoarthritis.
    public func adaptation(olderRunner: Bool, arthritis: Bool) -> ExerciseAdaptation {
        let notes = [arthritis ? self.arthritis : nil, olderRunner ? self.olderRunner : nil].compactMap { $0 }
        return ExerciseAdaptation(
            isExcluded: notes.contains(where: \.exclude),
            substitute: notes.lazy.compactMap(\.substitute).first,
            cues: notes.compactMap(\.cue).uniqued())
    }
}

/// An exercise as it applies to one runner (see ``Modifications/adaptation(olderRunner:arthritis:)``).
public struct ExerciseAdaptation: Sendable, Equatable {
    /// Left out for this runner.
    public let isExcluded: Bool
    /// The id of the exercise done in its place, unless it is left out.
    public let substitute: String?
    /// The cues for this runner, arthritis first.
    public let cues: [String]

    /// Whether the exercise itself is done (adapted by its cues at most).
    public var keepsExercise: Bool { !isExcluded && substitute == nil }
}

/// One exercise or practice of the library.
public struct Exercise: Sendable, Equatable, Identifiable, Codable {
    public let id: String
    public let name: String
    public let aliases: [String]
    public let category: ExerciseCategory
    public let origin: ExerciseOrigin
    public let summary: String
    public let targets: [Target]
    public let phases: [ExercisePhase]
    public let dosage: Dosage
    public let equipment: [EquipmentOption]
    public let cues: [String]
    public let regressions: [String]
    public let progressions: [String]
    public let modifications: Modifications
    public let cautions: [String]
    public let evidence: EvidenceKey
    public let evidenceNote: String?
    /// Bends the knee deeply under load (deep squats and lunges, decline squats): left out of
    /// plans for older runners and knee osteoarthritis.
    public let isDeepLoadedKneeBend: Bool
    /// Hops, bounds or skips: left out while the knee is painful and for older runners.
    public let isHighImpact: Bool
    /// Puts load through the knee (standing, kneeling, squatting, pushing with the legs). Only
    /// exercises that do not — breathing, relaxation, lying with the legs supported — are
    /// planned while a warning sign waits for a clinician.
    public let loadsKnee: Bool

    /// Whether the runner can do this with what they own (some option needs nothing more).
    public func isPossible(with owned: Set<Equipment>) -> Bool {
        equipment.isEmpty || equipment.contains { Set($0.needs).isSubset(of: owned) }
    }

    /// The name of the way a runner with this equipment does the exercise: the first option
    /// (in the library's order, best first) they can do names it when it has a name of its own.
    public func name(owning owned: Set<Equipment>) -> String {
        equipment.first { Set($0.needs).isSubset(of: owned) }?.name ?? name
    }

    /// The professional finding a tendon protocol is for (the decline squat for the patellar
    /// tendon, heel drops for the Achilles), from its evidence row; `nil` for everything else.
    public var tendonProtocol: TendonProblem? {
        switch evidence {
        case Evidence.eccDeclineSquat.key: .patellar
        case Evidence.eccAchilles.key: .achilles
        default: nil
        }
    }

    /// Whether one option needs no equipment at all.
    public var hasEquipmentFreeOption: Bool {
        equipment.isEmpty || equipment.contains(where: \.isEquipmentFree)
    }
}

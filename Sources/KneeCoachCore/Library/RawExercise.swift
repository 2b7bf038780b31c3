/// An exercise as written in the resource, before its values are checked.
///
/// Enumerations are plain strings here so that a bad value can be reported with the entry,
/// the field and the nearest valid value, instead of a generic decoding error.
struct RawExercise: Decodable, Equatable {
    let id: String
    let name: String
    let aliases: [String]
    let category: String
    let origin: String
    let summary: String
    let targets: [String]
    let phases: [String]
    let dosage: RawDosage
    let equipment: [RawEquipmentOption]
    let cues: [String]
    let regressions: [String]
    let progressions: [String]
    let modifications: [String: RawModification]
    let cautions: [String]
    let evidence: String
    let evidenceNote: String?
    let deepLoadedKneeBend: Bool
    let highImpact: Bool
    let loadsKnee: Bool

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, aliases, category, origin, summary, targets, phases, dosage, equipment, cues
        case regressions, progressions, modifications, cautions, evidence, evidenceNote
        case deepLoadedKneeBend, highImpact, loadsKnee
    }

    static let fields = Set(CodingKeys.allCases.map(\.rawValue))

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: Self.fields)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decode([String].self, forKey: .aliases)
        category = try c.decode(String.self, forKey: .category)
        origin = try c.decode(String.self, forKey: .origin)
        summary = try c.decode(String.self, forKey: .summary)
        targets = try c.decode([String].self, forKey: .targets)
        phases = try c.decode([String].self, forKey: .phases)
        dosage = try c.decode(RawDosage.self, forKey: .dosage)
        equipment = try c.decode([RawEquipmentOption].self, forKey: .equipment)
        cues = try c.decode([String].self, forKey: .cues)
        regressions = try c.decodeIfPresent([String].self, forKey: .regressions) ?? []
        progressions = try c.decodeIfPresent([String].self, forKey: .progressions) ?? []
        modifications = try c.decodeIfPresent([String: RawModification].self, forKey: .modifications) ?? [:]
        cautions = try c.decodeIfPresent([String].self, forKey: .cautions) ?? []
        evidence = try c.decode(String.self, forKey: .evidence)
        evidenceNote = try c.decodeIfPresent(String.self, forKey: .evidenceNote)
        deepLoadedKneeBend = try c.decodeIfPresent(Bool.self, forKey: .deepLoadedKneeBend) ?? false
        highImpact = try c.decodeIfPresent(Bool.self, forKey: .highImpact) ?? false
        loadsKnee = try c.decodeIfPresent(Bool.self, forKey: .loadsKnee) ?? true
    }
}

struct RawDose: Decodable, Equatable {
    let value: Double
    let evidence: String

    private enum CodingKeys: String, CodingKey, CaseIterable { case value, evidence }

    static let fields = Set(CodingKeys.allCases.map(\.rawValue))

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: Self.fields)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(Double.self, forKey: .value)
        evidence = try c.decode(String.self, forKey: .evidence)
    }
}

struct RawDosage: Decodable, Equatable {
    static let numberFields = [
        "holdSeconds", "reps", "sets", "restSeconds", "tempoSeconds", "durationSeconds", "minutes",
        "breathsPerMinute", "timesPerDay",
    ]
    static let fields = Set(numberFields + ["perSide"])
    let doses: [String: RawDose]
    let perSide: Bool

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: Self.fields)
        let c = try decoder.container(keyedBy: AnyKey.self)
        var doses: [String: RawDose] = [:]
        for field in Self.numberFields {
            if let dose = try c.decodeIfPresent(RawDose.self, forKey: AnyKey(stringValue: field)) {
                doses[field] = dose
            }
        }
        self.doses = doses
        perSide = try c.decode(Bool.self, forKey: AnyKey(stringValue: "perSide"))
    }
}

/// One modification as written: any of a substitute id, `"exclude": true` and a cue.
struct RawModification: Decodable, Equatable {
    let substitute: String?
    let exclude: Bool?
    let cue: String?

    private enum CodingKeys: String, CodingKey, CaseIterable { case substitute, exclude, cue }

    static let fields = Set(CodingKeys.allCases.map(\.rawValue))

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: Self.fields)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        substitute = try c.decodeIfPresent(String.self, forKey: .substitute)
        exclude = try c.decodeIfPresent(Bool.self, forKey: .exclude)
        cue = try c.decodeIfPresent(String.self, forKey: .cue)
    }
}

struct RawEquipmentOption: Decodable, Equatable {
    let needs: [String]
    let note: String?
    let name: String?

    private enum CodingKeys: String, CodingKey, CaseIterable { case needs, note, name }

    static let fields = Set(CodingKeys.allCases.map(\.rawValue))

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: Self.fields)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        needs = try c.decode([String].self, forKey: .needs)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        name = try c.decodeIfPresent(String.self, forKey: .name)
    }
}

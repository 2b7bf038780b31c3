import Foundation

// The library resource read without the generic decoder: `JSONDecoder` with the `Decodable`
// shapes of RawExercise.swift took about a third of a `today` process (a keyed container, a
// dynamic cast and a metadata lookup per field of 2,000 objects). Here the plain reader
// (JSONValue+Plain.swift) reads the text and these initialisers take each field as the
// `Decodable` initialisers do. Whatever they would refuse — a missing or unknown field, a
// value of the wrong type, a text outside the plain subset — gives `nil`, and the caller
// decodes with `JSONDecoder` as before, so every error is the one it always was. The tests
// hold the two readings equal on the bundled library and on texts changed from it.

extension RawExercise {
    /// The entries of a library text, or `nil` when the generic decoder must read it.
    static func plainList(_ data: Data) -> [RawExercise]? {
        guard case .array(let entries)? = data.withUnsafeBytes({ PlainJSONReader.read($0, subset: .library) })
        else { return nil }
        var exercises: [RawExercise] = []
        exercises.reserveCapacity(entries.count)
        for entry in entries {
            guard case .object(let fields) = entry, let exercise = RawExercise(plain: fields) else { return nil }
            exercises.append(exercise)
        }
        return exercises
    }

    private init?(plain fields: [String: JSONValue]) {
        guard fields.keys.allSatisfy(Self.fields.contains),
            let id = fields.text("id"), let name = fields.text("name"), let aliases = fields.texts("aliases"),
            let category = fields.text("category"), let origin = fields.text("origin"),
            let summary = fields.text("summary"), let targets = fields.texts("targets"),
            let phases = fields.texts("phases"), case .object(let dosage)? = fields["dosage"],
            let parsedDosage = RawDosage(plain: dosage), case .array(let options)? = fields["equipment"],
            let cues = fields.texts("cues"), let regressions = fields.optional("regressions", \.texts),
            let progressions = fields.optional("progressions", \.texts),
            let modifications = fields.optional("modifications", \.modifications),
            let cautions = fields.optional("cautions", \.texts), let evidence = fields.text("evidence"),
            let evidenceNote = fields.optional("evidenceNote", \.text),
            let deepLoadedKneeBend = fields.optional("deepLoadedKneeBend", \.bool),
            let highImpact = fields.optional("highImpact", \.bool), let loadsKnee = fields.optional("loadsKnee", \.bool)
        else { return nil }
        var equipment: [RawEquipmentOption] = []
        for option in options {
            guard case .object(let option) = option, let parsed = RawEquipmentOption(plain: option) else { return nil }
            equipment.append(parsed)
        }
        self.id = id
        self.name = name
        self.aliases = aliases
        self.category = category
        self.origin = origin
        self.summary = summary
        self.targets = targets
        self.phases = phases
        self.dosage = parsedDosage
        self.equipment = equipment
        self.cues = cues
        self.regressions = regressions ?? []
        self.progressions = progressions ?? []
        self.modifications = modifications ?? [:]
        self.cautions = cautions ?? []
        self.evidence = evidence
        self.evidenceNote = evidenceNote
        self.deepLoadedKneeBend = deepLoadedKneeBend ?? false
        self.highImpact = highImpact ?? false
        self.loadsKnee = loadsKnee ?? true
    }
}

extension RawDosage {
    fileprivate init?(plain fields: [String: JSONValue]) {
        guard fields.keys.allSatisfy(Self.fields.contains), case .bool(let perSide)? = fields["perSide"] else { return nil }
        var doses: [String: RawDose] = [:]
        for field in Self.numberFields {
            guard let dose = fields.optional(field, \.dose) else { return nil }
            if let dose { doses[field] = dose }
        }
        self.doses = doses
        self.perSide = perSide
    }
}

extension RawDose {
    fileprivate init(value: Double, evidence: String) {
        self.value = value
        self.evidence = evidence
    }
}

extension RawModification {
    fileprivate init(substitute: String?, exclude: Bool?, cue: String?) {
        self.substitute = substitute
        self.exclude = exclude
        self.cue = cue
    }
}

extension RawEquipmentOption {
    fileprivate init?(plain fields: [String: JSONValue]) {
        guard fields.keys.allSatisfy(Self.fields.contains), let needs = fields.texts("needs"),
            let note = fields.optional("note", \.text), let name = fields.optional("name", \.text)
        else { return nil }
        self.needs = needs
        self.note = note
        self.name = name
    }
}

extension JSONValue {
    /// A string, as `decode(String.self)` takes it.
    fileprivate var text: String? {
        if case .string(let text) = self { text } else { nil }
    }

    fileprivate var bool: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// An array of strings, as `decode([String].self)` takes it.
    fileprivate var texts: [String]? {
        guard case .array(let elements) = self else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let text) = element else { return nil }
            texts.append(text)
        }
        return texts
    }

    fileprivate var dose: RawDose? {
        guard case .object(let fields) = self, fields.keys.allSatisfy(RawDose.fields.contains),
            case .number(let value)? = fields["value"], case .string(let evidence)? = fields["evidence"]
        else { return nil }
        return RawDose(value: value, evidence: evidence)
    }

    fileprivate var modifications: [String: RawModification]? {
        guard case .object(let entries) = self else { return nil }
        var modifications: [String: RawModification] = [:]
        for (key, value) in entries {
            guard case .object(let fields) = value, fields.keys.allSatisfy(RawModification.fields.contains),
                let substitute = fields.optional("substitute", \.text), let exclude = fields.optional("exclude", \.bool),
                let cue = fields.optional("cue", \.text)
            else { return nil }
            modifications[key] = RawModification(substitute: substitute, exclude: exclude, cue: cue)
        }
        return modifications
    }
}

extension [String: JSONValue] {
    /// A required field read by `read`: `nil` when it is missing, `null` or of another type.
    fileprivate func text(_ key: String) -> String? { self[key]?.text }

    fileprivate func texts(_ key: String) -> [String]? { self[key]?.texts }

    /// A field read as `decodeIfPresent` reads it: `.some(nil)` when missing or `null`,
    /// `.some(value)` when `read` takes it, and `nil` (refused) when it is of another type.
    fileprivate func optional<T>(_ key: String, _ read: (JSONValue) -> T?) -> T?? {
        guard let value = self[key], value != .null else { return .some(nil) }
        guard let read = read(value) else { return nil }
        return .some(read)
    }
}

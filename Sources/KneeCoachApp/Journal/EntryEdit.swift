import Foundation
import KneeCoachCore
import KneeCoachStore

/// What `journal edit` changes on one entry: each field given, by the option `log` takes for
/// it. An empty text clears an optional text (a note, a location, a surface, a name).
public struct EntryEdit: Sendable, Equatable {
    public var date: LocalDate?
    public var distanceKm: Double?
    public var durationSeconds: Double?
    public var elevationGain: Double?
    public var elevationLoss: Double?
    public var surface: String?
    public var shoe: String?
    public var cadence: Double?
    public var effort: Int?
    public var name: String?
    public var when: PainEntry.Timing?
    public var level: Int?
    public var location: String?
    /// Warning signs set (`true`) or cleared (`false`), by their field name (`swelling`,
    /// `atNight`, `givingWay` …, as ``PainEntry/signFields``).
    public var signs: [String: Bool] = [:]
    public var pain: Int?
    public var text: String?
    public var mood: Int?
    public var stress: Int?
    public var sleepHours: Double?
    public var stairs: Int?
    public var squatting: Int?
    public var running: Int?
    public var note: String?

    public init() {}

    /// The options given, as the command line spells them.
    var given: [String] {
        let values: [(String, Any?)] = [
            ("--date", date), ("--distance-km", distanceKm), ("--duration", durationSeconds),
            ("--elevation-gain", elevationGain), ("--elevation-loss", elevationLoss), ("--surface", surface),
            ("--shoe", shoe), ("--cadence", cadence), ("--effort", effort), ("--title", name), ("--when", when),
            ("--level", level), ("--location", location), ("--pain", pain), ("--text", text), ("--mood", mood),
            ("--stress", stress), ("--sleep-hours", sleepHours), ("--stairs", stairs), ("--squatting", squatting),
            ("--running", running), ("--note", note),
        ]
        return values.compactMap { $0.1 == nil ? nil : $0.0 } + signs.keys.sorted().map { "--" + Self.optionName($0) }
    }

    /// The options each kind of entry can change.
    static func fields(of entry: JournalEntry) -> [String] {
        switch entry {
        case .activity(let record, _) where record.source == "manual":
            ["--date", "--distance-km", "--duration", "--elevation-gain", "--elevation-loss", "--surface", "--shoe",
             "--cadence", "--effort", "--title", "--note"]
        // An imported activity's figures and day are the file's: what the runner adds can change.
        case .activity: ["--surface", "--shoe", "--effort", "--title", "--note"]
        case .session: ["--date", "--pain", "--effort", "--note"]
        case .pain: ["--date", "--when", "--level", "--location"] + PainEntry.signFields.map { "--" + optionName($0) } + ["--note"]
        case .note: ["--date", "--text", "--mood", "--stress", "--sleep-hours"]
        case .clearance: ["--date", "--note"]
        case .function: ["--date", "--stairs", "--squatting", "--running"]
        case .selfTest: ["--date"]
        }
    }

    /// `givingWay` → `giving-way`.
    static func optionName(_ field: String) -> String {
        field.reduce(into: "") { name, character in
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
    }

    /// The entry with the fields changed, not yet checked.
    /// - Parameters:
    ///   - shoeID: The id of the shoe named by ``shoe``, looked up by the caller.
    ///   - now: When a warning sign newly set counts as recorded (after any earlier all-clear).
    /// - Throws: ``JournalError/notAField(option:entry:fields:)`` for an option this kind has not;
    ///   ``JournalError/nothingToEdit(entry:fields:)`` when none is given.
    func applied(to entry: JournalEntry, shoeID: ShoeID?, now: Date) throws(JournalError) -> JournalEntry {
        let allowed = Self.fields(of: entry), entryName = EntryName.of(entry)
        if let option = given.first(where: { !allowed.contains($0) }) {
            throw .notAField(option: option, entry: entryName, fields: allowed)
        }
        if given.isEmpty { throw .nothingToEdit(entry: entryName, fields: allowed) }
        switch entry {
        case .activity(var run, let file):
            if let date { run.date = date; run.start = Journal.noon(of: date) }
            if let distanceKm { run.distanceMeters = distanceKm * 1000 }
            if let durationSeconds { run.durationSeconds = durationSeconds; run.elapsedSeconds = durationSeconds }
            if let elevationGain { run.elevationGainMeters = elevationGain }
            if let elevationLoss { run.elevationLossMeters = elevationLoss }
            if let surface { run.surface = Self.orNil(surface) }
            if shoe != nil { run.shoeID = shoeID }
            if let cadence { run.averageCadenceSpm = cadence }
            if let effort { run.effort = effort }
            if let name { run.name = Self.orNil(name) }
            if let note { run.note = Self.orNil(note) }
            return .activity(run, originalFile: file)
        case .session(var session):
            if let date { session.date = date }
            if let pain { session.pain = pain }
            if let effort { session.effort = effort }
            if let note { session.note = Self.orNil(note) }
            return .session(session)
        case .pain(var pain):
            let before = pain.signFieldValues
            if let date { pain.date = date }
            if let when { pain.timing = when }
            if let level { pain.level = level }
            if let location { pain.location = Self.orNil(location) }
            for (field, value) in signs { pain.setSign(field, value) }
            if let note { pain.note = Self.orNil(note) }
            // A sign newly set is recorded now: an all-clear given before it does not lift it.
            if pain.signFieldValues.contains(where: { field, on in on && before[field] != true }) {
                pain.recordedMs = Int64((now.timeIntervalSince1970 * 1000).rounded())
            }
            return .pain(pain)
        case .note(var record):
            if let date { record.date = date }
            // New words may name a warning sign: they count from now, as a new note would.
            if let text, text != record.text {
                record.text = text
                record.recordedMs = Int64((now.timeIntervalSince1970 * 1000).rounded())
            }
            if let mood { record.mood = mood }
            if let stress { record.stress = stress }
            if let sleepHours { record.sleepHours = sleepHours }
            return .note(record)
        case .clearance(var clearance):
            if let date { clearance.date = date }
            if let note { clearance.note = Self.orNil(note) }
            return .clearance(clearance)
        case .function(var score):
            if let date { score.date = date }
            if let stairs { score.stairs = stairs }
            if let squatting { score.squatting = squatting }
            if let running { score.running = running }
            return .function(score)
        case .selfTest(var record):
            if let date { record.date = date }
            return .selfTest(record)
        }
    }

    private static func orNil(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

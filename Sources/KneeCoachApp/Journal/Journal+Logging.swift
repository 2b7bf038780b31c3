import Foundation
import KneeCoachCore
import KneeCoachStore

/// A run typed by hand, as the command line takes it.
public struct RunInput: Sendable, Equatable {
    public var date: LocalDate
    public var distanceKm: Double
    public var durationSeconds: Double
    public var elevationGainMeters: Double?
    public var elevationLossMeters: Double?
    public var surface: String?
    public var shoe: String?
    public var cadenceSpm: Double?
    public var effort: Int?
    public var note: String?

    public init(
        date: LocalDate, distanceKm: Double, durationSeconds: Double, elevationGainMeters: Double? = nil,
        elevationLossMeters: Double? = nil, surface: String? = nil, shoe: String? = nil, cadenceSpm: Double? = nil,
        effort: Int? = nil, note: String? = nil
    ) {
        self.date = date
        self.distanceKm = distanceKm
        self.durationSeconds = durationSeconds
        self.elevationGainMeters = elevationGainMeters
        self.elevationLossMeters = elevationLossMeters
        self.surface = surface
        self.shoe = shoe
        self.cadenceSpm = cadenceSpm
        self.effort = effort
        self.note = note
    }
}

/// The limits a journal value must stay within: plausible for a human runner, so a typo
/// (an extra zero, minutes typed as hours) is caught before it skews the load monitoring.
public enum JournalLimits {
    public static let distanceKm = 0.01...400.0
    public static let durationSeconds = 60.0...(72 * 3600.0)
    /// Faster than about 2:30 min/km over a run is not humanly possible.
    public static let fastestSecondsPerKm = 150.0
    public static let elevationMeters = 0.0...20_000.0
    public static let cadenceSpm = 60.0...260.0
    public static let scale = 0...10
    public static let sleepHours = 0.0...24.0
    public static let startKm = 0.0...10_000.0
}

extension Journal {
    /// Stores a run typed by hand.
    /// - Parameter today: The runner's today, to refuse future dates.
    /// - Throws: ``JournalError`` for a value out of range, a future date or an unknown shoe;
    ///   a ``StoreError`` from the database.
    @discardableResult
    public func logRun(_ input: RunInput, today: LocalDate) async throws -> ActivityRecord {
        try Self.checkDate(input.date, option: "--date", today: today)
        try Self.check(input.distanceKm, in: JournalLimits.distanceKm, option: "--distance-km", unit: "km")
        try Self.check(input.durationSeconds, in: JournalLimits.durationSeconds, option: "--duration", unit: "s")
        if input.durationSeconds / input.distanceKm < JournalLimits.fastestSecondsPerKm {
            throw JournalError.outOfRange(
                option: "--duration", value: clockText(seconds: input.durationSeconds),
                allowed: "at least 2:30 per km for \(input.distanceKm.plainText) km")
        }
        for (value, option) in [(input.elevationGainMeters, "--elevation-gain"), (input.elevationLossMeters, "--elevation-loss")] {
            if let value { try Self.check(value, in: JournalLimits.elevationMeters, option: option, unit: "m") }
        }
        if let cadence = input.cadenceSpm {
            try Self.check(cadence, in: JournalLimits.cadenceSpm, option: "--cadence", unit: "steps/min")
        }
        if let effort = input.effort { try Self.check(effort, option: "--effort") }
        let shoe = try await input.shoe.asyncMap { try await requireShoe(named: $0) }
        let run = ActivityRecord(
            date: input.date, start: Self.noon(of: input.date), sport: "running", isFoot: true,
            distanceMeters: input.distanceKm * 1000, durationSeconds: input.durationSeconds,
            elevationGainMeters: input.elevationGainMeters, elevationLossMeters: input.elevationLossMeters,
            averageCadenceSpm: input.cadenceSpm, surface: input.surface, shoeID: shoe?.id, effort: input.effort,
            note: input.note)
        return try await store.insert(run)
    }

    /// Stores a knee-pain entry.
    /// - Throws: ``JournalError`` for a level outside 0–10 or a future date.
    @discardableResult
    public func logPain(_ entry: PainEntry, today: LocalDate) async throws -> PainEntry {
        try Self.checkDate(entry.date, option: "--date", today: today)
        try Self.check(entry.level, option: "--level")
        if let location = entry.location, PainLocation(rawValue: location) == nil {
            throw JournalError.outOfRange(
                option: "--location", value: location,
                allowed: PainLocation.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return try await store.insert(entry)
    }

    /// The warning signs a pain entry raises, read as `status` and the plan read it (the
    /// stored profile's age applies the Ottawa knee rules after an injury).
    public func signs(of entry: PainEntry) async throws -> [MonitorFlag] {
        let profile = try await profile()
        return JournalTriage.flags(in: TrainingHistory.Pain(entry), age: profile?.age, usual: UsualPain(profile: profile))
    }

    /// The warning signs the phrases of a note raise, read as `status` and the plan read them.
    public func signs(of note: NoteRecord) async throws -> [MonitorFlag] {
        JournalTriage.flags(in: TrainingHistory.Note(date: note.date, text: note.text), age: try await profile()?.age)
    }

    /// Stores a note of the pain-and-mood journal.
    @discardableResult
    public func logNote(_ note: NoteRecord, today: LocalDate) async throws -> NoteRecord {
        try Self.checkDate(note.date, option: "--date", today: today)
        if note.text.allSatisfy(\.isWhitespace) { throw JournalError.emptyNote }
        if let mood = note.mood { try Self.check(mood, option: "--mood") }
        if let stress = note.stress { try Self.check(stress, option: "--stress") }
        if let sleep = note.sleepHours { try Self.check(sleep, in: JournalLimits.sleepHours, option: "--sleep-hours", unit: "h") }
        return try await store.insert(note)
    }

    /// Stores the runner's own 0–10 ratings of stairs, squatting and running on a day.
    /// - Throws: ``JournalError/noFunctionRating`` when none is given, or a range error naming the option.
    @discardableResult
    public func logFunction(_ score: FunctionScoreRecord, today: LocalDate) async throws -> FunctionScoreRecord {
        try Self.checkDate(score.date, option: "--date", today: today)
        let ratings = [("--stairs", score.stairs), ("--squatting", score.squatting), ("--running", score.running)]
        guard ratings.contains(where: { $0.1 != nil }) else { throw JournalError.noFunctionRating }
        for case (let option, let value?) in ratings { try Self.check(value, option: option) }
        return try await store.insert(score)
    }

    /// Records that a clinician has seen the knee: lifts the red-flag hold from that date.
    @discardableResult
    public func logCleared(_ clearance: ClearanceRecord, today: LocalDate) async throws -> ClearanceRecord {
        try Self.checkDate(clearance.date, option: "--date", today: today)
        return try await store.insert(clearance)
    }

    /// Stores a session done, fully or in part.
    /// - Parameters:
    ///   - planned: The plan's items for that day and kind (empty when there is no plan).
    ///   - skipped: Exercise ids of the planned session that were not done.
    @discardableResult
    public func logSession(
        date: LocalDate, kind: SessionKind, planned: [PlanItem], skipped: [String], pain: Int?, effort: Int?,
        note: String?, today: LocalDate
    ) async throws -> SessionRecord {
        try Self.checkDate(date, option: "--date", today: today)
        if let pain { try Self.check(pain, option: "--pain") }
        if let effort { try Self.check(effort, option: "--effort") }
        let plannedIDs = planned.map(\.exercise)
        let unknown = skipped.filter { !plannedIDs.contains($0) }
        if !unknown.isEmpty { throw JournalError.unknownItems(ids: unknown, kind: kind.rawValue, valid: plannedIDs) }
        let done = planned.filter { !skipped.contains($0.exercise) }
        let items = done.map { SessionRecord.Item(exercise: $0.exercise, sets: $0.sets, reps: $0.reps, holdSeconds: $0.holdSeconds) }
        let record = SessionRecord(
            date: date, kind: kind.rawValue, itemsDone: items, itemsSkipped: skipped,
            setsDone: done.compactMap(\.sets).reduce(0, +), repsDone: done.compactMap { i in i.reps.map { $0 * (i.sets ?? 1) } }.reduce(0, +),
            holdSecondsDone: done.compactMap { i in i.holdSeconds.map { $0 * (i.sets ?? 1) * (i.perSide ? 2 : 1) } }.reduce(0, +),
            pain: pain, effort: effort, note: note)
        return try await store.insert(record)
    }

    /// The shoe with this name, or an error naming the nearest names.
    func requireShoe(named name: String) async throws -> ShoeRecord {
        if let shoe = try await store.shoe(named: name) { return shoe }
        let names = try await store.shoes().map(\.name)
        throw JournalError.unknownShoe(name: name, suggestions: Suggestions.nearest(to: name, in: names))
    }

    static func checkDate(_ date: LocalDate, option: String, today: LocalDate) throws(JournalError) {
        if date > today { throw .futureDate(option: option, date: date, today: today) }
    }

    static func check(_ value: Int, option: String) throws(JournalError) {
        guard JournalLimits.scale.contains(value) else {
            throw .outOfRange(option: option, value: String(value), allowed: "a whole number from 0 to 10")
        }
    }

    static func check(_ value: Double, in range: ClosedRange<Double>, option: String, unit: String) throws(JournalError) {
        guard range.contains(value), value.isFinite else {
            throw .outOfRange(
                option: option, value: value.plainText, allowed: "\(range.lowerBound.plainText)–\(range.upperBound.plainText) \(unit)")
        }
    }

    /// Midday of a date in UTC: the start stored for a run typed by hand, which has no time.
    static func noon(of date: LocalDate) -> Date {
        Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400 + 12 * 3600)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}


/// Parses a duration: `H:MM:SS`, `MM:SS` or plain seconds, each part plain decimal digits
/// (no sign, exponent or hexadecimal: `1e3:00` and `0x10` are not times).
public func parseDuration(_ text: String) throws(JournalError) -> Double {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    let numbers = parts.filter(isPlainDecimal).compactMap { Double($0) }.filter { $0 >= 0 && $0.isFinite }
    guard !parts.isEmpty, parts.count <= 3, numbers.count == parts.count else { throw .badDuration(text) }
    if numbers.count > 1, numbers.dropFirst().contains(where: { $0 >= 60 }) { throw .badDuration(text) }
    return numbers.reduce(0) { $0 * 60 + $1 }
}

/// Parses a number a runner typed: plain decimal digits with at most one point (`5`, `5.2`,
/// `.5`), no sign, exponent, hexadecimal, `nan` or `inf` — the one reading of a typed
/// number for the CLI and, later, the API.
/// - Throws: ``JournalError/outOfRange(option:value:allowed:)`` naming the option.
public func parseDecimal(_ text: String, option: String) throws(JournalError) -> Double {
    guard isPlainDecimal(Substring(text)), let value = Double(text), value.isFinite else {
        throw .outOfRange(option: option, value: text, allowed: "a plain decimal number such as 5 or 5.2")
    }
    return value
}

private func isPlainDecimal(_ text: Substring) -> Bool {
    let points = text.filter { $0 == "." }.count
    return text.contains(where: \.isASCIIDigit) && points <= 1 && text.allSatisfy { $0.isASCIIDigit || $0 == "." }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

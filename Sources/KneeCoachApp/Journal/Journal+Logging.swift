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

extension Journal {
    /// Stores a run typed by hand.
    /// - Parameter today: The runner's today, to refuse future dates.
    /// - Throws: ``JournalError`` for a value out of range, a future date or an unknown shoe;
    ///   a ``StoreError`` from the database.
    @discardableResult
    public func logRun(_ input: RunInput, today: LocalDate) async throws -> ActivityRecord {
        try Self.checkDate(input.date, option: "--date", today: today)
        // The typed values first, before the shoe is looked up.
        let typed = ActivityRecord(
            date: input.date, start: Self.noon(of: input.date), sport: "running", isFoot: true,
            distanceMeters: input.distanceKm * 1000, durationSeconds: input.durationSeconds,
            elevationGainMeters: input.elevationGainMeters, elevationLossMeters: input.elevationLossMeters,
            averageCadenceSpm: input.cadenceSpm, surface: input.surface, effort: input.effort, note: input.note)
        try JournalRules.check(typed)
        var run = typed
        run.shoeID = try await input.shoe.asyncMap { try await requireShoe(named: $0) }?.id
        return try await store.insert(run)
    }

    /// Stores a knee-pain entry.
    /// - Throws: ``JournalError`` for a level outside 0–10, a location that is not one of
    ///   the five, or a future date.
    @discardableResult
    public func logPain(_ entry: PainEntry, today: LocalDate) async throws -> PainEntry {
        try Self.checkDate(entry.date, option: "--date", today: today)
        try JournalRules.check(entry)
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
        try JournalRules.check(note)
        return try await store.insert(note)
    }

    /// Stores the runner's own 0–10 ratings of stairs, squatting and running on a day.
    /// - Throws: ``JournalError/noFunctionRating`` when none is given, or a range error naming the option.
    @discardableResult
    public func logFunction(_ score: FunctionScoreRecord, today: LocalDate) async throws -> FunctionScoreRecord {
        try Self.checkDate(score.date, option: "--date", today: today)
        try JournalRules.check(score)
        return try await store.insert(score)
    }

    /// Records that a clinician has seen the knee: lifts the red-flag hold from that date.
    @discardableResult
    public func logCleared(_ clearance: ClearanceRecord, today: LocalDate) async throws -> ClearanceRecord {
        try Self.checkDate(clearance.date, option: "--date", today: today)
        try JournalRules.check(clearance)
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
        for id in skipped { try JournalRules.check(text: id, option: "--skipped", limit: InputLimits.nameCharacters) }
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
        try JournalRules.check(record)
        return try await store.insert(record)
    }

    /// The shoe with this name, or an error naming the nearest names.
    func requireShoe(named name: String, option: String = "--shoe") async throws -> ShoeRecord {
        try JournalRules.check(text: name, option: option, limit: InputLimits.nameCharacters)
        if let shoe = try await store.shoe(named: name) { return shoe }
        let shoes = try await store.shoes()
        // Names match without regard to case ("pegasus" finds "Pegasus").
        if let shoe = shoes.first(where: { $0.name.lowercased() == name.lowercased() }) { return shoe }
        let names = shoes.map(\.name)
        throw JournalError.unknownShoe(name: name, suggestions: Suggestions.nearest(to: name, in: names))
    }

    /// A date in ``InputLimits/years`` and not after the runner's today.
    static func checkDate(_ date: LocalDate, option: String, today: LocalDate) throws(JournalError) {
        try JournalRules.check(date, option: option)
        if date > today { throw .futureDate(option: option, date: date, today: today) }
    }

    static func check(_ value: Int, option: String) throws(JournalError) {
        try JournalRules.check(value, option: option)
    }

    static func check(_ value: Double, in range: ClosedRange<Double>, option: String, unit: String) throws(JournalError) {
        try JournalRules.check(value, in: range, option: option, unit: unit)
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



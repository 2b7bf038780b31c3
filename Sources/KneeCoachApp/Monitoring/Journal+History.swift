import Foundation
import KneeCoachCore
import KneeCoachStore

extension Journal {
    /// The journal up to a day (inclusive), as the plain values that monitoring and the plan
    /// read: runs and other activities, pain, notes, sessions done, clearances, shoes,
    /// self-tests and function ratings, and when the stored profile's warning signs were raised.
    /// - Parameter through: The last day to include; `nil` for everything.
    public func history(through: LocalDate? = nil) async throws -> TrainingHistory {
        try await history(from: nil, through: through)
    }

    /// The journal from `from` to `through`, for a report over recent weeks: activities,
    /// sessions and pain from `from` on, each shoe's earlier mileage summed per pair, earlier
    /// pain entries only when they carry a warning sign (a sign holds until a clearance, however
    /// old), and every note, clearance, self-test and function rating (short tables whose first
    /// entries progress compares against).
    /// - Parameters:
    ///   - from: The first day of activities, sessions and plain pain entries; `nil` for all.
    ///   - through: The last day to include; `nil` for everything.
    ///   - scope: What the reader needs besides the window (default: what the report needs).
    ///   - unread: Days whose activities are left out (those a coach resuming from a fold
    ///     checkpoint never reads, ``FoldCheckpoint/unreadActivities``).
    public func history(
        from: LocalDate?, through: LocalDate?, scope: HistoryScope = .report, leavingOutActivities unread: ClosedRange<LocalDate>? = nil
    ) async throws -> TrainingHistory {
        try history(of: try await rows(from: from, through: through, scope: scope, leavingOutActivities: unread), scope: scope)
    }

    /// The rows ``history(from:through:scope:leavingOutActivities:)`` reads, as stored.
    /// - Parameter shoeUseBefore: For a report, the day before which each pair's use is summed
    ///   (default: `from`; a wider read for a report and the coach gives the report's).
    func rows(
        from: LocalDate?, through: LocalDate?, scope: HistoryScope, leavingOutActivities unread: ClosedRange<LocalDate>?,
        shoeUseBefore: LocalDate? = nil
    ) async throws -> JournalRows {
        let earlierUse =
            scope == .report ? try await (shoeUseBefore ?? from).asyncMap { try await store.shoeUse(before: $0) } ?? [:] : [:]
        let earlierSigns = try await from.asyncMap { try await store.painEntriesWithSigns(before: $0) } ?? []
        let assessments = try await store.assessments(to: scope == .report ? nil : through)
        let zone = await runnerTimeZone()
        let profileSigns = try await store.profileSignsRecordedMs().flatMap { ms -> TrainingHistory.Recorded? in
            let at = Date(milliseconds: ms)
            return LocalDate(instant: at, in: zone).map { TrainingHistory.Recorded(date: $0, at: at) }
        }
        let activities = try await activities(from: from, through: through, leavingOut: unread)
        let pain = try await store.painEntries(from: from, to: through)
        let notes = try await store.notes(to: through)
        let sessions = try await store.sessions(from: from, to: through)
        let clearances = try await store.clearances(to: through)
        var report: JournalRows.Report?
        if scope == .report {
            report = .init(
                shoes: try await store.shoes(), earlierUse: earlierUse, functionScores: try await store.functionScores(to: through))
        }
        var rows = JournalRows(
            from: from, through: through, earlierSigns: earlierSigns, pain: pain, activities: activities, unread: unread,
            sessions: sessions, notes: notes, clearances: clearances, assessments: assessments, profileSigns: profileSigns,
            report: report)
        rows.adjustments = try await adjustments()
        return rows
    }

    /// The history of rows read for `scope` (a report's rows for a report, any rows for the coach).
    /// - Throws: ``ProfileStoreError/invalidStoredAssessment(date:error:)``: a report decodes
    ///   every stored self-test set, the coach those of its window and the last one before.
    func history(of rows: JournalRows, scope: HistoryScope) throws -> TrainingHistory {
        let selfTests: [DatedAssessment]
        switch scope {
        case .report:
            selfTests = try decode(rows.assessments).filter { set in rows.through.map { set.date <= $0 } ?? true }
        case .coach:
            // The sets inside the window, and the last one before it: the day the self-tests
            // were last done, that the re-test counts from.
            let all = rows.assessments.filter { set in rows.through.map { set.date <= $0 } ?? true }
            let window = all.firstIndex { set in rows.from.map { set.date >= $0 } ?? true } ?? all.endIndex
            selfTests = try decode(all[max(window - 1, 0)...])
        }
        var history = TrainingHistory(
            activities: rows.activities.map(TrainingHistory.Activity.init),
            pain: (rows.earlierSigns + rows.pain).map(TrainingHistory.Pain.init),
            notes: rows.notes.map(TrainingHistory.Note.init),
            sessions: rows.sessions.map(TrainingHistory.Session.init),
            clearances: rows.clearances.map(TrainingHistory.Clearance.init),
            shoes: scope == .report ? rows.report?.shoes.compactMap(TrainingHistory.Shoe.init) ?? [] : [],
            selfTests: selfTests.map { TrainingHistory.SelfTests(date: $0.date, assessment: $0.assessment) },
            functionScores: scope == .coach ? [] : rows.report?.functionScores.map {
                TrainingHistory.FunctionScore(date: $0.date, stairs: $0.stairs, squatting: $0.squatting, running: $0.running)
            } ?? [], profileSigns: rows.profileSigns, adjustments: rows.adjustments)
        if scope == .report, let earlierUse = rows.report?.earlierUse {
            for index in history.shoes.indices {
                guard let use = earlierUse[ShoeID(history.shoes[index].id)] else { continue }
                history.shoes[index].earlier = .init(km: use.meters / 1000, runs: use.count, lastUsed: use.lastDate)
            }
        }
        return history
    }
}

extension Journal {
    /// The activities from `from` through `through`, less those dated in `unread`.
    private func activities(
        from: LocalDate?, through: LocalDate?, leavingOut unread: ClosedRange<LocalDate>?
    ) async throws -> [ActivityRecord] {
        guard let unread else { return try await store.activities(from: from, to: through) }
        let before = unread.lowerBound.adding(days: -1), after = unread.upperBound.adding(days: 1)
        let early = from.map { $0 > before } ?? false ? [] : try await store.activities(from: from, to: min(before, through ?? before))
        let late = through.map { $0 < after } ?? false ? [] : try await store.activities(from: max(after, from ?? after), to: through)
        return early + late
    }
}

/// What a reader of ``Journal/history(from:through:scope:leavingOutActivities:)`` needs besides its window.
public enum HistoryScope: Sendable {
    /// Status and the report: every self-test set and function rating (progress compares
    /// against the first), the shoes and each pair's earlier use.
    case report
    /// The coach, which folds the days of the window: before it, only the warning signs
    /// still open (pain entries, notes, clearances) and the last self-tests; no shoes and no
    /// function ratings, which no prescription reads.
    case coach
}

extension TrainingHistory.Activity {
    init(_ record: ActivityRecord) {
        self.init(
            date: record.date, start: record.start, sport: record.sport, isFoot: record.isFoot,
            distanceKm: record.distanceMeters / 1000, durationSeconds: record.durationSeconds,
            cadenceSpm: record.averageCadenceSpm, shoeID: record.shoeID?.rawValue, source: record.source,
            name: record.name)
    }
}

extension TrainingHistory.Note {
    init(_ record: NoteRecord) {
        self.init(date: record.date, text: record.text, recordedAt: record.recordedMs.map(Date.init(milliseconds:)))
    }
}

extension TrainingHistory.Clearance {
    init(_ record: ClearanceRecord) {
        self.init(date: record.date, note: record.note, recordedAt: record.recordedMs.map(Date.init(milliseconds:)))
    }
}

extension TrainingHistory.Pain {
    init(_ entry: PainEntry) {
        self.init(
            date: entry.date, timing: entry.timing, level: entry.level,
            location: entry.location, swelling: entry.swelling, locking: entry.locking, givingWay: entry.givingWay,
            limping: entry.limping, redOrHot: entry.redOrHot, atNight: entry.atNight, afterTrauma: entry.afterTrauma,
            calfPain: entry.calfPain, breathless: entry.breathless, numbness: entry.numbness,
            numbnessSpreading: entry.numbnessSpreading, coldFoot: entry.coldFoot, cannotBearWeight: entry.cannotBearWeight,
            cannotBend: entry.cannotBend, bonyTenderness: entry.bonyTenderness, note: entry.note,
            recordedAt: entry.recordedMs.map(Date.init(milliseconds:)))
    }
}

extension Date {
    /// An instant given in milliseconds since 1970, as the journal records when rows were logged.
    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }
}

extension TrainingHistory.Session {
    init(_ record: SessionRecord) {
        self.init(
            date: record.date, kind: record.kind, itemsDone: record.itemsDone.map(\.exercise),
            itemsSkipped: record.itemsSkipped, pain: record.pain)
    }
}

extension TrainingHistory.Shoe {
    init?(_ record: ShoeRecord) {
        guard let id = record.id else { return nil }
        self.init(id: id.rawValue, name: record.name, startKm: record.startKm, isRetired: record.isRetired)
    }
}

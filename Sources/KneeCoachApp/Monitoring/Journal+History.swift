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
        let earlierUse = scope == .report ? try await from.asyncMap { try await store.shoeUse(before: $0) } ?? [:] : [:]
        let earlierSigns = try await from.asyncMap { try await store.painEntriesWithSigns(before: $0) } ?? []
        var history = try await read(from: from, through: through, scope: scope, leavingOutActivities: unread)
        history.pain = earlierSigns.map(TrainingHistory.Pain.init) + history.pain
        for index in history.shoes.indices {
            guard let use = earlierUse[ShoeID(history.shoes[index].id)] else { continue }
            history.shoes[index].earlier = .init(km: use.meters / 1000, runs: use.count, lastUsed: use.lastDate)
        }
        return history
    }

    private func read(
        from: LocalDate?, through: LocalDate?, scope: HistoryScope, leavingOutActivities unread: ClosedRange<LocalDate>?
    ) async throws -> TrainingHistory {
        let selfTests: [DatedAssessment]
        switch scope {
        case .report:
            selfTests = try await assessments().filter { set in through.map { set.date <= $0 } ?? true }
        case .coach:
            // The sets inside the window, and the last one before it: the day the self-tests
            // were last done, that the re-test counts from.
            let all = try await store.assessments(to: through)
            let window = all.firstIndex { set in from.map { set.date >= $0 } ?? true } ?? all.endIndex
            selfTests = try decode(all[max(window - 1, 0)...])
        }
        let zone = await runnerTimeZone()
        let profileSigns = try await store.profileSignsRecordedMs().flatMap { ms -> TrainingHistory.Recorded? in
            let at = Date(milliseconds: ms)
            return LocalDate(instant: at, in: zone).map { TrainingHistory.Recorded(date: $0, at: at) }
        }
        let acts = try await activities(from: from, through: through, leavingOut: unread).map(TrainingHistory.Activity.init)
        let pains = try await store.painEntries(from: from, to: through).map(TrainingHistory.Pain.init)
        return TrainingHistory(
            activities: acts,
            pain: pains,
            notes: try await store.notes(to: through).map {
                TrainingHistory.Note(date: $0.date, text: $0.text, recordedAt: $0.recordedMs.map(Date.init(milliseconds:)))
            },
            sessions: try await store.sessions(from: from, to: through).map(TrainingHistory.Session.init),
            clearances: try await store.clearances(to: through).map {
                TrainingHistory.Clearance(date: $0.date, note: $0.note, recordedAt: $0.recordedMs.map(Date.init(milliseconds:)))
            },
            shoes: scope == .report ? try await store.shoes().compactMap(TrainingHistory.Shoe.init) : [],
            selfTests: selfTests.map { TrainingHistory.SelfTests(date: $0.date, assessment: $0.assessment) },
            functionScores: scope == .coach ? [] : try await store.functionScores(to: through).map {
                TrainingHistory.FunctionScore(date: $0.date, stairs: $0.stairs, squatting: $0.squatting, running: $0.running)
            }, profileSigns: profileSigns, adjustments: try await adjustments())
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

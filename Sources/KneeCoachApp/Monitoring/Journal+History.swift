import Foundation
import KneeCoachCore
import KneeCoachStore

extension Journal {
    /// The journal up to a day (inclusive), as the plain values that monitoring and the plan
    /// read: runs and other activities, pain, notes, sessions done, clearances, shoes,
    /// self-tests and function ratings.
    /// - Parameter through: The last day to include; `nil` for everything.
    public func history(through: LocalDate? = nil) async throws -> TrainingHistory {
        let selfTests = try await assessments().filter { set in through.map { set.date <= $0 } ?? true }
        return TrainingHistory(
            activities: try await store.activities(to: through).map(TrainingHistory.Activity.init),
            pain: try await store.painEntries(to: through).map(TrainingHistory.Pain.init),
            notes: try await store.notes(to: through).map { TrainingHistory.Note(date: $0.date, text: $0.text) },
            sessions: try await store.sessions(to: through).map(TrainingHistory.Session.init),
            clearances: try await store.clearances(to: through).map { TrainingHistory.Clearance(date: $0.date, note: $0.note) },
            shoes: try await store.shoes().compactMap(TrainingHistory.Shoe.init),
            selfTests: selfTests.map { TrainingHistory.SelfTests(date: $0.date, assessment: $0.assessment) },
            functionScores: try await store.functionScores(to: through).map {
                TrainingHistory.FunctionScore(date: $0.date, stairs: $0.stairs, squatting: $0.squatting, running: $0.running)
            })
    }
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
            date: entry.date, timing: TrainingHistory.PainTiming(entry.timing), level: entry.level,
            location: entry.location, swelling: entry.swelling, locking: entry.locking, givingWay: entry.givingWay,
            limping: entry.limping, redOrHot: entry.redOrHot, atNight: entry.atNight, afterTrauma: entry.afterTrauma,
            note: entry.note)
    }
}

extension TrainingHistory.PainTiming {
    init(_ timing: PainEntry.Timing) {
        switch timing {
        case .during: self = .during
        case .after: self = .after
        case .nextMorning: self = .nextMorning
        case .rest: self = .rest
        }
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

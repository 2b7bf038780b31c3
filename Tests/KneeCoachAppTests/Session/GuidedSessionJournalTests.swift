import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// A guided session's runner, turned into the journal's record and stored.
struct GuidedSessionJournalTests {
    static let reason = Reason("test")
    /// 2 × 30 s a side, then 3 × 10 a side lowered over 4 s, then 2 × 12 bridges.
    static let items = [
        PlanItem(exercise: "standing-quad-stretch", sets: 2, holdSeconds: 30, restSeconds: 15, perSide: true, reason: reason),
        PlanItem(exercise: "slow-step-down", sets: 3, reps: 10, tempoSeconds: 4, restSeconds: 90, perSide: true, reason: reason),
        PlanItem(exercise: "glute-bridge", sets: 2, reps: 12, restSeconds: 60, reason: reason),
    ]
    static let date = LocalDate(year: 2026, month: 11, day: 2) ?? LocalDate(dayNumber: 0)

    /// The stretch in full, then the first left set of step-downs and 25 s into the right
    /// one (three reps of 7 s done), then stop.
    static func stoppedRunner() throws -> SessionRunner {
        let timeline = SessionTimeline(kind: .strength, items: items, library: try ExerciseLibrary.bundled())
        var runner = SessionRunner(timeline: timeline)
        runner.start(at: 0)
        let works = timeline.stepIndices(ofItem: 1).filter { timeline.steps[$0].kind == .work }
        let before = timeline.steps.prefix(works[1]).compactMap(\.seconds).reduce(0, +)
        runner.tick(at: before + 25)
        runner.stop(at: before + 25)
        return runner
    }

    @Test func aStoppedSessionBecomesARecordOfExactlyWhatWasDone() throws {
        let record = SessionRecord(guided: try Self.stoppedRunner(), date: Self.date, activeSeconds: 312.4, pain: 2, effort: 6)
        #expect(record.kind == "strength" && record.date == Self.date)
        // The step-downs' left set is done but not the right one: no whole set, so not done.
        #expect(record.itemsDone == [.init(exercise: "standing-quad-stretch", sets: 2, reps: nil, holdSeconds: 30)])
        #expect(record.itemsSkipped == ["slow-step-down", "glute-bridge"])
        #expect(record.setsDone == 2)
        #expect(record.repsDone == 10 + 3)  // the whole left set, three on the right
        #expect(record.holdSecondsDone == 4 * 30)
        #expect(record.pain == 2 && record.effort == 6)
        #expect(record.note == "Guided session, stopped after 5:12: 1 of 3 exercises done; Slow Step-Down 0 of 3 sets.")
    }

    @Test func aFinishedSessionSaysSoAndSkipsNothing() throws {
        let timeline = SessionTimeline(kind: .coolDown, items: [Self.items[0]], library: try ExerciseLibrary.bundled())
        var runner = SessionRunner(timeline: timeline)
        runner.start(at: 0)
        runner.tick(at: timeline.totalSeconds)
        let record = SessionRecord(guided: runner, date: Self.date, activeSeconds: timeline.totalSeconds, pain: 0, effort: 3)
        #expect(record.itemsSkipped.isEmpty && record.itemsDone.map(\.sets) == [2])
        #expect(record.note == "Guided session, finished in \(clockText(seconds: timeline.totalSeconds)).")
    }

    @Test func loggingStoresTheRecordAndRefusesBadRatingsAndFutureDates() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-guided-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("journal.sqlite").path
        let runner = try Self.stoppedRunner()
        let today = Self.date.adding(days: 1)
        try await Journal.with(.sqlite(path: path), dataFolder: DataFolder(databaseURL: URL(fileURLWithPath: path))) { journal in
            await #expect(throws: JournalError.self) {
                try await journal.logGuidedSession(runner, date: Self.date, activeSeconds: 10, pain: 11, effort: 2, today: today)
            }
            await #expect(throws: JournalError.self) {
                try await journal.logGuidedSession(runner, date: Self.date, activeSeconds: 10, pain: 1, effort: -1, today: today)
            }
            await #expect(throws: JournalError.self) {
                try await journal.logGuidedSession(
                    runner, date: today.adding(days: 1), activeSeconds: 10, pain: 1, effort: 1, today: today)
            }
            #expect(try await journal.store.sessions().isEmpty)
            let stored = try await journal.logGuidedSession(
                runner, date: Self.date, activeSeconds: 312, pain: 3, effort: 5, today: today)
            let sessions = try await journal.store.sessions()
            #expect(sessions.count == 1 && sessions.first?.id == stored.id && stored.id != nil)
            #expect(sessions.first?.repsDone == 13 && sessions.first?.itemsSkipped == ["slow-step-down", "glute-bridge"])
            #expect(sessions.first?.pain == 3 && sessions.first?.effort == 5)
        }
    }
}

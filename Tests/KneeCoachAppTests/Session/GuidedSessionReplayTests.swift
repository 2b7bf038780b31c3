import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// A form's "sets done" (the web page's guided session) replayed through the terminal's
/// runner: the journal's record reads as that of a session guided step by step.
struct GuidedSessionReplayTests {
    static func timeline() throws -> SessionTimeline {
        SessionTimeline(kind: .strength, items: GuidedSessionJournalTests.items, library: try ExerciseLibrary.bundled())
    }

    @Test func everySetDoneIsTheSameRecordAsRunningTheWholeTimeline() throws {
        let timeline = try Self.timeline()
        let replay = SessionRunner.replaying(timeline, setsDone: [2, 3, 2])
        var runner = SessionRunner(timeline: timeline)
        runner.start(at: 0)
        runner.tick(at: timeline.totalSeconds)
        #expect(replay.runner.report == runner.report)
        #expect(replay.runner.status == .finished)
        #expect(replay.seconds == timeline.totalSeconds)
    }

    @Test func setsLeftOutAreSkippedAndAPartExerciseSaysSo() throws {
        let replay = SessionRunner.replaying(try Self.timeline(), setsDone: [2, 1, 0])
        let record = SessionRecord(
            guided: replay.runner, date: GuidedSessionJournalTests.date, activeSeconds: 600, pain: 1, effort: 5, note: "Stairs were fine")
        #expect(record.itemsDone.map(\.exercise) == ["standing-quad-stretch", "slow-step-down"])
        #expect(record.itemsDone.map(\.sets) == [2, 1])
        #expect(record.itemsSkipped == ["glute-bridge"])
        #expect(record.setsDone == 3)
        #expect(record.repsDone == 2 * 10)  // one set of ten, each side
        #expect(record.note == "Guided session, finished in 10:00: 2 of 3 exercises done; Slow Step-Down 1 of 3 sets. Stairs were fine")
    }

    @Test func aSessionEndedEarlyLeavesTheRestNotReached() throws {
        let replay = SessionRunner.replaying(try Self.timeline(), setsDone: [2, 0, 0], stoppedEarly: true)
        #expect(replay.runner.status == .stopped)
        #expect(replay.runner.report.items.map(\.status) == [.done, .notReached, .notReached])
        let nothing = SessionRunner.replaying(try Self.timeline(), setsDone: [0, 0, 0])
        #expect(nothing.runner.report.isEmpty)
        #expect(nothing.seconds == 0)
        // Counts outside the plan are clamped, missing ones are none.
        #expect(SessionRunner.replaying(try Self.timeline(), setsDone: [9]).runner.report.items.map(\.setsDone) == [2, 0, 0])
    }
}

import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// The use cases the server calls: an adjustment made or undone through the journal changes
/// the coach from the next morning; one dated before the kept fold checkpoint forgets it,
/// and the answers are the same bytes with the checkpoint and without; a backup round trip
/// keeps every adjustment.
struct JournalAdjustmentTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    static let today = FoldCheckpointInvalidationTests.today
    static var now: Date { FoldCheckpointInvalidationTests.now }
    static let sam = CoachAdjustment.Author(userID: nil, name: "Sam")

    @Test func adjustmentsChangeTheCoachAndKeepTheCheckpointHonest() async throws {
        let support = try FoldCheckpointInvalidationTests()
        try await support.withKept { journal, monday, folder in
            // After the checkpoint's Monday: it is kept, and the coach resumes from it.
            let late = try await journal.adjust(.runsPerWeek(2), by: Self.sam, reason: "Easy block", on: Self.today.adding(days: -2))
            #expect(try await journal.store.foldCheckpoints().map(\.day) == [monday])
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "runs a week after it")
            let coach = try await journal.coach(shows: .today, library: library, now: Self.now)
            #expect(coach.today(Self.today).adjustments.map(\.adjustment.id) == [late.id])
            // Before it: forgotten.
            let early = try await journal.adjust(.holdPhase, by: Self.sam, reason: "Stay here", on: monday.adding(days: -10))
            #expect(try await journal.store.foldCheckpoints().isEmpty)
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "a hold before it")
            _ = try await journal.coach(shows: .today, library: library, now: Self.now)
            #expect(try await journal.store.foldCheckpoints().count == 1)
            _ = try await journal.undoAdjustment(id: early.id, by: Self.sam, on: monday.adding(days: -3))
            #expect(try await journal.store.foldCheckpoints().isEmpty, "an undo of one made before it")
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "the hold undone")
            #expect(try await journal.adjustments().map(\.id) == [early.id, late.id])

            // A backup round trip keeps them, undone ones included.
            let backup = folder.appendingPathComponent("backup.json")
            _ = try await journal.export(to: backup)
            let before = try await journal.adjustments()
            try await CheckpointJournal.with { other, _ in
                _ = try await other.restore(from: backup)
                #expect(try await other.adjustments() == before)
            }
        }
    }

    @Test func undoRefusesAnUnknownIdAndASecondUndo() async throws {
        try await CheckpointJournal.with { journal, _ in
            await #expect(throws: AdjustmentError.notFound(id: 42)) {
                try await journal.undoAdjustment(id: 42, by: Self.sam, on: Self.today)
            }
            let made = try await journal.adjust(.emphasis(.glutes), by: Self.sam, reason: "Weak bridge", on: Self.today)
            let undone = try await journal.undoAdjustment(id: made.id, by: .init(userID: nil, name: "the runner"), on: Self.today.adding(days: -5))
            #expect(undone.undone?.on == Self.today, "never before the day it was made")
            await #expect(throws: AdjustmentError.alreadyUndone(id: made.id, on: Self.today)) {
                try await journal.undoAdjustment(id: made.id, by: Self.sam, on: Self.today)
            }
            await #expect(throws: AdjustmentError.emptyReason) {
                try await journal.adjust(.holdPhase, by: Self.sam, reason: "   ", on: Self.today)
            }
            await #expect(throws: AdjustmentError.outOfRange(kind: "pause-running", value: "400", allowed: "a whole number of days from 1 to 90")) {
                try await journal.adjust(.pauseRunning(days: 400), by: Self.sam, reason: "Long break", on: Self.today)
            }
        }
    }
}

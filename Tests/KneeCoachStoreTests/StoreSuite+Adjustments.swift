import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    // MARK: Coaches' adjustments (migration 12)

    static func adjustment(
        _ kind: String, value: Double? = nil, target: String? = nil, madeBy: Int64? = nil, on date: LocalDate
    ) -> AdjustmentRecord {
        AdjustmentRecord(kind: kind, value: value, target: target, madeBy: madeBy, coachName: "Sam", reason: "Race soon", date: date)
    }

    @Test("adjustments are stored, listed in the order made, undone once, and read as Core values", arguments: Engine.available)
    func adjustmentsRoundTrip(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let coach = try await store.ensureUser(named: "sam")
                let pause = try await store.insert(Self.adjustment("pause-running", value: 5, madeBy: coach.id.rawValue, on: day(4)))
                let runs = try await store.insert(Self.adjustment("runs-per-week", value: 3, madeBy: coach.id.rawValue, on: day(2)))
                let hold = try await store.insert(Self.adjustment("hold-phase", on: day(4)))
                let emphasis = try await store.insert(Self.adjustment("emphasis", target: "hip-abductors", on: day(3)))
                #expect(try await store.adjustments().map(\.id) == [runs.id, emphasis.id, pause.id, hold.id])
                let read = try await store.adjustments().compactMap(\.adjustment)
                #expect(read.map(\.kind) == [.runsPerWeek(3), .emphasis(.hipAbductors), .pauseRunning(days: 5), .holdPhase])
                #expect(read[0].author == .init(userID: coach.id.rawValue, name: "Sam"))
                let id = try #require(runs.id)
                #expect(try await store.undoAdjustment(id, on: day(6), by: nil, name: "the runner"))
                #expect(!(try await store.undoAdjustment(id, on: day(7), by: nil, name: "the runner")))
                let undone = try #require(try await store.adjustment(id)?.adjustment)
                #expect(undone.undone == .init(on: day(6), by: .init(userID: nil, name: "the runner")))
                #expect(try await store.adjustment(AdjustmentID(9_999)) == nil)
            }
        }
    }

    @Test("the schema refuses an adjustment without its value, of an unknown kind, or undone before it was made", arguments: Engine.available)
    func adjustmentConstraints(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                for (record, constraint) in [
                    (Self.adjustment("runs-per-week", on: day(1)), "coach_adjustments_value"),
                    (Self.adjustment("weekly-distance", value: -3, on: day(1)), "coach_adjustments_value"),
                    (Self.adjustment("emphasis", on: day(1)), "coach_adjustments_value"),
                    (Self.adjustment("more-running", value: 3, on: day(1)), "coach_adjustments_kind"),
                ] {
                    let error = await storeError { try await store.insert(record) }
                    guard case .constraintViolated(let name, _)? = error else {
                        Issue.record("\(record.kind): \(String(describing: error))")
                        continue
                    }
                    #expect(name == constraint)
                }
                let made = try await store.insert(Self.adjustment("hold-phase", on: day(5)))
                let error = await storeError { _ = try await store.undoAdjustment(try #require(made.id), on: day(4), by: nil, name: "x") }
                #expect(
                    error == .constraintViolated(
                        constraint: "coach_adjustments_undone_after_made",
                        rule: "an adjustment cannot be undone before the day it was made"))
                #expect(try await store.adjustments().count == 1)
            }
        }
    }

    /// The coach's fold reads adjustments like the journal: one made (or undone) before a
    /// checkpoint's Monday forgets it, in the same transaction, and moves the revision on.
    @Test("an adjustment made or undone before a checkpoint's Monday forgets it", arguments: Engine.available)
    func adjustmentsForgetCheckpoints(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let monday = day(14)
                let first = Self.checkpoint(from: monday.dayNumber - 70, day: monday.dayNumber)
                let second = Self.checkpoint(from: monday.dayNumber - 84, day: monday.dayNumber + 7)
                func reset() async throws {
                    try await store.forgetFoldCheckpoints()
                    #expect(try await store.storeFoldCheckpoint(first, atRevision: try await store.journalRevision()))
                    #expect(try await store.storeFoldCheckpoint(second, atRevision: try await store.journalRevision()))
                }
                func kept() async throws -> [LocalDate] { try await store.foldCheckpoints().map(\.day).sorted() }
                try await reset()
                let revision = try await store.journalRevision()
                let late = try await store.insert(Self.adjustment("hold-phase", on: monday.adding(days: 7)))
                #expect(try await kept() == [monday, monday.adding(days: 7)])
                #expect(try await store.journalRevision() > revision)
                _ = try await store.insert(Self.adjustment("runs-per-week", value: 2, on: monday.adding(days: 3)))
                #expect(try await kept() == [monday])
                try await reset()
                let early = try await store.insert(Self.adjustment("pause-running", value: 4, on: monday.adding(days: -5)))
                #expect(try await kept() == [])
                try await reset()
                #expect(try await store.undoAdjustment(try #require(late.id), on: monday.adding(days: 9), by: nil, name: "the runner"))
                #expect(try await kept() == [monday, monday.adding(days: 7)])
                #expect(try await store.undoAdjustment(try #require(early.id), on: monday.adding(days: 2), by: nil, name: "the runner"))
                #expect(try await kept() == [])
            }
        }
    }

    /// A backup restored where the coach's account does not exist keeps the adjustment and
    /// its coach's name, not the account; a backup written before adjustments were kept restores with none.
    @Test("a restored adjustment names its coach's account only where it exists; an older backup has none", arguments: Engine.available)
    func adjustmentsInBackups(engine: Engine) async throws {
        try await TestDatabase.with(engine) { source async throws in
            try await TestDatabase.with(engine) { target async throws in
                let exported = try await JournalStore.withStore(source.location) { store async throws in
                    // The coach's account exists here, not where the backup is restored.
                    let coach = try await store.ensureUser(named: "coach-only-here")
                    try await store.insert(Self.adjustment("weekly-distance", value: 30, madeBy: coach.id.rawValue, on: day(2)))
                    return try await store.backup()
                }
                #expect(exported.adjustments.map(\.kind) == ["weekly-distance"])
                #expect(exported.adjustments.map(\.madeBy) != [nil])
                let text = String(decoding: try exported.jsonData(), as: UTF8.self)
                #expect(text.contains("\"adjustments\""))
                try await JournalStore.withStore(target.location) { store async throws in
                    try await store.replaceAll(with: try Backup(jsonData: Data(text.utf8)))
                    let restored = try await store.adjustments()
                    #expect(restored.map(\.value) == [30])
                    #expect(restored.map(\.madeBy) == [nil])
                    #expect(restored.map(\.coachName) == ["Sam"])
                    // An older backup: no `adjustments` key at all.
                    var older = exported
                    older.adjustments = []
                    let olderText = String(decoding: try older.jsonData(), as: UTF8.self)
                    #expect(!olderText.contains("\"adjustments\""))
                    try await store.replaceAll(with: try Backup(jsonData: Data(olderText.utf8)))
                    #expect(try await store.adjustments().isEmpty)
                }
            }
        }
    }
}

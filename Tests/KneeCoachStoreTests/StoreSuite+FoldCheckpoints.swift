import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    // MARK: Fold checkpoints: kept per runner and first Monday, forgotten by the database itself

    static func checkpoint(from: Int, day: Int, state: [UInt8] = [1, 2, 3]) -> StoredFoldCheckpoint {
        StoredFoldCheckpoint(
            foldFrom: LocalDate(dayNumber: from), day: LocalDate(dayNumber: day), programmeStart: LocalDate(dayNumber: from),
            profileHash: "abc", release: "test", state: state)
    }

    /// Every dated table's insert, update and delete, dated before a checkpoint's Monday,
    /// forgets it and moves the revision on; one dated on that Monday or later keeps it. An
    /// undated table (profile, programme, shoes) forgets every checkpoint.
    @Test("a write dated before a checkpoint's Monday forgets it, in the write's transaction", arguments: Engine.available)
    func writesForgetCheckpoints(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let monday = day(14)  // Monday 2026-12-14
                let keep = Self.checkpoint(from: monday.dayNumber - 70, day: monday.dayNumber)
                let other = Self.checkpoint(from: monday.dayNumber - 84, day: monday.dayNumber + 7)
                func reset() async throws {
                    try await store.forgetFoldCheckpoints()
                    #expect(try await store.storeFoldCheckpoint(keep, atRevision: try await store.journalRevision()))
                    #expect(try await store.storeFoldCheckpoint(other, atRevision: try await store.journalRevision()))
                }
                func kept() async throws -> [LocalDate] { try await store.foldCheckpoints().map(\.day).sorted() }
                let writes: [(String, (LocalDate) async throws -> Void)] = [
                    ("activity", {
                        _ = try await store.insert(
                            ActivityRecord(
                                date: $0, start: Date(timeIntervalSince1970: TimeInterval($0.dayNumber * 86_400)), sport: "running",
                                isFoot: true, distanceMeters: 5_000, durationSeconds: 1_800))
                    }),
                    ("pain", { _ = try await store.insert(PainEntry(date: $0, timing: .after, level: 3)) }),
                    ("session", { _ = try await store.insert(SessionRecord(date: $0, kind: "strength")) }),
                    ("note", { _ = try await store.insert(NoteRecord(date: $0, text: "fine")) }),
                    ("clearance", { _ = try await store.insert(ClearanceRecord(date: $0)) }),
                    ("self-tests", { _ = try await store.insert(AssessmentRecord(date: $0, json: "{}")) }),
                    ("function", { _ = try await store.insert(FunctionScoreRecord(date: $0, stairs: 3)) }),
                ]
                for (name, insert) in writes {
                    try await reset()
                    let revision = try await store.journalRevision()
                    try await insert(monday.adding(days: 7))
                    #expect(try await kept() == [monday, monday.adding(days: 7)], "\(name) after both")
                    #expect(try await store.journalRevision() > revision, "\(name) moves the revision")
                    try await insert(monday.adding(days: 6))
                    #expect(try await kept() == [monday], "\(name) before the second's Monday")
                    try await insert(monday)
                    #expect(try await kept() == [monday], "\(name) on the first's Monday")
                    try await insert(monday.adding(days: -1))
                    #expect(try await kept() == [], "\(name) before both")
                }
                // Deleting and replacing (an edit keeps the id) forget by the old and the new day.
                try await reset()
                let late = try await store.insert(PainEntry(date: monday.adding(days: 20), timing: .rest, level: 1))
                let reference = EntryReference(.pain, try #require(late.id?.rawValue))
                try await reset()
                var moved = late
                moved.date = monday.adding(days: -2)
                _ = try await store.replace(reference, with: .pain(moved))
                #expect(try await kept() == [], "an edit moved before both")
                moved.date = monday.adding(days: 20)
                _ = try await store.replace(reference, with: .pain(moved))
                try await reset()
                moved.date = monday.adding(days: 30)
                _ = try await store.replace(reference, with: .pain(moved))
                #expect(try await kept() == [monday, monday.adding(days: 7)], "an edit after both")
                let early = try await store.insert(PainEntry(date: monday.adding(days: 2), timing: .rest, level: 1))
                try await reset()
                #expect(try await store.delete(EntryReference(.pain, try #require(early.id?.rawValue))))
                #expect(try await kept() == [monday], "a delete between them")
                // A shoe's change moves an activity's row: it forgets too (if in doubt).
                try await reset()
                let shoe = try await store.insert(ShoeRecord(name: "Road"))
                #expect(try await kept() == [], "a shoe")
                try await reset()
                try await store.setProgrammeStart(monday)
                #expect(try await kept() == [], "the programme")
                try await reset()
                try await store.saveProfile(json: #"{"age":40}"#)
                #expect(try await kept() == [], "the profile")
                try await reset()
                try await store.rename(try #require(shoe.id), to: "Road 2")
                #expect(try await kept() == [], "a shoe renamed")
                // Restoring a backup replaces every row: nothing is kept.
                let backup = try await store.backup()
                try await reset()
                try await store.replaceAll(with: backup)
                #expect(try await kept() == [], "a restore")
            }
        }
    }

    @Test("a checkpoint is kept only at the revision read, and per runner", arguments: Engine.available)
    func checkpointsFollowTheRevision(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let first = Self.checkpoint(from: day(7).dayNumber, day: day(7).dayNumber, state: Array(0...255))
                let (revision, none) = try await store.foldCheckpoint(from: first.foldFrom)
                #expect(none == nil)
                _ = try await store.insert(PainEntry(date: day(20), timing: .rest, level: 1))
                #expect(try await !store.storeFoldCheckpoint(first, atRevision: revision), "written since")
                let now = try await store.journalRevision()
                #expect(try await store.storeFoldCheckpoint(first, atRevision: now))
                #expect(try await store.foldCheckpoint(from: first.foldFrom) == (now, first))
                // Another first Monday is kept beside it; one more than thirteen weeks later drops it.
                let near = Self.checkpoint(from: day(7).dayNumber + 77, day: day(7).dayNumber + 84)
                #expect(try await store.storeFoldCheckpoint(near, atRevision: now))
                #expect(try await store.foldCheckpoints() == [first, near])
                let far = Self.checkpoint(from: day(7).dayNumber + 98, day: day(7).dayNumber + 105)
                #expect(try await store.storeFoldCheckpoint(far, atRevision: now))
                #expect(try await store.foldCheckpoints() == [near, far])
                // Another runner's writes leave this runner's checkpoints alone.
                let other = store.forUser(try await store.ensureUser(named: "other").id)
                _ = try await other.insert(PainEntry(date: day(1), timing: .rest, level: 1))
                #expect(try await store.foldCheckpoints() == [near, far])
                #expect(try await store.journalRevision() == now)
                #expect(try await other.foldCheckpoints().isEmpty)
                // Not inside a transaction (a failure must not end the caller's).
                let stored = try await store.transaction { tx in try await tx.storeFoldCheckpoint(first, atRevision: now) }
                #expect(!stored)
            }
        }
    }
}

import Foundation
import KneeCoachCore
import KneeCoachStore
import PropertyBased
import Testing

@testable import KneeCoachApp

/// The coach's checkpoint kept in a real journal: over generated journals and random writes
/// (back-dated entries, edits, deletes, undo, a profile change, a restart, self-tests, a
/// restore, days passing), `today`, the 16-week plan and the 12-week status are the same JSON
/// with the checkpoint as without it.
struct FoldCheckpointJournalTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    /// A seeded generator of the journal and the writes.
    struct Numbers {
        var state: UInt64
        init(_ seed: Int) { state = UInt64(truncatingIfNeeded: seed) | 1 }
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    /// Runs, pain, sessions, notes and a clearance from ten weeks before `start` to `today`.
    static func fill(_ store: JournalStore, from start: LocalDate, through today: LocalDate, _ numbers: inout Numbers) async throws {
        var numbers2 = numbers
        try await store.transaction { tx in
            var day = start.adding(days: -Coach.lookBackDays)
            while day <= today {
                if numbers2.next(10) < 4 {
                    let km = Double(3 + numbers2.next(7)) + Double(numbers2.next(10)) / 10 + (numbers2.next(15) == 0 ? 5 : 0)
                    try await tx.insert(
                        ActivityRecord(
                            date: day, start: CheckpointJournal.noon(day), sport: "running", isFoot: true,
                            distanceMeters: km * 1000, durationSeconds: km * 350))
                    if numbers2.next(3) == 0 {
                        try await tx.insert(PainEntry(date: day, timing: .during, level: numbers2.next(numbers2.next(5) == 0 ? 9 : 4)))
                    }
                } else if numbers2.next(5) == 0 {
                    try await tx.insert(
                        SessionRecord(
                            date: day, kind: "strength", itemsDone: [], itemsSkipped: [],
                            pain: numbers2.next(3) == 0 ? numbers2.next(7) : nil))
                }
                if numbers2.next(6) == 0 {
                    try await tx.insert(PainEntry(date: day, timing: .nextMorning, level: numbers2.next(numbers2.next(4) == 0 ? 7 : 3)))
                }
                if numbers2.next(40) == 0 { try await tx.insert(NoteRecord(date: day, text: "the knee felt swollen after the hills")) }
                if numbers2.next(60) == 0 { try await tx.insert(ClearanceRecord(date: day, note: "physio: fine to run")) }
                day = day.adding(days: 1)
            }
        }
        numbers = numbers2
    }

    @Test func theAnswersAreTheSameWithTheCheckpointAsWithoutOverRandomWrites() async throws {
        let library = self.library
        await propertyCheck(count: 4, input: Gen.int(in: 0...Int(UInt32.max))) { seed in
            do {
                try await CheckpointJournal.with { journal, folder in
                    try await Self.randomWrites(journal, folder: folder, seed: seed, library: library)
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    static func randomWrites(_ journal: Journal, folder: URL, seed: Int, library: ExerciseLibrary) async throws {
        var numbers = Numbers(seed)
        var today = try #require(LocalDate("2026-11-04")).adding(days: numbers.next(7))
        let start = today.adding(days: -7 * (24 + numbers.next(16)) - numbers.next(7))
        try await journal.save(profile: CheckpointJournal.profile, startingOn: start, now: CheckpointJournal.noon(start))
        try await fill(journal.store, from: start, through: today, &numbers)
        var programmeStart = start
        let backup = folder.appendingPathComponent("backup.json")
        var exported = false
        try await CheckpointJournal.compare(journal, library: library, now: CheckpointJournal.noon(today), "seed \(seed), at first")
        #expect(try await !journal.store.foldCheckpoints().isEmpty, "a checkpoint is kept (seed \(seed))")
        for step in 0..<9 {
            // Mostly back-dated: before the checkpoint's Monday, eleven weeks back, as often as after it.
            let day = today.adding(days: -numbers.next(numbers.next(2) == 0 ? 100 : 200))
            var what = "?"
            do {
                switch numbers.next(13) {
                case 0:
                    let km = Double(2 + numbers.next(12))
                    what = "a run of \(km) km on \(day)"
                    try await journal.logRun(RunInput(date: day, distanceKm: km, durationSeconds: km * 360), today: today)
                case 1:
                    what = "pain on \(day)"
                    try await journal.logPain(
                        PainEntry(date: day, timing: numbers.next(2) == 0 ? .rest : .after, level: numbers.next(9), swelling: numbers.next(5) == 0),
                        today: today)
                case 2:
                    what = "a session on \(day)"
                    try await journal.logSession(
                        date: day, kind: .strength, planned: [], skipped: [], pain: numbers.next(2) == 0 ? numbers.next(8) : nil,
                        effort: nil, note: nil, today: today)
                case 3:
                    what = "a clearance on \(day)"
                    try await journal.logCleared(ClearanceRecord(date: day), today: today)
                case 4:
                    let pains = try await journal.store.painEntries()
                    guard let entry = pains.isEmpty ? nil : pains[numbers.next(pains.count)], let id = entry.id else { continue }
                    var edit = EntryEdit()
                    if numbers.next(2) == 0 { edit.date = day } else { edit.level = numbers.next(10) }
                    what = "pain of \(entry.date) edited (\(edit.date.map { "to \($0)" } ?? "level"))"
                    _ = try await journal.edit(EntryName.of(.pain, id: id.rawValue), edit, today: today)
                case 5:
                    let runs = try await journal.store.activities()
                    guard let run = runs.isEmpty ? nil : runs[numbers.next(runs.count)], let id = run.id else { continue }
                    what = "the run of \(run.date) deleted"
                    _ = try await journal.delete(EntryName.of(.activity, id: id.rawValue))
                case 6:
                    what = "undo"
                    _ = try await journal.undo()
                case 7:
                    what = "a profile change"
                    var profile = try await journal.requireProfile()
                    profile.weeklyDistanceKm = Double(15 + numbers.next(30))
                    try await journal.save(profile: profile, startingOn: programmeStart)
                case 8:
                    programmeStart = today.adding(days: -7 * numbers.next(40))
                    what = "a restart on \(programmeStart)"
                    try await journal.restartProgramme(on: programmeStart)
                case 9:
                    what = "self-tests on \(day)"
                    _ = try await journal.record(Assessment(calfTight: numbers.next(2) == 0), on: day)
                case 10:
                    if exported {
                        what = "the backup restored"
                        _ = try await journal.restore(from: backup)
                        programmeStart = try await journal.programmeStart() ?? programmeStart
                    } else {
                        what = "a backup exported"
                        _ = try await journal.export(to: backup)
                        exported = true
                    }
                default:
                    let days = 1 + numbers.next(12)
                    today = today.adding(days: days)
                    what = "\(days) days later"
                }
            } catch {
                Issue.record("seed \(seed), step \(step): \(what) failed: \(error)")
                return
            }
            try await CheckpointJournal.compare(
                journal, library: library, now: CheckpointJournal.noon(today), "seed \(seed), step \(step): \(what)")
        }
    }
}

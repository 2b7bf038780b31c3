import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// Each way the journal changes, through the use cases the command line and the server call:
/// a write dated before the kept checkpoint's Monday forgets it (the database's triggers, in
/// the write's transaction); one dated on or after that Monday keeps it; a change of profile,
/// programme or shoe forgets it whatever the day; a checkpoint of another release, profile or
/// programme, or bytes that do not read, is never used but replaced.
struct FoldCheckpointInvalidationTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    static let today = LocalDate("2026-11-18") ?? LocalDate(dayNumber: 0)
    static let start = today.adding(days: -7 * 30)
    static var now: Date { CheckpointJournal.noon(today) }

    /// A journal of thirty weeks whose checkpoint is kept; its Monday.
    func kept(_ journal: Journal) async throws -> LocalDate {
        _ = try await journal.coach(shows: .today, library: library, now: Self.now)
        let rows = try await journal.store.foldCheckpoints()
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.day == Journal.checkpointDay(today: Self.today, firstShown: Self.today))
        return row.day
    }

    func withKept(_ body: (Journal, LocalDate, URL) async throws -> Void) async throws {
        try await CheckpointJournal.with { journal, folder in
            try await journal.save(profile: CheckpointJournal.profile, startingOn: Self.start, now: CheckpointJournal.noon(Self.start))
            var numbers = FoldCheckpointJournalTests.Numbers(12)
            try await FoldCheckpointJournalTests.fill(journal.store, from: Self.start, through: Self.today, &numbers)
            try await body(journal, try await kept(journal), folder)
        }
    }

    enum Write: String, CaseIterable, Sendable {
        case run, pain, session, note, clearance, function, selfTest, importedFile
    }

    func write(_ kind: Write, on day: LocalDate, in journal: Journal, folder: URL) async throws {
        let today = Self.today
        switch kind {
        case .run: try await journal.logRun(RunInput(date: day, distanceKm: 5, durationSeconds: 1800), today: today)
        case .pain: try await journal.logPain(PainEntry(date: day, timing: .after, level: 2), today: today)
        case .session:
            try await journal.logSession(
                date: day, kind: .strength, planned: [], skipped: [], pain: nil, effort: nil, note: nil, today: today)
        case .note: try await journal.logNote(NoteRecord(date: day, text: "easy week"), today: today)
        case .clearance: try await journal.logCleared(ClearanceRecord(date: day), today: today)
        case .function: try await journal.logFunction(FunctionScoreRecord(date: day, stairs: 2), today: today)
        case .selfTest: _ = try await journal.record(Assessment(calfTight: true), on: day)
        case .importedFile:
            let file = folder.appendingPathComponent("run-\(day).gpx")
            try Data(Self.gpx(on: day).utf8).write(to: file)
            let outcomes = await journal.activityImporter().importPath(file.path, into: journal.store)
            #expect(outcomes.count == 1)
        }
    }

    static func gpx(on day: LocalDate) -> String {
        let points = (0..<30).map { i in
            let minute = String(format: "%02d", i)
            return "<trkpt lat=\"52.\(1000 + i * 3)\" lon=\"13.4000\"><time>\(day)T07:\(minute):00Z</time></trkpt>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
            <trk><type>running</type><trkseg>\(points.joined())</trkseg></trk></gpx>
            """
    }

    @Test(arguments: Write.allCases)
    func anEntryDatedBeforeTheCheckpointForgetsItAndOneAfterKeepsIt(_ kind: Write) async throws {
        try await withKept { journal, monday, folder in
            let revision = try await journal.store.journalRevision()
            try await write(kind, on: monday, in: journal, folder: folder)
            // Self-tests also update the profile's assessment: that forgets it whatever the day.
            #expect(try await journal.store.foldCheckpoints().map(\.day) == (kind == .selfTest ? [] : [monday]), "on its Monday")
            #expect(try await journal.store.journalRevision() > revision)
            try await write(kind, on: monday.adding(days: -1), in: journal, folder: folder)
            #expect(try await journal.store.foldCheckpoints().isEmpty, "the day before")
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "\(kind)")
        }
    }

    @Test func editsDeletesAndUndoForgetItWhenTheyTouchADayBeforeIt() async throws {
        try await withKept { journal, monday, _ in
            let later = try #require(try await journal.store.painEntries(from: monday).first(where: { $0.date > monday }))
            let name = EntryName.of(.pain, id: try #require(later.id).rawValue)
            var level = EntryEdit()
            level.level = (later.level + 1) % 10
            _ = try await journal.edit(name, level, today: Self.today)
            #expect(try await journal.store.foldCheckpoints().count == 1, "an edit after it")
            var date = EntryEdit()
            date.date = monday.adding(days: -3)
            _ = try await journal.edit(name, date, today: Self.today)
            #expect(try await journal.store.foldCheckpoints().isEmpty, "moved before it")
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "edit")
            _ = try await journal.undo()  // back after the Monday: what was before it changed
            #expect(try await journal.store.foldCheckpoints().isEmpty, "undone")
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "undo of an edit")

            let early = try #require(try await journal.store.activities(to: monday.adding(days: -1)).last)
            _ = try await journal.delete(EntryName.of(.activity, id: try #require(early.id).rawValue))
            #expect(try await journal.store.foldCheckpoints().isEmpty, "a delete before it")
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "delete")
            #expect(try await journal.store.foldCheckpoints().count == 1)
            _ = try await journal.undo()
            #expect(try await journal.store.foldCheckpoints().isEmpty, "the delete undone")
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "undo of a delete")
        }
    }

    @Test func aProfileAProgrammeAShoeOrARestoreForgetsItWhateverTheDay() async throws {
        try await withKept { journal, _, folder in
            let backup = folder.appendingPathComponent("backup.json")
            _ = try await journal.export(to: backup)
            #expect(try await journal.store.foldCheckpoints().count == 1, "an export writes nothing")
            var profile = CheckpointJournal.profile
            profile.weeklyDistanceKm = 30
            try await journal.save(profile: profile, startingOn: Self.start)
            #expect(try await journal.store.foldCheckpoints().isEmpty, "a new profile")
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "profile")

            try await journal.restartProgramme(on: Self.start.adding(days: 14))
            #expect(try await journal.store.foldCheckpoints().isEmpty, "a restart")
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "restart")

            _ = try await journal.addShoe(named: "Trail", startKm: 0)
            #expect(try await journal.store.foldCheckpoints().isEmpty, "a shoe")
            _ = try await kept(journal)
            _ = try await journal.restore(from: backup)
            #expect(try await journal.store.foldCheckpoints().isEmpty, "a restore")
            try await CheckpointJournal.compare(journal, library: library, now: Self.now, "restore")
        }
    }

    /// A kept row that does not hold for the fold asked is not used: it is replaced by one
    /// made from the journal (the answers are the same either way).
    @Test func aCheckpointOfAnotherReleaseProfileOrProgrammeIsNotUsed() async throws {
        try await withKept { journal, monday, _ in
            let good = try #require(try await journal.store.foldCheckpoints().first)
            var changes: [(String, (inout StoredFoldCheckpoint) -> Void)] = [
                ("release", { $0.release = "0.0.9+fold0" }),
                ("profile", { $0.profileHash = String(repeating: "0", count: 64) }),
                ("programme", { $0.programmeStart = $0.programmeStart.adding(days: -7) }),
                ("bytes", { $0.state = Array($0.state.dropLast(3)) }),
                ("a Monday after the days shown", { $0.day = monday.adding(days: 7 * 20) }),
            ]
            // A checkpoint from an earlier Monday is used, and moved on to this one's.
            changes.append(("an earlier Monday", { _ in }))
            for (name, change) in changes {
                var bad = good
                change(&bad)
                if name == "an earlier Monday" {
                    var off = journal
                    off.usesFoldCheckpoints = false
                    let coach = try await off.coach(shows: .today, library: library, now: CheckpointJournal.noon(monday))
                    let earlier = try #require(coach.checkpoint(at: monday.adding(days: -21), firstShown: monday))
                    bad.day = earlier.day
                    bad.state = earlier.bytes
                }
                try await journal.store.forgetFoldCheckpoints()
                #expect(try await journal.store.storeFoldCheckpoint(bad, atRevision: try await journal.store.journalRevision()))
                try await CheckpointJournal.compare(journal, library: library, now: Self.now, name)
                #expect(try await journal.store.foldCheckpoints() == [good], "replaced (\(name))")
            }
        }
    }

    /// A checkpoint made from a read is not kept once the journal has been written since.
    @Test func aCheckpointIsNotKeptWhenTheJournalWasWrittenSinceItWasRead() async throws {
        try await withKept { journal, monday, _ in
            let row = try #require(try await journal.store.foldCheckpoints().first)
            let revision = try await journal.store.journalRevision()
            try await journal.logPain(PainEntry(date: Self.today, timing: .rest, level: 1), today: Self.today)
            try await journal.store.forgetFoldCheckpoints()
            #expect(try await !journal.store.storeFoldCheckpoint(row, atRevision: revision))
            #expect(try await journal.store.foldCheckpoints().isEmpty)
            #expect(try await journal.store.storeFoldCheckpoint(row, atRevision: try await journal.store.journalRevision()))
            _ = monday
        }
    }

    /// Off, the coach neither reads nor keeps a checkpoint.
    @Test func offTheCoachNeitherReadsNorKeepsOne() async throws {
        try await withKept { journal, _, _ in
            try await journal.store.forgetFoldCheckpoints()
            var off = journal
            off.usesFoldCheckpoints = false
            _ = try await off.coach(shows: .today, library: library, now: Self.now)
            #expect(try await journal.store.foldCheckpoints().isEmpty)
        }
    }
}

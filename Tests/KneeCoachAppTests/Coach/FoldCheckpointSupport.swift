import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// A runner's journal in a real SQLite file, and the three answers the coach's checkpoint must
/// leave unchanged: `today`, a 16-week `plan` and a 12-week `status`, as JSON.
enum CheckpointJournal {
    static let zone = TimeZone(identifier: "UTC") ?? .current

    /// Noon UTC of a day.
    static func noon(_ day: LocalDate) -> Date { Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 43_200)) }

    static let profile = Profile(
        age: 41, timeZone: "UTC", experience: .intermediate, weeklyDistanceKm: 24, runsPerWeek: 3, longestRecentRunKm: 9,
        goal: .stayHealthy, minutesPerDay: 40, equipment: Equipment.allCases)

    /// Runs `body` with a fresh SQLite journal, removed afterwards. (The store's tests hold the
    /// triggers and the revision on PostgreSQL too.)
    static func with(_ body: (Journal, URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = DataFolder(databaseURL: folder.appendingPathComponent("kneecoach.sqlite"))
        try await Journal.with(.sqlite(path: data.databaseURL.path), dataFolder: data) { try await body($0, folder) }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `today --json`, `plan --weeks 16 --json` and `status --json` on the runner's today at `now`.
    static func answers(_ journal: Journal, library: ExerciseLibrary, now: Date) async throws -> [String] {
        let today = LocalDate.today(in: zone, now: now)
        let coach = try await journal.coach(shows: .today, library: library, now: now)
        let (planned, morning) = coach.todayWithMorning(today)
        let day = try json(TodayDocument(day: today, planned: planned, morning: morning, library: library))
        let planCoach = try await journal.coach(shows: .nextMonday, library: library, now: now)
        let plan = try json(PlanDocument(try planCoach.plan(from: today.nextMondayOnOrAfter, weeks: 16), library: library))
        let status = try json(
            try await journal.status(on: today, weeks: 12, profile: journal.requireProfile(), library: library, now: now))
        // The same days through the coach without a first day shown: the whole journal read.
        let whole = try await journal.coach(earliest: today, library: library, now: now).todayWithMorning(today)
        let wholeDay = try json(TodayDocument(day: today, planned: whole.day, morning: whole.morning, library: library))
        return [day, plan, status, wholeDay]
    }

    /// The answers with the checkpoints (read, resumed, moved on and kept) and without any.
    static func compare(
        _ journal: Journal, library: ExerciseLibrary, now: Date, _ context: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        var off = journal
        off.usesFoldCheckpoints = false
        let expected = try await answers(off, library: library, now: now)
        let got = try await answers(journal, library: library, now: now)
        for (name, (a, b)) in zip(["today", "plan", "status", "today, whole journal"], zip(got, expected)) where a != b {
            Issue.record("\(name) differs with the checkpoint (\(context))", sourceLocation: sourceLocation)
        }
        // Read back once more: the checkpoint kept by the first answer is read by the next.
        let again = try await answers(journal, library: library, now: now)
        #expect(again == expected, "read back (\(context))", sourceLocation: sourceLocation)
    }
}

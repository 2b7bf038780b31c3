import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// The one validation of journal rows (issue 14, items 1, 4 and 6): every row a command
/// writes, an import stores or a restore brings back passes through it.
struct JournalRulesTests {
    static let day = LocalDate(year: 2026, month: 11, day: 2) ?? LocalDate(dayNumber: 0)
    static let farDay = LocalDate(year: 9999, month: 1, day: 1) ?? LocalDate(dayNumber: 0)

    static func run(km: Double = 10, seconds: Double = 3600, format: String = "manual") -> ActivityRecord {
        ActivityRecord(
            date: day, start: Date(timeIntervalSince1970: 1_793_620_800), sport: "running", isFoot: true,
            distanceMeters: km * 1000, durationSeconds: seconds, format: format,
            contentHash: format == "manual" ? nil : String(repeating: "a", count: 64))
    }

    @Test func goodRowsPass() throws {
        try JournalRules.check(Self.run())
        try JournalRules.check(Self.run(km: 160, seconds: 6 * 3600, format: "fit"))
        try JournalRules.check(PainEntry(date: Self.day, timing: .after, level: 3, location: "front"))
        try JournalRules.check(NoteRecord(date: Self.day, text: "stiff", mood: 5, sleepHours: 7.5))
        try JournalRules.check(SessionRecord(date: Self.day, kind: "strength", pain: 1))
        try JournalRules.check(ClearanceRecord(date: Self.day, note: "physio"))
        try JournalRules.check(FunctionScoreRecord(date: Self.day, stairs: 8))
        try JournalRules.check(ShoeRecord(name: "Pegasus 40", startKm: 120))
    }

    /// Each hostile row, and the option its sentence must name.
    static let hostile: [(String, @Sendable () throws(JournalError) -> Void, String)] = [
        ("distance 1e308, typed", { () throws(JournalError) in try JournalRules.check(run(km: 1e305)) }, "--distance-km"),
        ("distance 1e308, from a file", { () throws(JournalError) in try JournalRules.check(run(km: 1e305, format: "fit")) }, "Distance"),
        ("nan seconds", { () throws(JournalError) in try JournalRules.check(run(seconds: .nan, format: "gpx")) }, "Moving time"),
        ("year 9999", { () throws(JournalError) in
            try JournalRules.check(PainEntry(date: farDay, timing: .after, level: 3)) }, "--date"),
        ("pain location knee", { () throws(JournalError) in
            try JournalRules.check(PainEntry(date: day, timing: .after, level: 3, location: "knee")) }, "--location"),
        ("pain level 12", { () throws(JournalError) in try JournalRules.check(PainEntry(date: day, timing: .after, level: 12)) }, "--level"),
        ("session kind", { () throws(JournalError) in try JournalRules.check(SessionRecord(date: day, kind: "moonwalk")) }, "--kind"),
        ("negative sets", { () throws(JournalError) in
            try JournalRules.check(SessionRecord(date: day, kind: "strength", setsDone: -3)) }, "A session count"),
        ("empty note", { () throws(JournalError) in try JournalRules.check(NoteRecord(date: day, text: " \n ")) }, "The note is empty"),
        ("sleep 30 h", { () throws(JournalError) in try JournalRules.check(NoteRecord(date: day, text: "x", sleepHours: 30)) }, "--sleep-hours"),
        ("a long note", { () throws(JournalError) in
            try JournalRules.check(NoteRecord(date: day, text: String(repeating: "ä", count: 4_001))) }, "The note is 4001 characters"),
        ("no rating", { () throws(JournalError) in try JournalRules.check(FunctionScoreRecord(date: day)) }, "No rating"),
        ("a long shoe name", { () throws(JournalError) in
            try JournalRules.check(ShoeRecord(name: String(repeating: "P", count: 101))) }, "NAME is 101 characters"),
        ("an empty shoe name", { () throws(JournalError) in try JournalRules.check(ShoeRecord(name: "  ")) }, "NAME"),
        ("start km -1", { () throws(JournalError) in try JournalRules.check(ShoeRecord(name: "Old", startKm: -1)) }, "--start-km"),
        ("a hash that is not one", { () throws(JournalError) in
            var activity = run(format: "fit")
            activity.contentHash = "../../etc/passwd"
            try JournalRules.check(activity)
        }, "Content hash"),
    ]

    @Test(arguments: 0..<hostile.count)
    func hostileRowsAreRefusedNamingTheValue(index: Int) {
        let (name, check, expected) = Self.hostile[index]
        do {
            try check()
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.problem.contains(expected), "\(name): \(error.problem)")
            #expect(!error.problem.contains("\n"))
            #expect(error.problem.count < 300, "\(name): the message echoes too much")
        }
    }
}

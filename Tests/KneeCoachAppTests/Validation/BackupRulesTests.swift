import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// A backup's rows are checked by the rules of the commands that write them (issue 14,
/// item 1): each hostile backup is refused naming its first bad row, the journal unchanged.
struct BackupRulesTests {
    static let day = LocalDate(year: 2026, month: 11, day: 2) ?? LocalDate(dayNumber: 0)

    /// A backup every rule accepts: a profile, self-tests, a shoe, an imported activity with
    /// its file, and one row of every other kind.
    static func good() -> Backup {
        let file = Data("<gpx>a run</gpx>".utf8)
        let activity = ActivityRecord(
            date: day, start: Date(timeIntervalSince1970: 1_793_620_800), sport: "running", isFoot: true,
            distanceMeters: 8_000, durationSeconds: 2_900, shoeID: ShoeID(1), source: "run.gpx", format: "gpx",
            contentHash: ContentHash.of(file))
        return Backup(
            exportedAt: Date(timeIntervalSince1970: 1_793_700_000), profileJSON: #"{"age": 41, "timeZone": "Europe/Oslo"}"#,
            shoes: [ShoeRecord(id: ShoeID(1), name: "Pegasus", startKm: 100)],
            activities: [Backup.Activity(activity: activity, originalFile: file)],
            sessions: [SessionRecord(date: day, kind: "strength", pain: 1)],
            painEntries: [PainEntry(date: day, timing: .after, level: 2, location: "front")],
            notes: [NoteRecord(date: day, text: "fine", mood: 6)], clearances: [ClearanceRecord(date: day)],
            assessments: [AssessmentRecord(date: day, json: #"{"calfTight": true}"#)],
            functionScores: [FunctionScoreRecord(date: day, stairs: 9)], programmeStart: day)
    }

    /// Each damage, and words the refusal must hold (the row and the value).
    static let damages: [(String, @Sendable (inout Backup) -> Void, [String])] = [
        ("profile age 5", { $0.profileJSON = #"{"age": 5}"# }, ["profile", "'age'"]),
        ("profile unknown field", { $0.profileJSON = #"{"age": 40, "shoeSize": 43}"# }, ["profile", "shoeSize"]),
        ("profile not JSON", { $0.profileJSON = "age: 40" }, ["profile", "not valid JSON"]),
        ("profile time zone with a NUL", { $0.profileJSON = #"{"age": 40, "timeZone": "Europe/Oslo\u0000"}"# }, ["profile", "control character"]),
        ("self-tests not JSON", { $0.assessments[0].json = "{" }, ["set of self-tests 1 of 1 (2026-11-02)", "not valid JSON"]),
        ("self-tests out of range", { $0.assessments[0].json = #"{"bridgeHoldSeconds": 1e308}"# }, ["set of self-tests 1 of 1", "bridgeHoldSeconds"]),
        ("distance 1e308", { $0.activities[0].activity.distanceMeters = 1e308 }, ["activity 1 of 1 (2026-11-02)", "Distance"]),
        ("session kind", { $0.sessions[0].kind = "moonwalk" }, ["session 1 of 1", "--kind moonwalk"]),
        ("pain location", { $0.painEntries[0].location = "knee" }, ["pain entry 1 of 1", "--location knee"]),
        ("year 9999", { $0.notes[0] = NoteRecord(date: LocalDate(year: 9999, month: 1, day: 1) ?? day, text: "x") },
         ["note 1 of 1 (9999-01-01)", "1900-01-01 to 2200-12-31"]),
        ("programme start in 9999", { $0.programmeStart = LocalDate(year: 9999, month: 12, day: 31) }, ["programme start 9999-12-31"]),
        ("a hash that does not match the file", { $0.activities[0].originalFile = Data("<gpx>another run</gpx>".utf8) },
         ["activity 1 of 1", "content hash that does not match"]),
        ("empty note", { $0.notes[0].text = "" }, ["note 1 of 1", "empty"]),
        ("long shoe name", { $0.shoes[0].name = String(repeating: "x", count: 5_000) }, ["shoe 1 of 1", "5000 characters"]),
        ("function rating 11", { $0.functionScores[0].stairs = 11 }, ["function rating 1 of 1", "--stairs 11"]),
    ]

    @Test func theGoodBackupPasses() throws {
        try Self.good().checkRows()
    }

    @Test(arguments: 0..<damages.count)
    func aDamagedRowIsRefusedByName(index: Int) throws {
        let (name, damage, words) = Self.damages[index]
        var backup = Self.good()
        damage(&backup)
        do {
            try backup.checkRows()
            Issue.record("\(name): accepted")
        } catch {
            guard case .invalidBackup(let reason) = error, !reason.isEmpty else { Issue.record("\(name): \(error)"); return }
            for word in words { #expect(error.message.contains(word), "\(name): \(error.message)") }
            #expect(error.exitCode == 65)
            #expect(!error.message.contains("\n"))
        }
    }

    @Test(arguments: [(99, 1, "format version 99 is newer"), (0, 1, "format version 0 is not one"), (3, 99, "schema version 99"), (3, 0, "schema version 0")])
    func anUnknownVersionIsRefusedAsSuch(version: Int, schema: Int, words: String) throws {
        var backup = Self.good()
        backup.version = version
        backup.schemaVersion = schema
        #expect(throws: StoreError.self) { try backup.validate() }
        do { try backup.validate() } catch { #expect(error.message.contains(words), "\(error.message)") }
    }

    @Test func aRefusedRestoreLeavesTheJournalAsItWas() async throws {
        try await JournalProfileTests.withJournal { journal, folder async throws in
            try await journal.save(profile: Profile(age: 50))
            try await journal.logPain(PainEntry(date: Self.day, timing: .after, level: 2), today: Self.day)
            let before = try await journal.contents(from: nil, to: nil)
            var bad = Self.good()
            bad.painEntries[0].location = "knee"
            let url = folder.appendingPathComponent("bad.json")
            try bad.jsonData().write(to: url)
            await #expect(throws: StoreError.self) { try await journal.restore(from: url) }
            #expect(try await journal.contents(from: nil, to: nil) == before)
            #expect(try await journal.profile() == Profile(age: 50))

            let good = folder.appendingPathComponent("good.json")
            try Self.good().jsonData().write(to: good)
            try await journal.restore(from: good)
            #expect(try await journal.contents(from: nil, to: nil).painEntries.map(\.location) == ["front"])
        }
    }
}

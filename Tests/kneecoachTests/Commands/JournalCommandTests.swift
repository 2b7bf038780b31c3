import Foundation
import Testing

/// `log`, `journal`, `shoes`, `export` and `restore`, run as a runner would, on a fresh
/// SQLite file each time.
@Suite(.serialized)
struct JournalCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func kc(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments + ["--db", db]) }

    struct Entries: Decodable {
        struct Entry: Decodable {
            let id: String
            let date: String
            let type: String
            let distanceKm: Double?
            let durationSeconds: Double?
            let level: Int?
            let when: String?
            let shoe: String?
            let text: String?
            let kind: String?
            let itemsSkipped: [String]?
            let itemsDone: [String]?
        }
        let entries: [Entry]
    }

    func journal(_ extra: [String] = []) throws -> [Entries.Entry] {
        let result = try kc(["journal", "--json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Entries.self, from: Data(result.stdout.utf8)).entries
    }

    @Test func logsAppearInTheJournalDayByDay() throws {
        #expect(try kc(["shoes", "add", "Pegasus", "--start-km", "120"]).status == 0)
        let run = try kc([
            "log", "run", "--date", "2026-11-02", "--distance-km", "8.5", "--duration", "48:30", "--shoe", "Pegasus",
            "--elevation-gain", "80", "--effort", "6",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Logged a run of 8.5 km on 2026-11-02."))
        #expect(try kc(["log", "pain", "--date", "2026-11-03", "--when", "next-morning", "--level", "3", "--location", "front"]).status == 0)
        #expect(try kc(["log", "note", "--date", "2026-11-03", "Slept badly", "--mood", "4", "--sleep-hours", "5.5"]).status == 0)
        #expect(try kc(["log", "cleared", "--date", "2026-11-04", "--note", "physio: fine to run"]).status == 0)
        let entries = try journal()
        #expect(entries.map(\.type) == ["run", "pain", "note", "cleared"])
        #expect(entries[0].distanceKm == 8.5 && entries[0].durationSeconds == 2910 && entries[0].shoe == "Pegasus")
        #expect(entries[1].level == 3 && entries[1].when == "next-morning")
        #expect(try journal(["--from", "2026-11-03", "--to", "2026-11-03"]).count == 2)
        let text = try kc(["journal"])
        #expect(text.stdout.contains("Mon 2026-11-02"))
        #expect(text.stdout.contains("knee pain 3/10 next-morning"))
        let shoes = try kc(["shoes", "list", "--json"])
        #expect(shoes.stdout.contains("\"km\" : 128.5"))
    }

    @Test(arguments: [
        (["log", "pain", "--date", "2026-11-03", "--when", "after", "--level", "11"], "--level 11 is outside"),
        (["log", "run", "--date", "2099-01-01", "--distance-km", "5", "--duration", "30:00"], "is in the future"),
        (["log", "run", "--date", "2026-11-01", "--distance-km", "50", "--duration", "30:00"], "at least 2:30 per km"),
        (["log", "run", "--date", "2026-11-01", "--distance-km", "5", "--duration", "30 min"], "is not a time"),
        (["log", "run", "--date", "2026-11-01", "--distance-km", "5", "--duration", "30:00", "--shoe", "Pegasos"], "no shoe named"),
        (["log", "run", "--date", "2026-13-01", "--distance-km", "5", "--duration", "30:00"], "is not a date"),
        (["log", "note", "--date", "2026-11-01", "x", "--mood", "12"], "--mood 12 is outside"),
        (["journal", "--from", "2026-11-05", "--to", "2026-11-01"], "is after --to"),
    ])
    func badValuesExit64WithOneSentenceAndStoreNothing(arguments: [String], message: String) throws {
        let result = try kc(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try journal().isEmpty)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndKept() throws {
        let bogus = folder.appendingPathComponent("notes.txt")
        try Data("my running notes\n".utf8).write(to: bogus)
        let result = try CLI.run(["journal", "--db", bogus.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("is not an SQLite database"))
        #expect(try String(contentsOf: bogus, encoding: .utf8) == "my running notes\n")
    }

    @Test func exportAndRestoreRoundTripAndABadBackupChangesNothing() throws {
        #expect(try kc(["shoes", "add", "Trail"]).status == 0)
        #expect(try kc(["log", "run", "--date", "2026-11-02", "--distance-km", "10", "--duration", "1:00:00", "--shoe", "Trail"]).status == 0)
        #expect(try kc(["log", "pain", "--date", "2026-11-02", "--when", "during", "--level", "2"]).status == 0)
        let backup = folder.appendingPathComponent("backup.json").path
        let exported = try kc(["export", backup])
        #expect(exported.status == 0, "\(exported.stderr)")
        let other = folder.appendingPathComponent("other.sqlite").path
        let restored = try CLI.run(["restore", backup, "--db", other])
        #expect(restored.status == 0, "\(restored.stderr)")
        let mine = try journal().map { "\($0.type) \($0.date) \($0.distanceKm ?? 0) \($0.level ?? -1) \($0.shoe ?? "")" }
        let theirs = try JSONDecoder().decode(
            Entries.self, from: Data(try CLI.run(["journal", "--json", "--db", other]).stdout.utf8)
        ).entries.map { "\($0.type) \($0.date) \($0.distanceKm ?? 0) \($0.level ?? -1) \($0.shoe ?? "")" }
        #expect(mine == theirs && mine.count == 2)

        let data = try Data(contentsOf: URL(fileURLWithPath: backup))
        let truncated = folder.appendingPathComponent("truncated.json")
        try data.prefix(data.count / 2).write(to: truncated)
        let refused = try kc(["restore", truncated.path])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(try journal().count == 2)
    }

    @Test func concurrentLogsOnOneFileAllSucceed() async throws {
        #expect(try kc(["journal"]).status == 0)  // create the database first
        let results = try await withThrowingTaskGroup(of: CLI.Result.self) { group in
            for day in 1...8 {
                let date = String(format: "2026-10-%02d", day)
                group.addTask { try self.kc(["log", "pain", "--date", date, "--when", "after", "--level", "2"]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        #expect(try journal().count == 8)
    }

    @Test func aSessionIsLoggedAgainstThePlan() throws {
        let profile = try kc(["profile", "init", "--age", "35", "--weekly-km", "20", "--runs-per-week", "3", "--minutes-per-day", "30"])
        #expect(profile.status == 0, "\(profile.stderr)")
        // 2026-11-02 is a Monday: the plan's first strength day.
        let plan = try CLI.run(["today", "--date", "2026-11-02", "--json", "--db", db])
        #expect(plan.stdout.contains("\"strength\""), "\(plan.stdout)")
        struct Today: Decodable {
            struct Session: Decodable {
                struct Item: Decodable { let exercise: String }
                let kind: String
                let items: [Item]
            }
            let sessions: [Session]
        }
        let today = try JSONDecoder().decode(Today.self, from: Data(plan.stdout.utf8))
        let items = try #require(today.sessions.first { $0.kind == "strength" }?.items.map(\.exercise))
        let skipped = try #require(items.first)
        let logged = try kc(["log", "session", "--date", "2026-11-02", "--kind", "strength", "--skipped", skipped, "--pain", "1"])
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.contains("\(items.count - 1) of \(items.count) exercises done"))
        let entry = try #require(try journal().first { $0.type == "session" })
        #expect(entry.itemsSkipped == [skipped] && entry.itemsDone?.count == items.count - 1)
        let wrong = try kc(["log", "session", "--date", "2026-11-02", "--kind", "strength", "--skipped", "moonwalk"])
        #expect(wrong.status == 64 && wrong.stderr.contains("has no exercise 'moonwalk'"))
    }

    /// Text a runner or a file typed never drives the terminal, and a line break in an echoed
    /// value never forges a second `kneecoach:` line (issue 14, item 9); JSON keeps the text.
    @Test func controlCharactersArePrintedVisibly() throws {
        let hostile = "Knee fine \u{1B}]0;pwned\u{07} \u{1B}[31mred\u{9B}"
        #expect(try kc(["log", "note", hostile, "--date", "2026-11-02"]).status == 0)
        let text = try kc(["journal"]).stdout
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(text.contains("Knee fine ^[]0;pwned^G ^[[31mred\\u{9b}"), "\(text)")
        let json = try kc(["journal", "--json"]).stdout
        let entries = try JSONDecoder().decode(Entries.self, from: Data(json.utf8))
        #expect(entries.entries.contains { $0.text == hostile })
        let forged = try CLI.run(["exercises", "show", "abc\nkneecoach: everything is fine"])
        #expect(forged.status != 0)
        #expect(forged.stderr.split(separator: "\n").count == 1, "\(forged.stderr)")
        #expect(forged.stderr.contains("abc^Jkneecoach"))
    }

    /// Values the CLI refuses, one sentence each and exit 64, nothing stored (issue 14, item 4).
    @Test(arguments: [
        (["log", "pain", "--date", "2026-11-02", "--when", "after", "--level", "3", "--location", "knee"], "--location knee"),
        (["log", "run", "--date", "2026-11-02", "--distance-km", "0x10", "--duration", "50:00"], "--distance-km 0x10"),
        (["log", "run", "--date", "2026-11-02", "--distance-km", "1e1", "--duration", "50:00"], "--distance-km 1e1"),
        (["log", "run", "--date", "2026-11-02", "--distance-km", "5", "--duration", "1e3:00"], "--duration '1e3:00'"),
        (["log", "note", "   ", "--date", "2026-11-02"], "The note is empty"),
        (["log", "note", "slept", "--date", "2026-11-02", "--sleep-hours", "0x8"], "--sleep-hours 0x8"),
        (["log", "run", "--date", "2026-11-02", "--distance-km", "5", "--duration", "30:00", "--cadence", "1.7e2"],
         "--cadence 1.7e2"),
        (["assess", "--date", "2099-01-01", "--knee-to-wall-left", "9", "--knee-to-wall-right", "9"], "--date 2099-01-01 is in the future"),
    ])
    func valuesTheCLIRefuses(arguments: [String], message: String) throws {
        let result = try kc(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        let journal = try kc(["journal", "--json"])
        #expect(!journal.stdout.contains("\"date\" : \"2026-11-02\""), "nothing stored: \(journal.stdout)")
    }
}

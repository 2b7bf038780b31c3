import Foundation
import Testing

/// `restore` refuses what the commands would refuse (issue 14, items 1 and 10): each hostile
/// backup, made here from a real export, exits 65 with one sentence naming the first bad row,
/// and the journal stays byte for byte as it was and usable.
@Suite(.serialized)
struct RestoreCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func kc(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments + ["--db", db]) }

    /// A journal with a profile, self-tests, a shoe, a run, pain, a note and a session, and its export as JSON.
    func journalAndItsExport() throws -> [String: Any] {
        for arguments in [
            ["profile", "init", "--age", "41", "--weekly-km", "20", "--runs-per-week", "3", "--time-zone", "UTC"],
            ["assess", "--date", "2026-11-01", "--knee-to-wall-left", "9", "--knee-to-wall-right", "11"],
            ["shoes", "add", "Trail"],
            ["log", "run", "--date", "2026-11-02", "--distance-km", "10", "--duration", "1:00:00", "--shoe", "Trail"],
            ["log", "pain", "--date", "2026-11-02", "--when", "after", "--level", "2", "--location", "front"],
            ["log", "note", "--date", "2026-11-02", "stiff on the stairs"],
            ["log", "session", "--date", "2026-11-02", "--kind", "mobility"],
        ] {
            let result = try kc(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let backup = folder.appendingPathComponent("backup.json")
        #expect(try kc(["export", backup.path]).status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: backup))
        return try #require(object as? [String: Any])
    }

    /// One hostile change to an export, and what the refusal must name.
    static let damages: [(String, @Sendable (inout [String: Any]) -> Void, [String])] = [
        ("profile age 5", { $0["profileJSON"] = #"{"age": 5}"# }, ["its profile", "'age' is 5"]),
        ("profile unknown field", { $0["profileJSON"] = #"{"age": 40, "hieght": 180}"# }, ["its profile", "hieght"]),
        ("profile not JSON", { $0["profileJSON"] = "not json" }, ["its profile", "not valid JSON"]),
        ("self-tests invalid", { $0.setRow("assessments", "json", to: #"{"kneeToWallCm": {"left": 99, "right": 9}}"#) },
         ["set of self-tests 1 of 1 (2026-11-01)", "kneeToWallCm.left"]),
        ("distance 1e308", { $0.setActivity("distanceMeters", to: 1e308) }, ["activity 1 of 1 (2026-11-02)", "--distance-km"]),
        ("unknown session kind", { $0.setRow("sessions", "kind", to: "moonwalk") }, ["session 1 of 1", "--kind moonwalk"]),
        ("unknown pain location", { $0.setRow("painEntries", "location", to: "knee") }, ["pain entry 1 of 1", "--location knee"]),
        ("a date in 9999", { $0.setRow("notes", "date", to: "9999-06-01") }, ["note 1 of 1 (9999-06-01)", "2200-12-31"]),
        ("a content hash that does not match", { $0.setActivity("contentHash", to: String(repeating: "0", count: 64)) },
         ["activity 1 of 1", "content hash"]),
        ("an unknown schema version", { $0["schemaVersion"] = 99 }, ["schema version 99"]),
        ("an unknown backup version", { $0["version"] = 99 }, ["format version 99 is newer"]),
        ("backup version 0", { $0["version"] = 0 }, ["format version 0 is not one"]),
        ("not a backup at all", { $0 = ["age": 40] }, ["not a KneeCoach backup"]),
    ]

    @Test(arguments: 0..<damages.count)
    func aHostileBackupChangesNothingAndSaysWhichRow(index: Int) throws {
        let (name, damage, words) = Self.damages[index]
        var backup = try journalAndItsExport()
        if name == "a content hash that does not match" {
            // A run typed by hand has no file; give it a file and a hash that is not the file's.
            backup.setActivity("originalFile", to: Data("<gpx/>".utf8).base64EncodedString())
            backup.setActivity("format", to: "gpx")
        }
        damage(&backup)
        let hostile = folder.appendingPathComponent("hostile.json")
        try JSONSerialization.data(withJSONObject: backup).write(to: hostile)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let journalBefore = try kc(["journal", "--json"]).stdout

        let result = try kc(["restore", hostile.path])
        #expect(result.status == 65, "\(name): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(name): \(result.stderr)")
        for word in words { #expect(result.stderr.contains(word), "\(name): \(result.stderr)") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before, "\(name): the database file changed")
        #expect(try kc(["journal", "--json"]).stdout == journalBefore)
        for command in [["status"], ["today"], ["plan"], ["profile", "show"]] {
            let after = try kc(command)
            #expect(after.status == 0, "\(name): \(command) after the refused restore: \(after.stderr)")
        }
    }

    @Test func anExportRestoresWhole() throws {
        _ = try journalAndItsExport()
        let other = folder.appendingPathComponent("other.sqlite").path
        let restored = try CLI.run(["restore", folder.appendingPathComponent("backup.json").path, "--db", other])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try CLI.run(["status", "--db", other]).status == 0)
    }

    @Test func aMissingFileAFolderAndAHugeFileAreNamedForWhatTheyAre() throws {
        let missing = try kc(["restore", folder.appendingPathComponent("nope.json").path])
        #expect(missing.status == 65 && missing.stderr.contains("there is no such file"), "\(missing.stderr)")
        let isFolder = try kc(["restore", folder.path])
        #expect(isFolder.status == 65 && isFolder.stderr.contains("it is a folder"), "\(isFolder.stderr)")
        // A sparse file just over the bound: refused by its size, before a byte is read.
        let huge = folder.appendingPathComponent("huge.json")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: UInt64(1 << 30) + 1)
        try handle.close()
        let started = Date()
        let tooBig = try kc(["restore", huge.path])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(tooBig.status == 65 && tooBig.stderr.contains("larger than 1024 MB"), "\(tooBig.stderr)")
        #expect(tooBig.stderr.split(separator: "\n").count == 1)
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Sets a field of the first row of a list (`painEntries`, `notes`, …).
    mutating func setRow(_ list: String, _ field: String, to value: Any) {
        guard var rows = self[list] as? [[String: Any]], !rows.isEmpty else { return }
        rows[0][field] = value
        self[list] = rows
    }

    /// Sets a field of the first activity record.
    mutating func setActivity(_ field: String, to value: Any) {
        guard var rows = self["activities"] as? [[String: Any]], !rows.isEmpty,
            var activity = rows[0]["activity"] as? [String: Any]
        else {
            if field == "originalFile", var rows = self["activities"] as? [[String: Any]], !rows.isEmpty {
                rows[0][field] = value
                self["activities"] = rows
            }
            return
        }
        if field == "originalFile" {
            rows[0][field] = value
        } else {
            activity[field] = value
            rows[0]["activity"] = activity
        }
        self["activities"] = rows
    }
}

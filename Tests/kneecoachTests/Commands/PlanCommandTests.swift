import Foundation
import Testing

/// `kneecoach plan` and `kneecoach today`, run as a user would.
@Suite(.serialized)
struct PlanCommandTests {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name).json").path }

    static let examples = [
        "beginner-front-knee-pain", "downhill-trail-runner", "older-runner-knee-oa", "red-flag-locking",
    ]

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kc-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An environment whose data folder is empty, so no stored profile is found.
    static func emptyDataFolder() throws -> [String: String] {
        let folder = try temporaryFolder()
        return ["KNEECOACH_DB": folder.appendingPathComponent("kneecoach.sqlite").path]
    }

    @Test(arguments: examples)
    func jsonDecodesForEveryExample(name: String) throws {
        let result = try CLI.run(
            ["plan", "--profile", Self.example(name), "--start", "2026-12-07", "--weeks", "4", "--json"],
            environment: try Self.emptyDataFolder())
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let plan = try #require(object)
        #expect(plan["start"] as? String == "2026-12-07")
        #expect(plan["weeks"] is [Any] && plan["notes"] is [Any] && plan["redFlags"] is [Any])
        #expect(!(plan["disclaimer"] as? String ?? "").isEmpty)
    }

    @Test func weekViewFitsEightyColumns() throws {
        let result = try CLI.run(
            ["plan", "--profile", Self.example("downhill-trail-runner"), "--start", "2026-12-07", "--explain"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        #expect(result.stdout.contains("KneeCoach is not a medical device"))
    }

    @Test func icsWritesAFileAndSaysWhere() throws {
        let path = try Self.temporaryFolder().appendingPathComponent("plan.ics").path
        let arguments = ["plan", "--profile", Self.example("older-runner-knee-oa"), "--start", "2026-12-07", "--ics", path]
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains(path))
        let first = try String(contentsOfFile: path, encoding: .utf8)
        #expect(first.hasPrefix("BEGIN:VCALENDAR\r\n") && first.hasSuffix("END:VCALENDAR\r\n"))
        #expect(try CLI.run(arguments).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first, "a re-export is identical")
    }

    @Test func icsIntoAMissingFolderFails() throws {
        let result = try CLI.run([
            "plan", "--profile", Self.example("older-runner-knee-oa"), "--ics", "/nonexistent-kc/folder/plan.ics",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("could not be written"))
    }

    /// The OA example's own notes change its plan: no pigeon pose, the lying figure-four
    /// in its place, and the runner's cues under each exercise and in the JSON.
    @Test func theOAExampleShowsItsChangesInThePlan() throws {
        let explained = try CLI.run(
            ["plan", "--profile", Self.example("older-runner-knee-oa"), "--start", "2026-12-07", "--weeks", "4", "--explain"])
        #expect(explained.status == 0)
        #expect(!explained.stdout.contains("Pigeon Pose"))
        #expect(explained.stdout.contains("Supine Figure-Four Stretch"))
        #expect(explained.stdout.contains("for you: Leave the supporting foot on the floor"))
        for line in explained.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let json = try CLI.run(["plan", "--profile", Self.example("older-runner-knee-oa"), "--start", "2026-12-07", "--json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = (root["weeks"] as? [[String: Any]] ?? []).flatMap { $0["days"] as? [[String: Any]] ?? [] }
            .flatMap { $0["sessions"] as? [[String: Any]] ?? [] }.flatMap { $0["items"] as? [[String: Any]] ?? [] }
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0["cues"] is [String] && $0.keys.contains("timesPerDay") })
        #expect(items.contains { ($0["cues"] as? [String])?.isEmpty == false })
    }

    @Test(arguments: ["2026-13-01", "07-12-2026", "tomorrow"])
    func badStartIsAUsageError(start: String) throws {
        let result = try CLI.run(["plan", "--profile", Self.example("older-runner-knee-oa"), "--start", start])
        #expect(result.status == 64)
        #expect(result.stderr == "kneecoach: --start '\(start)' is not a date. Write it as YYYY-MM-DD, e.g. 2026-12-07.\n")
    }

    @Test(arguments: ["0", "53", "-1", "twelve"])
    func badWeeksIsAUsageError(weeks: String) throws {
        let result = try CLI.run(["plan", "--profile", Self.example("older-runner-knee-oa"), "--weeks=\(weeks)"])
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func missingProfileIsAUsageError() throws {
        let result = try CLI.run(["plan"], environment: try Self.emptyDataFolder())
        #expect(result.status == 64)
        #expect(result.stderr.contains("kneecoach profile init"))
        #expect(result.stderr.contains("--profile"))
        let missingFile = try CLI.run(["plan", "--profile", "/nonexistent-kc/profile.json"])
        #expect(missingFile.status == 64)
    }

    @Test(arguments: ["{\"age\": \"old\"}", "not json", "{\"age\": 40, \"shoeSize\": 44}", "{\"age\": 7}"])
    func malformedProfileIsADataError(contents: String) throws {
        let file = try Self.temporaryFolder().appendingPathComponent("profile.json")
        try contents.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["plan", "--profile", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("kneecoach: ") && result.stderr.split(separator: "\n").count == 1)
    }

    @Test func storedProfileIsUsedWithoutFlag() throws {
        let folder = try Self.temporaryFolder()
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: Self.example("beginner-front-knee-pain")),
            to: folder.appendingPathComponent("profile.json"))
        // A profile.json of an earlier version is taken into the journal on first use.
        let result = try CLI.run(["plan", "--db", folder.appendingPathComponent("kneecoach.sqlite").path, "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.contains("profile.json.imported") && !names.contains("profile.json"))
        let again = try CLI.run(["plan", "--db", folder.appendingPathComponent("kneecoach.sqlite").path, "--json"])
        #expect(again.stdout == result.stdout)
    }

    @Test func todayShowsTheDateAsked() throws {
        let result = try CLI.run(
            ["today", "--profile", Self.example("beginner-front-knee-pain"), "--date", "2026-12-09", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let today = try #require(object)
        #expect(today["date"] as? String == "2026-12-09")
        // A profile file is a programme starting on the day asked: week 1 is that ISO week.
        #expect(today["planStart"] as? String == "2026-12-09")
        #expect(today["programmeWeek"] as? Int == 1 && today["week"] as? Int == 1)
        #expect(today["holds"] is [Any] && today.keys.contains("retest") && today.keys.contains("phase"))
        #expect(today["sessions"] is [Any])
        let text = try CLI.run(["today", "--profile", Self.example("beginner-front-knee-pain"), "--date", "2026-12-09"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("2026-12-09"))
        let bad = try CLI.run(["today", "--profile", Self.example("beginner-front-knee-pain"), "--date", "9 Dec"])
        #expect(bad.status == 64)
    }

    @Test func todayPutsRedFlagsFirst() throws {
        let result = try CLI.run(["today", "--profile", Self.example("red-flag-locking"), "--date", "2026-12-07"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // The red flags come from the generator; until it lands the plan is empty.
        if result.stdout.contains("WARNING SIGNS") { #expect(result.stdout.hasPrefix("!! WARNING SIGNS")) }
    }
}

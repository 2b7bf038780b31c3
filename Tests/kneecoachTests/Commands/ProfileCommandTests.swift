import Foundation
import Testing

/// `profile init|show|import` and `assess`, run as the built binary against a temporary data folder.
@Suite(.serialized)
struct ProfileCommandTests {
    /// A fresh `--db` path in its own temporary folder.
    static func database() throws -> (db: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kneecoach-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder.appendingPathComponent("kneecoach.sqlite").path, folder)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func initFromFlagsThenShowJSON() throws {
        let (db, _) = try Self.database()
        let created = try CLI.run([
            "profile", "init", "--db", db, "--age", "62", "--experience", "beginner", "--weekly-km", "25",
            "--runs-per-week", "3", "--longest-run-km", "10", "--goal", "return-to-running", "--terrain", "hilly",
            "--terrain", "downhill", "--surface", "road", "--condition", "knee-osteoarthritis", "--minutes-per-day", "20",
            "--equipment", "foam-roller", "wall", "--pain-level", "4", "--pain-location", "front",
            "--pain-since-weeks", "3", "--pain-during-run", "--time-zone", "Europe/Oslo",
        ])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Saved the profile"))
        let shown = try CLI.run(["profile", "show", "--db", db, "--json"])
        #expect(shown.status == 0)
        let profile = try Self.json(shown.stdout)
        #expect(profile["age"] as? Int == 62)
        #expect(profile["terrain"] as? [String] == ["hilly", "downhill"])
        #expect(profile["equipment"] as? [String] == ["foam-roller", "wall"])
        #expect(profile["goal"] as? String == "return-to-running")
        let pain = try #require(profile["pain"] as? [String: Any])
        #expect(pain["level"] as? Int == 4 && pain["duringRun"] as? Bool == true && pain["swelling"] as? Bool == false)

        // The JSON that show prints imports back unchanged.
        let (other, folder) = try Self.database()
        let file = folder.appendingPathComponent("shown.json")
        try Data(shown.stdout.utf8).write(to: file)
        #expect(try CLI.run(["profile", "import", file.path, "--db", other]).status == 0)
        #expect(try CLI.run(["profile", "show", "--db", other, "--json"]).stdout == shown.stdout)

        let summary = try CLI.run(["profile", "show", "--db", db])
        #expect(summary.stdout.contains("Age: 62"))
        #expect(summary.stdout.contains("Knee pain: 4/10, front, for 3 weeks; during runs"))
    }

    @Test func badImportExits65AndKeepsTheProfile() throws {
        let (db, folder) = try Self.database()
        #expect(try CLI.run(["profile", "init", "--db", db, "--age", "40"]).status == 0)
        let before = try CLI.run(["profile", "show", "--db", db, "--json"]).stdout
        #expect(before.contains("\"age\""))
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"age": 40, "terrain": ["downhil"]}"#.utf8).write(to: bad)
        let result = try CLI.run(["profile", "import", bad.path, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr.contains("'terrain[0]': 'downhil' is not a terrain; did you mean 'downhill'?"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try CLI.run(["profile", "show", "--db", db, "--json"]).stdout == before)

        try Data("not json".utf8).write(to: bad)
        #expect(try CLI.run(["profile", "import", bad.path, "--db", db]).status == 65)
        #expect(try CLI.run(["profile", "show", "--db", db, "--json"]).stdout == before)
    }

    @Test(arguments: [
        (["--weekly-km", "25"], "Option '--age' is required"),
        (["--age", "130"], "Option '--age' is 130"),
        (["--age", "40", "--goal", "rase"], "did you mean 'race'?"),
        (["--age", "40", "--terrain", "flat", "downhil"], "Option '--terrain': 'downhil' is not a terrain"),
        (["--age", "40", "--swelling"], "Option '--pain-level' is required"),
        (["--age", "40", "--pain-level", "11"], "Option '--pain-level' is 11"),
        (["--age", "40", "--minutes-per-day", "2"], "from 5 to 240"),
    ])
    func badFlagsExit64(arguments: [String], message: String) throws {
        let (db, folder) = try Self.database()
        let result = try CLI.run(["profile", "init", "--db", db] + arguments, input: "")
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        // Bad flags are refused before the journal is opened: nothing is created.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func showWithoutAProfileSaysHowToMakeOne() throws {
        let (db, _) = try Self.database()
        let result = try CLI.run(["profile", "show", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("kneecoach profile init"))
    }

    @Test func interactiveInitAnswersPromptsFromStandardInput() throws {
        let (db, _) = try Self.database()
        // age (first a bad one), time zone, experience, weekly km, runs, longest, goal, terrain,
        // surfaces, conditions, minutes, equipment, pain level 0 ends the pain questions.
        let answers = ["130", "45", "", "intermediat", "intermediate", "30", "4", "12", "race", "hilly, downhill",
            "trail", "", "25", "band", "resistance-band", "0"]
        let result = try CLI.run(
            ["profile", "init", "--db", db, "--interactive"], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Age in years"))
        #expect(result.stderr.contains("a whole number of years from 12 to 100"))
        let profile = try Self.json(try CLI.run(["profile", "show", "--db", db, "--json"]).stdout)
        #expect(profile["age"] as? Int == 45)
        #expect(profile["experience"] as? String == "intermediate")
        #expect(profile["terrain"] as? [String] == ["hilly", "downhill"])
        #expect(profile["equipment"] as? [String] == ["resistance-band"])
        #expect(profile["minutesPerDay"] as? Int == 25)
        #expect((profile["pain"] as? [String: Any])?["level"] as? Int == 0)
    }

    @Test func interactiveInitAsksAboutEveryWarningSign() throws {
        let (db, _) = try Self.database()
        // age, time zone, experience, weekly km, runs, longest, goal, terrain, surfaces,
        // conditions, minutes, equipment, pain level, location, weeks; then the signs: during
        // run, rest, night, swelling, locking, giving way, limping, red or hot, after a fall,
        // calf, breathless, numbness, cold foot; then spreading numbness and the Ottawa questions.
        let answers = ["62", "", "", "", "", "", "", "", "", "", "", "", "4", "front", "1",
            "y", "n", "n", "n", "n", "n", "n", "n", "y", "n", "n", "y", "n", "n", "n", "y", "n"]
        let result = try CLI.run(
            ["profile", "init", "--db", db, "--interactive"], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Is one calf painful, swollen or warm"))
        #expect(result.stdout.contains("unable to take four steps"))
        let pain = try #require(try Self.json(try CLI.run(["profile", "show", "--db", db, "--json"]).stdout)["pain"] as? [String: Any])
        #expect(pain["afterTrauma"] as? Bool == true && pain["numbness"] as? Bool == true)
        #expect(pain["numbnessSpreading"] as? Bool == nil && pain["cannotBend"] as? Bool == true)
        #expect(pain["calfPain"] as? Bool == nil && pain["cannotBearWeight"] as? Bool == nil)
    }

    @Test func assessFromFlagsTwiceKeepsTwoDatedSets() throws {
        let (db, folder) = try Self.database()
        #expect(try CLI.run(["profile", "init", "--db", db, "--age", "38"]).status == 0)
        let first = try CLI.run([
            "assess", "--db", db, "--date", "2026-03-02", "--knee-to-wall-left", "6", "--knee-to-wall-right", "11",
            "--squat-valgus-left", "yes", "--squat-valgus-right", "no", "--it-band-tight", "yes",
            "--bridge-seconds", "20", "--side-plank-seconds", "35", "--overpronation", "no",
        ])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("assess.kneeToWall.limitedCm"))
        #expect(first.stdout.contains("left ankle gets extra mobility work"))
        let second = try CLI.run([
            "assess", "--db", db, "--date", "2026-04-06", "--knee-to-wall-left", "11", "--knee-to-wall-right", "12",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("2 dated sets"))

        // Both sets are in the journal, and travel in its backup.
        let backupFile = folder.appendingPathComponent("backup.json")
        #expect(try CLI.run(["export", backupFile.path, "--db", db]).status == 0)
        let backup = try Self.json(try String(contentsOf: backupFile, encoding: .utf8))
        let history = try #require(backup["assessments"] as? [[String: Any]])
        #expect(history.map { $0["date"] as? String } == ["2026-03-02", "2026-04-06"])
        let profile = try Self.json(try CLI.run(["profile", "show", "--db", db, "--json"]).stdout)
        let assessment = try #require(profile["assessment"] as? [String: Any])
        #expect((assessment["kneeToWallCm"] as? [String: Any])?["left"] as? Int == 11)
        #expect(assessment["itBandTight"] as? Bool == true)
    }

    @Test(arguments: [
        (["--knee-to-wall-left", "6"], "Option '--knee-to-wall-right' is required"),
        (["--knee-to-wall-left", "6", "--knee-to-wall-right", "45"], "Option '--knee-to-wall-right' is 45"),
        (["--calf-tight", "maybe"], "'maybe' is not a yes-or-no answer"),
        (["--date", "2026-02-30", "--calf-tight", "yes"], "is not a date"),
        ([], "No test result was given"),
    ])
    func badAssessFlagsExit64(arguments: [String], message: String) throws {
        let (db, folder) = try Self.database()
        let result = try CLI.run(["assess", "--db", db] + arguments, input: "")
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("assessments.json").path))
    }

    @Test func interactiveAssessWalksThroughTheTests() throws {
        let (db, _) = try Self.database()
        // knee-to-wall left/right, squat left/right, then skip the rest except the bridge.
        let answers = ["9", "50", "12", "y", "n", "", "", "", "", "", "25", "", "", ""]
        let result = try CLI.run(
            ["assess", "--db", db, "--date", "2026-05-04", "--interactive"], input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Knee-to-wall (ankle bend)"))
        #expect(result.stderr.contains("from 0 to 30"))
        #expect(result.stdout.contains("Stored the self-tests of 2026-05-04"))
        #expect(result.stdout.contains("bridge hold of 25 s"))
        #expect(result.stdout.contains("There is no profile yet"))
    }
}

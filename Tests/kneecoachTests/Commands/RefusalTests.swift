import Foundation
import Testing

/// What KneeCoach refuses and what it says (issue 14, items 4, 6, 7 and 10): one sentence on
/// standard error, the README's exit code, and an answer well under a second however large
/// the input. Every hostile input is made here.
@Suite(.serialized)
struct RefusalTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-refuse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func kc(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments + ["--db", db]) }

    /// Runs a command and checks one line on stderr, the exit code, words of the sentence, and the time taken.
    @discardableResult
    func refused(
        _ arguments: [String], status: Int32, saying words: [String], within seconds: Double = 1, database: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLI.Result {
        let started = Date()
        let result = try database ? kc(arguments) : CLI.run(arguments)
        let took = Date().timeIntervalSince(started)
        let shown = arguments.map { $0.count > 40 ? "<\($0.count) characters>" : $0 }
        #expect(result.status == status, "\(shown): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(shown): \(result.stderr.prefix(600))", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("kneecoach: "), "\(shown): \(result.stderr.prefix(600))", sourceLocation: sourceLocation)
        #expect(result.stderr.count < 600, "\(shown): the message echoes the input", sourceLocation: sourceLocation)
        for word in words {
            #expect(result.stderr.contains(word), "\(shown): \(result.stderr.prefix(600))", sourceLocation: sourceLocation)
        }
        #expect(took < seconds, "\(shown) took \(took) s", sourceLocation: sourceLocation)
        return result
    }

    // MARK: Numbers (items 4 and 10)

    @Test(arguments: [
        (["log", "run", "--date", "2026-11-02", "--distance-km", "-5", "--duration", "30:00"], "--distance-km -5"),
        (["log", "pain", "--date", "2026-11-02", "--when", "after", "--level", "-3"], "--level -3"),
        (["log", "pain", "--date", "2026-11-02", "--when", "after", "--level", "0x3"], "--level 0x3"),
        (["log", "note", "x", "--date", "2026-11-02", "--mood", "1e1"], "--mood 1e1"),
        (["log", "run", "--date", "2026-11-02", "--distance-km", "5", "--duration", "30:00", "--effort", "nan"], "--effort nan"),
        // A duration past what an integer holds was once a crash (found by schemathesis through the API).
        (["log", "run", "--date", "2026-11-02", "--distance-km", "160", "--duration", "332697092830601655568S"], "--duration 3.32697092830601"),
        (["shoes", "add", "Old", "--start-km", "-10"], "--start-km -10"),
        (["shoes", "add", "Old", "--start-km", "1e400"], "--start-km 1e400"),
        (["shoes", "add", "Old", "--start-km", "0x10"], "--start-km 0x10"),
        (["profile", "init", "--age", "40", "--weekly-km", "nan"], "--weekly-km"),
        (["profile", "init", "--age", "-40"], "--age"),
        (["profile", "init", "--age", "0x28"], "--age"),
        (["profile", "init", "--age", "40", "--longest-run-km", "1e308"], "--longest-run-km"),
        (["profile", "init", "--age", "40", "--pain-level", "99999999999999999999"], "--pain-level"),
        (["assess", "--knee-to-wall-left", "-9", "--knee-to-wall-right", "9"], "--knee-to-wall-left"),
        (["assess", "--bridge-seconds", "inf"], "--bridge-seconds"),
        (["assess", "--side-plank-seconds", "0x20"], "--side-plank-seconds"),
    ])
    func numbersThatAreNotPlainDecimalsAreRefused(arguments: [String], words: String) throws {
        let result = try refused(arguments, status: 64, saying: [words])
        #expect(!result.stderr.contains("Missing value"))
        #expect(!result.stderr.contains("not valid JSON"))
        let journal = try kc(["journal", "--json"]).stdout
        #expect(!journal.contains("2026-11-02"))
    }

    @Test func aTimeZoneWithAControlCharacterIsRefused() throws {
        try refused(["profile", "init", "--age", "40", "--time-zone", "Europe/Oslo\u{1B}[31m"], status: 64, saying: ["--time-zone", "control character"])
        // A NUL cannot travel in an argument; a profile file carries it.
        let file = folder.appendingPathComponent("nul.json")
        try Data(#"{"age": 40, "timeZone": "Europe/Oslo\u0000"}"#.utf8).write(to: file)
        try refused(["profile", "import", file.path], status: 65, saying: ["timeZone", "control character"])
    }

    // MARK: Long names and text (item 6)

    @Test func longNamesAnswerAtOnceInOneSentence() throws {
        #expect(try kc(["shoes", "add", "Pegasus 40"]).status == 0)
        let long = String(repeating: "pegasos", count: 570)  // 3,990 characters: under the argument bound
        try refused(["shoes", "retire", long], status: 64, saying: ["NAME is 3990 characters long"])
        try refused(["log", "run", "--date", "2026-11-02", "--distance-km", "5", "--duration", "30:00", "--shoe", long], status: 64, saying: ["--shoe"])
        try refused(["shoes", "add", long], status: 64, saying: ["NAME is 3990 characters long"])
        try refused(["log", "session", "--date", "2026-11-02", "--kind", "strength", "--skipped", long], status: 64, saying: ["--skipped is 3990 characters long"])
        // These read no journal, so they take no --db.
        try refused(["exercises", "show", long], status: 64, saying: ["There is no exercise with id 'pegasos", "(3990 characters)"], database: false)
        try refused(["evidence", long], status: 64, saying: ["(3990 characters)' is not a key"], database: false)
        try refused(["exercises", "--category", long], status: 64, saying: ["(3990 characters)' is not a known"], database: false)
        try refused(["profile", "init", "--age", "40", "--time-zone", long], status: 64, saying: ["--time-zone", "3990 characters"])
        try refused(["profile", "init", "--age", "40", "--terrain", long], status: 64, saying: ["--terrain"])
        try refused(["log", "note", String(repeating: "ä", count: 3_000) + long, "--date", "2026-11-02"], status: 64, saying: ["more than the 4000"])
    }

    @Test func anArgumentOfAHundredThousandCharactersIsRefusedBeforeParsing() throws {
        let huge = String(repeating: "x", count: 120_000)
        for arguments in [["shoes", "retire", huge], ["log", "note", huge]] {
            try refused(arguments, status: 64, saying: ["120000 characters long"])
        }
        for arguments in [["exercises", "show", huge], ["evidence", huge], ["exercises", "--search", huge]] {
            try refused(arguments, status: 64, saying: ["120000 characters long"], database: false)
        }
    }

    // MARK: File sizes (item 7)

    @Test func aHugeProfileFileIsNotRead() throws {
        let file = folder.appendingPathComponent("huge-profile.json")
        // 100 MB: a time zone of 100 million characters, written in pieces.
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data(#"{"age": 40, "timeZone": ""#.utf8)))
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        let piece = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<100 { try handle.write(contentsOf: piece) }
        try handle.write(contentsOf: Data(#""}"#.utf8))
        try handle.close()
        try refused(["profile", "import", file.path], status: 65, saying: ["larger than 1 MB"])
        try refused(["plan", "--profile", file.path], status: 65, saying: ["larger than 1 MB"])
    }

    @Test func aLongTimeZoneInAProfileFileIsRefusedAtOnce() throws {
        let file = folder.appendingPathComponent("zone.json")
        try Data(("{\"age\": 40, \"timeZone\": \"" + String(repeating: "Europe/Oslo", count: 80_000) + "\"}").utf8).write(to: file)
        try refused(["plan", "--profile", file.path], status: 65, saying: ["timeZone"])
    }

    // MARK: One sentence for every failure (item 10)

    @Test(arguments: [
        ["log", "run", "--date", "2026-11-02", "--duration", "30:00"],
        ["log", "run", "--date", "2026-11-02", "--distance-km"],
        ["exercises", "--no-such-flag"],
        ["log", "pain", "--when", "sometimes", "--level", "3"],
        ["log", "session", "--kind", "moonwalk"],
        ["no-such-command"],
    ])
    func argumentParserErrorsAreOneSentence(arguments: [String]) throws {
        let result = try refused(arguments, status: 64, saying: ["--help' for its options"])
        #expect(!result.stderr.contains("Usage:"))
    }

    @Test func helpStaysWhole() throws {
        let help = try kc(["log", "run", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE:") && help.stdout.contains("--distance-km"))
        #expect(help.stdout.split(separator: "\n").count > 10)
    }

    @Test func aFileThatCannotBeWrittenSaysSo() throws {
        let result = try refused(
            ["export", folder.appendingPathComponent("no/such/folder/backup.json").path], status: 1,
            saying: ["Cannot write", "its folder does not exist"])
        #expect(!result.stderr.contains("Cannot read"))
        try refused(["export", folder.path], status: 1, saying: ["Cannot write", "it is a folder"])
    }

    @Test(arguments: [
        ["plan", "--start", "9999-12-31"], ["today", "--date", "0001-01-01"], ["journal", "--from", "2201-01-01"],
        ["log", "pain", "--date", "1899-12-31", "--when", "after", "--level", "2"],
    ])
    func datesOutsideTheYearsKneeCoachKnowsAreRefused(arguments: [String]) throws {
        let profile = folder.appendingPathComponent("p.json")
        try Data(#"{"age": 40}"#.utf8).write(to: profile)
        let withProfile = arguments.first == "plan" ? arguments + ["--profile", profile.path, "--ics", folder.appendingPathComponent("p.ics").path] : arguments
        try refused(withProfile, status: 64, saying: ["1900-01-01 to 2200-12-31"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("p.ics").path))
    }
}

import Foundation
import Testing

/// Everything printed for people fits 80 columns (issue 15, item 10): every command's text
/// output, over a journal with runs, pain, a warning sign and its clearance, shoes past their
/// review distance and a function rating. Errors are the exception the README states: one
/// line each, so that a script can read them.
@Suite(.serialized)
struct TextWidthTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-width-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The output of one command, which must succeed.
    func output(_ arguments: [String], journal: Bool = true) throws -> String {
        let result = try CLI.run(arguments + (journal ? ["--db", db] : []))
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout + result.stderr
    }

    @Test func everyCommandFitsEightyColumns() throws {
        var printed: [(String, String)] = []
        func run(_ arguments: [String], journal: Bool = true) throws {
            printed.append((arguments.joined(separator: " "), try output(arguments, journal: journal)))
        }
        try run([
            "profile", "init", "--age", "67", "--weekly-km", "20", "--runs-per-week", "3", "--pain-level", "3",
            "--pain-location", "front", "--time-zone", "Europe/Amsterdam", "--condition", "knee-osteoarthritis",
            "--equipment", "wall", "--equipment", "step", "--minutes-per-day", "40",
        ])
        try run(["profile", "show"])
        try run(["shoes", "add", "Pegasus 40 Trail Edition With A Long Name", "--start-km", "780"])
        for day in ["02", "04", "06", "09", "11"] {
            try run(["log", "run", "--date", "2026-11-\(day)", "--distance-km", "6", "--duration", "36:00",
                     "--shoe", "pegasus 40 trail edition with a long name"])
        }
        try run(["log", "pain", "--date", "2026-11-11", "--level", "6", "--when", "during"])
        try run(["log", "note", "Knee felt swollen after the long run, and it woke me at 3am", "--date", "2026-11-12"])
        try run(["shoes", "list"])
        for command in ["today", "status"] { try run([command, "--date", "2026-11-12"]) }
        try run(["today", "--date", "2026-11-12", "--explain"])
        try run(["plan", "--start", "2026-11-16", "--weeks", "2", "--explain"])
        try run(["log", "cleared", "--date", "2026-11-13", "--note", "Physio saw it: keep going, easy"])
        try run(["log", "function", "--date", "2026-11-13", "--stairs", "7", "--squatting", "6", "--running", "5"])
        try run(["today", "--date", "2026-11-14", "--explain"])
        try run(["status", "--date", "2026-11-14"])
        try run(["journal"])
        try run(["exercises", "list"], journal: false)
        try run(["exercises", "show", "slant-board-calf-stretch"], journal: false)
        try run(["evidence"], journal: false)
        for (command, text) in printed {
            // A file's path is as long as the runner made it.
            for line in text.split(separator: "\n") where !line.hasPrefix("kneecoach:") && !line.contains(folder.path) {
                #expect(line.count <= 80, "\(command): \(line.count) columns: \(line)")
            }
        }
    }
}

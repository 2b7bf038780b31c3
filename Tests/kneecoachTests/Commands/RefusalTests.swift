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
        _ arguments: [String], status: Int32, saying words: [String], within seconds: Double = 1,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLI.Result {
        let started = Date()
        let result = try kc(arguments)
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

    // MARK: Long names and text (item 6)

    @Test func anArgumentOfAHundredThousandCharactersIsRefusedBeforeParsing() throws {
        let huge = String(repeating: "x", count: 120_000)
        for arguments in [["shoes", "retire", huge], ["exercises", "show", huge], ["evidence", huge], ["log", "note", huge]] {
            try refused(arguments, status: 64, saying: ["120000 characters long"])
        }
    }
}

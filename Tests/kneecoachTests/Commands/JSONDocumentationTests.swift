import Foundation
import Testing

/// Every field `--json` prints is documented in the README, and every field the README
/// names is printed (issue 15, item 11): each command's JSON paragraph is read for the names
/// in its code spans, and the command is run over a journal that exercises every field.
@Suite(.serialized)
struct JSONDocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The README and the pages of `docs/`, one after another.
    static func documentation() throws -> String {
        let docs = root.appendingPathComponent("docs")
        let pages = ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
        return try ([root.appendingPathComponent("README.md")] + pages)
            .map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n\n")
    }

    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-jsondoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The documentation's paragraph (up to the next blank line) that begins at `marker`.
    static func paragraph(_ marker: String) throws -> String {
        let text = try documentation()
        let start = try #require(text.range(of: marker), "the documentation has no paragraph starting \(marker)")
        let rest = text[start.lowerBound...]
        return String(rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)])
    }

    /// The names written in code spans: `id`, and the keys of a shape like `{"date", "weeks": [...]}`.
    static func documentedNames(_ paragraph: String) -> Set<String> {
        var names = Set<String>()
        for (index, span) in paragraph.components(separatedBy: "`").enumerated() where index % 2 == 1 {
            for word in span.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) { names.insert(String(word)) }
        }
        return names
    }

    /// Every key of every object in a JSON value.
    static func keys(_ value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set(object.keys)) { $0.formUnion(keys($1.value)) }
        }
        if let array = value as? [Any] { return array.reduce(into: []) { $0.formUnion(keys($1)) } }
        return []
    }

    func json(_ arguments: [String], journal: Bool = true) throws -> Any {
        let result = try CLI.run(arguments + ["--json"] + (journal ? ["--db", db] : []))
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func kc(_ arguments: [String]) throws {
        let result = try CLI.run(arguments + ["--db", db])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }

    /// A journal with one of everything, a warning sign and its clearance included.
    func fill() throws {
        try kc(["profile", "init", "--age", "45", "--weekly-km", "20", "--runs-per-week", "3", "--pain-level", "2",
                "--pain-location", "front", "--time-zone", "UTC", "--equipment", "wall"])
        try kc(["shoes", "add", "Trainer", "--start-km", "600"])
        for day in ["02", "04", "06", "09", "11", "13", "16"] {
            try kc(["log", "run", "--date", "2026-11-\(day)", "--distance-km", "6", "--duration", "36:00",
                    "--shoe", "Trainer", "--cadence", "162", "--surface", "road", "--effort", "5", "--note", "easy"])
        }
        try kc(["log", "pain", "--date", "2026-11-16", "--level", "3", "--when", "after"])
        try kc(["log", "pain", "--date", "2026-11-17", "--level", "2", "--when", "next-morning"])
        try kc(["log", "session", "--date", "2026-11-17", "--kind", "strength", "--pain", "2", "--effort", "4"])
        try kc(["log", "note", "Knee locked on the stairs", "--date", "2026-11-18", "--mood", "6", "--sleep-hours", "7"])
        try kc(["log", "cleared", "--date", "2026-11-19", "--note", "Physio: fine"])
        try kc(["log", "function", "--date", "2026-11-19", "--stairs", "8", "--squatting", "7", "--running", "6"])
        // A run half again as long as the longest, and a sign that is still active.
        try kc(["log", "run", "--date", "2026-11-19", "--distance-km", "9", "--duration", "54:00"])
        try kc(["log", "pain", "--date", "2026-11-20", "--level", "3", "--when", "during", "--swelling"])
    }

    /// Every key printed is named in the paragraph (or in `others`, which it refers to); every
    /// camelCase name of the paragraph itself is printed.
    func check(_ marker: String, _ output: Any, alsoIn others: [String] = [], notPrinted allowed: Set<String> = []) throws {
        let own = Self.documentedNames(try Self.paragraph(marker))
        var documented = own
        for other in others { documented.formUnion(Self.documentedNames(try Self.paragraph(other))) }
        let printed = Self.keys(output)
        for key in printed.subtracting(documented).sorted() { Issue.record("\(marker): `\(key)` is printed but not documented") }
        let camelCase = own.filter { $0.first?.isLowercase == true && $0.contains(where: \.isUppercase) }
        for name in camelCase.subtracting(printed).subtracting(allowed).sorted() {
            Issue.record("\(marker): `\(name)` is documented but not printed")
        }
    }

    @Test func theJournalsFieldsAreDocumented() throws {
        try fill()
        try check("**JSON.** `journal --json`", try json(["journal"]))
        // Its sessions are documented once, with the plan's.
        try check("`today --json` prints", try json(["today", "--date", "2026-11-20"]), alsoIn: ["**JSON.** `plan --json`"])
        // `inPlaceOfRun` is printed only on cross-training that stands in for a run; under this
        // journal's warning sign no run is planned to stand in for.
        try check(
            "**JSON.** `plan --json`", try json(["plan", "--start", "2026-11-23", "--weeks", "2"]), notPrinted: ["inPlaceOfRun"])
        // What only self-tests, or next-morning entries after a spike, bring.
        try check(
            "**JSON.** `status --json`", try json(["status", "--date", "2026-11-20"]),
            notPrinted: ["retestDue", "meanNextMorningAfterSpikes", "painFollowsSpikes"])
    }

    @Test func theLibrarysFieldsAreDocumented() throws {
        try check("**JSON.** `exercises --json`", try json(["exercises"], journal: false))
    }
}

import Foundation
import Testing

/// `shoes`: names without regard to case, renaming, and the same wear words as `status`
/// (issue 15, item 4).
@Suite(.serialized)
struct ShoeCommandTests: JournalTest {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-shoes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @Test func namesMatchWithoutRegardToCase() throws {
        try kc(["shoes", "add", "Pegasus 40", "--start-km", "100"])
        let taken = try kc(["shoes", "add", "pegasus 40"], expect: 65)
        #expect(taken.stderr.contains("There is already a shoe named 'Pegasus 40'."))
        try kc(["log", "run", "--date", "2026-11-02", "--distance-km", "5", "--duration", "30:00", "--shoe", "PEGASUS 40"])
        #expect(try kc(["shoes", "list"]).stdout.contains("105.0"))
    }

    @Test func aRenamedPairKeepsItsRuns() throws {
        try kc(["shoes", "add", "Trainer", "--start-km", "10"])
        try kc(["shoes", "add", "Racer"])
        try kc(["log", "run", "--date", "2026-11-02", "--distance-km", "8", "--duration", "48:00", "--shoe", "Trainer"])
        #expect(try kc(["shoes", "rename", "trainer", "Daily Trainer"]).stdout == "Renamed the shoe 'trainer' to 'Daily Trainer'.\n")
        let list = try kc(["shoes", "list"]).stdout
        let names = list.split(separator: "\n").dropFirst().map { $0.components(separatedBy: "  ").first ?? "" }
        #expect(names == ["Daily Trainer", "Racer"] && list.contains("18.0"), "\(list)")
        #expect(try kc(["shoes", "rename", "Daily Trainer", "RACER"], expect: 65).stderr.contains("'Racer'"))
        #expect(try kc(["shoes", "rename", "Nothing", "New"], expect: 64).stderr.contains("no shoe named 'Nothing'"))
        #expect(try kc(["shoes", "rename", "Racer", " "], expect: 64).stderr.contains("at least one letter"))
    }

    /// At the same distance `shoes list` and `status` give the same wear words.
    @Test(arguments: [(300.0, "in use", "fine"), (650, "check how the pair feels", "review"),
                      (900, "a new pair is likely due", "past-range")])
    func wearWordsAgreeWithStatus(km: Double, words: String, wear: String) throws {
        try kc(["profile", "init", "--age", "40", "--weekly-km", "20", "--runs-per-week", "3", "--time-zone", "UTC"])
        try kc(["shoes", "add", "Pair", "--start-km", km.formatted(.number.grouping(.never))])
        let list = try kc(["shoes", "list"]).stdout
        let row = try #require(list.split(separator: "\n").first { $0.hasPrefix("Pair") })
        #expect(row.hasSuffix(words), "\(row)")
        let status = try kc(["status", "--date", "2026-11-23"]).stdout
        #expect(status.contains("Pair: \(km.formatted(.number.grouping(.never))) km") && status.contains(words), "\(status)")
        let json = try JSONSerialization.jsonObject(with: Data(try kc(["shoes", "list", "--json"]).stdout.utf8))
        let pair = try #require(((json as? [String: Any])?["shoes"] as? [[String: Any]])?.first)
        #expect(pair["wear"] as? String == wear)
    }
}

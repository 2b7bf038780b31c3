import Foundation
import Testing

/// `journal edit`, `journal delete`, `journal undo` (issue 15, item 1): a mistake can be put
/// right, and everything derived follows at once.
@Suite(.serialized)
struct JournalCorrectionTests: JournalTest {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-corrections-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try kc(["profile", "init", "--age", "35", "--weekly-km", "18", "--runs-per-week", "3", "--longest-run-km", "5",
                "--pain-level", "1", "--time-zone", "UTC"])
        try kc(["plan", "restart", "--date", "2026-10-05"])
    }

    func entries() throws -> [[String: Any]] { try json(["journal"])["entries"] as? [[String: Any]] ?? [] }

    func twoWeeksOfFiveKm() throws {
        for day in ["05", "07", "10", "12", "14", "17"] {
            try kc(["log", "run", "--date", "2026-10-\(day)", "--distance-km", "5", "--duration", "30:00"])
        }
    }

    @Test func aFiftyKilometreTypoEditedToFiveLeavesNoSpikeAndNoHold() throws {
        try twoWeeksOfFiveKm()
        try kc(["log", "run", "--date", "2026-10-19", "--distance-km", "50", "--duration", "4:30:00"])
        let typo = try #require(try entries().last?["id"] as? String)
        #expect(typo == "run-7")
        let spiked = try json(["status", "--date", "2026-10-25"])
        #expect(spiked["longestRunSpike"] is [String: Any])
        let before = try kc(["plan", "--start", "2026-10-26", "--weeks", "1", "--explain"]).stdout
        #expect(before.contains("The 50 km run on 2026-10-19"))

        let changed = try kc(["journal", "edit", typo, "--distance-km", "5", "--duration", "30:00"]).stdout
        #expect(changed.contains("Changed run-7 (2026-10-19): run 5.00 km in 30:00"))
        #expect(try json(["status", "--date", "2026-10-25"])["longestRunSpike"] is NSNull)
        #expect(!(try kc(["plan", "--start", "2026-10-26", "--weeks", "1", "--explain"]).stdout.contains("50 km")))
        // The id stays the one the journal showed.
        #expect(try entries().last?["id"] as? String == "run-7")
        #expect(try entries().last?["distanceKm"] as? Double == 5)
    }

    @Test func deletingAWronglyLoggedSignRunsThePlanAgainWithoutAnAllClear() throws {
        try kc(["log", "pain", "--date", "2026-10-06", "--when", "rest", "--level", "2", "--locking"])
        let held = try json(["today", "--date", "2026-10-08"])
        #expect((held["redFlags"] as? [[String: Any]])?.isEmpty == false)
        #expect(try kc(["journal", "delete", "pain-1", "--yes"]).stdout.contains("Deleted pain-1 of 2026-10-06"))
        let freed = try json(["today", "--date", "2026-10-08"])
        #expect((freed["redFlags"] as? [[String: Any]])?.isEmpty == true)
        #expect((freed["sessions"] as? [[String: Any]] ?? []).contains { $0["kind"] as? String == "run" })
        #expect((try json(["status", "--date", "2026-10-07"])["flags"] as? [[String: Any]])?.isEmpty == true)
    }

    @Test func undoGoesBackOneCorrectionAtATime() throws {
        try kc(["log", "pain", "--date", "2026-10-06", "--when", "after", "--level", "6", "--note", "stairs"])
        try kc(["log", "note", "--date", "2026-10-06", "slept badly"])
        let original = try entries()
        try kc(["journal", "edit", "pain-1", "--level", "3", "--note", ""])
        try kc(["journal", "delete", "note-1", "--yes"])
        let edited = try entries()
        #expect(edited.count == 1)
        #expect(edited.first?["level"] as? Int == 3 && edited.first?["note"] is NSNull)

        #expect(try kc(["journal", "undo"]).stdout == "Undid the delete: note-1 of 2026-10-06 is back (note: slept badly).\n")
        #expect(try entries().count == 2)
        #expect(try kc(["journal", "undo"]).stdout == "Undid the edit of pain-1: it is back as it was (knee pain 6/10 after).\n")
        #expect((try entries() as NSArray).isEqual(to: original))
        #expect(try kc(["journal", "undo"]).stdout.hasPrefix("Nothing to undo"))
    }

    @Test func aNewWarningSignByEditCountsAfterAnEarlierAllClear() throws {
        try kc(["log", "pain", "--date", "2026-10-06", "--when", "after", "--level", "3"])
        try kc(["log", "cleared", "--date", "2026-10-06"])
        try kc(["journal", "edit", "pain-1", "--swelling"])
        let day = try json(["today", "--date", "2026-10-07"])
        #expect((day["redFlags"] as? [[String: Any]])?.first?["sign"] as? String == "swelling")
    }

    @Test func badCorrectionsSayWhatIsWrongAndChangeNothing() throws {
        try kc(["log", "run", "--date", "2026-10-05", "--distance-km", "5", "--duration", "30:00"])
        try kc(["log", "pain", "--date", "2026-10-05", "--when", "after", "--level", "2"])
        let before = try kc(["journal", "--json"]).stdout
        let cases: [([String], String)] = [
            (["journal", "edit", "walk-3", "--level", "2"], "'walk-3' is not an entry name"),
            (["journal", "edit", "pain-9", "--level", "2"], "no entry pain-9"),
            (["journal", "edit", "pain-1", "--stairs", "2"], "--stairs is not something pain-1 has"),
            (["journal", "edit", "pain-1"], "Nothing to change was given for pain-1"),
            (["journal", "edit", "pain-1", "--level", "11"], "--level 11"),
            (["journal", "edit", "run-1", "--distance-km", "5", "--duration", "1:00"], "--duration"),
            (["journal", "edit", "run-1", "--date", "2030-01-01"], "in the future"),
            (["journal", "edit", "run-1", "--shoe", "Nope"], "no shoe named 'Nope'"),
            (["journal", "delete", "run-1"], "Add --yes"),
            (["journal", "delete", "note-1", "--yes"], "no entry note-1"),
            // run-1 is a run: no other kind's prefix reaches it.
            (["journal", "edit", "activity-1", "--title", "x"], "no entry activity-1"),
            (["journal", "edit", "run-1", "--duration", "0:30"], "--duration 0:30 is outside what KneeCoach accepts (from 1:00 to 72:00:00)"),
        ]
        for (arguments, message) in cases {
            let result = try kc(arguments, expect: 64)
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        #expect(try kc(["journal", "--json"]).stdout == before)
        #expect(try kc(["journal", "undo"]).stdout.hasPrefix("Nothing to undo"))
    }

    @Test(.enabled(if: ImportCommandTests.hasCorpus, ImportCommandTests.absent))
    func aDeletedImportStaysDeletedUnlessAsked() throws {
        let file = ImportCommandTests.path("fit/hs-testdata.fit")
        try kc(["import", file])
        let run = try #require(try entries().first?["id"] as? String)
        try kc(["journal", "delete", run, "--yes"])
        let again = try kc(["import", file]).stdout
        #expect(again.contains("imported 0") && again.contains("You deleted this activity"))
        #expect(try entries().isEmpty)
        // A backup keeps the deletion: restored elsewhere, the file stays out too.
        let backup = folder.appendingPathComponent("backup.json").path
        try kc(["export", backup])
        let other = folder.appendingPathComponent("other.sqlite").path
        #expect(try CLI.run(["restore", backup, "--db", other]).status == 0)
        #expect(try CLI.run(["import", file, "--db", other]).stdout.contains("You deleted this activity"))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: backup))) as? [String: Any])
        #expect((object["deletedFiles"] as? [String])?.count == 1)
        object["deletedFiles"] = ["not-a-hash"]
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: backup))
        let refused = try CLI.run(["restore", backup, "--db", other])
        #expect(refused.status == 65 && refused.stderr.contains("its deleted file 'not-a-hash' is not a content hash"))
        try kc(["import", "--include-deleted", file])
        #expect(try entries().count == 1)
        // Once brought back, it is an ordinary activity again: a repeat import is a duplicate.
        #expect(try kc(["import", file]).stdout.contains("duplicates skipped 1"))
        // The delete cannot be undone now (the file is back under a new name): undo says so,
        // once, and the list goes on with the correction before it.
        let blocked = try kc(["journal", "undo"], expect: 65).stderr
        #expect(blocked.contains("The delete of \(run) cannot be undone: the same file was imported again since"))
        #expect(try kc(["journal", "undo"]).stdout.hasPrefix("Nothing to undo"))
    }

    @Test func theJournalShowsEachEntrysName() throws {
        try kc(["log", "run", "--date", "2026-10-05", "--distance-km", "5", "--duration", "30:00"])
        try kc(["log", "function", "--date", "2026-10-05", "--stairs", "7"])
        let text = try kc(["journal"]).stdout
        #expect(text.contains("  - run-1: run 5.00 km in 30:00"))
        #expect(text.contains("  - function-1: function: stairs 7/10"))
    }
}

import Foundation
import Testing

/// `status`, `log function` and the plan reading the journal, run as a runner would on a
/// fresh SQLite file each time.
@Suite(.serialized)
struct StatusCommandTests: JournalTest {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-status-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Three weeks of three 6 km runs, then a long run 50 % past the longest.
    func steadyWeeksThenALongRun() throws {
        try kc(["profile", "init", "--age", "41", "--weekly-km", "18", "--runs-per-week", "3", "--pain-level", "2",
                "--pain-location", "front", "--time-zone", "UTC"])
        try kc(["shoes", "add", "Trainer", "--start-km", "700"])
        for day in ["02", "04", "06", "09", "11", "13", "16", "18", "20"] {
            try kc(["log", "run", "--date", "2026-11-\(day)", "--distance-km", "6", "--duration", "36:00",
                    "--shoe", "Trainer", "--cadence", "160"])
        }
        try kc(["log", "run", "--date", "2026-11-22", "--distance-km", "9", "--duration", "56:00", "--shoe", "Trainer",
                "--cadence", "161"])
    }

    @Test func statusGivesTheFieldsScriptsRelyOn() throws {
        try steadyWeeksThenALongRun()
        let status = try json(["status", "--date", "2026-11-23", "--weeks", "4"])
        for key in ["weeklyKm", "acuteChronicRatio", "longestRunSpike", "painTrend", "shoes", "cadence", "flags",
                    "progress", "adherence"] {
            #expect(status[key] != nil, "missing \(key)")
        }
        let weeks = try #require(status["weeklyKm"] as? [[String: Any]])
        #expect(weeks.count == 4)
        #expect(weeks.map { $0["runningKm"] as? Double } == [18, 18, 27, 0])  // the 22nd is a Sunday
        let spike = try #require(status["longestRunSpike"] as? [String: Any])
        #expect(spike["date"] as? String == "2026-11-22" && spike["percentOver"] as? Double == 50)
        let shoes = try #require((status["shoes"] as? [String: Any])?["pairs"] as? [[String: Any]])
        #expect(shoes.first?["km"] as? Double == 763 && shoes.first?["wear"] as? String == "review")
        let cadence = try #require(status["cadence"] as? [String: Any])
        #expect(cadence["baselineSpm"] as? Double == 160)
        #expect((cadence["targetSpm"] as? Double ?? 0) > 160)

        let text = try kc(["status", "--date", "2026-11-23", "--weeks", "4"]).stdout
        #expect(text.contains("Running, last 4 weeks"))
        #expect(text.contains("50 % longer than the longest run"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })

        // Pain at rest decides a week's verdict too, so it has its own column (issue 15, item 6).
        try kc(["log", "pain", "--date", "2026-11-19", "--level", "1", "--when", "rest"])
        let table = try kc(["status", "--date", "2026-11-23", "--weeks", "4"]).stdout.split(separator: "\n")
        let header = try #require(table.first { $0.contains("next morning") })
        #expect(header.contains("  rest  ") && header.contains("sessions"))
        #expect(table.allSatisfy { $0.count <= 80 })
    }

    @Test func aLockingKneeHoldsThePlanUntilAClinicianClearsIt() throws {
        try steadyWeeksThenALongRun()
        try kc(["log", "pain", "--date", "2026-11-23", "--when", "after", "--level", "4", "--locking"])
        let flags = try #require(try json(["status", "--date", "2026-11-23"])["flags"] as? [[String: Any]])
        let locking = try #require(flags.first { $0["sign"] as? String == "locking" })
        #expect(locking["raisedOn"] as? String == "2026-11-23")
        #expect(locking["action"] as? String != nil && locking["reason"] as? String != nil)
        #expect(try runsPlanned(from: "2026-11-30") == 0)

        try kc(["log", "cleared", "--date", "2026-11-24", "--note", "physio: meniscus fine"])
        let after = try #require(try json(["status", "--date", "2026-11-24"])["flags"] as? [[String: Any]])
        #expect(!after.contains { $0["sign"] as? String == "locking" })
        #expect(try runsPlanned(from: "2026-11-30") > 0)
    }

    /// How many runs a two-week plan from `start` holds.
    func runsPlanned(from start: String) throws -> Int {
        let plan = try json(["plan", "--start", start, "--weeks", "2"])
        let weeks = try #require(plan["weeks"] as? [[String: Any]])
        let days = weeks.flatMap { $0["days"] as? [[String: Any]] ?? [] }
        let sessions = days.flatMap { $0["sessions"] as? [[String: Any]] ?? [] }
        #expect(!sessions.isEmpty)
        return sessions.filter { $0["kind"] as? String == "run" }.count
    }

    @Test func aWarningSignLoggedMidWeekHoldsTheRestOfThatWeeksDays() throws {
        try kc(["profile", "init", "--age", "35", "--weekly-km", "15", "--runs-per-week", "3", "--time-zone", "UTC"])
        func runsOn(_ day: String) throws -> Int {
            let today = try json(["today", "--date", day])
            let sessions = try #require(today["sessions"] as? [[String: Any]])
            return sessions.filter { $0["kind"] as? String == "run" }.count
        }
        #expect(try runsOn("2026-11-21") == 1, "Saturday is a run day of a three-run week")
        try kc(["log", "pain", "--date", "2026-11-18", "--when", "after", "--level", "3", "--giving-way"])
        #expect(try runsOn("2026-11-21") == 0, "a knee that gave way on Wednesday stops Saturday's run")
        #expect(try runsOn("2026-11-17") == 1, "Tuesday came before the sign")
        let today = try json(["today", "--date", "2026-11-21"])
        #expect((today["redFlags"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func functionRatingsAreCheckedStoredAndCompared() throws {
        try kc(["profile", "init", "--age", "55", "--time-zone", "UTC"])
        let none = try kc(["log", "function", "--date", "2026-11-02"], expect: 64)
        #expect(none.stderr.contains("--stairs"))
        let high = try kc(["log", "function", "--date", "2026-11-02", "--stairs", "11"], expect: 64)
        #expect(high.stderr.contains("--stairs 11"))
        let future = try kc(["log", "function", "--date", "2099-01-01", "--running", "5"], expect: 64)
        #expect(future.stderr.contains("future"))
        try kc(["log", "function", "--date", "2026-11-02", "--stairs", "4", "--running", "3"])
        try kc(["log", "function", "--date", "2026-11-16", "--stairs", "7", "--running", "3"])
        let entries = try #require(try json(["journal"])["entries"] as? [[String: Any]])
        #expect(entries.map { $0["type"] as? String } == ["function", "function"])
        #expect(entries.first?["stairs"] as? Int == 4 && entries.first?["squatting"] is NSNull)
        let progress = try #require(try json(["status", "--date", "2026-11-20"])["progress"] as? [String: Any])
        let function = try #require(progress["function"] as? [[String: Any]])
        let stairs = try #require(function.first { $0["activity"] as? String == "stairs" })
        #expect(stairs["first"] as? Int == 4 && stairs["latest"] as? Int == 7 && stairs["direction"] as? String == "better")
    }

    @Test func theReportIsOneSelfContainedPageOfCharts() throws {
        try steadyWeeksThenALongRun()
        try kc(["log", "pain", "--date", "2026-11-23", "--when", "next-morning", "--level", "3"])
        let file = folder.appendingPathComponent("report.html")
        let result = try kc(["report", file.path, "--date", "2026-11-23", "--weeks", "6"])
        #expect(result.stdout.contains(file.path))
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") || html.hasPrefix("<!doctype html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 4, "four charts")
        #expect(html.contains("Trainer") && html.contains("16 Nov"))
        for external in ["src=\"http", "href=\"http", "url(http", "<script src", "<link "] {
            #expect(!html.contains(external), "the page reaches out with \(external)")
        }
        let unwritable = try kc(["report", "/nonexistent-kc-folder/report.html", "--date", "2026-11-23"], expect: 1)
        #expect(unwritable.stderr.split(separator: "\n").count == 1 && unwritable.stderr.contains("report"))
        try kc(["report", file.path, "--date", "23/11/2026"], expect: 64)
    }

    @Test func badInputIsOneSentenceAndTheRightExitCode() throws {
        let noProfile = try kc(["status"], expect: 64)
        #expect(noProfile.stderr.contains("kneecoach profile init"))
        #expect(!FileManager.default.fileExists(atPath: db), "status created a journal just to find it empty")
        try kc(["profile", "init", "--age", "30"])
        let date = try kc(["status", "--date", "yesterday"], expect: 64)
        #expect(date.stderr.split(separator: "\n").count == 1 && date.stderr.contains("YYYY-MM-DD"))
        try kc(["status", "--weeks", "0"], expect: 64)
        try kc(["status", "--weeks", "521"], expect: 64)
        let noReport = try CLI.run(["report", folder.appendingPathComponent("r.html").path, "--db", db + "-none"])
        #expect(noReport.status == 64 && noReport.stderr.contains("profile init"))
    }
}

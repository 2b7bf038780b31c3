import Foundation
import KneeCoachApp
import KneeCoachCore
import Testing

@testable import kneecoach

/// An offline runner sees what a coach set and can undo it: the coach's adjustment is made
/// through the use case the server calls, on the same SQLite file the command line reads.
@Suite(.serialized)
struct AdjustmentsCommandTests: JournalTest {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws {
        folder = try Self.temporaryFolder("adjust")
        try kc(["profile", "init", "--age", "35", "--weekly-km", "18", "--runs-per-week", "3", "--longest-run-km", "6",
                "--minutes-per-day", "30", "--time-zone", "UTC"])
        try kc(["plan", "restart", "--date", "2026-10-05"])
        for day in ["05", "07", "09", "12", "14", "16", "19"] {
            try kc(["log", "run", "--date", "2026-10-\(day)", "--distance-km", "6", "--duration", "36:00"])
        }
    }

    /// The coach (Sam, account 7) pauses running for three days on Tuesday 20 October.
    func coachPauses() async throws -> CoachAdjustment {
        let data = DataFolder(databaseURL: URL(fileURLWithPath: db))
        return try await Journal.with(.sqlite(path: db), dataFolder: data) { journal in
            try await journal.adjust(
                .pauseRunning(days: 3), by: .init(userID: nil, name: "Sam"), reason: "Sore after the hills",
                on: LocalDate(year: 2026, month: 10, day: 20))
        }
    }

    @Test func aRunnerSeesTheCoachsPauseFromTheNextMorningAndUndoesIt() async throws {
        #expect(try kc(["adjustments"]).stdout.hasPrefix("No coach has adjusted your programme."))
        let made = try await coachPauses()
        #expect(made.id == 1)

        let before = try json(["today", "--date", "2026-10-20"])
        #expect((before["adjustments"] as? [Any])?.isEmpty == true)
        let day = try json(["today", "--date", "2026-10-21"])
        let adjustments = try #require(day["adjustments"] as? [[String: Any]])
        #expect(adjustments.count == 1)
        #expect(adjustments.first?["kind"] as? String == "pause-running")
        #expect(adjustments.first?["value"] as? String == "3")
        #expect(adjustments.first?["coach"] as? String == "Sam")
        #expect(adjustments.first?["coachReason"] as? String == "Sore after the hills")
        #expect(
            adjustments.first?["reason"] as? String
                == "Your coach Sam paused running for 3 days on 20 Oct: cross-training takes the place of running through 23 Oct.")
        #expect(adjustments.first?["limitedBy"] is NSNull)
        let kinds = (day["sessions"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(!kinds.contains("run"))
        let text = try kc(["today", "--date", "2026-10-21"]).stdout
        #expect(
            text.contains(
                "Coach: Your coach Sam paused running for 3 days on 20 Oct: cross-training takes\n  the place of running through 23 Oct. (\u{201C}Sore after the hills\u{201D})"),
            "\(text)")
        let week = try kc(["plan", "--start", "2026-10-19", "--weeks", "1", "--explain"]).stdout
        #expect(week.contains("Your coach Sam paused running for 3 days on 20 Oct"), "\(week)")
        let plan = try json(["plan", "--start", "2026-10-19", "--weeks", "1"])
        let days = ((plan["weeks"] as? [[String: Any]])?.first?["days"] as? [[String: Any]]) ?? []
        #expect(days.map { ($0["adjustments"] as? [Any])?.count ?? -1 } == [0, 0, 1, 1, 1, 0, 0])

        #expect(
            try kc(["adjustments"]).stdout
                == "1  pause running 3 days, set by Sam on 2026-10-20\n   applies 2026-10-21 to 2026-10-23; ended\n   \u{201C}Sore after the hills\u{201D}\n")
        let document = try json(["adjustments"])
        let entry = try #require((document["adjustments"] as? [[String: Any]])?.first)
        #expect(entry["firstDay"] as? String == "2026-10-21")
        #expect(entry["lastDay"] as? String == "2026-10-23")
        #expect(entry["undoneOn"] is NSNull)

        let undone = try kc(["adjustments", "undo", "1"])
        #expect(undone.stdout.hasPrefix("Undid adjustment 1 (pause running 3 days, set by Sam on 2026-10-20): the plan goes back from "))
        let after = try #require((try json(["adjustments"])["adjustments"] as? [[String: Any]])?.first)
        #expect(after["status"] as? String == "undone")
        #expect(after["undoneBy"] as? String == "the runner")
        let again = try kc(["adjustments", "undo", "1"], expect: 1)
        #expect(again.stderr.hasPrefix("kneecoach: Adjustment 1 was already undone on "))
        #expect(again.stderr.contains("Nothing to do: it no longer changes the plan."))
        let unknown = try kc(["adjustments", "undo", "99"], expect: 1)
        #expect(unknown.stderr == "kneecoach: There is no adjustment 99 for this runner. List the adjustments and use a number from that list.\n")
    }

    @Test func anAbsurdValueIsRefusedWithTheLimit() async throws {
        let data = DataFolder(databaseURL: URL(fileURLWithPath: db))
        let error = await #expect(throws: AdjustmentError.self) {
            try await Journal.with(.sqlite(path: self.db), dataFolder: data) { journal in
                try await journal.adjust(
                    try CoachAdjustment.Kind(name: "runs-per-week", value: "12"), by: .init(userID: nil, name: "Sam"),
                    reason: "More!")
            }
        }
        #expect(error?.message == "runs-per-week 12 is outside what a coach can set (a whole number from 1 to 7). Give runs-per-week a value inside that range.")
        #expect(try kc(["adjustments"]).stdout.hasPrefix("No coach has adjusted your programme."))
    }

    @Test func aCoachsNewCommentsShowOnTodayAtTheCommandLine() async throws {
        #expect(!(try kc(["today", "--date", "2026-10-20"]).stdout.contains("From your coach:")))
        let data = DataFolder(databaseURL: URL(fileURLWithPath: db))
        try await Journal.with(.sqlite(path: db), dataFolder: data) { journal in
            let runner = journal.store.userID
            for text in ["Easy this week", "Giving way: see your physio before running", "Ice after", "Well done"] {
                _ = try await journal.comment(
                    on: try #require(LocalDate(year: 2026, month: 10, day: 20)), about: "day", body: text, author: runner, authorName: "Sam",
                    byCoach: true)
            }
        }
        let text = try kc(["today", "--date", "2026-10-20"]).stdout
        #expect(text.contains("From your coach:\n  Sam, 2026-10-20: Giving way: see your physio before running"), "\(text)")
        #expect(!text.contains("Easy this week") && text.contains("Well done"))
        #expect(text.contains("1 more, and mark them read on the web app's Today."))
    }

    /// Pain 7/10 during Monday's run, then swelling on Tuesday: the sign makes Wednesday a
    /// safe day, and the pain hold is said as what comes after the sign, not as "runs are
    /// replaced" beside a plan without runs (a trial found the two side by side).
    @Test func aPainHoldUnderAWarningSignIsSaidAsWhatComesAfterIt() throws {
        try kc(["log", "pain", "--date", "2026-10-19", "--when", "during", "--level", "7"])
        try kc(["log", "pain", "--date", "2026-10-20", "--when", "rest", "--level", "3", "--swelling"])
        let text = try kc(["today", "--date", "2026-10-20"]).stdout
        #expect(text.contains("!! WARNING SIGNS"), "\(text)")
        #expect(text.contains("Hold: A warning sign holds today's plan (no running); after it, this applies:"), "\(text)")
    }

    @Test func aCommentNeverDrivesTheTerminal() {
        #expect(TodayView.printable("a\u{1B}[2Jb\u{07}") == "a [2Jb ")
    }
}

import Foundation
import Testing

/// What `log` says back, as a runner in the trial read it: a typo named as a typo, a decimal
/// comma with its fix, a run not logged as a session, an all-clear that says what it lifts,
/// and a next-morning entry that does not repeat the hold of the run before it.
struct LogMessagesTests: JournalTest {
    let db: String

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-logmessages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appendingPathComponent("k.sqlite").path
    }

    @Test func aTypoOrACommaIsNamedForWhatItIs() throws {
        let typo = try kc(["log", "run", "--distanse-km", "5", "--duration", "30:00"], expect: 64).stderr
        #expect(typo == "kneecoach: Unknown option '--distanse-km'. Did you mean '--distance-km'? See 'kneecoach log run --help' for its options.\n")
        let hidden = try kc(["session", "--time-scal", "2"], expect: 64).stderr
        #expect(hidden.contains("Unknown option '--time-scal'. Did you mean '--time-scale'?"))
        let comma = try kc(["log", "run", "--distance-km", "5,5", "--duration", "30:00"], expect: 64).stderr
        #expect(comma.contains("--distance-km 5,5 is not a number KneeCoach reads") && comma.contains("Write the decimal with a point: --distance-km 5.5."))
        #expect(try kc(["log", "session", "--kind", "run"], expect: 64).stderr.contains("A run is not logged as a session."))
        #expect(try kc(["log", "session", "--kind", "rest"], expect: 64).stderr.contains("A rest day has no session to log."))
        #expect(try kc(["journal"]).stdout.hasPrefix("The journal has no entries"))
        #expect(try kc(["log", "session", "--kind", "Strength", "--date", "2026-11-02"]).stdout.hasPrefix("Logged the strength session"))
        let kinds = try kc(["log", "session", "--kind", "stren"], expect: 64).stderr
        #expect(kinds.contains("one of the following: run, warm-up, cool-down, strength"), "\(kinds)")
    }

    @Test func anAllClearSaysWhatItLifts() throws {
        try kc(["profile", "init", "--age", "40", "--weekly-km", "20", "--time-zone", "UTC"])
        #expect(try kc(["log", "cleared", "--date", "2026-11-02"]).stdout.contains("No warning sign was active that day"))
        try kc(["log", "pain", "--date", "2026-11-03", "--when", "rest", "--level", "2", "--locking"])
        #expect(try kc(["log", "cleared", "--date", "2026-11-04"]).stdout.contains("It lifts: locking."))
    }

    @Test func aNextMorningEntryDoesNotRepeatTheRunsHold() throws {
        try kc(["profile", "init", "--age", "35", "--weekly-km", "25", "--runs-per-week", "3", "--pain-level", "1",
                "--time-zone", "UTC"])
        try kc(["plan", "restart", "--date", "2026-09-07"])
        try kc(["log", "run", "--date", "2026-09-22", "--distance-km", "5", "--duration", "30:00"])
        let during = try kc(["log", "pain", "--date", "2026-09-22", "--when", "during", "--level", "7"]).stdout
        #expect(during.contains("What changes: Your pain 7/10 during a run on Tue 2026-09-22"))
        let morning = try kc(["log", "pain", "--date", "2026-09-23", "--when", "next-morning", "--level", "1"]).stdout
        #expect(!morning.contains("7/10"), "\(morning)")
    }
}

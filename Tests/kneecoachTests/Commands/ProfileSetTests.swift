import Foundation
import Testing

/// `profile set`: one field changed, the rest and the programme kept (issue 15, item 3).
struct ProfileSetTests: JournalTest {
    let db: String

    init() throws { db = try ProfileCommandTests.database().db }

    func profile() throws -> [String: Any] { try ProfileCommandTests.json(try kc(["profile", "show", "--json"]).stdout) }

    func makeProfile() throws {
        try kc([
            "profile", "init", "--age", "41", "--weekly-km", "30", "--runs-per-week", "3", "--time-zone", "Europe/Oslo",
            "--experience", "intermediate", "--equipment", "wall", "step", "--pain-level", "2", "--pain-location", "front",
        ])
        try kc(["plan", "restart", "--date", "2026-11-02"])
    }

    @Test func oneFieldChangesAndTheRestStays() throws {
        try makeProfile()
        #expect(try kc(["profile", "set", "weeklyDistanceKm", "25"]).stdout == "Set weeklyDistanceKm in the profile.\n")
        try kc(["profile", "set", "equipment", "wall,step,towel"])
        try kc(["profile", "set", "pain.level", "3"])
        let profile = try profile()
        #expect(profile["weeklyDistanceKm"] as? Double == 25 && profile["age"] as? Int == 41)
        #expect(profile["timeZone"] as? String == "Europe/Oslo" && profile["experience"] as? String == "intermediate")
        #expect(profile["equipment"] as? [String] == ["wall", "step", "towel"])
        #expect((profile["pain"] as? [String: Any])?["level"] as? Int == 3)
        #expect((profile["pain"] as? [String: Any])?["location"] as? String == "front")
        // The programme goes on.
        let today = try ProfileCommandTests.json(try kc(["today", "--date", "2026-11-20", "--json"]).stdout)
        #expect(today["planStart"] as? String == "2026-11-02")
    }

    @Test func aBadValueOrFieldChangesNothing() throws {
        try makeProfile()
        let before = try kc(["profile", "show", "--json"]).stdout
        #expect(try kc(["profile", "set", "weeklyDistanceKm", "900"], expect: 64).stderr.contains("weeklyDistanceKm"))
        #expect(try kc(["profile", "set", "weeklyKm", "20"], expect: 64).stderr.contains("weeklyKm"))
        #expect(try kc(["profile", "set", "goal", "fly"], expect: 64).stderr.contains("goal"))
        try kc(["profile", "set", "age"], expect: 64)
        #expect(try kc(["profile", "show", "--json"]).stdout == before)
    }

    @Test func noneClearsAndAPatchMerges() throws {
        try makeProfile()
        try kc(["profile", "set", "equipment", "none"])
        #expect((try profile()["equipment"] as? [String] ?? []).isEmpty)
        let patch = FileManager.default.temporaryDirectory.appendingPathComponent("patch-\(UUID().uuidString).json")
        try Data(#"{"goal": "race", "pain": {"level": 0}, "timeZone": null}"#.utf8).write(to: patch)
        try kc(["profile", "set", "--json", patch.path])
        let profile = try profile()
        #expect(profile["goal"] as? String == "race" && profile["timeZone"] == nil)
        #expect((profile["pain"] as? [String: Any])?["level"] as? Int == 0)
        try Data("[1, 2]".utf8).write(to: patch)
        try kc(["profile", "set", "--json", patch.path], expect: 65)
    }

    /// `profile init` over a stored profile says what it replaces: without a terminal it goes
    /// on and lists the fields; in one it asks first (issue 15, item 3).
    @Test func initOverAProfileSaysWhatItReplaces() throws {
        try makeProfile()
        let replaced = try kc(["profile", "init", "--age", "42", "--pain-level", "2", "--pain-location", "front"])
        #expect(replaced.stdout.contains("Replacing the stored profile:"))
        #expect(replaced.stdout.contains("  age: 41 → 42"))
        #expect(replaced.stdout.contains("  weeklyDistanceKm: 30 → (not given)"))
        #expect(replaced.stdout.contains("  equipment: wall, step → (not given)"))
        #expect(!replaced.stdout.contains("pain.level"))
    }

    @Test(.enabled(if: Tmux.path != nil, "tmux is not installed, so the pseudo-terminal tests are skipped (apt-get install tmux)"))
    func initInATerminalAsksBeforeReplacing() throws {
        try makeProfile()
        let tmux = try Tmux.start([CLI.executable.path, "profile", "init", "--age", "50", "--db", db])
        defer { tmux.end() }
        _ = try tmux.waitFor("Replace it?")
        tmux.send("n", "Enter")
        let screen = try tmux.waitFor("exit status")
        #expect(screen.contains("Kept the stored profile; nothing changed."), "\(screen)")
        #expect(try profile()["age"] as? Int == 41)
    }
}

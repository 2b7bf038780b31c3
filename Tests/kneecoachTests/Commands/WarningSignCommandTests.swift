import Foundation
import Testing

/// Warning signs as a runner meets them: the profile's and the journal's in `today`,
/// `plan`, `status` and the report, and what `log cleared` lifts.
@Suite(.serialized)
struct WarningSignCommandTests: JournalTest {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }
    /// The runner's today (the `log` commands refuse later days).
    let day = "2026-12-05"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-signs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func statusSigns() throws -> [String] {
        let flags = try #require(try json(["status", "--date", day])["flags"] as? [[String: Any]])
        return flags.compactMap { $0["sign"] as? String }
    }

    func todaySigns() throws -> [String] {
        let flags = try #require(try json(["today", "--date", day])["redFlags"] as? [[String: Any]])
        return flags.compactMap { $0["sign"] as? String }
    }

    @Test func theProfilesSignsShowInStatusAndAClearanceLiftsThemEverywhere() throws {
        try kc(["profile", "init", "--age", "41", "--weekly-km", "18", "--runs-per-week", "3", "--pain-level", "3",
                "--locking", "--time-zone", "UTC"])
        #expect(try todaySigns() == ["locking"])
        #expect(try statusSigns() == ["locking"])
        let text = try kc(["status", "--date", day]).stdout
        #expect(text.contains("locking") && text.contains("profile's pain block"))

        try kc(["log", "cleared", "--date", day, "--note", "physio: plica, fine to run"])
        #expect(try todaySigns().isEmpty)
        #expect(try statusSigns().isEmpty)

        // Saving the same profile again keeps the all-clear.
        let profile = folder.appendingPathComponent("shown.json")
        try Data(try kc(["profile", "show", "--json"]).stdout.utf8).write(to: profile)
        #expect(FileManager.default.fileExists(atPath: profile.path))
        try kc(["profile", "import", profile.path])
        #expect(try todaySigns().isEmpty)
        #expect(try statusSigns().isEmpty)

        let report = folder.appendingPathComponent("report.html")
        try kc(["report", report.path, "--date", day])
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.contains("locking") && html.contains("cleared by a clinician on"))
    }

    @Test func aSignLoggedAfterTheAllClearOnTheSameDayHoldsThePlanAgain() throws {
        try kc(["profile", "init", "--age", "41", "--weekly-km", "18", "--runs-per-week", "3", "--time-zone", "UTC"])
        try kc(["log", "pain", "--date", day, "--when", "after", "--level", "4", "--giving-way"])
        try kc(["log", "cleared", "--date", day])
        #expect(try todaySigns().isEmpty)
        #expect(try statusSigns().isEmpty)
        try kc(["log", "pain", "--date", day, "--when", "after", "--level", "3", "--locking"])
        #expect(try todaySigns() == ["locking"])
        #expect(try statusSigns() == ["locking"])
    }

    @Test func calfSignsWithBreathlessnessAreAnEmergencyFromLogPain() throws {
        try kc(["profile", "init", "--age", "41", "--weekly-km", "18", "--runs-per-week", "3", "--time-zone", "UTC"])
        let logged = try kc(["log", "pain", "--date", day, "--when", "rest", "--level", "2", "--calf-pain", "--breathless"])
        #expect(logged.stdout.contains("Warning sign — calf-with-breathlessness:") && logged.stdout.contains("(emergency)"))
        let flags = try #require(try json(["status", "--date", day])["flags"] as? [[String: Any]])
        #expect(flags.first?["sign"] as? String == "calf-with-breathlessness")
        #expect(flags.first?["action"] as? String == "emergency" && flags.first?["evidence"] as? String == "flag.calf")
        #expect(try todaySigns() == ["calf-with-breathlessness"])
        let entries = try #require(try json(["journal"])["entries"] as? [[String: Any]])
        #expect(entries.contains { $0["calfPain"] as? Bool == true && $0["breathless"] as? Bool == true })
    }

    @Test func numbnessFromANoteAndTheOttawaRulesFromTheProfile() throws {
        try kc(["profile", "init", "--age", "60", "--weekly-km", "18", "--runs-per-week", "3", "--pain-level", "3",
                "--after-trauma", "--time-zone", "UTC"])
        let flags = try #require(try json(["status", "--date", day])["flags"] as? [[String: Any]])
        #expect(flags.map { $0["sign"] as? String } == ["injury-needs-examination"])
        #expect(flags.first?["action"] as? String == "urgent-care")

        let noted = try kc(["log", "note", "--date", day, "Left foot went numb on the long run"])
        #expect(noted.stdout.contains("Warning sign — numbness:") && noted.stdout.contains("(see-clinician-soon)"))
        #expect(try statusSigns() == ["injury-needs-examination", "numbness"])
    }

    @Test func everyNewSignHasItsFlagAndProfileField() throws {
        let help = try kc(["log", "pain", "--help"]).stdout
        for flag in ["--calf-pain", "--breathless", "--numbness", "--numbness-spreading", "--cold-foot",
                     "--cannot-bear-weight", "--cannot-bend", "--bony-tenderness"] {
            #expect(help.contains(flag), "log pain lacks \(flag)")
        }
        try kc(["profile", "init", "--age", "41", "--pain-level", "2", "--numbness", "--cold-foot", "--time-zone", "UTC"])
        let pain = try #require(try json(["profile", "show"])["pain"] as? [String: Any])
        #expect(pain["numbness"] as? Bool == true && pain["coldFoot"] as? Bool == true)
        #expect(try statusSigns() == ["cold-or-pale-foot"])
    }
}

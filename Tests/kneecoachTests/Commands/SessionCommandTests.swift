import Foundation
import KneeCoachCore
import Testing

@testable import kneecoach

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `kneecoach session` run as a runner would: in a real pseudo-terminal under tmux (keys
/// sent, the screen read back, the session then found in `journal --json`), piped to a
/// file, and with bad requests. Each test has its own SQLite file and tmux server.
@Suite(.serialized)
struct SessionCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }
    /// A Monday: the plan's first strength day.
    static let monday = "2026-11-02"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func kc(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments + ["--db", db]) }

    func makeProfile() throws {
        let profile = try kc(["profile", "init", "--age", "35", "--weekly-km", "20", "--runs-per-week", "3", "--minutes-per-day", "30"])
        #expect(profile.status == 0, "\(profile.stderr)")
    }

    struct PlannedItem: Decodable {
        let exercise: String
        let name: String
    }

    /// The strength items planned on ``monday``, as `today --json` lists them.
    func strengthItems() throws -> [PlannedItem] {
        struct Today: Decodable {
            struct Session: Decodable {
                let kind: String
                let items: [PlannedItem]
            }
            let sessions: [Session]
        }
        let today = try kc(["today", "--date", Self.monday, "--json"])
        let decoded = try JSONDecoder().decode(Today.self, from: Data(today.stdout.utf8))
        return try #require(decoded.sessions.first { $0.kind == "strength" }?.items)
    }

    struct Entry: Decodable {
        let date: String
        let type: String
        let kind: String?
        let itemsDone: [String]?
        let itemsSkipped: [String]?
        let pain: Int?
        let effort: Int?
        let note: String?
    }

    func sessions() throws -> [Entry] {
        struct Entries: Decodable { let entries: [Entry] }
        let result = try kc(["journal", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Entries.self, from: Data(result.stdout.utf8)).entries.filter { $0.type == "session" }
    }

    // MARK: In a real terminal

    @Test(.enabled(if: Tmux.path != nil, "tmux is not installed, so the pseudo-terminal tests are skipped (apt-get install tmux)"))
    func aGuidedSessionRunsFullScreenAndLandsInTheJournal() throws {
        try makeProfile()
        let items = try strengthItems()
        #expect(items.count >= 2)
        let tmux = try Tmux.start(
            [CLI.executable.path, "session", "--date", Self.monday, "--kind", "strength", "--db", db, "--time-scale", "8", "--quiet"])
        defer { tmux.end() }

        var screen = try tmux.waitFor("GET READY: \(items[0].name.uppercased())")
        #expect(screen.contains("KneeCoach · strength session · \(Self.monday)"))
        #expect(screen.contains("space pause") && screen.contains("q quit"))
        #expect(screen.contains("Next: \(items[0].name)"))
        #expect(tmux.alternateScreen == true)

        // The first work step: pause it, see the clock stand still, go on.
        screen = try tmux.waitFor("step 2 of")
        #expect(screen.contains(items[0].name.uppercased()))
        tmux.send("Space")
        screen = try tmux.waitFor("PAUSED")
        let frozen = Tmux.countdown(in: screen)
        Thread.sleep(forTimeInterval: 1.0)
        #expect(Tmux.countdown(in: try tmux.capture()) == frozen, "the countdown moved while paused")
        tmux.send("Space")
        screen = try tmux.waitFor("step 3 of", timeout: 40)

        // Skip the rest of the first exercise, then stop during the second's get-ready.
        tmux.send("s")
        screen = try tmux.waitFor("GET READY: \(items[1].name.uppercased())")
        tmux.send("q")
        screen = try tmux.waitFor("Knee pain during the session")
        #expect(tmux.alternateScreen == false, "the terminal was not given back")
        #expect(screen.contains("Stopped after"))
        tmux.send("12", "Enter")
        screen = try tmux.waitFor("That answer does not fit")
        tmux.send("2", "Enter")
        screen = try tmux.waitFor("Effort")
        tmux.send("5", "Enter")
        screen = try tmux.waitFor("exit status")
        #expect(screen.contains("exit status 0"), "\(screen)")
        // One side of the first set is not a set done: the work is logged, no exercise is done.
        #expect(screen.contains("Logged the strength session of \(Self.monday): 0 of \(items.count) exercises done"))

        let logged = try #require(try sessions().first)
        #expect(logged.kind == "strength" && logged.date == Self.monday)
        #expect(logged.itemsDone == [])
        #expect(logged.itemsSkipped == items.map(\.exercise))
        #expect(logged.pain == 2 && logged.effort == 5)
        #expect(logged.note?.hasPrefix("Guided session, stopped after") == true)
    }

    @Test(.enabled(if: Tmux.path != nil, "tmux is not installed, so the pseudo-terminal tests are skipped (apt-get install tmux)"))
    func ctrlCAndSIGINTGiveTheTerminalBackAndNothingDoneLogsNothing() throws {
        try makeProfile()
        let command = [CLI.executable.path, "session", "--date", Self.monday, "--kind", "strength", "--db", db]
        let keyed = try Tmux.start(command)
        defer { keyed.end() }
        _ = try keyed.waitFor("GET READY")
        keyed.send("C-c")
        var screen = try keyed.waitFor("exit status")
        #expect(screen.contains("Nothing was done, so nothing was logged.") && screen.contains("exit status 0"), "\(screen)")
        #expect(keyed.alternateScreen == false)

        let signalled = try Tmux.start(command)
        defer { signalled.end() }
        _ = try signalled.waitFor("GET READY")
        let pid = try #require(try signalled.childProcess(named: "kneecoach"))
        #expect(kill(pid, SIGINT) == 0)
        screen = try signalled.waitFor("exit status")
        #expect(screen.contains("Nothing was done, so nothing was logged."), "\(screen)")
        #expect(signalled.alternateScreen == false)
        #expect(try sessions().isEmpty)
    }

    // MARK: Without a terminal, and bad requests

    @Test func aPipeGetsThePlainStepListAndNothingIsLogged() throws {
        try makeProfile()
        let items = try strengthItems()
        let result = try kc(["session", "--date", Self.monday, "--kind", "strength"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Strength session of \(Self.monday) · about "))
        #expect(result.stdout.contains(" 1. Get ready: \(items[0].name)") || result.stdout.contains("1. Get ready: \(items[0].name)"))
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.contains("Nothing is logged from this list."))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(try sessions().isEmpty)
    }

    @Test func withoutAKindTheDaysFirstGuidedSessionIsListed() throws {
        try makeProfile()
        let result = try kc(["session", "--date", Self.monday])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("session of \(Self.monday)"))
    }

    @Test(arguments: [
        (["session", "--date", monday, "--kind", "run"], "A run is not a guided session."),
        (["session", "--date", monday, "--kind", "rest"], "A rest day has no session to guide."),
        (["session", "--date", monday, "--kind", "yoga-pilates"], "No yoga-pilates session is planned on Mon \(monday)."),
        (["session", "--date", "2026-11-31"], "--date '2026-11-31' is not a date."),
        (["session", "--date", monday, "--kind", "stretching"], "stretching"),
        (["session", "--date", monday, "--time-scale", "0"], "--time-scale must be a number above 0"),
    ])
    func badRequestsExit64WithTheFix(arguments: [String], message: String) throws {
        try makeProfile()
        let result = try kc(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try sessions().isEmpty)
    }

    @Test func noProfileSaysHowToMakeOne() throws {
        let result = try kc(["session", "--date", Self.monday, "--kind", "strength"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("kneecoach profile init"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    // MARK: The pieces of the screen

    @Test func keysMapToTransitions() {
        #expect(SessionKey.keys(in: Array(" nbsrq".utf8)) == [
            .action(.togglePause), .action(.skipStep), .action(.back), .action(.skipExercise), .action(.repeatStep), .quit,
        ])
        #expect(SessionKey.keys(in: [0x1B, 0x5B, 0x43, 0x1B, 0x5B, 0x44, 0x03]) == [.action(.skipStep), .action(.back), .quit])
        #expect(SessionKey.keys(in: Array("xyz1".utf8)).isEmpty)
    }

    /// The runner's own change (from the exercise's arthritis or older-runner note, carried
    /// by the plan item) is the first cue on the screen.
    @Test func theScreenShowsTheRunnersOwnCueFirst() throws {
        let library = try ExerciseLibrary.bundled()
        let cue = "Leave the supporting foot on the floor to limit knee bend."
        let stretch = PlanItem(
            exercise: "supine-figure-four", sets: 1, holdSeconds: 60, perSide: true, cues: [cue], reason: Reason("t"))
        var runner = SessionRunner(timeline: SessionTimeline(kind: .coolDown, items: [stretch], library: library))
        let date = try #require(LocalDate("2026-11-02"))
        runner.start(at: 0)
        for moment: Double in [2, 22] {
            runner.tick(at: moment)
            let lines = SessionScreen.lines(runner, at: moment, date: date, width: 72, height: 30)
            let first = try #require(lines.firstIndex { $0.hasPrefix("  · ") })
            #expect(lines[first].hasPrefix("  · For you: Leave the supporting foot"), "\(lines)")
        }
        let plain = PlanItem(exercise: "supine-figure-four", sets: 1, holdSeconds: 30, perSide: true, reason: Reason("t"))
        var other = SessionRunner(timeline: SessionTimeline(kind: .coolDown, items: [plain], library: library))
        other.start(at: 0)
        #expect(!SessionScreen.lines(other, at: 1, date: date, width: 72, height: 30).joined().contains("For you"))
    }

    @Test func theScreenShowsCountdownPositionPacerAndWhatComesNext() throws {
        let library = try ExerciseLibrary.bundled()
        let stretch = PlanItem(
            exercise: "standing-quad-stretch", sets: 2, holdSeconds: 30, restSeconds: 15, perSide: true, reason: Reason("t"))
        var runner = SessionRunner(timeline: SessionTimeline(kind: .coolDown, items: [stretch], library: library))
        let date = try #require(LocalDate("2026-11-02"))
        runner.start(at: 0)
        runner.tick(at: 10 + 12)  // 12 s into the left hold, breathing in
        let lines = SessionScreen.lines(runner, at: 22, date: date, width: 72, height: 30)
        let text = lines.joined(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 72 } && lines.count <= 30)
        #expect(text.contains("STANDING QUAD STRETCH") && text.contains("set 1 of 2, left side"))
        #expect(text.contains("0:18"))
        #expect(text.contains("breathe in "))
        #expect(text.contains("Next: Switch to the right side, set 1 of 2, right side (0:05)"))
        #expect(text.contains("step 2 of 8"))
        runner.pause(at: 22)
        #expect(SessionScreen.lines(runner, at: 99, date: date, width: 72, height: 30).joined().contains("PAUSED"))
        let small = SessionScreen.lines(runner, at: 22, date: date, width: 40, height: 12)
        #expect(small.count <= 12 && small.allSatisfy { $0.count <= 40 } && small.last?.hasPrefix("space pause") == true)
        #expect(SessionScreen.bar(0.5, width: 12, filled: "#", empty: ".") == "[#####.....]")
        #expect(SessionScreen.bar(.nan, width: 4, filled: "#", empty: ".") == "[..]")
    }

    @Test func ratingsAcceptZeroToTenOnly() throws {
        #expect(try SessionRatings.parse("0", field: "pain") == 0 && SessionRatings.parse(" 10 ", field: "pain") == 10)
        for bad in ["11", "-1", "2.5", "lots", ""] {
            #expect(throws: ProfileError.self) { try SessionRatings.parse(bad, field: "pain") }
        }
    }
}

/// A tmux server of its own (its own socket, no user configuration) running one command in
/// a 100 × 40 pane that stays open after the command ends, saying how it ended.
struct Tmux {
    static let path: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return (folders + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]).map { $0 + "/tmux" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    let socket: String
    /// The server's process id, to end it even if `kill-server` cannot.
    var server: pid_t?

    /// Starts `arguments` in a new detached session.
    static func start(_ arguments: [String]) throws -> Tmux {
        var tmux = Tmux(socket: "kc-test-\(UUID().uuidString.prefix(8))")
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        // The server outlives this call and keeps what it inherits open: no pipes for it.
        try tmux.run(
            [
                "-f", "/dev/null", "new-session", "-d", "-s", "kc", "-x", "100", "-y", "40",
                "\(quoted); echo \"exit status $?\"; sleep 120",
            ], capture: false)
        tmux.server = pid_t(try tmux.run(["display-message", "-p", "-t", "kc", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
        return tmux
    }

    /// Runs tmux with `arguments`. With `capture` false the command may leave a server
    /// behind: it starts through bash with every descriptor above 2 closed first, since the
    /// server keeps what it inherits open (Foundation's end-of-process socket among them,
    /// which would make `waitUntilExit` wait for the server).
    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        let tmux = [Self.path ?? "/usr/bin/tmux", "-L", socket] + arguments
        if capture {
            process.executableURL = URL(fileURLWithPath: tmux[0])
            process.arguments = Array(tmux.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            let closeAll = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$@""#
            process.arguments = ["-c", closeAll, "bash"] + tmux
        }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        environment["TERM"] = environment["TERM"].flatMap { $0 == "dumb" ? nil : $0 } ?? "xterm-256color"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard capture else {
            process.standardOutput = FileHandle.nullDevice
            try CLI.spawn(process)
            process.waitUntilExit()
            return ""
        }
        let out = Pipe()
        process.standardOutput = out
        try CLI.spawn(process)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Types keys: tmux key names (`Enter`, `Space`, `C-c`) or plain text.
    func send(_ keys: String...) { _ = try? run(["send-keys", "-t", "kc"] + keys) }

    /// The text of the pane now.
    func capture() throws -> String { try run(["capture-pane", "-p", "-t", "kc"]) }

    /// Whether the pane shows the alternate screen.
    var alternateScreen: Bool? {
        (try? run(["display-message", "-p", "-t", "kc", "#{alternate_on}"]))
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
    }

    /// Reads the pane until it shows `text`.
    /// - Throws: ``Timeout`` with the last screen when it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if screen.contains(text) { return screen }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Timeout(waitingFor: text, screen: screen)
    }

    /// The process id of a child of the pane's shell with this command name.
    func childProcess(named name: String) throws -> pid_t? {
        let shell = try run(["display-message", "-p", "-t", "kc", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/ps")
        process.arguments = ["-o", "pid=,comm=", "--ppid", shell]
        let out = Pipe()
        process.standardOutput = out
        try CLI.spawn(process)
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").compactMap { line -> pid_t? in
            let parts = line.split(separator: " ")
            guard parts.count >= 2, parts[1].hasPrefix(name) else { return nil }
            return pid_t(parts[0])
        }.first
    }

    /// Ends the server and everything in it.
    func end() {
        let socketPath = (try? run(["display-message", "-p", "#{socket_path}"]))?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try? run(["kill-server"])
        guard let server else { return }
        let deadline = Date().addingTimeInterval(3)
        while Self.isRunning(server), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if Self.isRunning(server) {
            _ = kill(server, SIGKILL)
            if let socketPath, !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
        }
    }

    /// Whether a process exists and has not ended (a daemon's zombie may wait long for a reaper).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first != "Z"
    }

    /// The first `M:SS` countdown on a screen.
    static func countdown(in screen: String) -> String? {
        screen.split(separator: "\n").first { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isNumber == true && $0.contains(":") }
            .map { String($0.split(separator: " ").first ?? "") }
    }

    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let screen: String
        var description: String { "the screen never showed '\(waitingFor)'; it showed:\n\(screen)" }
    }
}

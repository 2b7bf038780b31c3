import Foundation
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// `status`, `today` and `plan` end to end: the same ten-year journal in an SQLite file, read
/// by `Journal.status` in this process (open, migrations check, read every row, compute,
/// close) and by the release `kneecoach` executable as a runner starts it.
enum JournalBench {
    /// - Parameter programmeStart: The stored programme's first day (the coach folds from it).
    static func run(
        history: TrainingHistory, profile: Profile, today: LocalDate, programmeStart: LocalDate, iterations: Int
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("status-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // STATUS_BENCH_KEEP=1 keeps the journal for timing other commands on it by hand.
        let keep = ProcessInfo.processInfo.environment["STATUS_BENCH_KEEP"] != nil
        defer {
            if keep { print("status-bench: kept the journal at \(folder.path)") } else { try? FileManager.default.removeItem(at: folder) }
        }
        let data = DataFolder(databaseURL: folder.appendingPathComponent("kneecoach.sqlite"))
        let location = DatabaseLocation.sqlite(path: data.databaseURL.path)
        try await fill(location, data: data, history: history, profile: profile, programmeStart: programmeStart)
        let library = try ExerciseLibrary.bundled()

        var samples: [Double] = []
        let clock = ContinuousClock()
        for round in 0..<(iterations + 3) {
            let began = clock.now
            let report = try await Journal.with(location, dataFolder: data) { journal in
                try await journal.status(on: today, weeks: 12, profile: profile, library: library)
            }
            if round >= 3 { samples.append(milliseconds(clock.now - began)) }
            precondition(!report.weeklyKm.isEmpty)
        }
        row("Journal.status (SQLite), 12 weeks", samples)
        // The coach with its checkpoint kept in the journal (moved on by the first round), and
        // without any (`KNEECOACH_FOLD_CHECKPOINTS=off`: the whole fold and two years of rows).
        for checkpoints in [true, false] {
            samples = []
            for round in 0..<(iterations + 3) {
                let began = clock.now
                let day = try await Journal.with(location, dataFolder: data) { opened in
                    var journal = opened
                    journal.usesFoldCheckpoints = checkpoints
                    return try await journal.coach(shows: .day(today), library: library).today(today)
                }
                if round >= 3 { samples.append(milliseconds(clock.now - began)) }
                precondition(day.date == today)
            }
            row("Journal.coach + today (SQLite)\(checkpoints ? "" : ", no checkpoint")", samples)
        }
        samples = []
        try await Journal.with(location, dataFolder: data) { journal in
            for round in 0..<(iterations + 3) {
                let began = clock.now
                let read = try await journal.history(through: today)
                if round >= 3 { samples.append(milliseconds(clock.now - began)) }
                precondition(!read.activities.isEmpty)
            }
        }
        row("Journal.history, all 10 years", samples)

        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("kneecoach")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            print("(kneecoach status process: build it first with `swift build -c release --product kneecoach`)")
            return
        }
        let date = today.description
        // `profile show` opens the same journal and reads only the profile: near the floor every
        // command that opens the journal pays (process start, SQLite, migrations).
        // Each command with the checkpoint kept in the journal and with checkpoints off, in turn
        // (paired: the machine's load hits both alike); its output must be the same bytes.
        for (label, arguments) in [
            ("profile show", ["profile", "show", "--json"]), ("status", ["status", "--date", date, "--json"]),
            ("today", ["today", "--date", date, "--json"]), ("plan, 16 weeks", ["plan", "--start", date, "--weeks", "16", "--json"]),
        ] {
            var with: [Double] = [], without: [Double] = []
            var outputs: [Bool: Data] = [:]
            for round in 0..<(min(iterations, 30) + 2) {
                for checkpoints in [true, false] {
                    let process = Process()
                    process.executableURL = executable
                    process.arguments = arguments + ["--db", data.databaseURL.path]
                    if !checkpoints {
                        process.environment = ProcessInfo.processInfo.environment.merging(
                            ["KNEECOACH_FOLD_CHECKPOINTS": "off"], uniquingKeysWith: { $1 })
                    }
                    // The two warm-up rounds keep the output (the first with checkpoints moves
                    // the checkpoint on); the timed rounds write it to /dev/null, as before.
                    let pipe = Pipe()
                    process.standardOutput = round < 2 ? pipe : FileHandle.nullDevice
                    let began = clock.now
                    try process.run()
                    let output = round < 2 ? pipe.fileHandleForReading.readDataToEndOfFile() : nil
                    process.waitUntilExit()
                    let elapsed = milliseconds(clock.now - began)
                    guard process.terminationStatus == 0 else { throw BenchError.commandFailed(arguments[0], process.terminationStatus) }
                    if let output {
                        if let earlier = outputs[checkpoints], earlier != output { throw BenchError.outputChanged(arguments[0]) }
                        outputs[checkpoints] = output
                    } else if checkpoints {
                        with.append(elapsed)
                    } else {
                        without.append(elapsed)
                    }
                }
            }
            guard outputs[true] == outputs[false] else { throw BenchError.outputChanged(arguments[0]) }
            row("kneecoach \(label) (process)", with)
            row("  the same, checkpoints off", without)
        }
    }

    /// Writes the history, the shoes and the profile into a new journal in one transaction.
    static func fill(
        _ location: DatabaseLocation, data: DataFolder, history: TrainingHistory, profile: Profile,
        programmeStart: LocalDate
    ) async throws {
        try await Journal.with(location, dataFolder: data) { journal in
            try await journal.save(profile: profile, startingOn: programmeStart)
            try await journal.store.transaction { tx in
                var shoes: [Int64: ShoeID] = [:]
                for shoe in history.shoes {
                    shoes[shoe.id] = try await tx.insert(ShoeRecord(name: shoe.name, startKm: shoe.startKm)).id
                }
                for run in history.activities {
                    try await tx.insert(
                        ActivityRecord(
                            date: run.date, start: noon(run.date), sport: run.sport, isFoot: run.isFoot,
                            distanceMeters: run.distanceKm * 1000, durationSeconds: run.durationSeconds,
                            averageCadenceSpm: run.cadenceSpm, shoeID: run.shoeID.flatMap { shoes[$0] }))
                }
                for pain in history.pain {
                    try await tx.insert(PainEntry(date: pain.date, timing: pain.timing, level: pain.level))
                }
                for session in history.sessions {
                    try await tx.insert(
                        SessionRecord(date: session.date, kind: session.kind, itemsDone: session.itemsDone.map { .init(exercise: $0) }))
                }
                for note in history.notes { try await tx.insert(NoteRecord(date: note.date, text: note.text)) }
                for score in history.functionScores {
                    try await tx.insert(
                        FunctionScoreRecord(date: score.date, stairs: score.stairs, squatting: score.squatting, running: score.running))
                }
            }
            for set in history.selfTests { try await journal.record(set.assessment, on: set.date) }
        }
    }

    static func noon(_ date: LocalDate) -> Date { Date(timeIntervalSince1970: Double(date.dayNumber * 86_400 + 43_200)) }

    static func row(_ name: String, _ samples: [Double]) {
        let sorted = samples.sorted()
        print(
            pad(name, 34) + pad(format(percentile(sorted, 0.5)), 11, left: true)
                + pad(format(percentile(sorted, 0.9)), 10, left: true) + pad(format(sorted[0]), 10, left: true))
    }

    enum BenchError: Error {
        case commandFailed(String, Int32)
        /// A command printed other bytes with the checkpoint than without, or than before.
        case outputChanged(String)
    }
}

// status-bench: how long Monitor.status takes on a synthetic journal of 10 years of daily
// runs (3,650 runs, 3,650 pain entries, weekly strength sessions, monthly notes, 20 pairs
// of shoes, self-tests and function ratings every four weeks), and how long the coach takes
// to fold a two-year programme of the same journal to today's morning and project 16 weeks. Run in release from the package root:
//
//     swift run -c release status-bench [ITERATIONS]
//
// Prints median, p90 and minimum in milliseconds (target for `status`: under 50 ms end to
// end). The Core part runs on the values; then the same journal is written to an SQLite file
// and read by `Journal.status` and by the release `kneecoach status`, `today` and `plan` processes (build it first:
// `swift build -c release`), each with the fold's checkpoint kept in the journal and with
// checkpoints off (`KNEECOACH_FOLD_CHECKPOINTS=off`), in turn, their outputs checked equal.
// The numbers go into BENCHMARKS.md, "Status".
import Foundation
import KneeCoachCore

let iterations = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 200
let warmUp = max(5, iterations / 20)

/// A deterministic ten-year journal ending on `last`.
func tenYears(endingOn last: LocalDate) -> TrainingHistory {
    let days = 3_650
    let first = last.adding(days: -(days - 1))
    var history = TrainingHistory(shoes: (1...20).map { .init(id: Int64($0), name: "Pair \($0)", startKm: 0) })
    var seed: UInt64 = 42
    func next(_ bound: UInt64) -> UInt64 {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return (seed >> 33) % bound
    }
    for day in 0..<days {
        let date = first.adding(days: day)
        let km = 4 + Double(next(150)) / 10
        history.activities.append(
            .init(
                date: date, distanceKm: km, durationSeconds: km * 330, cadenceSpm: 160 + Double(next(15)),
                shoeID: Int64(day / 183 + 1), source: "bench.fit"))
        if day % 5 == 0 {
            history.activities.append(
                .init(date: date, sport: "cycling", isFoot: false, distanceKm: 25, durationSeconds: 3_600))
        }
        history.pain.append(.init(date: date, timing: day % 2 == 0 ? .during : .nextMorning, level: Int(next(4))))
        if day % 7 == 3 { history.sessions.append(.init(date: date, kind: "strength", itemsDone: ["wall-sit"])) }
        if day % 30 == 0 { history.notes.append(.init(date: date, text: "Steady week, knee fine, no swelling at all.")) }
        if day % 28 == 0 {
            history.selfTests.append(
                .init(date: date, assessment: Assessment(kneeToWallCm: Sides(left: 8, right: 9), bridgeHoldSeconds: 40)))
            history.functionScores.append(.init(date: date, stairs: 7, squatting: 6, running: 8))
        }
    }
    return history
}

func milliseconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) * 1e3 + Double(parts.attoseconds) / 1e15
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let rest = hundredths % 100
    return "\(hundredths / 100).\(rest < 10 ? "0" : "")\(rest)"
}

func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let space = String(repeating: " ", count: max(0, width - text.count))
    return left ? space + text : text + space
}

/// Times `work` and prints one row; returns the median in milliseconds.
func measure(_ name: String, _ work: () throws -> Int) rethrows -> Double {
    let clock = ContinuousClock()
    var size = 0
    for _ in 0..<warmUp { size = try work() }
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let began = clock.now
        size = try work()
        samples.append(milliseconds(clock.now - began))
    }
    samples.sort()
    let median = percentile(samples, 0.5)
    // Printing a size from the result keeps the work observable, so it can't be optimised away.
    print(
        pad(name, 34) + pad(format(median), 11, left: true) + pad(format(percentile(samples, 0.9)), 10, left: true)
            + pad(format(samples[0]), 10, left: true) + pad(String(size), 8, left: true))
    return median
}

do {
    guard let today = LocalDate("2026-12-07") else { exit(1) }
    let history = tenYears(endingOn: today)
    let profile = Profile(
        age: 45, experience: .intermediate, weeklyDistanceKm: 60, runsPerWeek: 6, longestRecentRunKm: 18,
        minutesPerDay: 30, equipment: Equipment.allCases,
        pain: PainReport(level: 3, location: .front, sinceWeeks: 6))
    let library = try ExerciseLibrary.bundled()
    let planned = try PlanGenerator.plan(for: profile, library: library, start: today.adding(days: -83), weeks: 12)
        .sessionRefs
    print(
        "status-bench: \(history.activities.count) activities, \(history.pain.count) pain entries, "
            + "\(history.notes.count) notes; \(iterations) runs each after \(warmUp) warm-up runs")
    print(
        pad("case", 34) + pad("median ms", 11, left: true) + pad("p90 ms", 10, left: true)
            + pad("min ms", 10, left: true) + pad("size", 8, left: true))
    let status = try measure("Monitor.status, 12 weeks") {
        let report = try Monitor.status(history: history, profile: profile, today: today, weeks: 12, planned: planned)
        return report.painTrend.runs.count + report.flags.count
    }
    _ = try measure("Monitor.status, 520 weeks") {
        try Monitor.status(history: history, profile: profile, today: today, weeks: 520).painTrend.runs.count
    }
    // The coach: a programme started two years ago, folded day by day to today's morning.
    let programmeStart = today.adding(days: -730)
    let coach = Coach(
        programme: Programme(profile: profile, start: programmeStart), library: library, history: history, today: today)
    _ = measure("Coach.morning, 2-year programme") {
        coach.morning(of: today).programmeWeek
    }
    _ = try measure("Coach.plan, 2 years + 16 wk") {
        try coach.plan(from: today, weeks: 16).days.count
    }
    _ = measure("Coach.prescriptions, 12 wk back") {
        coach.prescriptions(from: today.adding(days: -84), through: today.adding(days: -1)).count
    }
    // The same from the checkpoint the journal keeps (the Monday eleven weeks before today's
    // week), with the journal read as the command reads it then (no activities between the
    // fold's first Monday and the checkpoint's); the warning signs still read two years.
    let monday = today.isoWeekStart.adding(days: -77)
    if let checkpoint = coach.checkpoint(at: monday, firstShown: today) {
        var read = history
        if let unread = checkpoint.unreadActivities { read.activities.removeAll { unread.contains($0.date) } }
        let resumed = Coach(programme: coach.programme, library: library, history: read, today: today)
            .resumingOnly(checkpoint)
        _ = measure("Coach.morning, from the checkpoint") { resumed.morning(of: today).programmeWeek }
        _ = try measure("Coach.plan, from the checkpoint") { try resumed.plan(from: today, weeks: 16).days.count }
        _ = measure("FoldCheckpoint bytes, out and back") {
            FoldCheckpoint(bytes: checkpoint.bytes, programme: coach.programme)?.day.dayNumber ?? 0
        }
    }
    try await JournalBench.run(
        history: history, profile: profile, today: today, programmeStart: programmeStart,
        iterations: min(iterations, 100))
    print("status-bench: Monitor.status median \(format(status)) ms — " + (status < 50 ? "under" : "OVER") + " the 50 ms target")
} catch {
    print("status-bench: \(error)")
    exit(1)
}

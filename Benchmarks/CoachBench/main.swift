// The coach's dashboard for many runners: `Coaching.dashboard` (one read per table for every
// linked runner's recent window, Core's attention assessment of each, the access log's
// rows) and its JSON, as `GET /api/v1/coaching/runners` answers it, timed in a release build.
//
//   swift run -c release coach-bench [RUNS] [RUNNERS]        # a throwaway SQLite file
//   KNEECOACH_BENCH_POSTGRES_URL=postgres://… swift run -c release coach-bench 50 200
//   COACH_BENCH_KEEP=1 …    # keeps the schema (or file) to EXPLAIN the dashboard's queries by hand
//   COACH_BENCH_REUSE=coach_bench_123 …   # times the dashboard on a kept PostgreSQL schema, unfilled
//
// Each runner has a year of journal: runs four days a week, pain three, plan sessions two,
// a note a week; one runner in ten logged a warning sign this week. See BENCHMARKS.md.
import Foundation
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let runs = arguments.first ?? 50
let runnerCount = arguments.dropFirst().first ?? 200
let postgres = ProcessInfo.processInfo.environment["KNEECOACH_BENCH_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-coach-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let reused = ProcessInfo.processInfo.environment["COACH_BENCH_REUSE"].flatMap { $0.isEmpty ? nil : $0 }
let schema = reused ?? "coach_bench_\(getpid())"
let keep = reused != nil || ProcessInfo.processInfo.environment["COACH_BENCH_KEEP"] != nil
let location: DatabaseLocation =
    postgres.map { .postgres(url: $0, schema: schema) } ?? .sqlite(path: folder.appendingPathComponent("bench.sqlite").path)
let data = DataFolder(databaseURL: folder.appendingPathComponent("bench.sqlite"))
let profileURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples/beginner-front-knee-pain.json")
let profile = try Profile(jsonData: try Data(contentsOf: profileURL))

func milliseconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) * 1e3 + Double(parts.attoseconds) / 1e15
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

/// The CPU time this process has used, every thread, user and system, in milliseconds: on a
/// machine shared with other builds, wall time measures the queue for a core as much as the work.
func cpuMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let total = [usage.ru_utime, usage.ru_stime].map { Double($0.tv_sec) * 1e3 + Double($0.tv_usec) / 1e3 }
    return total.reduce(0, +)
}

func noon(_ date: LocalDate) -> Date { Date(timeIntervalSince1970: Double(date.dayNumber * 86_400 + 43_200)) }

/// A year of one runner's journal ending yesterday, written in one transaction.
func fill(_ journal: Journal, runner: Int, today: LocalDate) async throws {
    try await journal.save(profile: profile, startingOn: today.adding(days: -365))
    try await journal.store.transaction { tx in
        for day in 1...365 {
            let date = today.adding(days: -day)
            let weekday = date.weekday
            if [2, 4, 6, 7].contains(weekday) {
                let km = 4 + Double((runner + day) % 40) / 10
                try await tx.insert(
                    ActivityRecord(
                        date: date, start: noon(date), sport: "running", isFoot: true, distanceMeters: km * 1000,
                        durationSeconds: km * 340))
            }
            if [2, 4, 7].contains(weekday) {
                try await tx.insert(PainEntry(date: date, timing: .after, level: (runner + day) % 4))
            }
            if [3, 5].contains(weekday) {
                try await tx.insert(SessionRecord(date: date, kind: "strength", itemsDone: [.init(exercise: "wall-sit")]))
            }
            if weekday == 1 { try await tx.insert(NoteRecord(date: date, text: "Steady week, knee fine.")) }
        }
        if runner % 10 == 0 {
            try await tx.insert(PainEntry(date: today.adding(days: -2), timing: .after, level: 4, givingWay: true))
        }
    }
}

let store = try await JournalStore.open(location)
let coaching = Coaching(store: store)
let coach = try await store.ensureUser(named: "coach").id
let today = LocalDate.today(in: profile.timeZone.flatMap(TimeZone.init(identifier:)) ?? .current)
let filling = ContinuousClock.now
for runner in 0..<runnerCount where reused == nil {
    let user = try await store.ensureUser(named: "runner-\(runner)").id
    try await fill(Journal(store: store.forUser(user), dataFolder: data), runner: runner, today: today)
    let invitation = try await coaching.invite(coach: coach, coachName: "Sam")
    _ = try await coaching.accept(invitation.secrets[0], runner: user, runnerName: "Runner \(runner)", scopes: [.plan, .status])
}
if let reused {
    print("reused the schema \(reused)")
} else {
    let seconds = Int(milliseconds(ContinuousClock.now - filling) / 1000)
    print("filled \(runnerCount) runners with a year each in \(seconds) s on \(postgres == nil ? "SQLite" : "PostgreSQL")")
}

// Each run times the dashboard twice: judged anew (the kept reports forgotten first: a coach's
// first dashboard of the day, or after every runner logged something), then again with the
// reports the first one kept (a coach opening it again, nobody having logged since).
var whole: [Double] = []
var cpu: [Double] = []
var kept: [Double] = []
var keptCPU: [Double] = []
var reads: [Double] = []
var bytes = 0
func timedDashboard() async throws -> (ms: Double, cpu: Double, rows: [Coaching.DashboardRow], bytes: Int) {
    let start = ContinuousClock.now
    let cpuStart = cpuMilliseconds()
    let rows = try await coaching.dashboard(coach: coach)
    let body = try DocumentJSON.bytes(DashboardDocument(rows))
    let took = milliseconds(ContinuousClock.now - start)
    precondition(rows.count == runnerCount && rows.first?.attention?.reasons.first?.kind == .warningSign)
    return (took, cpuMilliseconds() - cpuStart, rows, body.count)
}
for run in 0..<(runs + 5) {
    try await store.forgetKeptAttention()
    let anew = try await timedDashboard()
    let again = try await timedDashboard()
    precondition(again.rows.map(\.attention) == anew.rows.map(\.attention))
    let readStart = ContinuousClock.now
    _ = try await store.runnerWindows(anew.rows.map(\.link.runnerID), from: today.adding(days: -Attention.windowDays), through: today)
    let read = milliseconds(ContinuousClock.now - readStart)
    if run >= 5 {
        whole.append(anew.ms)
        cpu.append(anew.cpu)
        kept.append(again.ms)
        keptCPU.append(again.cpu)
        reads.append(read)
    }
    bytes = anew.bytes
}
whole.sort()
cpu.sort()
kept.sort()
keptCPU.sort()
reads.sort()
let format = { (value: Double) in String(format: "%.1f", value) }
func line(_ label: String, _ values: [Double]) -> String {
    "  \(label) p50 \(format(percentile(values, 0.5))) ms, p90 \(format(percentile(values, 0.9))) ms, min \(format(values[0])) ms"
}
print("dashboard of \(runnerCount) runners (\(bytes / 1024) KB of JSON), \(runs) runs:")
print(line("judged anew (read, assess, keep, log, encode):", whole))
print(line("judged anew, CPU time of this process:        ", cpu))
print(line("again, every report kept (read, log, encode): ", kept))
print(line("again, CPU time of this process:              ", keptCPU))
print("  of which the windows' read (judged anew):     p50 \(format(percentile(reads, 0.5))) ms")

await store.close()
if keep {
    print("kept the data: " + (postgres.map { _ in "schema \(schema)" } ?? folder.path))
} else if let postgres {
    // The store keeps no way to drop its schema; psql comes with PostgreSQL.
    let psql = Process()
    psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    psql.arguments = ["psql", "-q", postgres, "-c", "DROP SCHEMA IF EXISTS \(schema) CASCADE"]
    psql.environment = ProcessInfo.processInfo.environment.merging(["PGOPTIONS": "--client-min-messages=warning"]) { $1 }
    try? psql.run()
    psql.waitUntilExit()
    if psql.terminationStatus != 0 { print("drop the schema \(schema) by hand: psql could not") }
}
if !keep { try? FileManager.default.removeItem(at: folder) }

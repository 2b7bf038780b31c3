// plan-bench: how long the plan generator takes to build a 16-week plan for each example
// profile. Run in release from the package root:
//
//     swift run -c release plan-bench [ITERATIONS]
//
// Prints median, p90 and minimum per profile in microseconds (target: median under 1 ms).
// The numbers go into BENCHMARKS.md, "Plan generator".
import Foundation
import KneeCoachCore

let iterations = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 2_000
let warmUp = max(10, iterations / 20)
let weeks = 16

/// `examples/` in the working directory, else beside this file's package.
func examplesFolder() -> URL {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("examples")
    if FileManager.default.fileExists(atPath: here.path) { return here }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")
}

func microseconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) * 1e6 + Double(parts.attoseconds) / 1e12
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}

func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let space = String(repeating: " ", count: max(0, width - text.count))
    return left ? space + text : text + space
}

do {
    let folder = examplesFolder()
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".json") }.sorted()
    guard !files.isEmpty else {
        print("plan-bench: no example profiles in \(folder.path); run from the package root.")
        exit(1)
    }
    let library = try ExerciseLibrary.bundled()
    guard let start = LocalDate("2026-12-07") else { exit(1) }
    let clock = ContinuousClock()
    print("plan-bench: \(weeks)-week plans, \(iterations) runs each after \(warmUp) warm-up runs")
    print(
        pad("profile", 28) + pad("median µs", 11, left: true) + pad("p90 µs", 10, left: true)
            + pad("min µs", 10, left: true) + pad("sessions", 10, left: true))
    var medians: [Double] = []
    for file in files {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
            print("plan-bench: cannot read \(file)")
            exit(1)
        }
        let profile = try Profile(jsonData: data)
        var last = try PlanGenerator.plan(for: profile, library: library, start: start, weeks: weeks)
        for _ in 0..<warmUp {
            last = try PlanGenerator.plan(for: profile, library: library, start: start, weeks: weeks)
        }
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let began = clock.now
            let plan = try PlanGenerator.plan(for: profile, library: library, start: start, weeks: weeks)
            samples.append(microseconds(clock.now - began))
            last = plan
        }
        // Printing the plan's size keeps the work observable, so it can't be optimised away.
        let sessions = last.days.map(\.sessions.count).reduce(0, +)
        samples.sort()
        let median = percentile(samples, 0.5)
        medians.append(median)
        print(
            pad(String(file.dropLast(5)), 28) + pad(format(median), 11, left: true)
                + pad(format(percentile(samples, 0.9)), 10, left: true) + pad(format(samples[0]), 10, left: true)
                + pad(String(sessions), 10, left: true))
    }
    let worst = medians.max() ?? 0
    print("plan-bench: slowest median \(format(worst)) µs — " + (worst < 1_000 ? "under" : "OVER") + " the 1 ms target")
} catch {
    print("plan-bench: \(error)")
    exit(1)
}

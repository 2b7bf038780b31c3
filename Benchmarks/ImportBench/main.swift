// import-bench: builds a folder of activity files from the corpus (running FIT, GPX and TCX
// files, copied with their timestamps moved so that none is a duplicate), imports it into a
// fresh SQLite journal through the same code as `kneecoach import`, and prints files/s.
//
//   swift run -c release --scratch-path .build-import import-bench [CORPUS] [--files N] [--keep DIR]
//
// CORPUS defaults to ../shared/data/activities. --keep DIR writes the files to DIR and
// leaves them there (scripts/import-peer-bench.sh times the Python peers on them).
import ActivityFiles
import ActivityTimeShift
import Foundation
import KneeCoachApp
import KneeCoachStore

/// Corpus runs that decode cleanly and start at different times (one file per activity).
let templates = [
    "fit/fp-activity-small-fenix2-run.fit", "fit/fp-2013-02-06-12-11-14.fit", "fit/rp-run.fit",
    "fit/hs-testdata.fit", "fit/fp-garmin-fenix-5-run.fit",
    "gpx/tgj-run_gpxtpx.gpx", "gpx/rgpx-garmin-activity.gpx", "gpx/rp-stopped_example.gpx",
    "gpx/tgj-Friday-Evening-Run.gpx", "gpx/rp-nike_run.gpx",
    "tcx/rp-run_garmin.tcx", "tcx/rp-11km.tcx", "tcx/tp-test.tcx", "tcx/sw-3173437224.tcx",
    "tcx/rp-2020-12-02T06_08_29-300_Running.tcx",
]

/// The value after `name` on the command line, removed from `arguments` with it.
func option(_ name: String, in arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...index + 1)
    return value
}
var arguments = Array(CommandLine.arguments.dropFirst())
let fileCount = option("--files", in: &arguments).flatMap(Int.init) ?? 1000
let keep = option("--keep", in: &arguments)
let corpus = URL(fileURLWithPath: arguments.first ?? "../shared/data/activities")
let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("import-bench-\(UUID().uuidString)")
let folder = keep.map { URL(fileURLWithPath: $0) } ?? work.appendingPathComponent("files")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

// 1. The files: template i % T, moved by i × 3 days and 32 s (a multiple of 32 s keeps FIT
//    compressed timestamps valid).
let sources = try templates.map { (path: $0, bytes: Array(try Data(contentsOf: corpus.appendingPathComponent($0)))) }
var totalBytes = 0
for index in 0..<fileCount {
    let template = sources[index % sources.count]
    let shift = (index + 1) * (3 * 86_400 + 32)
    let bytes: [UInt8]
    if template.path.hasSuffix(".fit") {
        guard let moved = FITTimeShift.shifted(template.bytes, bySeconds: shift) else {
            fatalError("cannot shift \(template.path)")
        }
        bytes = moved
    } else {
        bytes = XMLTimeShift.shifted(template.bytes, bySeconds: shift)
    }
    let name = String(format: "%04d-", index) + (template.path as NSString).lastPathComponent
    try Data(bytes).write(to: folder.appendingPathComponent(name))
    totalBytes += bytes.count
}

// 2. The import, timed: listing, reading, decoding, hashing, duplicate checks and inserts.
let database = work.appendingPathComponent("bench.sqlite").path
let store = try await JournalStore.open(.sqlite(path: database))
let importer = ActivityImporter(timeZone: TimeZone(identifier: "UTC") ?? .current)
/// User plus system CPU seconds of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
let clock = ContinuousClock()
let threadCPUStarted = ThreadCPU.byName()
let cpuStarted = cpuSeconds()
let started = clock.now
let files = ImportInputs.files(in: [folder.path])
let outcomes = await importer.importFiles(files, into: store)
let elapsed = clock.now - started
let cpu = cpuSeconds() - cpuStarted
var threadCPU = ThreadCPU.byName().mapValues { max(0, $0) }
for (name, seconds) in threadCPUStarted { threadCPU[name, default: 0] -= seconds }
threadCPU = threadCPU.filter { $0.value >= 0.005 }
// The import's reader threads have ended by now: what no live thread accounts for is theirs.
threadCPU[ReaderCPU.name] = max(0, cpu - threadCPU.values.reduce(0, +))
let stored = try await store.activityCount()
let intact = try await store.isIntact()
await store.close()

var imported = 0, duplicates = 0, failed = 0, skipped = 0
for outcome in outcomes {
    switch outcome.status {
    case .imported: imported += 1
    case .duplicate: duplicates += 1
    case .failed(let reason):
        failed += 1
        FileHandle.standardError.write(Data("failed: \(outcome.source): \(reason)\n".utf8))
    case .skipped: skipped += 1
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let format = { (value: Double) in String(format: "%.1f", value) }
print("files\tMB\tseconds\tfiles_per_s\tMB_per_s\tcpu_seconds\tfiles_per_cpu_s\timported\tduplicates\tskipped\tfailed\tstored\tintact")
print([
    String(files.count), String(format: "%.2f", Double(totalBytes) / 1e6), String(format: "%.3f", seconds),
    format(Double(files.count) / seconds), format(Double(totalBytes) / 1e6 / seconds), String(format: "%.2f", cpu),
    format(Double(files.count) / cpu), String(imported),
    String(duplicates), String(skipped), String(failed), String(stored), String(intact),
].joined(separator: "\t"))
FileHandle.standardError.write(Data("""
    import-bench: \(files.count) files (\(templates.count) corpus runs, FIT/GPX/TCX, shifted), \
    \(String(format: "%.1f", Double(totalBytes) / 1e6)) MB into SQLite in \(String(format: "%.2f", seconds)) s \
    = \(format(Double(files.count) / seconds)) files/s (target ≥ 200); \(String(format: "%.2f", cpu)) CPU s on \
    \(ProcessInfo.processInfo.activeProcessorCount) cores\n
    """.utf8))
if !threadCPU.isEmpty {
    // Where the CPU time went, by thread name: the readers (reading, decoding, hashing), the
    // SQLite thread (TP-#0) and Swift's executor threads (the writer between statements).
    let parts = threadCPU.sorted { $0.value > $1.value }.map { "\($0.key) \(String(format: "%.2f", $0.value)) s" }
    FileHandle.standardError.write(Data("import-bench: CPU by thread: \(parts.joined(separator: ", "))\n".utf8))
}
if failed > 0 || imported != files.count { exit(1) }

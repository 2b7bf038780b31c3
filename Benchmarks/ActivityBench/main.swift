// activity-bench: decode the activity corpus repeatedly and report MB/s and files/s per
// format, next to a bare XMLParser event pass over the same GPX and TCX bytes.
//
//   swift build -c release --scratch-path .build-files --product activity-bench
//   .build-files/release/activity-bench [CORPUS] [--seconds S] [--format fit|gpx|tcx]
//   .build-files/release/activity-bench rss FILE     # peak RSS while decoding one file
//
// CORPUS defaults to ../shared/data/activities. Files are read into memory first, so only
// decoding is timed. Each format runs for about S seconds (default 3); the best pass counts.
import ActivityFiles
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

final class BareDelegate: NSObject, XMLParserDelegate {
    var elements = 0
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements += 1
    }
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Peak resident set size of this process, in KiB (Linux `VmHWM`).
func peakRSSKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }
    return -1
}

/// Best seconds per pass over `files`, running for about `budget` seconds (at least 3 passes).
func bestPass(_ files: [[UInt8]], budget: Double, _ body: ([UInt8]) -> Int) -> (Double, Int) {
    var best = Double.infinity
    var passes = 0
    var checksum = 0
    let start = now()
    while passes < 3 || now() - start < budget {
        let t0 = now()
        for file in files { checksum &+= body(file) }
        best = min(best, now() - t0)
        passes += 1
    }
    return (best, checksum)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "rss", arguments.count >= 2 {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    let before = peakRSSKiB()
    let result = ActivityDecoder.decode(bytes, fileName: arguments[1])
    let samples = result.recordings.reduce(0) { $0 + $1.samples.count }
    let after = peakRSSKiB()
    print("file\tbytes\tsamples\tpeak_rss_before_kib\tpeak_rss_after_kib\tsample_struct_bytes")
    print("\(arguments[1])\t\(bytes.count)\t\(samples)\t\(before)\t\(after)\t\(MemoryLayout<ActivitySample>.stride)")
    exit(0)
}

var corpusArgument = "../shared/data/activities"
var budgetArgument = 3.0
var onlyArgument: String?
var index = 0
while index < arguments.count {
    if arguments[index] == "--format", index + 1 < arguments.count {
        onlyArgument = arguments[index + 1]
        index += 2
    } else if arguments[index] == "--seconds", index + 1 < arguments.count {
        budgetArgument = Double(arguments[index + 1]) ?? budgetArgument
        index += 2
    } else {
        corpusArgument = arguments[index]
        index += 1
    }
}
let corpus = corpusArgument
let budget = budgetArgument
let only = onlyArgument

func load(_ folder: String) -> [[UInt8]] {
    let url = URL(fileURLWithPath: corpus).appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? []
    return names.compactMap { try? Data(contentsOf: url.appendingPathComponent($0)) }.map { Array($0) }
}

print("decoder\tformat\tfiles\tMB\tbest_pass_s\tMB_per_s\tfiles_per_s")
func report(_ name: String, _ format: String, _ files: [[UInt8]], _ body: ([UInt8]) -> Int) {
    let megabytes = Double(files.reduce(0) { $0 + $1.count }) / 1e6
    let (seconds, checksum) = bestPass(files, budget: budget, body)
    precondition(checksum != 0 || files.isEmpty)
    print(String(format: "%@\t%@\t%d\t%.2f\t%.5f\t%.1f\t%.1f", name, format, files.count, megabytes, seconds,
                 megabytes / seconds, Double(files.count) / seconds))
}

for (folder, format) in [("fit", ActivityFormat.fit), ("gpx", .gpx), ("tcx", .tcx)] {
    if let only, only != folder { continue }
    let files = load(folder)
    report("kneecoach", folder, files) { bytes in
        ActivityDecoder.decode(bytes, format: format).recordings.reduce(1) { $0 + $1.samples.count }
    }
    if format != .fit {
        report("bare-XMLParser", folder, files) { bytes in
            let parser = XMLParser(data: Data(bytes))
            parser.shouldProcessNamespaces = true
            let delegate = BareDelegate()
            parser.delegate = delegate
            _ = parser.parse()
            return delegate.elements
        }
    }
}

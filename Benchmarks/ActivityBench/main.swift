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

/// The bare event pass: receives every event a decoder needs (start, end, characters) and
/// only counts them.
final class BareDelegate: NSObject, XMLParserDelegate {
    var elements = 0
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements += 1
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        elements += 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
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
var decoderArgument: String?
var index = 0
while index < arguments.count {
    if arguments[index] == "--decoder", index + 1 < arguments.count {
        decoderArgument = arguments[index + 1]
        index += 2
        continue
    }
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
/// `--decoder kneecoach|bare-XMLParser` runs one decoder only (for instruction counts under
/// `valgrind --tool=callgrind`, with `--seconds 0` for the minimum of three passes).
let onlyDecoder = decoderArgument

func load(_ folder: String) -> [[UInt8]] {
    let url = URL(fileURLWithPath: corpus).appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? []
    return names.compactMap { try? Data(contentsOf: url.appendingPathComponent($0)) }.map { Array($0) }
}

print("decoder\tformat\tfiles\tMB\tbest_pass_s\tMB_per_s\tfiles_per_s")

/// Times the decoders of one format in alternating passes (so that load from other
/// processes hits them alike) for about `budget` seconds, at least three passes each, and
/// prints the best pass of each.
func report(_ format: String, _ files: [[UInt8]], _ decoders: [(String, ([UInt8]) -> Int)]) {
    let decoders = decoders.filter { onlyDecoder == nil || onlyDecoder == $0.0 }
    let megabytes = Double(files.reduce(0) { $0 + $1.count }) / 1e6
    var best = [Double](repeating: .infinity, count: decoders.count)
    var checksum = 0
    var passes = 0
    let start = now()
    while passes < 3 || now() - start < budget {
        for (index, decoder) in decoders.enumerated() {
            let t0 = now()
            for file in files { checksum &+= decoder.1(file) }
            best[index] = min(best[index], now() - t0)
        }
        passes += 1
    }
    precondition(checksum != 0 || files.isEmpty)
    for (index, decoder) in decoders.enumerated() {
        print(String(format: "%@\t%@\t%d\t%.2f\t%.5f\t%.1f\t%.1f", decoder.0, format, files.count, megabytes,
                     best[index], megabytes / best[index], Double(files.count) / best[index]))
    }
}

for (folder, format) in [("fit", ActivityFormat.fit), ("gpx", .gpx), ("tcx", .tcx)] {
    if let only, only != folder { continue }
    let files = load(folder)
    var decoders: [(String, ([UInt8]) -> Int)] = [("kneecoach", { bytes in
        ActivityDecoder.decode(bytes, format: format).recordings.reduce(1) { $0 + $1.samples.count }
    })]
    if format != .fit {
        decoders.append(("bare-XMLParser", { bytes in
            let parser = XMLParser(data: Data(bytes))
            parser.shouldProcessNamespaces = false  // as the decoders run it
            let delegate = BareDelegate()
            parser.delegate = delegate
            _ = parser.parse()
            return delegate.elements
        }))
    }
    report(folder, files, decoders)
}

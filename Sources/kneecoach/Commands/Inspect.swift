import ActivityFiles
import ArgumentParser
import Foundation
import KneeCoachCore

/// `kneecoach inspect PATH… [--json]`: decode activity files and print their summaries.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Decode FIT, GPX and TCX files (also .gz, folders and export zips) and print their summaries.",
        discussion: """
            Stores nothing. A chained FIT file or a zip gives one line per activity. Files that \
            fail are reported on standard error (with what a partial decode recovered) and the \
            exit code is 65; the others are still shown.
            """
    )

    @Argument(help: "Activity files, .gz files, folders, or Strava/Garmin export zips.")
    var paths: [String]

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder to inspect.") }
    }

    func run() throws {
        let reader = ActivityFileReader()
        // One allowance of unpacked bytes for all the paths, not one each.
        let budget = DecompressionBudget(bytes: reader.limits.maximumRunBytes)
        let entries = paths.flatMap { path in
            var entries: [InspectEntry] = []
            _ = reader.readEach(path: path, budget: budget) { entries += InspectEntry.entries(for: $0) }
            return entries
        }
        if output.json {
            try Console.json(entries)
        } else {
            let activities = entries.compactMap(\.activity)
            if !activities.isEmpty { Console.out(InspectView.table(activities)) }
        }
        let failures = entries.filter { $0.failure != nil }
        for entry in failures {
            guard let failure = entry.failure else { continue }
            var line = "kneecoach: \(entry.source): \(failure.message)"
            if let recovery = entry.recovery {
                line += " (Partial: \(recovery.samples) records from the first \(recovery.bytesRead) of \(recovery.totalBytes) bytes.)"
            }
            Console.err(line)
        }
        if !failures.isEmpty {
            if entries.count > 1 { Console.err("kneecoach: \(failures.count) of \(entries.count) inputs failed.") }
            throw ExitCode(ExitStatus.data)
        }
    }
}

extension ActivityFileError: UserFacingError {
    /// Every activity-file problem is bad input data (65).
    public var exitCode: Int32 { ExitStatus.data }
}

/// One line of `inspect` output: an activity, or a file that failed.
struct InspectEntry: Encodable {
    let source: ActivitySource
    let format: ActivityFormat?
    let activity: InspectedActivity?
    let failure: ActivityFileError?
    let recovery: ActivityDecodeResult.Recovery?

    /// One entry per recording (empty chained parts dropped), or one failure entry.
    static func entries(for item: ActivityFileResult) -> [InspectEntry] {
        if let error = item.result.error {
            return [InspectEntry(source: item.source, format: item.format, activity: nil, failure: error,
                                 recovery: item.result.recovered)]
        }
        var recordings = item.result.recordings
        let withContent = recordings.filter { !$0.samples.isEmpty || !$0.sessions.isEmpty || !$0.laps.isEmpty }
        if !withContent.isEmpty { recordings = withContent }
        let numbered = recordings.count > 1
        return recordings.enumerated().map { index, recording in
            InspectEntry(source: item.source, format: item.format,
                         activity: InspectedActivity(source: item.source, part: numbered ? index + 1 : nil,
                                                     recording: recording),
                         failure: nil, recovery: nil)
        }
    }

    func encode(to encoder: any Encoder) throws {
        if let activity {
            try activity.encode(to: encoder)
            return
        }
        var container = encoder.container(keyedBy: InspectKey.self)
        try container.encode(source.path, forKey: .source)
        try container.encode(source.member, forKey: .member)
        try container.encode(format?.rawValue, forKey: .format)
        try container.encode(failure?.message ?? "", forKey: .error)
        if let recovery {
            var partial = container.nestedContainer(keyedBy: InspectKey.self, forKey: .partial)
            try partial.encode(recovery.samples, forKey: .records)
            try partial.encode(recovery.bytesRead, forKey: .bytesRead)
            try partial.encode(recovery.totalBytes, forKey: .totalBytes)
        }
    }
}

/// The documented JSON keys of `inspect --json`.
enum InspectKey: String, CodingKey {
    case source, member, part, format, sport, type, name, gear, start, elapsedSeconds, timerSeconds
    case timerComputed, distanceMeters, computedDistanceMeters, elevationGainMeters
    case elevationLossMeters, smoothedElevationGainMeters, smoothedElevationLossMeters
    case averageCadenceSpm, averageCadence, averageHeartRate, records, laps, device, utcOffsetSeconds
    case error, partial, bytesRead, totalBytes
}

/// One decoded activity as `inspect` shows it.
struct InspectedActivity: Encodable {
    let source: ActivitySource
    let part: Int?
    let recording: ActivityRecording
    let summary: ActivitySummary

    init(source: ActivitySource, part: Int?, recording: ActivityRecording) {
        self.source = source
        self.part = part
        self.recording = recording
        self.summary = recording.summary()
    }

    /// `start` as ISO 8601 UTC, with milliseconds only when the file has them.
    var startText: String? {
        guard let start = summary.start else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let hasFraction = (summary.startSeconds ?? 0).truncatingRemainder(dividingBy: 1) != 0
        formatter.formatOptions = hasFraction ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.string(from: start)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: InspectKey.self)
        func rounded(_ value: Double?, _ places: Double) -> Double? {
            value.map { ($0 * places).rounded() / places }
        }
        try container.encode(source.path, forKey: .source)
        try container.encode(source.member, forKey: .member)
        try container.encode(part, forKey: .part)
        try container.encode(summary.format.rawValue, forKey: .format)
        try container.encode(summary.sport.isEmpty ? nil : summary.sport, forKey: .sport)
        try container.encode(recording.exportType, forKey: .type)
        try container.encode(recording.name, forKey: .name)
        try container.encode(recording.gear, forKey: .gear)
        try container.encode(startText, forKey: .start)
        try container.encode(rounded(summary.elapsedSeconds, 1000), forKey: .elapsedSeconds)
        try container.encode(rounded(summary.timerSeconds, 1000), forKey: .timerSeconds)
        try container.encode(summary.isTimerComputed, forKey: .timerComputed)
        try container.encode(rounded(summary.distanceMeters, 100), forKey: .distanceMeters)
        try container.encode(rounded(summary.computedDistanceMeters, 100), forKey: .computedDistanceMeters)
        try container.encode(rounded(summary.elevationGainMeters, 100), forKey: .elevationGainMeters)
        try container.encode(rounded(summary.elevationLossMeters, 100), forKey: .elevationLossMeters)
        try container.encode(rounded(summary.smoothedElevationGainMeters, 100), forKey: .smoothedElevationGainMeters)
        try container.encode(rounded(summary.smoothedElevationLossMeters, 100), forKey: .smoothedElevationLossMeters)
        try container.encode(rounded(summary.averageCadenceSpm, 100), forKey: .averageCadenceSpm)
        try container.encode(rounded(summary.averageCadence, 100), forKey: .averageCadence)
        try container.encode(rounded(summary.averageHeartRate, 100), forKey: .averageHeartRate)
        try container.encode(summary.records, forKey: .records)
        try container.encode(summary.laps, forKey: .laps)
        try container.encode(summary.device.isEmpty ? nil : summary.device, forKey: .device)
        try container.encode(recording.utcOffsetSeconds, forKey: .utcOffsetSeconds)
    }
}

/// The people-readable table of `inspect`, 80 columns wide.
enum InspectView {
    static let header = pad("FILE", 19) + " " + pad("SPORT", 11) + " " + pad("START (UTC)", 16) + " "
        + left("KM", 6) + " " + left("TIME", 8) + " " + left("GAIN", 5) + " " + left("SPM", 4) + " " + left("HR", 4)

    static func table(_ activities: [InspectedActivity]) -> String {
        ([header] + activities.map(row)).joined(separator: "\n")
    }

    static func row(_ activity: InspectedActivity) -> String {
        let summary = activity.summary
        var file = ((activity.source.member ?? activity.source.path) as NSString).lastPathComponent
        if let part = activity.part { file += "#\(part)" }
        let start = activity.startText.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "-"
        let meters = summary.distanceMeters ?? summary.computedDistanceMeters
        return pad(file, 19) + " " + pad(summary.sport.isEmpty ? "-" : summary.sport, 11) + " " + pad(start, 16) + " "
            + left(meters.map { String(format: "%.2f", $0 / 1000) } ?? "-", 6) + " "
            + left(summary.elapsedSeconds.map(duration) ?? "-", 8) + " "
            + left(summary.elevationGainMeters.map { String(format: "%.0f", $0) } ?? "-", 5) + " "
            + left(summary.averageCadenceSpm.map { String(format: "%.0f", $0) } ?? "-", 4) + " "
            + left(summary.averageHeartRate.map { String(format: "%.0f", $0) } ?? "-", 4)
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e12 else { return "-" }
        let total = Int(seconds.rounded())
        let text = String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
        return text.count > 8 ? String(total / 3600) + "h" : text
    }

    /// Left-aligned in `width` columns, cut with an ellipsis.
    static func pad(_ text: String, _ width: Int) -> String {
        if text.count > width { return String(text.prefix(width - 1)) + "…" }
        return text + String(repeating: " ", count: width - text.count)
    }

    /// Right-aligned in `width` columns.
    static func left(_ text: String, _ width: Int) -> String {
        if text.count >= width { return String(text.prefix(width)) }
        return String(repeating: " ", count: width - text.count) + text
    }
}

import ActivityFiles
import Foundation
import KneeCoachCore
import KneeCoachStore

/// One decoded file turned into the activity the journal stores, before any duplicate
/// check: pure, so it is tested without a database.
public struct ImportedActivity: Sendable, Equatable {
    /// The activity to store (no id, no shoe yet).
    public var record: ActivityRecord
    /// Its sport, normalised.
    public var sport: ImportedSport
    /// The gear the export names (a shoe for a foot activity), when any.
    public var gear: String?

    /// Why a decoded file holds nothing to import.
    public enum Skip: Error, Sendable, Equatable {
        /// No sample has an absolute time (device-relative FIT times, a GPX without times).
        case noStartTime
        /// A FIT file of another type, such as a course; a TCX course, a GPX route.
        case notAnActivity(fileType: String)
        /// Nothing was recorded.
        case empty

        /// One sentence for the summary.
        public var reason: String {
            switch self {
            case .noStartTime:
                "The file has no absolute start time (its times are missing or relative to the device), so it cannot be placed on a day."
            case .notAnActivity("course"):
                "This is a course (a route planned ahead), not a recorded activity."
            case .notAnActivity(let type):
                "This is a FIT \(type) file, not a recorded activity."
            case .empty:
                "The file holds no recorded samples, laps or sessions."
            }
        }
    }

    /// Builds the activity from a file's recordings.
    ///
    /// The parts of a chained FIT file become one activity (one file, one content hash).
    /// - Parameters:
    ///   - recordings: the decoded recordings of one file.
    ///   - source: `path` or `path!member`.
    ///   - format: the file's format.
    ///   - contentHash: ``ContentHash/of(_:)`` of the file's payload.
    ///   - timeZone: the runner's time zone, which decides the calendar day.
    /// - Returns: the activity.
    /// - Throws: a ``Skip`` when there is nothing to import.
    public static func make(
        from recordings: [ActivityRecording], source: String, format: ActivityFormat, contentHash: String,
        timeZone: TimeZone
    ) throws(Skip) -> ImportedActivity {
        let parts = recordings.filter { !$0.samples.isEmpty || !$0.sessions.isEmpty || !$0.laps.isEmpty }
        guard !parts.isEmpty else { throw .empty }
        let recording = parts.count == 1 ? parts[0] : ActivityRecording.merged(parts)
        if let type = recording.fileType, type != "activity" { throw .notAnActivity(fileType: type) }
        // A GPX file without track points gives its route: planned, not run.
        if recording.pointKind == .route { throw .notAnActivity(fileType: "course") }
        let summary = recording.summary()
        guard let startSeconds = summary.startSeconds, startSeconds.isFinite else { throw .noStartTime }
        let start = Date(timeIntervalSince1970: startSeconds)
        guard let date = LocalDate(instant: start, in: timeZone) else { throw .noStartTime }
        let sport = ImportedSport(fileSport: recording.sport, exportType: recording.exportType)
        let distance = finite(summary.distanceMeters) ?? finite(summary.computedDistanceMeters) ?? 0
        let elapsed = finite(summary.elapsedSeconds)
        let timer = finite(summary.timerSeconds) ?? elapsed ?? 0
        let record = ActivityRecord(
            date: date, start: start, sport: sport.name, isFoot: sport.isFoot,
            name: recording.name ?? fileName(of: source),
            distanceMeters: max(0, distance), durationSeconds: max(0, timer),
            elapsedSeconds: max(0, elapsed ?? timer),
            elevationGainMeters: finite(summary.elevationGainMeters).map { max(0, $0) },
            elevationLossMeters: finite(summary.elevationLossMeters).map { max(0, $0) },
            averageCadenceSpm: sport.isFoot ? finite(summary.averageCadenceSpm) : nil,
            averageHeartRate: finite(summary.averageHeartRate),
            source: source, format: format.rawValue, contentHash: contentHash,
            device: summary.device.isEmpty ? nil : summary.device)
        let gear = recording.gear?.trimmingCharacters(in: .whitespacesAndNewlines)
        return ImportedActivity(record: record, sport: sport, gear: gear?.isEmpty == false ? gear : nil)
    }

    /// The file name of a source, without `.gz` and the format's extension.
    static func fileName(of source: String) -> String {
        let last = source.split(whereSeparator: { $0 == "/" || $0 == "!" }).last.map(String.init) ?? source
        var name = last
        for suffix in [".gz", ".fit", ".gpx", ".tcx"] where name.lowercased().hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        return name.isEmpty ? last : name
    }

    private static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }
}

import ActivityFiles
import Foundation
import Testing

/// Every corpus file against MANIFEST.tsv, within the issue's tolerances, except where a
/// justified exception below says why KneeCoach's value is the better one.
@Suite(.enabled(if: Corpus.isAvailable, Comment(rawValue: Corpus.absentMessage)))
struct ManifestTests {
    static let rows = Corpus.rows(in: "fit") + Corpus.rows(in: "gpx") + Corpus.rows(in: "tcx")

    /// Fields where the reference is wrong or measures something else, file by file
    /// (path → column → why). None is needed today: every value matches.
    static let exceptions: [String: [String: String]] = [:]

    @Test func coversEveryCorpusFile() {
        #expect(Self.rows.count == 72)
    }

    @Test(arguments: rows)
    func matchesManifest(row: ManifestRow) throws {
        let bytes = try Corpus.bytes(row.path)
        let result = ActivityDecoder.decode(bytes, fileName: row.path)
        #expect(result.error == nil, "\(row.path): \(result.error.map { $0.problem } ?? "")")
        Self.verify(result.recordings, against: row)
    }

    /// Checks recordings (chained parts merged) against a manifest row.
    static func verify(_ recordings: [ActivityRecording], against row: ManifestRow) {
        let recording = ActivityRecording.merged(recordings)
        let summary = recording.summary()
        let check = ManifestCheck(row: row, exceptions: exceptions[row.path] ?? [:])
        check.exact("records", recording.pointKind == .route ? 0 : summary.records)
        check.start(summary.startSeconds)
        check.close("elapsed_s", summary.elapsedSeconds, absolute: 1)
        check.close("timer_file_s", summary.isTimerComputed ? nil : summary.timerSeconds, absolute: 1)
        check.close("distance_file_m", summary.distanceMeters, relative: 0.001)
        check.close("distance_haversine_m", summary.computedDistanceMeters, relative: 0.002, absolute: 0.01)
        check.close("ele_gain_m", summary.elevationGainMeters, absolute: 1)
        check.close("ele_loss_m", summary.elevationLossMeters, absolute: 1)
        // FIT's avg_cadence_raw is the integer part only; avg_cadence_spm checks the whole value.
        check.close("avg_cadence_raw", summary.averageCadence, absolute: 0.5, skipFIT: true)
        check.close("avg_cadence_spm", summary.averageCadenceSpm, absolute: 0.5)
        check.close("avg_hr", summary.averageHeartRate, absolute: 0.5)
        check.text("sport", summary.sport)
        check.text("device", summary.device)
    }
}

/// Compares one summary field with its manifest column, honouring exceptions.
struct ManifestCheck {
    let row: ManifestRow
    let exceptions: [String: String]

    func skip(_ column: String) -> Bool { exceptions[column] != nil }

    func exact(_ column: String, _ value: Int) {
        guard !skip(column), let expected = row.number(column) else { return }
        #expect(Double(value) == expected, "\(row.path) \(column): got \(value), manifest \(expected)")
    }

    func start(_ seconds: Double?) {
        guard !skip("start_utc") else { return }
        let text = row.string("start_utc")
        let expected = text.isEmpty ? nil : ISO8601Parsing.seconds(text)
        if let expected, let seconds {
            #expect(abs(seconds - expected) < 0.001, "\(row.path) start: got \(seconds), manifest \(text)")
        } else {
            #expect(expected == nil && seconds == nil, "\(row.path) start: got \(String(describing: seconds)), manifest \(text)")
        }
    }

    func close(_ column: String, _ value: Double?, relative: Double = 0, absolute: Double = 0, skipFIT: Bool = false) {
        guard !skip(column) else { return }
        if skipFIT, row.path.hasPrefix("fit/") { return }
        let expected = row.number(column)
        guard let expected else {
            #expect(value == nil, "\(row.path) \(column): got \(value ?? 0), manifest empty")
            return
        }
        guard let value else {
            Issue.record("\(row.path) \(column): got nothing, manifest \(expected)")
            return
        }
        let tolerance = max(absolute, relative * abs(expected))
        #expect(abs(value - expected) <= tolerance, "\(row.path) \(column): got \(value), manifest \(expected)")
    }

    func text(_ column: String, _ value: String) {
        guard !skip(column) else { return }
        #expect(value == row.string(column), "\(row.path) \(column): got \"\(value)\", manifest \"\(row.string(column))\"")
    }
}

enum ISO8601Parsing {
    /// Seconds since 1970 for the manifest's `YYYY-MM-DDTHH:MM:SS(.ffffff)Z`.
    static func seconds(_ text: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}

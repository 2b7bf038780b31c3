import ActivityFiles
import Testing

/// FIT details the manifest has no column for: time zone, sensors, profile name, the
/// running dynamics, and the same activity written two ways.
@Suite(.enabled(if: Corpus.isAvailable, Comment(rawValue: Corpus.absentMessage)))
struct FITCorpusTests {
    static func recording(_ path: String) throws -> ActivityRecording {
        let result = FITDecoder.decode(try Corpus.bytes(path))
        #expect(result.error == nil)
        return ActivityRecording.merged(result.recordings)
    }

    @Test func readsTheUTCOffsetFromTheActivityMessage() throws {
        let offsets = try Corpus.rows(in: "fit").compactMap { try Self.recording($0.path).utcOffsetSeconds }
        #expect(offsets.count >= 10)
        #expect(offsets.allSatisfy { $0.truncatingRemainder(dividingBy: 900) == 0 })
    }

    @Test func listsTheWatchAndItsSensors() throws {
        let recording = try Self.recording("fit/fp-activity-small-fenix2-run.fit")
        #expect(recording.devices.count >= 1)
        #expect(recording.devices.contains { $0.manufacturer == "garmin" })
    }

    @Test func keepsRunningDynamicsWhenRecorded() throws {
        let withDynamics = try Corpus.rows(in: "fit").filter { row in
            try Self.recording(row.path).samples.contains { $0.dynamics?.verticalOscillationMillimeters != nil }
        }
        #expect(!withDynamics.isEmpty)
    }

    @Test func summaryFirstAndSummaryLastGiveTheSameSummary() throws {
        let first = try Self.recording("fit/mk-triathlon_summary_first.fit").summary()
        let last = try Self.recording("fit/mk-triathlon_summary_last.fit").summary()
        #expect(first == last)
    }

    @Test func decodesCompressedTimestampsAndAccumulatedDistance() throws {
        let recording = try Self.recording("fit/fp-compressed-speed-distance.fit")
        #expect(recording.hasDeviceRelativeTimes)
        let distances = recording.samples.compactMap(\.distanceMeters)
        #expect(!distances.isEmpty)
        #expect(zip(distances, distances.dropFirst()).allSatisfy { $0 <= $1 })
    }
}

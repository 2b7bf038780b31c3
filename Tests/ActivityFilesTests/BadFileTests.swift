import ActivityFiles
import Testing

/// Every file in `bad/` gives a typed error saying what and where; partial decodes say how
/// much they recovered.
@Suite(.enabled(if: Corpus.isAvailable, Comment(rawValue: Corpus.absentMessage)))
struct BadFileTests {
    /// (file, expected error, samples recovered by a partial decode or nil for none).
    static let cases: [(String, ActivityFileError, Int?)] = [
        ("bad/fp-activity-filecrc.fit", .fileCRCMismatch(atByte: 769, stored: 0xB1D5, computed: 0xA1D5), 14),
        ("bad/fp-activity-activity-filecrc.fit", .fileCRCMismatch(atByte: 1540, stored: 0xB1D5, computed: 0xA1D5), 28),
        ("bad/fp-activity-settings-corruptheader.fit",
         .notFIT(atByte: 771, reason: "bytes 779–782 are not \".FIT\""), 14),
        ("bad/fp-activity-settings-nodata.fit", .truncated(atByte: 786, expectedBytes: 853), 14),
        ("bad/fp-activity-unexpected-eof.fit", .truncated(atByte: 768, expectedBytes: 771), 14),
        // The README: "real 4.6 h ride, no CRC, 14,391 records readable".
        ("bad/fp-nick.fit", .messageOverrunsData(atByte: 403_437, dataEndsAtByte: 403_454), 14_391),
        // The README: "all peers stop; 473 records readable before that point".
        ("bad/fp-strava-android-app-201.10-b1218918.fit", .undefinedLocalMessageType(11, atByte: 7471), 473),
        ("bad/rp-malformed.tcx", .unexpectedRoot(element: "Activities", expected: "TrainingCenterDatabase"), nil),
        ("bad/tgj-bad.gpx", .invalidValue(element: "trkpt", value: "undefined", line: 5), nil),
        ("bad/tgj-bad.tcx", .invalidValue(element: "LatitudeDegrees", value: "no", line: 50), nil),
    ]

    @Test(arguments: cases)
    func reportsWhatAndWhere(path: String, expected: ActivityFileError, recoveredSamples: Int?) throws {
        let bytes = try Corpus.bytes(path)
        let result = ActivityDecoder.decode(bytes, fileName: path)
        #expect(result.error == expected)
        #expect(result.isPartial == (recoveredSamples != nil))
        #expect(result.recovered?.samples == recoveredSamples)
        if let recovered = result.recovered {
            #expect(recovered.bytesRead > 0 && recovered.bytesRead <= bytes.count)
            #expect(recovered.totalBytes == bytes.count)
        }
        #expect(throws: expected) { try result.get() }
        let problem = result.error?.problem ?? ""
        #expect(problem.contains("byte") || problem.contains("line") || problem.contains("root"))
    }

    @Test func partialStravaDecodeKeepsTheRecordsBeforeTheError() throws {
        let result = FITDecoder.decode(try Corpus.bytes("bad/fp-strava-android-app-201.10-b1218918.fit"))
        let summary = ActivityRecording.merged(result.recordings).summary()
        #expect(summary.records == 473)
        #expect(summary.sport == "running")  // this app writes the session first
        #expect(summary.device == "strava/102")
    }
}

import ActivityFiles
import Testing

/// The same activity exported in several formats (the corpus README lists the sets) gives
/// consistent summaries: the same start and elapsed time, and distances along the
/// positions that agree within each set's tolerance.
@Suite(.enabled(if: Corpus.isAvailable, Comment(rawValue: Corpus.absentMessage)))
struct CrossFormatTests {
    /// (files, relative tolerance of the computed distance, why it is not tighter).
    static let sets: [([String], Double, String)] = [
        (["fit/hs-testdata.fit", "gpx/hs-testdata.gpx", "tcx/hs-testdata.tcx"], 0.001,
         "FR220 run; the TCX has 3 more trackpoints, without positions"),
        (["fit/sw-4801048867.fit", "gpx/sw-4801048867_strava.gpx", "tcx/sw-activity_4801048867.tcx"], 0.001,
         "FR935 ride; Strava's GPX rounds positions"),
        (["fit/sw-2020-06-01-16-52-40.fit", "gpx/sw-activity_5039744860.gpx", "tcx/sw-activity_5039744860.tcx"], 0.001,
         "Edge 1000 ride"),
        (["gpx/rp-run.gpx", "tcx/rp-run.tcx"], 0.001, "TomTom run"),
        (["gpx/rp-stopped_example.gpx", "tcx/rp-stopped_example.tcx"], 0.01,
         "Strava run with pauses: its GPX and TCX exports differ in points (README: 12,595 vs 12,535 m)"),
        (["tcx/tp-test.tcx", "tcx/tp-no_hr.tcx"], 0, "the same FR410 run with and without heart rate"),
        (["fit/mk-triathlon_summary_first.fit", "fit/mk-triathlon_summary_last.fit"], 0,
         "session and lap messages first or last"),
    ]

    @Test(arguments: sets)
    func summariesAgree(files: [String], distanceTolerance: Double, note: String) throws {
        let summaries = try files.map { path in
            ActivityRecording.merged(ActivityDecoder.decode(try Corpus.bytes(path), fileName: path).recordings).summary()
        }
        let reference = try #require(summaries.first)
        for (path, summary) in zip(files, summaries).dropFirst() {
            #expect(summary.startSeconds == reference.startSeconds, "\(path) start (\(note))")
            let elapsedGap = abs((summary.elapsedSeconds ?? -1) - (reference.elapsedSeconds ?? -2))
            #expect(elapsedGap <= 1, "\(path) elapsed (\(note))")
            let distance = try #require(summary.computedDistanceMeters)
            let expected = try #require(reference.computedDistanceMeters)
            #expect(abs(distance - expected) <= max(0.01, distanceTolerance * expected), "\(path) distance (\(note))")
        }
    }
}

import Foundation
import Testing

/// `kneecoach inspect`, run as a user runs it: exact output, errors and exit codes.
@Suite(.serialized)
struct InspectCommandTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/activities")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("MANIFEST.tsv").path) }

    static func path(_ relative: String) -> String { corpus.appendingPathComponent(relative).path }

    @Test(.enabled(if: hasCorpus, "the activity corpus is absent; skipped"))
    func printsATableThatFitsEightyColumns() throws {
        let result = try CLI.run(["inspect", Self.path("fit/fp-activity-small-fenix2-run.fit"),
                                  Self.path("gpx/tgj-Friday-Evening-Run.gpx")])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            FILE                SPORT       START (UTC)          KM     TIME  GAIN  SPM   HR
            fp-activity-small-… running     2015-08-15 14:45   9.01  0:47:13   257  163  154
            tgj-Friday-Evening… running     2025-05-02 15:51   0.09  0:42:49     1  139  150

            """)
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test(.enabled(if: hasCorpus, "the activity corpus is absent; skipped"))
    func printsTheDocumentedJSON() throws {
        let result = try CLI.run(["inspect", "--json", Self.path("tcx/rp-run_garmin.tcx")])
        #expect(result.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let activity = try #require(list.first)
        #expect(list.count == 1)
        for key in ["source", "format", "sport", "start", "elapsedSeconds", "timerSeconds", "distanceMeters",
                    "computedDistanceMeters", "elevationGainMeters", "elevationLossMeters", "averageCadenceSpm",
                    "averageHeartRate", "records", "device"] {
            #expect(activity.keys.contains(key), "missing \(key)")
        }
        #expect(activity["format"] as? String == "tcx")
        #expect(activity["start"] as? String == "2018-11-25T07:20:49Z")
        #expect(activity["records"] as? Int == 147)
        #expect(activity["distanceMeters"] as? Double == 2153.67)
        #expect(activity["averageCadenceSpm"] as? Double == 173.35)
    }

    @Test(.enabled(if: hasCorpus, "the activity corpus is absent; skipped"))
    func reportsFailuresButStillShowsTheOthers() throws {
        let result = try CLI.run(["inspect", "--json", Self.path("bad/fp-nick.fit"), Self.path("gpx/tgj-empty_ele.gpx")])
        #expect(result.status == 65)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 2)
        #expect(list[0]["error"] as? String
            == "The FIT message at byte 403437 runs past the end of the data at byte 403454. Copy the file again from the watch or export the original from the watch's website.")
        #expect((list[0]["partial"] as? [String: Any])?["records"] as? Int == 14391)
        #expect(list[1]["records"] as? Int == 2)
        #expect(result.stderr.hasPrefix("kneecoach: \(Self.path("bad/fp-nick.fit")): The FIT message at byte 403437"))
        #expect(result.stderr.contains("(Partial: 14391 records from the first 403437 of 403456 bytes.)"))
        #expect(result.stderr.hasSuffix("kneecoach: 1 of 2 inputs failed.\n"))
    }

    @Test(.enabled(if: hasCorpus, "the activity corpus is absent; skipped"))
    func listsEveryMemberOfAnExport() throws {
        let result = try CLI.run(["inspect", "--json", Self.path("containers/strava-style-export.zip")])
        #expect(result.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["member"] as? String ?? "" } == [
            "activities/1000000001.fit.gz", "activities/1000000002.gpx.gz", "activities/1000000003.tcx.gz",
            "activities/1000000004.gpx", "activities/1000000005.fit.gz",
        ])
        #expect(list.map { $0["type"] as? String ?? "" } == ["Run", "Run", "Run", "Run", "Ride"])
    }

    @Test func aMissingFileIsBadDataWithAFix() throws {
        let result = try CLI.run(["inspect", "/nonexistent/run.fit"])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr == "kneecoach: /nonexistent/run.fit: The file cannot be read: no such file or folder. Check the path and that you may read the file.\n")
    }

    @Test func noPathIsAUsageError() throws {
        let result = try CLI.run(["inspect"])
        #expect(result.status == 64)
    }
}

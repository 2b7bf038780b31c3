import Foundation
import KneeCoachStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kneecoach import`, run as a user runs it, on a temporary SQLite journal.
@Suite(.serialized)
struct ImportCommandTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/activities")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("MANIFEST.tsv").path) }
    static let absent: Comment = "the activity corpus (../shared/data/activities) is absent; skipped"

    static func path(_ relative: String) -> String { corpus.appendingPathComponent(relative).path }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kneecoach-import-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(.enabled(if: hasCorpus, absent))
    func printsTheSummaryAndTheDuplicates() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("j.sqlite").path
        let fit = Self.path("fit/hs-testdata.fit"), gpx = Self.path("gpx/hs-testdata.gpx")
        let course = Self.path("fit/hs-testcourse.fit")
        let result = try CLI.run(["import", "--db", db, fit, gpx, course])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            imported 1, duplicates skipped 1, skipped 1, failed 0
            duplicate: \(gpx): the same running as run-1 on 2021-04-16 (same start), from \(fit).
            skipped: \(course): This is a course (a route planned ahead), not a recorded activity.

            """)
        let again = try CLI.run(["import", "--db", db, fit])
        #expect(again.stdout.hasPrefix("imported 0, duplicates skipped 1, skipped 0, failed 0\nduplicate: \(fit): already imported as run-1 on 2021-04-16.\n"))
    }

    @Test(.enabled(if: hasCorpus, absent))
    func printsTheDocumentedJSON() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("j.sqlite").path
        let zip = Self.path("containers/strava-style-export.zip")
        let bad = Self.path("bad/tgj-bad.gpx")
        _ = try CLI.run(["import", "--db", db, Self.path("gpx/hs-testdata.gpx")])
        let result = try CLI.run(["import", "--json", "--db", db, zip, bad])
        #expect(result.status == 65)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["imported", "duplicates", "skipped", "failed", "newShoes"])
        #expect(object["newShoes"] as? [String] == [], "the corpus export names no gear")
        let imported = try #require(object["imported"] as? [[String: Any]])
        #expect(imported.count == 4)
        let first = try #require(imported.first)
        #expect(first["source"] as? String == zip + "!activities/1000000001.fit.gz")
        #expect(first["contentHash"] as? String == "a066d77db247c152c9583bddaecd33d36327bacc0821694ab795fe25671a8327")
        #expect(first["date"] as? String == "2015-08-15")
        #expect(first["name"] as? String == "Afternoon Run")
        #expect(first["distanceKm"] as? Double == 9.01)
        #expect(first["id"] as? Int == 2)
        for key in ["format", "start", "sport", "isFoot", "durationSeconds"] { #expect(first[key] != nil, "\(key)") }
        let duplicates = try #require(object["duplicates"] as? [[String: Any]])
        #expect(duplicates.count == 1)
        #expect(duplicates.first?["source"] as? String == zip + "!activities/1000000004.gpx")
        #expect(duplicates.first?["match"] as? String == "same-file")
        #expect((duplicates.first?["duplicateOf"] as? [String: Any])?["id"] as? Int == 1)
        let failed = try #require(object["failed"] as? [[String: Any]])
        #expect(failed.count == 1)
        #expect(failed.first?["source"] as? String == bad)
        #expect((failed.first?["error"] as? String)?.isEmpty == false)
        #expect(result.stderr.hasPrefix("kneecoach: \(bad): "))
        #expect(result.stderr.hasSuffix("kneecoach: 1 of 6 inputs failed; the others were imported.\n"))
    }

    @Test(.enabled(if: hasCorpus, absent))
    func exits65WhenAFileFailsAndStillImportsTheOthers() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("j.sqlite").path
        let bad = Self.path("bad/fp-activity-unexpected-eof.fit")
        let missing = folder.appendingPathComponent("nope.fit").path
        let result = try CLI.run(["import", "--db", db, bad, missing, Self.path("tcx/rp-run_garmin.tcx")])
        #expect(result.status == 65)
        #expect(result.stdout == "imported 1, duplicates skipped 0, skipped 0, failed 2\n")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("kneecoach: \(bad): The file is truncated") == true)
        #expect(lines.dropFirst().first?.hasPrefix("kneecoach: \(missing): The file cannot be read: no such file or folder.") == true)
        #expect(lines.last == "kneecoach: 2 of 3 inputs failed; the others were imported.")
    }

    @Test func usageErrorsExit64() throws {
        let none = try CLI.run(["import"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("Give at least one file or folder to import, or --watch DIR."))
        let watch = try CLI.run(["import", "--watch", "/nonexistent/kneecoach-folder"])
        #expect(watch.status == 64)
        #expect(watch.stderr.contains("--watch needs a folder"))
    }
}

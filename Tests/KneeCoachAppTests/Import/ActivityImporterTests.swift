import ActivityFiles
import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// The importer on corpus files and a real SQLite journal.
@Suite(.enabled(if: ImportFixtures.hasCorpus, ImportFixtures.absent))
struct ActivityImporterTests {
    let importer = ActivityImporter(timeZone: TimeZone(identifier: "UTC") ?? .current)

    static let exportZip = "containers/strava-style-export.zip"

    @Test func stravaExportMatchesTheManifest() async throws {
        try await ImportFixtures.withStore { store, _ in
            let outcomes = await importer.importFiles([ImportFixtures.path(Self.exportZip)], into: store)
            #expect(outcomes.count == 5)
            #expect(outcomes.allSatisfy { if case .imported = $0.status { true } else { false } })
            let manifest = Dictionary(
                uniqueKeysWithValues: ImportFixtures.table("MANIFEST.tsv").map { ($0["path"] ?? "", $0) })
            let members = ImportFixtures.table("containers/CONTAINERS.tsv")
                .filter { $0["container"] == "strava-style-export.zip" && $0["member"] != "activities.csv" }
            #expect(members.count == 5)
            for member in members {
                let source = ImportFixtures.path(Self.exportZip) + "!" + (member["member"] ?? "")
                let outcome = try #require(outcomes.first { $0.source == source }, "no outcome for \(source)")
                guard case .imported(let run) = outcome.status else { continue }
                let row = try #require(manifest[member["corpus_file"] ?? ""])
                #expect(outcome.contentHash == member["payload_sha256"])
                try expect(run, matches: row, file: member["corpus_file"] ?? "")
            }
            let names = outcomes.compactMap { if case .imported(let run) = $0.status { run.name } else { nil } }
            #expect(names == ["Afternoon Run", "Morning Run, with stops", "11 km", "Short run", "Ride"])
            let ride = try #require(try await store.activities().first { $0.name == "Ride" })
            #expect(ride.sport == "cycling")
            #expect(ride.isFoot == false)
            let activityCountNow = try await store.activityCount()
            #expect(activityCountNow == 5)
        }
    }

    @Test func importingTheExportTwiceAddsNothing() async throws {
        try await ImportFixtures.withStore { store, _ in
            _ = await importer.importFiles([ImportFixtures.path(Self.exportZip)], into: store)
            let again = await importer.importFiles([ImportFixtures.path(Self.exportZip)], into: store)
            #expect(again.count == 5)
            for outcome in again {
                guard case .duplicate(_, let match) = outcome.status else {
                    Issue.record("\(outcome.source) was not a duplicate: \(outcome.status)")
                    continue
                }
                #expect(match == .sameFile)
            }
            let activityCountNow = try await store.activityCount()
            #expect(activityCountNow == 5)
        }
    }

    @Test func aFITFileAndItsGPXExportAreOneRun() async throws {
        try await ImportFixtures.withStore { store, _ in
            let first = await importer.importFiles([ImportFixtures.path("fit/hs-testdata.fit")], into: store)
            let second = await importer.importFiles(
                [ImportFixtures.path("gpx/hs-testdata.gpx"), ImportFixtures.path("tcx/hs-testdata.tcx")], into: store)
            guard case .imported(let run) = first.first?.status else {
                Issue.record("the FIT file was not imported: \(String(describing: first.first?.status))")
                return
            }
            for outcome in second {
                #expect(outcome.status == .duplicate(of: run, match: .sameStart), "\(outcome.source)")
            }
            let activityCountNow = try await store.activityCount()
            #expect(activityCountNow == 1)
            #expect(run.format == "fit")
            #expect(run.sport == "running")
            #expect(run.name == "hs-testdata")  // a FIT file names nothing: the file name
        }
    }

    @Test func aCorruptFileFailsAndTheOthersInItsFolderImport() async throws {
        try await ImportFixtures.withStore { store, folder in
            let input = folder.appendingPathComponent("watch")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            for file in ["bad/fp-activity-filecrc.fit", "fit/hs-testdata.fit", "tcx/rp-run_garmin.tcx", "bad/rp-malformed.tcx"] {
                try FileManager.default.copyItem(
                    atPath: ImportFixtures.path(file),
                    toPath: input.appendingPathComponent((file as NSString).lastPathComponent).path)
            }
            let outcomes = await importer.importFiles(ImportInputs.files(in: [input.path]), into: store)
            #expect(outcomes.count == 4)
            let failed = outcomes.filter(\.isFailure)
            #expect(failed.map { ($0.source as NSString).lastPathComponent } == ["fp-activity-filecrc.fit", "rp-malformed.tcx"])
            if case .failed(let reason) = failed.first?.status {
                #expect(reason.contains("Bad file CRC"))
                #expect(reason.contains("Copy the file again"))
            }
            let activityCountNow = try await store.activityCount()
            #expect(activityCountNow == 2)
            #expect(try await store.isIntact())
        }
    }

    @Test func filesWithoutAnAbsoluteStartOrNotActivitiesAreSkipped() async throws {
        try await ImportFixtures.withStore { store, _ in
            let outcomes = await importer.importFiles(
                [ImportFixtures.path("fit/fp-antfs-dump.63.fit"), ImportFixtures.path("fit/hs-testcourse.fit")],
                into: store)
            guard outcomes.count == 2, case .skipped(let noStart) = outcomes[0].status,
                case .skipped(let course) = outcomes[1].status
            else {
                Issue.record("expected two skips, got \(outcomes.map(\.status))")
                return
            }
            #expect(noStart.contains("no absolute start time"))
            #expect(course.contains("course"))
            let activityCountNow = try await store.activityCount()
            #expect(activityCountNow == 0)
        }
    }

    @Test func aCourseIsSkippedWhateverItsFormat() async throws {
        // The same planned course as FIT, as a GPX route with times, and as a TCX course; and
        // a GPX file with a route alone: none of them was run.
        try await ImportFixtures.withStore { store, _ in
            let files = ["fit/hs-testcourse.fit", "gpx/hs-testcourse.gpx", "tcx/hs-testcourse.tcx", "tcx/tgj-tcx-courses.tcx", "gpx/gp-route.gpx"]
            let outcomes = await importer.importFiles(files.map(ImportFixtures.path), into: store)
            for (file, outcome) in zip(files, outcomes) {
                guard case .skipped(let reason) = outcome.status else {
                    Issue.record("\(file): expected a skip, got \(outcome.status)")
                    continue
                }
                #expect(reason.contains("course"), "\(file): \(reason)")
            }
            let stored = try await store.activityCount()
            #expect(stored == 0)
        }
    }

    @Test func theRunnersTimeZoneDecidesTheDay() async throws {
        try await ImportFixtures.withStore { store, _ in
            let oslo = ActivityImporter(timeZone: try #require(TimeZone(identifier: "Europe/Oslo")))
            let outcomes = await oslo.importFiles([ImportFixtures.path("gpx/tgj-run.gpx")], into: store)
            guard case .imported(let run) = outcomes.first?.status else {
                Issue.record("not imported: \(String(describing: outcomes.first?.status))")
                return
            }
            #expect(run.date == LocalDate("2012-10-25"))  // 23:29 UTC is 01:29 in Oslo
            #expect(run.name == "Untitled")  // the GPX track's own name
        }
    }

    @Test func stravaGearBecomesAShoeWithItsMileage() async throws {
        try await ImportFixtures.withStore { store, folder in
            let csv = """
                Activity ID,Activity Date,Activity Name,Activity Type,Activity Gear,Filename
                1,x,Easy,Run,Pegasus 40,activities/1.gpx
                2,x,Long,Run,Pegasus 40,activities/2.tcx
                3,x,Spin,Ride,Tarmac,activities/3.tcx

                """
            let zip = StoredZip.make([
                ("activities.csv", Array(csv.utf8)),
                ("activities/1.gpx", Array(try Data(contentsOf: ImportFixtures.corpus.appendingPathComponent("gpx/hs-testdata.gpx")))),
                ("activities/2.tcx", Array(try Data(contentsOf: ImportFixtures.corpus.appendingPathComponent("tcx/rp-run_garmin.tcx")))),
                ("activities/3.tcx", Array(try Data(contentsOf: ImportFixtures.corpus.appendingPathComponent("tcx/tgj-garmin_connect.tcx")))),
            ])
            let path = folder.appendingPathComponent("export.zip")
            try zip.write(to: path)
            let outcomes = await importer.importFiles([path.path], into: store)
            #expect(outcomes.map(\.shoeName) == ["Pegasus 40", "Pegasus 40", nil])
            let shoes = try await store.shoeMileage()
            #expect(shoes.map(\.shoe.name) == ["Pegasus 40"])
            let runs = try await store.activities().filter(\.isFoot)
            let meters = runs.reduce(0) { $0 + $1.distanceMeters }
            #expect(shoes.first?.activityCount == 2)
            #expect(abs((shoes.first?.activityMeters ?? 0) - meters) < 0.01)
            #expect(try await store.activities().compactMap(\.name).sorted() == ["Easy", "Long", "Spin"])
        }
    }

    private func expect(_ run: ActivityRecord, matches row: [String: String], file: String) throws {
        func number(_ column: String) -> Double? { row[column].flatMap { $0.isEmpty ? nil : Double($0) } }
        func close(_ value: Double?, _ reference: Double?, _ what: String) {
            guard let reference else { return }
            guard let value else {
                Issue.record("\(file): no \(what), expected \(reference)")
                return
            }
            #expect(abs(value - reference) <= max(0.6, abs(reference) * 0.002), "\(file): \(what) \(value) vs \(reference)")
        }
        let start = try #require(ISO8601DateFormatter().date(from: String((row["start_utc"] ?? "").prefix(19)) + "Z"))
        #expect(abs(run.start.timeIntervalSince(start)) < 1, "\(file): start")
        close(run.distanceMeters, number("distance_file_m") ?? number("distance_haversine_m"), "distance")
        close(run.elapsedSeconds, number("elapsed_s"), "elapsed time")
        close(run.durationSeconds, number("timer_file_s"), "timer time")
        close(run.elevationGainMeters, number("ele_gain_m"), "elevation gain")
        close(run.elevationLossMeters, number("ele_loss_m"), "elevation loss")
        close(run.averageHeartRate, number("avg_hr"), "heart rate")
        if run.isFoot { close(run.averageCadenceSpm, number("avg_cadence_spm"), "cadence") }
        #expect(run.device == (row["device"]?.isEmpty == false ? row["device"] : nil), "\(file): device")
    }
}

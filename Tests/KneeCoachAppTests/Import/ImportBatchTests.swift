import ActivityFiles
import Foundation
import KneeCoachCore
import KneeCoachStore
import Synchronization
import Testing

@testable import KneeCoachApp

/// Several files in one transaction: duplicates inside a batch, and a file the database
/// refuses, which is rolled back alone.
struct ImportBatchTests {
    let importer = ActivityImporter(timeZone: TimeZone(identifier: "UTC") ?? .current)

    /// A prepared run starting `minutes` after 2026-03-01 08:00 UTC.
    static func run(_ name: String, minutes: Int, meters: Double = 5_000, sport: ImportedSport = .init(name: "running", family: .foot))
        -> PreparedFile
    {
        let start = Date(timeIntervalSince1970: 1_772_352_000 + TimeInterval(minutes * 60))
        let payload = Data("file \(name)".utf8)
        let record = ActivityRecord(
            date: LocalDate(year: 2026, month: 3, day: 1) ?? LocalDate(dayNumber: 0), start: start, sport: sport.name,
            isFoot: sport.isFoot, name: name, distanceMeters: meters, durationSeconds: 1_800, source: name + ".gpx",
            format: "gpx", contentHash: ContentHash.of(payload))
        return .ready(ImportedActivity(record: record, sport: sport, gear: nil), payload: payload, format: .gpx)
    }

    static func status(_ outcome: ImportOutcome) -> String {
        switch outcome.status {
        case .imported: "imported"
        case .duplicate(_, let match): "duplicate \(match.rawValue)"
        case .failed: "failed"
        case .skipped: "skipped"
        }
    }

    @Test func aFileTheDatabaseRefusesIsRolledBackAloneAndTheOthersAreStored() async throws {
        try await ImportFixtures.withStore { (store: JournalStore, _: URL) async throws in
            let files = [Self.run("a", minutes: 0), Self.run("bad", minutes: 100, meters: -1), Self.run("c", minutes: 200)]
            let outcomes = await importer.storeBatch(files, into: store)
            #expect(outcomes.map(Self.status) == ["imported", "failed", "imported"])
            #expect(outcomes.map(\.source) == ["a.gpx", "bad.gpx", "c.gpx"])
            if case .failed(let reason) = outcomes[1].status { #expect(!reason.isEmpty) }
            #expect(try await store.activities().compactMap(\.name) == ["a", "c"])
            #expect(try await store.isIntact())
        }
    }

    @Test func duplicatesInsideOneBatchAreRecognised() async throws {
        try await ImportFixtures.withStore { (store: JournalStore, _: URL) async throws in
            let ride = ImportedSport(name: "cycling", family: .cycling)
            let files = [
                Self.run("a", minutes: 0), Self.run("a", minutes: 0), Self.run("a-export", minutes: 0),
                Self.run("commute", minutes: 0, sport: ride), Self.run("later", minutes: 2),
                .finished(ImportOutcome(source: "broken.fit", format: .fit, contentHash: nil, status: .failed(reason: "bad"))),
            ]
            let outcomes = await importer.storeBatch(files, into: store)
            #expect(outcomes.map(Self.status) == [
                "imported", "duplicate same-file", "duplicate same-start", "imported", "imported", "failed",
            ])
            #expect(try await store.activityCount() == 3)
        }
    }

    @Test func smallBatchesKeepTheInputOrderAndLoseNothingToABadFile() async throws {
        try await ImportFixtures.withStore { (store: JournalStore, folder: URL) async throws in
            guard ImportFixtures.hasCorpus else { return }
            let input = folder.appendingPathComponent("watch")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            let names = [
                "fit/hs-testdata.fit", "bad/fp-activity-filecrc.fit", "tcx/rp-run_garmin.tcx", "gpx/tgj-run.gpx",
                "bad/rp-malformed.tcx", "gpx/rp-stopped_example.gpx", "fit/rp-run.fit",
            ]
            for (index, file) in names.enumerated() {
                try FileManager.default.copyItem(
                    atPath: ImportFixtures.path(file),
                    toPath: input.appendingPathComponent("\(index)-" + (file as NSString).lastPathComponent).path)
            }
            for batchFiles in [1, 2, 32] {
                let importer = ActivityImporter(timeZone: TimeZone(identifier: "UTC") ?? .current, batchFiles: batchFiles)
                let files = ImportInputs.files(in: [input.path])
                let outcomes = await importer.importFiles(files, into: store)
                #expect(outcomes.map(\.source) == files, "batches of \(batchFiles)")
                let expected = batchFiles == 1
                    ? ["imported", "failed", "imported", "imported", "failed", "imported", "imported"]
                    : ["duplicate same-file", "failed", "duplicate same-file", "duplicate same-file", "failed",
                       "duplicate same-file", "duplicate same-file"]
                #expect(outcomes.map(Self.status) == expected, "batches of \(batchFiles)")
                #expect(try await store.activityCount() == 5)
            }
            #expect(try await store.isIntact())
        }
    }

    @Test func progressCountsEveryFileAndStopEndsTheImportWithWholeFiles() async throws {
        try await ImportFixtures.withStore { (store: JournalStore, folder: URL) async throws in
            guard ImportFixtures.hasCorpus else { return }
            let files = ["gpx/tgj-run.gpx", "fit/hs-testdata.fit", "tcx/rp-run_garmin.tcx"].map(ImportFixtures.path)
            let seen = Counter()
            let outcomes = await importer.importFiles(
                files, into: store, shouldStop: { seen.value >= 2 }, progress: { _ in seen.increment() })
            #expect(outcomes.count == 2)
            #expect(try await store.activityCount() == 2)
        }
    }
}

/// A counter the progress callback can bump from any task.
final class Counter: Sendable {
    private let box = Mutex(0)
    var value: Int { box.withLock { $0 } }
    func increment() { box.withLock { $0 += 1 } }
}

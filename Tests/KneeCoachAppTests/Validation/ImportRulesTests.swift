import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// An import stores only what restore accepts back (issue 14, item 1): the activity rows of
/// ``JournalRules`` apply to files too, so an export of the journal always restores.
struct ImportRulesTests {
    static func gpx(_ day: String) -> String {
        """
        <?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>
        <trkpt lat="59.9000" lon="10.7000"><time>\(day)T08:00:00Z</time></trkpt>
        <trkpt lat="59.9100" lon="10.7000"><time>\(day)T08:06:00Z</time></trkpt>
        </trkseg></trk></gpx>
        """
    }

    static func tcx(distance: String) -> String {
        """
        <?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>
        <Activity Sport="Running"><Id>2026-11-03T08:00:00Z</Id><Lap StartTime="2026-11-03T08:00:00Z">
        <TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>\(distance)</DistanceMeters><Track>
        <Trackpoint><Time>2026-11-03T08:00:00Z</Time><DistanceMeters>0</DistanceMeters></Trackpoint>
        <Trackpoint><Time>2026-11-03T08:10:00Z</Time><DistanceMeters>\(distance)</DistanceMeters></Trackpoint>
        </Track></Lap></Activity></Activities></TrainingCenterDatabase>
        """
    }

    @Test func fileActivitiesOutsideTheRulesAreNotStoredAndTheRestRestores() async throws {
        try await JournalProfileTests.withJournal { journal, folder async throws in
            let files = [("good.gpx", Self.gpx("2026-11-02")), ("far.gpx", Self.gpx("2300-01-01")), ("huge.tcx", Self.tcx(distance: "1e308"))]
            var paths: [String] = []
            for (name, text) in files {
                let url = folder.appendingPathComponent(name)
                try Data(text.utf8).write(to: url)
                paths.append(url.path)
            }
            let importer = ActivityImporter(timeZone: TimeZone(identifier: "UTC") ?? .current)
            let outcomes = await importer.importFiles(paths, into: journal.store)
            let far = try #require(outcomes.first { $0.source.hasSuffix("far.gpx") })
            guard case .failed(let reason) = far.status else {
                Issue.record("a run dated 2300 was stored: \(far.status)")
                return
            }
            #expect(reason.contains("1900-01-01 to 2200-12-31"), "\(reason)")
            let stored = try await journal.contents(from: nil, to: nil).activities
            #expect(stored.contains { $0.source.hasSuffix("good.gpx") })
            #expect(stored.allSatisfy { $0.distanceMeters <= 5_000_000 && $0.date.isWithinAcceptedYears })

            let backup = folder.appendingPathComponent("backup.json")
            try await journal.export(to: backup)
            try await journal.restore(from: backup)
            #expect(try await journal.contents(from: nil, to: nil).activities.count == stored.count)
        }
    }
}

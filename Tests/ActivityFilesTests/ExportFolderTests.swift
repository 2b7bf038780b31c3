import ActivityFiles
import Foundation
import Testing

/// An unzipped Strava export folder is read as its zip is (issue 15, item 7): the names, types
/// and gear of `activities.csv`, the shoes of `shoes.csv`, and each listed file it lacks.
struct ExportFolderTests {
    static let shoes = "Shoe Name,Shoe Brand,Shoe Model\nBlue,Nike,Pegasus 40\nSpeedgoat,Hoka,Speedgoat 5\n"

    /// The members of the zip `StravaShoesTests` reads, written as files under a folder.
    static func folder(_ members: [(String, [UInt8])]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kneecoach-export-\(UUID().uuidString)")
        for (path, bytes) in members {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder.path
    }

    static var members: [(String, [UInt8])] {
        [
            ("activities.csv", Array(StravaShoesTests.activities.utf8)), ("activities/1.gpx", SyntheticContainerTests.gpx),
            ("activities/2.gpx", SyntheticContainerTests.gpx), ("shoes.csv", Array(shoes.utf8)),
        ]
    }

    static func summary(_ contents: ActivityFileContents) -> [String] {
        contents.files.map { file in
            let recording = file.result.recordings.first
            return "\(file.result.error == nil) \(recording?.name ?? "-") \(recording?.exportType ?? "-") \(recording?.gear ?? "-")"
        }
    }

    @Test func aFolderGivesWhatItsZipGives() throws {
        let zip = try SyntheticContainerTests.temporaryFile("export.zip", try SyntheticContainerTests.zip(Self.members))
        let fromZip = ActivityFileReader().readContents(path: zip)
        let fromFolder = ActivityFileReader().readContents(path: try Self.folder(Self.members))
        #expect(Self.summary(fromFolder) == ["true Easy Run Nike Pegasus 40 Blue", "true Trail Run Speedgoat"])
        #expect(Self.summary(fromFolder) == Self.summary(fromZip))
        #expect(fromFolder.shoes == fromZip.shoes)
        #expect(fromFolder.shoes.map(\.name) == ["Nike Pegasus 40 Blue", "Speedgoat"])
    }

    @Test func aListedFileTheFolderLacksIsReportedByItsRow() throws {
        let folder = try Self.folder(Self.members.filter { $0.0 != "activities/2.gpx" })
        let contents = ActivityFileReader().readContents(path: folder)
        #expect(contents.files.count == 2)
        let missing = try #require(contents.files.last)
        #expect(missing.source.path == folder + "/activities/2.gpx")
        #expect(missing.result.error == .missingExportFile(row: 2))
    }

    @Test func aFolderWithoutActivitiesCSVIsAPlainFolder() throws {
        let folder = try Self.folder([("activities/1.gpx", SyntheticContainerTests.gpx), ("shoes.csv", Array(Self.shoes.utf8))])
        let contents = ActivityFileReader().readContents(path: folder)
        #expect(!ActivityFileReader.isExportFolder(folder))
        #expect(Self.summary(contents).count == 1 && contents.shoes.isEmpty)
    }
}

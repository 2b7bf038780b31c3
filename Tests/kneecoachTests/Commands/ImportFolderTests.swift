import Foundation
import Testing

/// `kneecoach import FOLDER` says what it passes over in the folder (issue 14, item 10).
struct ImportFolderTests {
    @Test func aLinkInTheFolderIsSkippedWithItsReason() throws {
        let folder = try ImportCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = folder.appendingPathComponent("runs")
        try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true)
        let run = runs.appendingPathComponent("run.gpx")
        try Data(DeflatedZip.gpx(points: 30)).write(to: run)
        let link = runs.appendingPathComponent("elsewhere.gpx")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/nonexistent/run.gpx")
        let result = try CLI.run(["import", "--db", folder.appendingPathComponent("j.sqlite").path, runs.path])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            imported 1, duplicates skipped 0, skipped 1, failed 0
            skipped: \(link.path): This is a symbolic link, and links inside a folder are not followed. \
            Pass the link itself, or the file or folder it points to, to read what it leads to.

            """)
    }
}

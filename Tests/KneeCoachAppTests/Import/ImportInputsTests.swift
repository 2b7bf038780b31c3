import ActivityFiles
import Foundation
import Testing

@testable import KneeCoachApp

/// What an import reads, and what it says about what it passes over (issue 14, item 10).
struct ImportInputsTests {
    @Test func aLinkInAFolderIsSkippedWithItsReason() throws {
        let folder = try ImportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run.gpx")
        try Data("<gpx/>".utf8).write(to: run)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("copy.gpx").path,
                                                   withDestinationPath: run.path)
        let scan = ImportInputs.scan([folder.path])
        #expect(scan.files == [run.path])
        let skipped = try #require(scan.passedOver.first)
        #expect(scan.passedOver.count == 1)
        #expect(skipped.source == folder.appendingPathComponent("copy.gpx").path)
        #expect(skipped.status == .skipped(reason: ActivityFileError.symbolicLinkNotFollowed.message))
        #expect(!skipped.isFailure)
    }

    @Test func aFolderThatCannotBeReadFails() {
        let outcome = ImportInputs.outcome(.init(path: "/runs/locked", reason: .unreadableFolder(reason: "Permission denied")))
        #expect(outcome.isFailure)
        #expect(outcome.status == .failed(reason: "The folder cannot be read: Permission denied. "
            + "Check that you may read and enter the folder (chmod u+rx), or leave it out."))
    }
}

@testable import ActivityFiles
import Foundation
import Testing

/// A folder walk names what it passes over: links and unreadable subfolders (issue 14, item 10).
struct FolderListingTests {
    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kneecoach-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("runs/locked"), withIntermediateDirectories: true)
        try Data(TestZip.gpx()).write(to: root.appendingPathComponent("runs/a.gpx"))
        try Data(TestZip.gpx()).write(to: root.appendingPathComponent("runs/locked/b.gpx"))
        try Data("x".utf8).write(to: root.appendingPathComponent("runs/notes.txt"))
        try Data(TestZip.gpx()).write(to: root.appendingPathComponent(".hidden.gpx"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.gpx").path,
                                                   withDestinationPath: root.appendingPathComponent("runs/a.gpx").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: root.path)
        return root
    }

    @Test func listsActivityFilesAndNamesLinksAndUnreadableFolders() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let locked = root.appendingPathComponent("runs/locked").path
        let listing = FolderListing(folder: root.path) { folder in
            if folder == locked { throw CocoaError(.fileReadNoPermission) }
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        }
        #expect(listing.files == [root.appendingPathComponent("runs/a.gpx").path])
        #expect(listing.passedOver.map(\.path) == ["link.gpx", "loop", "runs/locked"].map { root.appendingPathComponent($0).path })
        #expect(listing.passedOver.prefix(2).allSatisfy { $0.reason == .symbolicLinkNotFollowed })
        guard case .unreadableFolder? = listing.passedOver.last?.reason else {
            Issue.record("the locked folder is not reported as unreadable")
            return
        }
    }

    @Test func theReaderReportsWhatTheWalkPassedOver() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let results = ActivityFileReader().read(path: root.path)
        #expect(results.filter { $0.result.error == nil }.count == 2)
        #expect(results.filter { $0.result.error == .symbolicLinkNotFollowed }.count == 2)
        #expect(results.allSatisfy { $0.result.error?.message.contains("\n") != true })
    }
}

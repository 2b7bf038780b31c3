import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// Health data on disk is the owner's only (issue 14, item 8): the data folder 0700, the
/// database, backups, reports and calendars 0600 whatever the umask, and a replaced file
/// keeps the mode the runner gave it.
struct PrivateFileTests {
    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    @Test func theJournalItsFolderAndItsBackupAreTheOwnersOnly() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kc-private-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let database = root.appendingPathComponent("data/kneecoach.sqlite")
        let data = DataFolder(databaseURL: database)
        try await Journal.with(.sqlite(path: database.path), dataFolder: data) { journal async throws in
            try await journal.save(profile: Profile(age: 40))
            let backup = root.appendingPathComponent("backup.json")
            try await journal.export(to: backup)
            #expect(mode(backup.path) == 0o600)
            // A backup the runner made group-readable on purpose keeps that mode when replaced.
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: backup.path)
            try await journal.export(to: backup)
            #expect(mode(backup.path) == 0o640)
        }
        #expect(mode(database.deletingLastPathComponent().path) == 0o700)
        #expect(mode(database.path) == 0o600)
    }

    @Test func aReportAndACalendarAreTheOwnersOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-private-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("any.html")
        try PrivateFile.write(Data("<p>knee</p>".utf8), to: file)
        #expect(mode(file.path) == 0o600)
        #expect(FileManager.default.contents(atPath: file.path) == Data("<p>knee</p>".utf8))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["any.html"], "no temporary file is left behind")
    }
}

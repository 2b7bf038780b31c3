import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A journal that can only be read is still read (issue 14, item 10): `journal`, `status`,
/// `profile show` and `export` work on a file and folder without write permission, and a
/// command that would write says in one sentence that the journal can only be read.
///
/// Permissions do not bind root, so under root the commands run as `nobody` (through
/// `runuser`), from a copy of the executable and its resources that `nobody` can read.
@Suite(.serialized)
struct ReadOnlyJournalTests {
    let folder: URL
    var journalFolder: URL { folder.appendingPathComponent("journal") }
    var db: String { journalFolder.appendingPathComponent("k.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-readonly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static var isRoot: Bool { getuid() == 0 }
    static var canDropToNobody: Bool { !isRoot || FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") }

    /// Runs `kneecoach` as a user without write access to the journal.
    func kcReading(_ arguments: [String]) throws -> CLI.Result {
        guard Self.isRoot else { return try CLI.run(arguments + ["--db", db]) }
        let copy = folder.appendingPathComponent("bin")
        if !FileManager.default.fileExists(atPath: copy.path) {
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: CLI.productsFolder.path)
            where name == "kneecoach" || name.hasSuffix(".resources") {
                try FileManager.default.copyItem(at: CLI.productsFolder.appendingPathComponent(name), to: copy.appendingPathComponent(name))
            }
            try makeReadableByAll(copy)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        process.arguments = ["-u", "nobody", "--", copy.appendingPathComponent("kneecoach").path] + arguments + ["--db", db]
        var env = ProcessInfo.processInfo.environment
        env["KNEECOACH_DB"] = nil
        env["KNEECOACH_DATABASE_URL"] = nil
        env["XDG_DATA_HOME"] = folder.appendingPathComponent("xdg").path
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try CLI.spawn(process)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Makes a folder tree readable (and its files executable where they were) by everyone.
    private func makeReadableByAll(_ url: URL) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let walker = FileManager.default.enumerator(atPath: url.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        while let item = walker?.nextObject() as? String {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.appendingPathComponent(item).path)
        }
    }

    @Test(.enabled(if: canDropToNobody)) func aReadOnlyJournalIsReadAndNotWritten() throws {
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: journalFolder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        for arguments in [
            ["profile", "init", "--age", "44", "--time-zone", "UTC"],
            ["log", "pain", "--date", "2026-11-02", "--when", "after", "--level", "2"],
        ] {
            let result = try CLI.run(arguments + ["--db", db])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        // Readable by all, writable by none; the folder too (so no -wal or -shm can be made).
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: journalFolder.path)
        let outputs = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: outputs.path)

        let journal = try kcReading(["journal", "--json"])
        #expect(journal.status == 0, "\(journal.stderr)")
        #expect(journal.stdout.contains("2026-11-02"))
        for command in [["status"], ["profile", "show"], ["export", outputs.appendingPathComponent("backup.json").path]] {
            let result = try kcReading(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let write = try kcReading(["log", "pain", "--date", "2026-11-03", "--when", "after", "--level", "2"])
        #expect(write.status == 1, "\(write.stderr)")
        #expect(write.stderr.contains("can only be read"), "\(write.stderr)")
        #expect(write.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: journalFolder.path) == ["k.sqlite"])
    }
}

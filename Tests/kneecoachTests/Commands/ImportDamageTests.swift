import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Damaged and ambiguous zips among other inputs: the run goes on, stores what is sound, says
/// one line per thing that failed and exits 65 (issue 14, items 3 and 5).
@Suite(.serialized)
struct ImportDamageTests {
    static let files = (1...5).map { "activities/\($0).gpx" }

    /// A Strava-style export of five short runs a day apart.
    static func export() throws -> [UInt8] {
        var csv = "Activity ID,Activity Name,Activity Type,Filename\n"
        for (index, file) in files.enumerated() { csv += "\(index + 1),Run \(index + 1),Run,\(file)\n" }
        var members: [(name: String, bytes: [UInt8])] = [("activities.csv", Array(csv.utf8))]
        for (index, file) in files.enumerated() {
            let run = DeflatedZip.gpx(points: 400)
            // Each on its own day: the generator starts every run on 2024-03-01.
            let shifted = String(decoding: run, as: UTF8.self).replacingOccurrences(of: "2024-03-01", with: "2024-04-0\(index + 1)")
            members.append((file, Array(shifted.utf8)))
        }
        return try DeflatedZip.make(members)
    }

    @Test func damagedZipsNeverStopTheRunAndEveryProblemIsOneLine() throws {
        let folder = try ImportCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try Self.export()
        func write(_ bytes: [UInt8], _ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }
        let good = try write(DeflatedZip.gpx(points: 30), "good.gpx")
        let cut = try write(Array(export.dropFirst(1_000)), "cut.zip")
        var flipped = export
        let directory = try #require(Self.lastIndex(of: [0x50, 0x4B, 0x01, 0x02], in: export))
        flipped[directory] ^= 0x04  // the last directory entry's signature
        let damaged = try write(flipped, "flipped.zip")
        let twice = try write(try DeflatedZip.make([
            ("activities/9.gpx", DeflatedZip.gpx(points: 20)), ("activities/9.gpx", DeflatedZip.gpx(points: 3_000)),
        ]), "twice.zip")
        let db = folder.appendingPathComponent("j.sqlite").path
        let result = try CLI.run(["import", "--db", db, cut, good, damaged, twice])
        #expect(result.status == 65)
        // cut.zip keeps the runs whose data lies past its first 1,000 bytes (2-5), good.gpx is
        // new, flipped.zip adds run 1 and repeats 2-4; twice.zip adds nothing.
        #expect(result.stdout.hasPrefix("imported 6, duplicates skipped 3,"), "\(result.stdout)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("kneecoach: ") })
        #expect(result.stderr.hasSuffix("inputs failed; the others were imported.\n"))
        #expect(result.stderr.contains("\(damaged): The zip archive cannot be read: its directory is damaged at entry 6 of 6"))
        #expect(result.stderr.contains("\(damaged)!activities/5.gpx: Row 5 of activities.csv names this file, but the zip does not hold it."))
        #expect(result.stderr.contains("\(twice)!activities/9.gpx: The zip holds 2 members of this name"))
        #expect(result.stderr.contains("\(cut)!activities/1.gpx: This zip member is damaged: the directory places it outside the file."))
    }

    /// Two waits of at most a minute each, and each count may wait up to 30 s for the
    /// watcher's write lock on a loaded machine: the limit covers that with room to spare.
    @Test(.timeLimit(.minutes(5)))
    func aDamagedZipInAWatchedFolderIsReportedAndTheWatchGoesOn() async throws {
        let folder = try ImportCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watched = folder.appendingPathComponent("watch")
        try FileManager.default.createDirectory(at: watched, withIntermediateDirectories: true)
        try Data(DeflatedZip.gpx(points: 30)).write(to: watched.appendingPathComponent("first.gpx"))
        let db = folder.appendingPathComponent("j.sqlite").path
        #expect(try await ImportCrashTests.count(db) == 0)  // creates the journal before the watcher starts
        let (process, out, err) = try ImportCrashTests.start(["import", "--db", db, "--watch", watched.path])
        func waitFor(_ n: Int) async throws {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, process.isRunning, ((try? await ImportCrashTests.count(db)) ?? 0) < n {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        try await waitFor(1)
        let cut = watched.appendingPathComponent("cut.zip")
        try Data(Array(try Self.export().dropFirst(1_000))).write(to: cut)
        let later = String(decoding: DeflatedZip.gpx(points: 30), as: UTF8.self).replacingOccurrences(of: "2024-03-01", with: "2024-05-01")
        try Data(later.utf8).write(to: watched.appendingPathComponent("later.gpx"))
        try await waitFor(6)  // first, the four runs cut.zip still holds, later
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGTERM)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(stdout.hasPrefix("imported 6,"), "\(stdout)")
        #expect(stderr.contains("kneecoach: \(cut.path)!activities/1.gpx: This zip member is damaged"))
        #expect(stderr.contains("imported: \(watched.appendingPathComponent("later.gpx").path)"))
    }

    static func lastIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        var index = bytes.count - pattern.count
        while index >= 0 {
            if Array(bytes[index..<(index + pattern.count)]) == pattern { return index }
            index -= 1
        }
        return nil
    }
}

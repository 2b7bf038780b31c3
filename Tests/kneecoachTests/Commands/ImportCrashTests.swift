import Foundation
import KneeCoachStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Crash safety and `--watch`: a `kneecoach import` killed part-way leaves a sound journal
/// with only whole activities, and a re-run imports exactly the rest.
@Suite(.serialized)
struct ImportCrashTests {
    static let template = ImportCommandTests.corpus.appendingPathComponent("gpx/rp-run.gpx")
    static var hasTemplate: Bool { FileManager.default.fileExists(atPath: template.path) }

    static func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try CLI.spawn(process)
        return (process, out, err)
    }

    static func count(_ db: String) async throws -> Int {
        try await JournalStore.withStore(.sqlite(path: db)) { try await $0.activityCount() }
    }

    @Test(.enabled(if: hasTemplate, ImportCommandTests.absent), .timeLimit(.minutes(5)))
    func aKilledImportLeavesWholeActivitiesAndAReRunImportsTheRest() async throws {
        let folder = try ImportCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("runs")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let total = 500
        try ShiftedActivityFiles.write(count: total, of: Self.template, into: input)
        let db = folder.appendingPathComponent("j.sqlite").path
        _ = try CLI.run(["import", "--db", db, ImportCommandTests.path("gpx/hs-testdata.gpx")])  // creates the journal
        // Watch through a store opened before the import starts: opening one checks the
        // migrations under the write lock, which would wait behind the import's transactions;
        // a count is a plain read, which WAL never blocks.
        let watcher = try await JournalStore.open(.sqlite(path: db))
        let (process, out, err) = try Self.start(["import", "--db", db, input.path])
        var seen = 0
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            seen = (try? await watcher.activityCount()) ?? seen
            if seen >= 21 { break }  // the journal's first run plus 20
            try await Task.sleep(for: .milliseconds(5))
        }
        await watcher.close()
        guard process.isRunning else {
            // On a machine loaded by the rest of the suite the watcher may not get a read in
            // before the import ends: then there was nothing to kill, and the finished import
            // must simply be whole.
            _ = out.fileHandleForReading.readDataToEndOfFile()
            #expect(process.terminationStatus == 0)
            #expect(try await Self.count(db) == total + 1)
            return
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        #expect(process.terminationReason == .uncaughtSignal)

        let stored = try await JournalStore.withStore(.sqlite(path: db)) { store in
            #expect(try await store.isIntact())
            let activities = try await store.activities()
            var whole = 0
            for activity in activities {
                guard let id = activity.id, let hash = activity.contentHash,
                    let file = try await store.originalFile(of: id), !file.isEmpty
                else { continue }
                if hash.count == 64 { whole += 1 }
            }
            #expect(whole == activities.count)
            return activities.count - 1
        }
        #expect(stored >= 20)
        #expect(stored < total)

        let rerun = try CLI.run(["import", "--db", db, input.path])
        #expect(rerun.status == 0)
        #expect(rerun.stdout.hasPrefix("imported \(total - stored), duplicates skipped \(stored), skipped 0, failed 0\n"))
        #expect(try await Self.count(db) == total + 1)
    }

    @Test(.enabled(if: hasTemplate, ImportCommandTests.absent), .timeLimit(.minutes(2)))
    func watchImportsNewFilesUntilTerminated() async throws {
        let folder = try ImportCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watched = folder.appendingPathComponent("watch")
        try FileManager.default.createDirectory(at: watched, withIntermediateDirectories: true)
        let staging = folder.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let files = try ShiftedActivityFiles.write(count: 2, of: Self.template, into: staging)
        try FileManager.default.copyItem(at: files[0], to: watched.appendingPathComponent(files[0].lastPathComponent))
        let db = folder.appendingPathComponent("j.sqlite").path
        #expect(try await Self.count(db) == 0)  // creates the journal before the watcher starts
        let (process, out, err) = try Self.start(["import", "--db", db, "--watch", watched.path])
        func waitFor(_ n: Int) async throws {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, ((try? await Self.count(db)) ?? 0) < n {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        try await waitFor(1)
        try FileManager.default.copyItem(at: files[1], to: watched.appendingPathComponent(files[1].lastPathComponent))
        try await waitFor(2)
        #expect(try await Self.count(db) == 2)
        kill(process.processIdentifier, SIGTERM)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stdout.hasPrefix("imported 2, duplicates skipped 0, skipped 0, failed 0"))
        #expect(stderr.contains("watching \(watched.path)"))
        #expect(stderr.contains("imported: \(watched.appendingPathComponent(files[1].lastPathComponent).path)"))
    }
}

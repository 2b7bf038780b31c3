import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachStore

/// The lock-contention tests run on their own (`KNEECOACH_CONTENTION_TESTS=1 swift test
/// --filter StoreSuite`, a step of `.ci/run`): beside the rest of the suite, the CLI tests
/// block the two threads of Swift's cooperative pool while their processes run, and a
/// writer holding the write lock then waits more than 30 s for a thread to commit on. That
/// measures the test runner, not the store; separate `kneecoach` processes never share a pool.
let contentionTests: ConditionTrait = .enabled(
    if: ProcessInfo.processInfo.environment["KNEECOACH_CONTENTION_TESTS"] == "1",
    "the lock-contention tests run on their own: KNEECOACH_CONTENTION_TESTS=1 swift test --filter StoreSuite")

extension StoreSuite {
    /// Several connections write to one journal at once; none fails with "database is locked".
    @Test("concurrent writers on one journal all succeed", contentionTests, arguments: Engine.available)
    func concurrentConnections(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let writers = 4
            let entries = 25
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        // Each writer opens its own connection, as separate `kneecoach log` processes do.
                        try await JournalStore.withStore(database.location) { store async throws in
                            for entry in 0..<entries {
                                try await store.transaction { tx async throws in
                                    try await tx.insert(PainEntry(date: day(1 + entry % 28), timing: .rest, level: writer))
                                    try await tx.insert(NoteRecord(date: day(1 + entry % 28), text: "w\(writer) e\(entry)"))
                                }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await database.withStore { store async throws in
                let pain = try await store.painEntries()
                let notes = try await store.notes()
                #expect(pain.count == writers * entries)
                #expect(notes.count == writers * entries)
                #expect(try await store.users().count == 1)
                #expect(try await store.isIntact())
            }
        }
    }

    /// Other processes hold SQLite's write lock again and again while the store writes:
    /// the busy timeout and retries wait for them.
    @Test("writes wait for other processes holding the SQLite write lock", contentionTests)
    func otherProcessesHoldingTheLock() async throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile) else {
            return  // python3 (with its sqlite3 module) plays the other process; .ci/run installs it.
        }
        try await TestDatabase.with(.sqlite) { database async throws in
            let path = try #require(database.path)
            try await database.withStore { _ in }
            let script = """
                import sqlite3, sys, time
                c = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
                for i in range(15):
                    c.execute("BEGIN IMMEDIATE")
                    c.execute("INSERT INTO notes (user_id, local_date, text, created_at) VALUES (1, '2026-12-01', 'other', 0)")
                    time.sleep(0.08)
                    c.execute("COMMIT")
                    time.sleep(0.005)
                """
            let processes = try (0..<2).map { _ in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: python)
                process.arguments = ["-c", script, path]
                try process.run()
                return process
            }
            try await JournalStore.withStore(database.location) { store async throws in
                for entry in 0..<40 {
                    try await store.insert(PainEntry(date: day(2), timing: .after, level: entry % 11))
                }
            }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            }
            try await database.withStore { store async throws in
                let pain = try await store.painEntries()
                #expect(pain.count == 40)
                #expect(try await store.notes().count == 30)
                #expect(try await store.isIntact())
            }
        }
    }
}

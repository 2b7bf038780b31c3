import Foundation
import KneeCoachCore
import PostgresKit
import SQLKit
import Testing

@testable import KneeCoachStore

/// The PostgreSQL pool: reads side by side on several connections, each in the store's
/// schema; connections lost to a restart replaced by themselves; a server that is gone
/// answered fast as unreachable.
extension StoreSuite {
    @Test("reads of different tasks run at once on several connections, each in the store's schema",
          .enabled(if: Engine.postgresURL != nil))
    func parallelReadsUseSeveralConnections() async throws {
        try await TestDatabase.with(.postgres) { database async throws in
            let store = try await JournalStore.open(database.location, options: StoreOptions(poolSize: 4))
            // Eight reads that each hold their connection for a moment: four at a time.
            let seen = try await withThrowingTaskGroup(of: (Int32, String).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await store.read("see the connection") { sql in
                            let row = try #require(
                                try await sql.raw("SELECT pg_backend_pid() AS pid, current_schema() AS schema, pg_sleep(0.2)").first())
                            return (try row.decode(column: "pid", as: Int32.self), try row.decode(column: "schema", as: String.self))
                        }
                    }
                }
                return try await group.reduce(into: [(Int32, String)]()) { $0.append($1) }
            }
            #expect(Set(seen.map(\.0)).count == 4)
            guard case .postgres(_, let schema) = database.location else { return }
            #expect(Set(seen.map(\.1)) == [schema])
            await store.close()
        }
    }

    @Test("a transaction's statements stay on one connection while other reads go on beside it",
          .enabled(if: Engine.postgresURL != nil))
    func transactionKeepsItsConnection() async throws {
        try await TestDatabase.with(.postgres) { database async throws in
            let store = try await JournalStore.open(database.location, options: StoreOptions(poolSize: 2))
            let pids = try await store.transaction { tx in
                var pids: [Int32] = []
                for _ in 0..<3 {
                    // A read from outside the transaction, meanwhile, takes the other connection.
                    async let outside = store.shoes()
                    pids.append(try await tx.read("see the connection") { sql in
                        try #require(try await sql.raw("SELECT pg_backend_pid() AS pid").first(decodingColumn: "pid", as: Int32.self))
                    })
                    _ = try await outside
                }
                _ = try await tx.insert(ShoeRecord(name: "Pegasus"))
                return pids
            }
            #expect(Set(pids).count == 1)
            #expect(try await store.shoes().map(\.name) == ["Pegasus"])
            await store.close()
        }
    }

    @Test("after PostgreSQL closed every connection (a restart), the next operations work again at once",
          .enabled(if: Engine.postgresURL != nil))
    func recoversFromLostConnections() async throws {
        try await TestDatabase.with(.postgres) { database async throws in
            let store = try await JournalStore.open(database.location, options: StoreOptions(poolSize: 3))
            let before = try await backends(of: store, count: 3)
            #expect(before.count == 3)
            // What a restart does to the store's connections, without stopping the shared server.
            let admin = try await JournalStore.connect(.postgres(url: try #require(Engine.postgresURL), schema: nil))
            for pid in before {
                _ = try await admin.sql.raw("SELECT pg_terminate_backend(\(bind: pid))").all()
            }
            // Once they are gone, as after a restart, the store's next operations work.
            var left = before.count
            for _ in 0..<100 where left > 0 {
                try await Task.sleep(for: .milliseconds(20))
                left = try await admin.sql.raw("SELECT pid FROM pg_stat_activity").all(decodingColumn: "pid", as: Int32.self)
                    .filter(before.contains).count
            }
            #expect(left == 0)
            await admin.close()
            let clock = ContinuousClock()
            let start = clock.now
            // A read on a connection found dead is tried again on a new one; writes follow.
            #expect(try await store.schemaVersion() == Migrations.latestVersion)
            _ = try await store.insert(ShoeRecord(name: "After the restart"))
            #expect(try await store.shoes().map(\.name) == ["After the restart"])
            let elapsed = clock.now - start
            withKnownIssue("a machine too busy to answer in time", isIntermittent: true) {
                #expect(elapsed < .seconds(5))
            }
            let after = try await backends(of: store, count: 3)
            #expect(after.isDisjoint(with: before))
            // New connections are in the store's schema too (its start-up parameter).
            let schema = try await store.read("see the schema") { sql in
                try await sql.raw("SELECT current_schema() AS s").first(decodingColumn: "s", as: String.self)
            }
            guard case .postgres(_, let expected) = database.location else { return }
            #expect(schema == expected)
            await store.close()
        }
    }

    @Test("while PostgreSQL does not answer, an operation fails within the lease timeout as unreachable")
    func unreachableFailsFast() async throws {
        // Port 1 on loopback refuses every connection: the pool keeps trying with backoff.
        var configuration = PostgresClient.Configuration(
            host: "127.0.0.1", port: 1, username: "kneecoach", password: nil, database: "journal", tls: .disable)
        configuration.options.maximumConnections = 2
        let pool = PostgresPool(configuration: configuration, host: "127.0.0.1", port: 1, size: 2, leaseTimeout: .seconds(1))
        let connection = StoreConnection(
            engine: .postgres, handle: .postgres(pool), sql: PooledPostgresDatabase(pool: pool), displayName: "127.0.0.1:1/journal")
        let store = JournalStore(connection: connection, transactionSQL: nil, userID: UserID(1))
        // Alone, each takes the second of the bound (unbounded, it would wait for the client's
        // circuit breaker: a minute of failed attempts). The whole suite on two cores, whose
        // command-line tests block threads, has starved these tasks for over a minute: there a
        // late answer is a known issue, not a failure.
        let clock = ContinuousClock()
        for _ in 0..<2 {
            let start = clock.now
            let error = await storeError { _ = try await store.shoes() }
            #expect(error == .unreachable(host: "127.0.0.1", port: 1))
            let elapsed = clock.now - start
            withKnownIssue("a machine too busy to wake the timer in time", isIntermittent: true) {
                #expect(elapsed < .seconds(3))
            }
            let writeError = await storeError { _ = try await store.insert(ShoeRecord(name: "Trail")) }
            #expect(writeError == .unreachable(host: "127.0.0.1", port: 1))
        }
        // Closing does not wait for the server either, also in a cancelled task.
        let start = clock.now
        await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await store.close()
        }.value
        let closing = clock.now - start
        withKnownIssue("a machine too busy to end the client's task in time", isIntermittent: true) {
            #expect(closing < .seconds(3))
        }
    }

    @Test("every connection of the pool busy for longer than the lease timeout is 'pool exhausted'",
          .enabled(if: Engine.postgresURL != nil))
    func exhaustedPool() async throws {
        try await TestDatabase.with(.postgres) { database async throws in
            let store = try await JournalStore.open(
                database.location, options: StoreOptions(poolSize: 1, leaseTimeout: .milliseconds(300)))
            async let long: Void = store.read("hold the connection") { sql in
                _ = try await sql.raw("SELECT pg_sleep(4)").all()
            }
            try await Task.sleep(for: .milliseconds(500))
            let error = await storeError { _ = try await store.shoes() }
            #expect(error == .poolExhausted(connections: 1, seconds: 0))
            try await long
            #expect(try await store.shoes().isEmpty)
            await store.close()
        }
    }

    /// The backend ids of `count` connections of the store, held at once so that each is another.
    private func backends(of store: JournalStore, count: Int) async throws -> Set<Int32> {
        try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<count {
                group.addTask {
                    try await store.read("see the connection") { sql in
                        try #require(
                            try await sql.raw("SELECT pg_backend_pid() AS pid, pg_sleep(0.2)").first(decodingColumn: "pid", as: Int32.self))
                    }
                }
            }
            return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
        }
    }
}

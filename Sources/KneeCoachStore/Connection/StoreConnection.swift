import Foundation
import NIOCore
import NIOConcurrencyHelpers
import NIOPosix
import PostgresKit
import SQLiteKit

/// The database of one ``JournalStore``, shared by its values: one SQLite connection, or a
/// pool of PostgreSQL connections.
///
/// Every unit of work runs through ``exclusively(timeout:retryingLostConnection:isolation:_:)``
/// with one connection to itself: on SQLite the only one, taken in turn (a gate); on
/// PostgreSQL one leased from the pool, so that requests run side by side on several
/// connections and a transaction's statements stay on its own.
///
/// The store is built for short-lived processes as for servers: opening uses NIO's shared
/// event loops and thread pool (nothing to shut down at exit), and closing is idempotent.
/// When a store is dropped without ``JournalStore/close()``, it is closed in the background.
final class StoreConnection: Sendable {
    enum Handle: Sendable {
        /// An SQLite connection and the thread it blocks on. SQLite waits for another writer's
        /// lock by sleeping in its busy handler, which blocks the thread; each connection
        /// has a thread of its own so that this wait never starves other connections.
        case sqlite(SQLiteConnection, NIOThreadPool)
        case postgres(PostgresPool)
    }

    let engine: StoreEngine
    let handle: Handle
    /// The database outside of ``exclusively(timeout:retryingLostConnection:isolation:_:)``: on
    /// SQLite the connection itself, on PostgreSQL each statement on any free connection (for
    /// single statements only: a transaction needs `exclusively`).
    let sql: any SQLDatabase
    let gate = ConnectionGate()
    /// What messages call the database: a file path, or host:port/database without password.
    let displayName: String
    /// Whether the database was opened for reading only (an SQLite file or folder this
    /// process may not write): reads work, migrations are checked but not run.
    let isReadOnly: Bool
    private let isClosed = NIOLockedValueBox(false)

    init(engine: StoreEngine, handle: Handle, sql: any SQLDatabase, displayName: String, isReadOnly: Bool = false) {
        self.engine = engine
        self.handle = handle
        self.sql = sql
        self.displayName = displayName
        self.isReadOnly = isReadOnly
    }

    /// Runs `body` with one connection to itself: no other task's statement runs on it until
    /// `body` returns.
    /// - Parameters:
    ///   - timeout: PostgreSQL: the longest to wait for a free connection (default: the pool's).
    ///   - retryingLostConnection: PostgreSQL: run `body` again, on another connection, when
    ///     its connection turns out to be lost (PostgreSQL restarted since it was opened), at
    ///     most once per connection of the pool. Only for a `body` that is safe to repeat: a read.
    ///   - body: The work, given the connection's database.
    /// - Throws: ``StoreError/unreachable(host:port:)`` when PostgreSQL is down or its
    ///   connection was lost, ``StoreError/poolExhausted(connections:seconds:)``, or what `body` throws.
    func exclusively<T>(
        timeout: Duration? = nil, retryingLostConnection: Bool = false,
        isolation: isolated (any Actor)? = #isolation, _ body: (any SQLDatabase) async throws -> T
    ) async throws -> T {
        // A closed connection never answers; fail at once instead.
        if isClosed.withLockedValue({ $0 }) {
            throw StoreError.failed(operation: "use the database", reason: "the store was closed")
        }
        switch handle {
        case .sqlite:
            await gate.acquire()
            do {
                let result = try await body(sql)
                await gate.release()
                return result
            } catch {
                await gate.release()
                throw error
            }
        case .postgres(let pool):
            var attempt = 0
            while true {
                attempt += 1
                do {
                    return try await pool.withConnection(timeout: timeout) { connection in
                        try await body(LeasedPostgresDatabase(connection))
                    }
                } catch where PostgresFailure.isConnectionLost(error) {
                    // Each attempt that meets a dead connection closes it; after a restart at
                    // most the whole pool was dead.
                    if retryingLostConnection, attempt <= pool.size, !Task.isCancelled { continue }
                    throw StoreError.unreachable(host: pool.host, port: pool.port)
                }
            }
        }
    }

    /// Bounds the wait for a PostgreSQL connection from now on (see ``StoreOptions/leaseTimeout``).
    func bound(leasesTo timeout: Duration?) {
        if case .postgres(let pool) = handle { pool.bound(leasesTo: timeout) }
    }

    /// Closes the connection (or the pool); later calls do nothing. It closes also in a
    /// cancelled task (a test past its time limit, a request whose client left): the async
    /// forms of SQLiteNIO's `close()` and NIO's shutdown check for cancellation first, and
    /// would skip the close.
    func close() async {
        guard markClosed() else { return }
        switch handle {
        case .sqlite(let connection, let thread):
            let closing: EventLoopFuture<Void> = connection.close()
            try? await closing.get()
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                thread.shutdownGracefully { _ in done.resume() }
            }
        case .postgres(let pool): await pool.close()
        }
    }

    private func markClosed() -> Bool {
        isClosed.withLockedValue { closed in
            if closed { return false }
            closed = true
            return true
        }
    }

    deinit {
        guard markClosed() else { return }
        switch handle {
        case .sqlite(let connection, let thread):
            // The callbacks keep the connection alive until it has closed.
            connection.close().whenComplete { _ in
                withExtendedLifetime(connection) { thread.shutdownGracefully { _ in } }
            }
        case .postgres(let pool):
            pool.closeInBackground()
        }
    }

    /// A logger that stays quiet: SQL and its bound values never reach the terminal.
    static var quietLogger: Logger {
        var logger = Logger(label: "kneecoach.store")
        logger.logLevel = .critical
        return logger
    }
}

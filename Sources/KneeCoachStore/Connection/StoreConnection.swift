import Foundation
import NIOCore
import NIOConcurrencyHelpers
import NIOPosix
import PostgresKit
import SQLiteKit

/// One open connection to SQLite or PostgreSQL, shared by the values of one ``JournalStore``.
///
/// The store is built for short-lived processes: opening uses NIO's shared event loops and
/// thread pool (nothing to shut down at exit), and closing is idempotent. When a store is
/// dropped without ``JournalStore/close()``, the connection is closed in the background.
final class StoreConnection: Sendable {
    enum Handle: Sendable {
        /// An SQLite connection and the thread it blocks on. SQLite waits for another writer's
        /// lock by sleeping in its busy handler, which blocks the thread; each connection
        /// has a thread of its own so that this wait never starves other connections.
        case sqlite(SQLiteConnection, NIOThreadPool)
        case postgres(PostgresConnection)
    }

    let engine: StoreEngine
    let handle: Handle
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

    /// Runs `body` alone on the connection: no other task's statement runs until it returns.
    func exclusively<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        await gate.acquire()
        do {
            // A closed PostgreSQL connection never answers; fail at once instead.
            if isClosed.withLockedValue({ $0 }) {
                throw StoreError.failed(operation: "use the database", reason: "the store was closed")
            }
            let result = try await body()
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }

    /// Closes the connection; later calls do nothing. It closes also in a cancelled task (a
    /// test past its time limit, a request whose client left): the async forms of SQLiteNIO's
    /// `close()` and NIO's shutdown check for cancellation first, and would skip the close.
    func close() async {
        guard markClosed() else { return }
        switch handle {
        case .sqlite(let connection, let thread):
            let closing: EventLoopFuture<Void> = connection.close()
            try? await closing.get()
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                thread.shutdownGracefully { _ in done.resume() }
            }
        case .postgres(let connection): try? await connection.close()
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
        case .postgres(let connection):
            connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
        }
    }

    /// A logger that stays quiet: SQL and its bound values never reach the terminal.
    static var quietLogger: Logger {
        var logger = Logger(label: "kneecoach.store")
        logger.logLevel = .critical
        return logger
    }
}

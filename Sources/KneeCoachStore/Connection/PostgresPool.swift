import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresKit

/// The store's connections to PostgreSQL: PostgresNIO's `PostgresClient`, which opens
/// connections on demand up to a size, closes idle ones, and after a lost server reconnects
/// by itself with backoff.
///
/// Once bounded (``bound(leasesTo:)``; a server's store is, after opening), a lease waits for a
/// free connection at most that long, so that while PostgreSQL is down or restarting every
/// request fails fast (``StoreError/unreachable(host:port:)``) and the first one after it is
/// back succeeds. Unbounded, a lease waits until the client gives up connecting (a minute of
/// failed attempts). The client's background work runs in a task this pool owns until ``close()``.
final class PostgresPool: Sendable {
    let client: PostgresClient
    /// Where the server is, for messages.
    let host: String
    let port: Int
    /// The most connections open at once.
    let size: Int
    /// The longest a statement waits for a free connection, or `nil` for no bound of ours.
    private let leaseTimeout: NIOLockedValueBox<Duration?>
    private let running: Task<Void, Never>
    /// Connections handed to a body and not yet given back.
    private let leased = NIOLockedValueBox(0)

    init(configuration: PostgresClient.Configuration, host: String, port: Int, size: Int, leaseTimeout: Duration? = nil) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: StoreConnection.quietLogger)
        self.client = client
        self.host = host
        self.port = port
        self.size = size
        self.leaseTimeout = NIOLockedValueBox(leaseTimeout)
        // Detached: the client must outlive the task that opened the store (a request's, a
        // test's), and must not inherit its cancellation.
        running = Task.detached { await client.run() }
    }

    /// Bounds the wait for a connection from now on (`nil`: no bound).
    func bound(leasesTo timeout: Duration?) {
        leaseTimeout.withLockedValue { $0 = timeout }
    }

    /// Runs `body` with one connection of the pool to itself, then gives it back.
    ///
    /// The lease is taken by a task of its own that hands the connection over and holds it
    /// until `body` is done, so that waiting for it can be bounded while `body` runs in the
    /// caller's own isolation. That task is not a child of the caller's: while PostgreSQL is
    /// restarting, the client keeps a lease request waiting through its reconnection backoff
    /// (tens of seconds), and a task group would wait for it before answering; the caller
    /// answers when the bound passes, and a connection that comes later is given back at once.
    /// - Throws: ``StoreError/unreachable(host:port:)`` when no connection came within
    ///   `timeout` (default: the pool's bound) and connections are missing, ``StoreError/poolExhausted(connections:seconds:)``
    ///   when every one was busy all along, else what `body` throws.
    func withConnection<T>(
        timeout: Duration? = nil, isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let handoff = LeaseHandoff()
        let wait = timeout ?? leaseTimeout.withLockedValue { $0 }
        let holder = Task.detached { [client] in
            do {
                try await client.withConnection { connection in
                    if handoff.deliver(connection) { await handoff.waitUntilGivenBack() }
                }
            } catch {
                handoff.fail(error)
            }
        }
        let timer = wait.map { wait in
            Task.detached {
                try? await Task.sleep(for: wait)
                handoff.fail(LeaseTimedOut())
            }
        }
        let connection: PostgresConnection
        do {
            connection = try await withTaskCancellationHandler {
                try await handoff.connection()
            } onCancel: {
                handoff.fail(CancellationError())
            }
        } catch {
            timer?.cancel()
            holder.cancel()
            throw leaseError(error, waited: wait)
        }
        timer?.cancel()
        leased.withLockedValue { $0 += 1 }
        defer {
            leased.withLockedValue { $0 -= 1 }
            handoff.giveBack()
        }
        return try await body(connection)
    }

    /// Stops the client: its connections close and later leases fail at once. Works also in a
    /// cancelled task (waiting for a task's end does not check for cancellation).
    func close() async {
        running.cancel()
        await running.value
    }

    /// Stops the client without waiting (a store dropped without closing).
    func closeInBackground() {
        running.cancel()
    }

    /// What a failed lease means for the caller.
    private func leaseError(_ error: any Error, waited: Duration?) -> any Error {
        // The caller went away (a client that left): not the database's doing.
        if Task.isCancelled { return CancellationError() }
        if error is LeaseTimedOut, leased.withLockedValue({ $0 }) >= size {
            return StoreError.poolExhausted(connections: size, seconds: Int(waited?.components.seconds ?? 0))
        }
        return StoreError.unreachable(host: host, port: port)
    }

    /// No connection came in time.
    private struct LeaseTimedOut: Error {}
}

/// Hands one leased connection from the task that holds the lease to the task that uses it,
/// and tells the holder when it is given back. Whichever comes first wins: the connection, or
/// a failure (the lease failed, or the wait timed out); a connection that comes after a
/// failure is given back at once.
final class LeaseHandoff: Sendable {
    private let outcome = FirstOutcome<PostgresConnection>()
    private let back = NIOLockedValueBox<(given: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

    /// Offers the connection; `false` when nobody wants it any more (it is given back at once).
    func deliver(_ connection: PostgresConnection) -> Bool {
        outcome.settle(.success(connection))
    }

    /// Ends the wait with `error`, unless a connection came first.
    func fail(_ error: any Error) {
        outcome.settle(.failure(error))
    }

    /// The connection, when it comes.
    func connection() async throws -> PostgresConnection {
        try await outcome.value()
    }

    /// The user is done with the connection.
    func giveBack() {
        let waiter = back.withLockedValue { back in
            back.given = true
            defer { back.waiter = nil }
            return back.waiter
        }
        waiter?.resume()
    }

    /// Waits (not cancellable: the lease must end only when the connection is given back).
    func waitUntilGivenBack() async {
        await withCheckedContinuation { continuation in
            let done = back.withLockedValue { back in
                if back.given { return true }
                back.waiter = continuation
                return false
            }
            if done { continuation.resume() }
        }
    }
}

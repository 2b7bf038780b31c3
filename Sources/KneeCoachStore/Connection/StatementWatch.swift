import NIOConcurrencyHelpers
import PostgresNIO

/// Ends the statements still running on a PostgreSQL connection when that connection closes.
///
/// PostgresNIO 1.33 can leave a statement waiting for ever when PostgreSQL closes the
/// connection under it: at a restart, now and then, the connection reports itself closed and
/// the statement neither answers nor fails, so the request that ran it would never be answered.
/// Every statement on a leased connection runs through ``run(on:_:)``, which throws
/// ``StoreError/connectionLost`` (a server answers 503, and the store's retry applies) as soon
/// as its connection is closed. A statement left waiting keeps its own task, which holds
/// nothing of the request's.
final class StatementWatch: Sendable {
    static let shared = StatementWatch()

    /// What to call when each watched connection closes, by connection and then by ticket.
    private let watched = NIOLockedValueBox<(nextTicket: Int, byConnection: [ObjectIdentifier: [Int: @Sendable () -> Void]])>(
        (0, [:]))

    /// Runs `statement` on `connection`, or throws ``StoreError/connectionLost`` when the
    /// connection closes first.
    func run<T: Sendable>(
        on connection: PostgresConnection, _ statement: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = FirstOutcome<T>()
        let key = ObjectIdentifier(connection)
        let ticket = watch(connection, key: key) { outcome.settle(.failure(StoreError.connectionLost)) }
        defer { forget(key, ticket) }
        let running = Task {
            do {
                outcome.settle(.success(try await statement()))
            } catch {
                outcome.settle(.failure(error))
            }
        }
        return try await withTaskCancellationHandler {
            try await outcome.value()
        } onCancel: {
            running.cancel()
        }
    }

    /// Calls `onClose` when `connection` closes (at once when it is closed already); the
    /// ticket forgets it. The connection's close is watched once, by its first statement.
    private func watch(_ connection: PostgresConnection, key: ObjectIdentifier, onClose: @escaping @Sendable () -> Void) -> Int {
        let (ticket, first) = watched.withLockedValue { watched in
            let ticket = watched.nextTicket
            watched.nextTicket += 1
            let first = watched.byConnection[key] == nil
            watched.byConnection[key, default: [:]][ticket] = onClose
            return (ticket, first)
        }
        if first {
            connection.closeFuture.whenComplete { [self] _ in closed(key) }
        }
        return ticket
    }

    private func forget(_ key: ObjectIdentifier, _ ticket: Int) {
        watched.withLockedValue { watched in
            watched.byConnection[key]?[ticket] = nil
            if watched.byConnection[key]?.isEmpty == true { watched.byConnection[key] = nil }
        }
    }

    private func closed(_ key: ObjectIdentifier) {
        let waiting = watched.withLockedValue { $0.byConnection.removeValue(forKey: key) } ?? [:]
        for onClose in waiting.values { onClose() }
    }
}

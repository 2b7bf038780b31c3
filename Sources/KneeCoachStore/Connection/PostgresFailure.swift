import NIOCore
import PostgresKit

/// Which PostgreSQL failures mean that the server went away, rather than that a statement
/// was wrong: the store answers those as ``StoreError/unreachable(host:port:)`` (a server
/// answers 503), never as a failed statement.
enum PostgresFailure {
    /// Whether `error` says the connection is gone: closed by the server (a restart, a
    /// shutdown, `pg_terminate_backend`) or by the network, or PostgreSQL is starting up or
    /// shutting down.
    static func isConnectionLost(_ error: any Error) -> Bool {
        if let error = error as? StoreError { return error == .connectionLost }
        if error is ChannelError || error is IOError { return true }
        guard let error = error as? PSQLError else { return false }
        if let state = error.serverInfo?[.sqlState] {
            // 08: connection exception; 57P01-57P03: admin or crash shutdown, cannot connect now.
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return true
        default: return false
        }
    }
}

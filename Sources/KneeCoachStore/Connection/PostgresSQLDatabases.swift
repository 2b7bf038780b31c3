import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// One leased PostgreSQL connection as SQLKit's database: every statement of a body, a
/// transaction's `BEGIN` to `COMMIT` among them, runs on this same connection. It also hands
/// out the raw connection, for the reads that go straight through PostgresNIO
/// (``JournalStore/selectPostgresRows(_:_:)``).
struct LeasedPostgresDatabase: SQLDatabase {
    let connection: PostgresConnection
    private let base: any SQLDatabase

    init(_ connection: PostgresConnection) {
        self.connection = connection
        base = connection.sql(queryLogLevel: nil)
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }

    /// Runs the statement, or throws ``StoreError/connectionLost`` when the connection closes
    /// under it (``StatementWatch``).
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await StatementWatch.shared.run(on: connection) { [base] in try await base.execute(sql: query, onRow) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}

/// The whole pool as SQLKit's database: each statement on whichever connection is free. For
/// single statements only (tests, dropping a schema); several that belong together go
/// through ``StoreConnection/exclusively(timeout:retryingLostConnection:isolation:_:)``.
struct PooledPostgresDatabase: SQLDatabase {
    let pool: PostgresPool

    var logger: Logger { StoreConnection.quietLogger }
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await pool.withConnection { connection in
            try await LeasedPostgresDatabase(connection).execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await pool.withConnection { connection in try await closure(LeasedPostgresDatabase(connection)) }
    }
}

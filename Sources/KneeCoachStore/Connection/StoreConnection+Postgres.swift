import Foundation
import NIOCore
import PostgresKit

extension StoreConnection {
    /// Connects to PostgreSQL; with `schema`, creates it when missing and uses it alone.
    ///
    /// One connection first checks the address, the credentials and the schema (another
    /// program's tables are refused) and is closed; then the pool opens connections as work
    /// needs them, up to `options.poolSize`. Each connection gets the schema as its
    /// `search_path` in its start-up message, so a connection opened again after PostgreSQL
    /// restarted is in the same schema.
    /// - Throws: ``StoreError/invalidURL(reason:)``, ``StoreError/unreachable(host:port:)``,
    ///   ``StoreError/connectionRefused(host:port:reason:)``, ``StoreError/notAJournal(path:)``.
    static func openPostgres(url: String, schema: String?, options: StoreOptions) async throws(StoreError) -> StoreConnection {
        var configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw .invalidURL(
                reason: "it must look like postgres://USER:PASSWORD@HOST:PORT/DATABASE (sslmode=disable|prefer|require)")
        }
        let parts = URLComponents(string: url)
        let host = parts?.host ?? "localhost"
        let port = parts?.port ?? SQLPostgresConfiguration.ianaPortNumber
        let database = parts.map { String($0.path.drop(while: { $0 == "/" })) } ?? ""
        let displayName = "\(host):\(port)/\(database)"
        configuration.coreConfiguration.options.connectTimeout = .seconds(5)
        if let schema {
            configuration.coreConfiguration.options.additionalStartupParameters = [("search_path", quotedIdentifier(schema))]
        }

        let probe: PostgresConnection
        do {
            probe = try await PostgresConnection.connect(
                configuration: configuration.coreConfiguration, id: 1, logger: quietLogger)
        } catch {
            throw connectError(error, host: host, port: port)
        }
        do {
            try await prepare(probe.sql(queryLogLevel: nil), schema: schema, displayName: displayName)
            try? await probe.close()
        } catch {
            try? await probe.close()
            if let error = error as? StoreError, error != .connectionLost { throw error }
            if PostgresFailure.isConnectionLost(error) { throw .unreachable(host: host, port: port) }
            throw StoreError.from(error, operation: schema.map { "use the schema \($0)" } ?? "read the database's tables")
        }
        let pool = PostgresPool(
            configuration: clientConfiguration(configuration.coreConfiguration, poolSize: options.poolSize),
            host: host, port: port, size: options.poolSize)
        return StoreConnection(engine: .postgres, handle: .postgres(pool), sql: PooledPostgresDatabase(pool: pool), displayName: displayName)
    }

    /// Refuses another program's tables, then creates `schema` when missing. As on SQLite: a
    /// schema with tables but no migration record belongs to another program, and is refused
    /// before anything (the schema itself included) is created.
    private static func prepare(_ sql: any SQLDatabase, schema: String?, displayName: String) async throws {
        if try await holdsAnotherProgramsTables(sql, schema: schema) {
            throw StoreError.notAJournal(path: schema.map { "\(displayName) (schema \($0))" } ?? displayName)
        }
        guard let schema else { return }
        // Concurrent CREATE SCHEMA IF NOT EXISTS can still collide; the migration lock serialises it.
        try await sql.raw("BEGIN").run()
        do {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Migrator.postgresLockKey))").run()
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            try await sql.raw("COMMIT").run()
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Whether `schema` (the first schema of the search path when `nil`) holds tables and
    /// none of them is KneeCoach's migration record.
    private static func holdsAnotherProgramsTables(_ sql: any SQLDatabase, schema: String?) async throws -> Bool {
        let tables: [String]
        if let schema {
            tables = try await sql.raw(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = \(bind: schema)"
            ).all(decodingColumn: "table_name", as: String.self)
        } else {
            tables = try await sql.raw(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            ).all(decodingColumn: "table_name", as: String.self)
        }
        return !tables.isEmpty && !tables.contains("schema_migrations")
    }

    /// The pool's configuration from the connection's: the same address, credentials, TLS
    /// and start-up parameters.
    private static func clientConfiguration(
        _ connection: PostgresConnection.Configuration, poolSize: Int
    ) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch (connection.tls.isEnforced, connection.tls.isAllowed, connection.tls.sslContext) {
            case (true, _, let context?): .require(context.configuration)
            case (false, true, let context?): .prefer(context.configuration)
            default: .disable
            }
        var client = PostgresClient.Configuration(
            host: connection.host ?? "localhost", port: connection.port ?? SQLPostgresConfiguration.ianaPortNumber,
            username: connection.username, password: connection.password, database: connection.database, tls: tls)
        client.options.connectTimeout = .seconds(5)
        client.options.additionalStartupParameters = connection.options.additionalStartupParameters
        client.options.maximumConnections = poolSize
        client.options.minimumConnections = 0
        return client
    }

    /// `name` as a quoted SQL identifier, for the `search_path` start-up parameter.
    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func connectError(_ error: any Error, host: String, port: Int) -> StoreError {
        guard let error = error as? PSQLError else { return .unreachable(host: host, port: port) }
        if let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            switch state {
            case "28P01", "28000": return .connectionRefused(host: host, port: port, reason: "authentication failed")
            case "3D000": return .connectionRefused(host: host, port: port, reason: "the database does not exist")
            default:
                return .connectionRefused(host: host, port: port, reason: info[.message] ?? "SQLSTATE \(state)")
            }
        }
        switch error.code {
        case .sslUnsupported:
            return .connectionRefused(host: host, port: port, reason: "the server does not offer TLS")
        case .authMechanismRequiresPassword:
            return .connectionRefused(host: host, port: port, reason: "a password is required")
        case .unsupportedAuthMechanism, .saslError:
            return .connectionRefused(host: host, port: port, reason: "authentication failed")
        default:
            return .unreachable(host: host, port: port)
        }
    }
}

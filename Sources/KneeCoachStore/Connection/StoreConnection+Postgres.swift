import Foundation
import NIOCore
import PostgresKit

extension StoreConnection {
    /// Connects to PostgreSQL; with `schema`, creates it when missing and uses it alone.
    /// - Throws: ``StoreError/invalidURL(reason:)``, ``StoreError/unreachable(host:port:)``,
    ///   ``StoreError/connectionRefused(host:port:reason:)``.
    static func openPostgres(url: String, schema: String?) async throws(StoreError) -> StoreConnection {
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
        configuration.coreConfiguration.options.connectTimeout = .seconds(5)

        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: configuration.coreConfiguration, id: 1, logger: quietLogger)
        } catch {
            throw connectError(error, host: host, port: port)
        }
        let store = StoreConnection(
            engine: .postgres, handle: .postgres(connection), sql: connection.sql(queryLogLevel: nil),
            displayName: "\(host):\(port)/\(database)")
        if let schema {
            do {
                // Concurrent CREATE SCHEMA IF NOT EXISTS can still collide; the migration lock serialises it.
                try await store.sql.raw("BEGIN").run()
                try await store.sql.raw("SELECT pg_advisory_xact_lock(\(bind: Migrator.postgresLockKey))").run()
                try await store.sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
                try await store.sql.raw("COMMIT").run()
                try await store.sql.raw("SET search_path TO \(ident: schema)").run()
            } catch {
                await store.close()
                throw StoreError.from(error, operation: "use the schema \(schema)")
            }
        }
        return store
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

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
        // As on SQLite: a schema with tables but no migration record belongs to another
        // program, and is refused before anything (the schema itself included) is created.
        do {
            if try await store.holdsAnotherProgramsTables(schema: schema) {
                await store.close()
                throw StoreError.notAJournal(path: schema.map { "\(store.displayName) (schema \($0))" } ?? store.displayName)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            await store.close()
            throw StoreError.from(error, operation: "read the database's tables")
        }
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

    /// Whether `schema` (the first schema of the search path when `nil`) holds tables and
    /// none of them is KneeCoach's migration record.
    private func holdsAnotherProgramsTables(schema: String?) async throws -> Bool {
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

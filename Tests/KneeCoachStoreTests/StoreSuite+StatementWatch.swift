import Foundation
import PostgresKit
import Testing

@testable import KneeCoachStore

/// A statement whose connection closes under it ends as a lost connection, even when the
/// driver itself never answers it (PostgresNIO, now and then, at a PostgreSQL restart).
extension StoreSuite {
    @Test("a statement still waiting when its connection closes fails at once as a lost connection",
          .enabled(if: Engine.postgresURL != nil))
    func statementOnClosingConnectionFails() async throws {
        let connection = try await Self.plainConnection()
        let started = ContinuousClock.now
        async let outcome: StoreError? = storeError {
            // A statement that does not answer by itself for a minute, as the driver's did.
            _ = try await StatementWatch.shared.run(on: connection) {
                try? await Task.sleep(for: .seconds(60))
                return 1
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        try await connection.close()
        #expect(await outcome == .connectionLost)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("a statement on a connection already closed fails at once; one on an open connection answers",
          .enabled(if: Engine.postgresURL != nil))
    func statementWatchOnOpenAndClosedConnections() async throws {
        let connection = try await Self.plainConnection()
        let one = try await StatementWatch.shared.run(on: connection) {
            try await connection.sql().raw("SELECT 1 AS one").first(decodingColumn: "one", as: Int.self)
        }
        #expect(one == 1)
        try await connection.close()
        let error = await storeError {
            _ = try await StatementWatch.shared.run(on: connection) {
                try? await Task.sleep(for: .seconds(60))
                return 1
            }
        }
        #expect(error == .connectionLost)
    }

    private static func plainConnection() async throws -> PostgresConnection {
        let configuration = try SQLPostgresConfiguration(url: try #require(Engine.postgresURL))
        return try await PostgresConnection.connect(
            configuration: configuration.coreConfiguration, id: 1, logger: Logger(label: "test"))
    }
}

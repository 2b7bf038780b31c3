import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KneeCoachApp
import KneeCoachCore
import KneeCoachServer
import PostgresKit
import SQLKit
import Testing

@testable import KneeCoachStore

/// While PostgreSQL is down or restarting, every request that needs it is 503 with
/// Retry-After: never 500, and never 401 (a runner signed in stays signed in); readiness says
/// 503; and when the database is back the instance serves again by itself.
@Suite("Losing the database")
struct DatabaseOutageTests {
    @Test("with PostgreSQL gone, requests are 503 with Retry-After, sessions and tokens alike")
    func unreachableIs503() async throws {
        // A pool aimed at a port where nothing listens: what an instance sees while PostgreSQL is down.
        var client = PostgresClient.Configuration(
            host: "127.0.0.1", port: 1, username: "kneecoach", password: nil, database: "journal", tls: .disable)
        client.options.maximumConnections = 2
        let pool = PostgresPool(configuration: client, host: "127.0.0.1", port: 1, size: 2, leaseTimeout: .milliseconds(500))
        let connection = StoreConnection(
            engine: .postgres, handle: .postgres(pool), sql: PooledPostgresDatabase(pool: pool), displayName: "127.0.0.1:1/journal")
        let store = JournalStore(connection: connection, transactionSQL: nil, userID: UserID(1))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-outage-\(UUID().uuidString)")
        var configuration = ServerConfiguration(
            database: .postgres(url: "postgres://kneecoach@127.0.0.1:1/journal"), dataFolder: DataFolder(databaseURL: folder))
        configuration.secureCookies = false
        configuration.bcryptCost = 4
        let state = ServerState(configuration: configuration, store: store, library: try ExerciseLibrary.bundled())
        try await Application(router: KneeCoachServerApp.router(state: state)).test(.router) { client in
            let cookie = Credential.cookie("kc_session=a-session-the-database-would-know")
            let requests: [(HTTPRequest.Method, String, Credential)] = [
                (.get, "/api/v1/account", cookie), (.get, "/api/v1/today", cookie),
                (.get, "/api/v1/today", .token("kct_a-token-the-database-would-know")), (.get, "/today", cookie),
                (.post, "/api/v1/auth/signin", .none),
            ]
            for (method, path, credential) in requests {
                let json = method == .post ? #"{"login":"runner@example.org","password":"\#(TestServer.password)"}"# : nil
                let response = try await client.send(method, path, as: credential, json: json)
                #expect(response.status == .serviceUnavailable, "\(method) \(path) as \(credential): \(response.text)")
                #expect(response.headers[.retryAfter] == "5", "\(method) \(path)")
            }
            // A browser opening a page gets a page that says to try again, not the API's JSON.
            let page = try await client.send(.get, "/today", as: cookie, headers: [.accept: "text/html,application/xhtml+xml"])
            #expect(page.status == .serviceUnavailable)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("Try again in a few seconds"), "\(page.text)")
            #expect(page.headers[.retryAfter] == "5")
            let ready = try await client.send(.get, "/health/ready")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.headers[.retryAfter] != nil)
            #expect(try await client.send(.get, "/health/live").status == .ok)
        }
        await store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    @Test("when PostgreSQL refuses connections and comes back, the instance answers 503, then serves the same session again",
          .enabled(if: Engine.postgresURL != nil))
    func recoversWhenTheDatabaseIsBack() async throws {
        let url = try #require(Engine.postgresURL)
        let name = "kc_outage_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let admin = try await JournalStore.connect(.postgres(url: url, schema: nil))
        try await admin.sql.raw("CREATE DATABASE \(ident: name)").run()
        var parts = try #require(URLComponents(string: url))
        parts.path = "/" + name
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-outage-\(UUID().uuidString)")
        var configuration = ServerConfiguration(
            database: .postgres(url: try #require(parts.string)), dataFolder: DataFolder(databaseURL: folder))
        configuration.secureCookies = false
        configuration.bcryptCost = 4
        configuration.signup = .open
        configuration.databaseLeaseTimeout = .seconds(1)
        let state = try await ServerState.open(configuration)
        do {
            try await Application(router: KneeCoachServerApp.router(state: state)).test(.router) { client in
                let cookie = try await client.signUp("runner@example.org")
                #expect(try await client.send(.get, "/api/v1/account", as: cookie).status == .ok)
                // Down: no new connection is accepted, and the instance's connections are closed.
                try await admin.sql.raw("ALTER DATABASE \(ident: name) WITH ALLOW_CONNECTIONS false").run()
                _ = try await admin.sql.raw(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(bind: name)"
                ).all()
                let down = try await client.send(.get, "/api/v1/account", as: cookie)
                #expect(down.status == .serviceUnavailable, "\(down.text)")
                #expect(down.headers[.retryAfter] != nil)
                #expect(try await client.send(.get, "/health/ready").status == .serviceUnavailable)
                // Back: the pool reconnects by itself, and the session is still the runner's.
                try await admin.sql.raw("ALTER DATABASE \(ident: name) WITH ALLOW_CONNECTIONS true").run()
                let clock = ContinuousClock()
                let deadline = clock.now + .seconds(45)
                var ready = try await client.send(.get, "/health/ready").status
                while ready != .ok, clock.now < deadline {
                    try await Task.sleep(for: .milliseconds(200))
                    ready = try await client.send(.get, "/health/ready").status
                }
                #expect(ready == .ok)
                #expect(try await client.send(.get, "/api/v1/account", as: cookie).status == .ok)
            }
        } catch {
            Issue.record(error)
        }
        await state.store.close()
        try? await admin.sql.raw("ALTER DATABASE \(ident: name) WITH ALLOW_CONNECTIONS true").run()
        try? await admin.sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
        await admin.close()
        try? FileManager.default.removeItem(at: folder)
    }

    @Test("readiness: an older schema is not ready, a newer one (a rolling upgrade) still is", arguments: Engine.available)
    func readinessFollowsTheSchema(engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine)
        try await server.run { client in
            #expect(try await client.send(.get, "/health/ready").status == .ok)
            let sql = server.state.store.connection.sql
            try await sql.raw(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: Migrations.latestVersion + 1), \(bind: "from-the-future"), \(bind: 0))"
            ).run()
            #expect(try await client.send(.get, "/health/ready").status == .ok)
            try await sql.raw("DELETE FROM schema_migrations WHERE version >= \(bind: Migrations.latestVersion)").run()
            let behind = try await client.send(.get, "/health/ready")
            #expect(behind.status == .serviceUnavailable)
            #expect(behind.text.contains("kneecoach migrate"))
        }
    }
}

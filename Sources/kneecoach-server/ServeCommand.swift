import ArgumentParser
import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachServer
import KneeCoachStore
import Logging
import Prometheus
import ServiceLifecycle

/// `kneecoach serve` (and `kneecoach-server`): the HTTP server on the runner's journal.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kneecoach serve",
        abstract: "Serve the KneeCoach API: accounts, tokens and every journal, plan and status use case over HTTP.",
        discussion: """
            Each option may also come from the environment variable in brackets; a flag wins. \
            The default database is the command line's SQLite file, so a self-hoster's journal \
            becomes the first (admin) account's data. See docs/server.md.
            """
    )

    @Option(help: "The address to listen on [KNEECOACH_HOST] (default: 127.0.0.1).")
    var host: String?

    @Option(help: "The port to listen on [KNEECOACH_PORT] (default: 8080).")
    var port: Int?

    @Option(help: ArgumentHelp("A PostgreSQL URL instead of the SQLite file [KNEECOACH_DATABASE_URL].", valueName: "url"))
    var database: String?

    @Option(help: "The SQLite file [KNEECOACH_DB] (default: $XDG_DATA_HOME/kneecoach/kneecoach.sqlite).")
    var db: String?

    @Option(help: ArgumentHelp("Who may sign up: open, invite-only or closed [KNEECOACH_SIGNUP]; stored, so it overrides the admin's setting (default: the stored setting, else invite-only).", valueName: "policy"))
    var signup: String?

    @Option(help: ArgumentHelp("bcrypt's cost, 4–31 [KNEECOACH_BCRYPT_COST] (default: 11).", valueName: "n"))
    var bcryptCost: Int?

    @Flag(help: "Session cookies without Secure, for a server on loopback without TLS [KNEECOACH_INSECURE_COOKIES=1].")
    var insecureCookies = false

    @Option(help: ArgumentHelp("The address runners reach the server at, for calendar feed URLs [KNEECOACH_PUBLIC_URL].", valueName: "url"))
    var publicURL: String?

    @Option(help: ArgumentHelp("Seconds to keep answering after SIGTERM while readiness says 503 [KNEECOACH_DRAIN_SECONDS] (default: 0).", valueName: "s"))
    var drainSeconds: Int?

    @Option(help: ArgumentHelp("Serve Prometheus metrics at /metrics on this port [KNEECOACH_METRICS_PORT] (default: none).", valueName: "port"))
    var metricsPort: Int?

    @Option(help: ArgumentHelp("The largest upload in MB [KNEECOACH_MAX_UPLOAD_MB] (default: 64).", valueName: "mb"))
    var maxUploadMb: Int?

    @Option(help: ArgumentHelp("The most PostgreSQL connections this instance opens [KNEECOACH_DB_POOL_SIZE] (default: \(StoreOptions.serverPoolSize)); keep instances × size below max_connections minus a reserve.", valueName: "n"))
    var dbPoolSize: Int?

    @Flag(help: "Do not migrate the database; refuse to start (exit 1) when its schema is older than this version's, and run 'kneecoach migrate' first [KNEECOACH_MIGRATE=0].")
    var noMigrate = false

    @Option(help: ArgumentHelp("Create the admin account with this sign-in name first; the password comes from KNEECOACH_ADMIN_PASSWORD or the first line of standard input.", valueName: "login"))
    var createAdmin: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration: ServerConfiguration
        let drain: Int
        do {
            (configuration, drain) = try settings(environment)
        } catch let error as ServeError {
            throw fail(error)
        } catch let error as StoreError {
            throw fail(error)
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = environment["KNEECOACH_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            return handler
        }
        let logger = Logger(label: "kneecoach")
        let state: ServerState
        do {
            state = try await ServerState.open(configuration)
        } catch let error as any UserFacingError {
            throw fail(error)
        }
        if let createAdmin {
            do {
                // The same command starts the server again: an admin of that name is kept as it is.
                if let existing = try await state.store.account(login: createAdmin), existing.isAdmin {
                    FileHandle.standardOutput.write(Data("The admin account '\(existing.login)' exists; its password is unchanged.\n".utf8))
                } else {
                    let password = try adminPassword(environment)
                    let account = try await state.accounts.createAdmin(login: createAdmin, password: password)
                    FileHandle.standardOutput.write(Data("Created the admin account '\(account.login)'.\n".utf8))
                }
            } catch let error as any UserFacingError {
                await state.store.close()
                throw fail(error)
            }
        }
        logger.info(
            "KneeCoach starting",
            metadata: [
                "database": "\(configuration.database.description)", "pool": "\(configuration.databasePoolSize)",
                "migrates": "\(configuration.migrates)",
            ])
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: KneeCoachServerApp.application(state: state, logger: logger))
        ]
        if let metricsPort = configuration.metricsPort {
            let registry = PrometheusCollectorRegistry()
            MetricsEndpoint.bootstrap(registry)
            services.append(
                .init(service: MetricsEndpoint.application(registry: registry, host: configuration.host, port: metricsPort)))
        }
        // Last, so it hears of a shutdown first and turns readiness off before the listener closes.
        services.append(.init(service: DrainService(state: state, seconds: drain)))
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            await state.store.close()
            // One sentence instead of NIO's: the usual cause is a port already taken.
            throw fail(ServeError.cannotListen(address: "\(configuration.host):\(configuration.port)", reason: "\(error)"))
        }
        await state.store.close()
    }

    private func settings(_ environment: [String: String]) throws -> (ServerConfiguration, Int) {
        let folder = DataFolder.resolve(path: db, environment: environment)
        let location = try DatabaseLocation.resolve(
            database: database, environment: environment, defaultSQLitePath: folder.databaseURL.path)
        var configuration = ServerConfiguration(database: location, dataFolder: folder)
        configuration.host = host ?? environment["KNEECOACH_HOST"] ?? configuration.host
        configuration.port = try number(port, environment["KNEECOACH_PORT"], option: "port", in: 0...65_535) ?? configuration.port
        if let text = signup ?? environment["KNEECOACH_SIGNUP"] {
            guard let policy = SignupPolicy(rawValue: text) else { throw ServeError.badValue(option: "signup", value: text, allowed: "open, invite-only or closed") }
            configuration.signup = policy
        }
        if let cost = try number(bcryptCost, environment["KNEECOACH_BCRYPT_COST"], option: "bcrypt-cost", in: 4...31) {
            configuration.bcryptCost = UInt8(cost)
        }
        if insecureCookies || environment["KNEECOACH_INSECURE_COOKIES"] == "1" {
            guard ["127.0.0.1", "::1", "localhost"].contains(configuration.host) else { throw ServeError.insecureOffLoopback(host: configuration.host) }
            configuration.secureCookies = false
        }
        configuration.publicURL = publicURL ?? environment["KNEECOACH_PUBLIC_URL"]
        if let url = configuration.publicURL {
            guard let parts = URLComponents(string: url), ["http", "https"].contains(parts.scheme ?? ""), parts.host?.isEmpty == false,
                parts.query == nil, parts.fragment == nil
            else { throw ServeError.badValue(option: "public-url", value: url, allowed: "an http:// or https:// address such as https://coach.example.org") }
            configuration.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let mb = try number(maxUploadMb, environment["KNEECOACH_MAX_UPLOAD_MB"], option: "max-upload-mb", in: 1...4096) {
            configuration.maxUploadBytes = mb * 1_048_576
        }
        configuration.metricsPort = try number(metricsPort, environment["KNEECOACH_METRICS_PORT"], option: "metrics-port", in: 1...65_535)
        configuration.databasePoolSize =
            try number(dbPoolSize, environment["KNEECOACH_DB_POOL_SIZE"], option: "db-pool-size", in: 1...1_000)
            ?? StoreOptions.serverPoolSize
        configuration.migrates = !(noMigrate || environment["KNEECOACH_MIGRATE"] == "0")
        let drain = try number(drainSeconds, environment["KNEECOACH_DRAIN_SECONDS"], option: "drain-seconds", in: 0...600) ?? 0
        return (configuration, drain)
    }

    private func number(_ flag: Int?, _ variable: String?, option: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = try flag ?? variable.map({ text throws -> Int in
            guard let value = Int(text) else { throw ServeError.badValue(option: option, value: text, allowed: "a whole number") }
            return value
        }) else { return nil }
        guard range.contains(value) else {
            throw ServeError.badValue(option: option, value: String(value), allowed: "\(range.lowerBound)–\(range.upperBound)")
        }
        return value
    }

    private func adminPassword(_ environment: [String: String]) throws -> String {
        if let password = environment["KNEECOACH_ADMIN_PASSWORD"], !password.isEmpty { return password }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ServeError.noAdminPassword }
        return line
    }

    private func fail(_ error: some UserFacingError) -> ExitCode {
        FileHandle.standardError.write(Data(("kneecoach: " + error.message + "\n").utf8))
        return ExitCode(error.exitCode)
    }
}

/// A bad server setting.
enum ServeError: UserFacingError, Equatable {
    case badValue(option: String, value: String, allowed: String)
    case insecureOffLoopback(host: String)
    case noAdminPassword
    case cannotListen(address: String, reason: String)

    var problem: String {
        switch self {
        case .badValue(let option, let value, let allowed): "--\(option) '\(value.prefix(40))' is not \(allowed)."
        case .insecureOffLoopback(let host): "--insecure-cookies is only for a server on loopback, not on \(host)."
        case .noAdminPassword: "--create-admin needs a password, and none was given."
        case .cannotListen(let address, let reason): "The server could not listen on \(address): \(reason.prefix(160))."
        }
    }

    var fix: String {
        switch self {
        case .badValue: "Give a value from that list or range."
        case .insecureOffLoopback: "Put the server behind TLS (a reverse proxy) and leave the flag out."
        case .noAdminPassword: "Set KNEECOACH_ADMIN_PASSWORD or pipe the password on standard input."
        case .cannotListen: "Choose another --port (or stop what uses it), and check --host."
        }
    }

    var exitCode: Int32 {
        if case .cannotListen = self { return ExitStatus.failure }
        return ExitStatus.usage
    }
}

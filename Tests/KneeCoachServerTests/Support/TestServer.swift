import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KneeCoachApp
import KneeCoachServer
import NIOCore
import Testing

@testable import KneeCoachStore

/// The engines the server suite runs on: SQLite always, PostgreSQL when
/// `KNEECOACH_TEST_POSTGRES_URL` names a server (`.ci/run` starts one).
enum Engine: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let postgresURL: String? = {
        let url = ProcessInfo.processInfo.environment["KNEECOACH_TEST_POSTGRES_URL"] ?? ""
        return url.isEmpty ? nil : url
    }()

    static var available: [Engine] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }
}

/// A server on a throwaway SQLite file (or PostgreSQL schema), called without a port
/// (`.router`); bcrypt at cost 4.
struct TestServer {
    let folder: URL
    let state: ServerState
    /// The PostgreSQL schema to drop afterwards.
    let schema: String?

    static let password = "correct horse battery staple"

    static func make(
        engine: Engine = .sqlite, signup: SignupPolicy = .open, _ configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        let token = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kc-server-" + token)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("kneecoach.sqlite")
        var schema: String?
        var location = DatabaseLocation.sqlite(path: file.path)
        if engine == .postgres {
            schema = "kc_server_\(token)"
            location = .postgres(url: try #require(Engine.postgresURL), schema: schema)
        }
        // A cell of the matrix is a server of its own, and Swift Testing starts every cell at
        // once: without a gate some 1,250 servers (a thread and three files each on SQLite) were
        // open together, which crashed Foundation's Process.run() in the CLI tests beside them.
        // On PostgreSQL the gate also keeps the suite under the server's connection limit.
        await ServerGate.shared.enter()
        var configuration = ServerConfiguration(database: location, dataFolder: DataFolder(databaseURL: file))
        configuration.signup = signup
        configuration.bcryptCost = 4
        // The whole suite on two cores can starve a request's tasks for seconds: a healthy
        // database must not look gone. The outage tests set their own, short bound.
        configuration.databaseLeaseTimeout = .seconds(60)
        configure(&configuration)
        do {
            return TestServer(folder: folder, state: try await ServerState.open(configuration), schema: schema)
        } catch {
            await ServerGate.shared.leave()
            throw error
        }
    }

    var router: Router<ServerRequestContext> { KneeCoachServerApp.router(state: state) }

    /// Runs `body` with a client of this server, then closes the store and removes the files.
    func run<T: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        do {
            let result = try await Application(router: router).test(.router, body)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }

    /// Closes the store and removes the file or drops the schema.
    func close() async {
        await state.store.close()
        try? FileManager.default.removeItem(at: folder)
        if let schema, let url = Engine.postgresURL,
            let connection = try? await JournalStore.connect(.postgres(url: url, schema: nil))
        {
            try? await connection.sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            await connection.close()
        }
        await ServerGate.shared.leave()
    }

    /// The store of the runner with this sign-in name.
    func store(of login: String) async throws -> JournalStore {
        let account = try #require(try await state.store.account(login: login))
        return state.store.forUser(account.userID)
    }
}

/// Who sends a request: nobody, a session cookie or an API token.
enum Credential: Sendable, CustomStringConvertible {
    case none
    case cookie(String)
    case token(String)

    var description: String {
        switch self {
        case .none: "anonymous"
        case .cookie: "session"
        case .token: "token"
        }
    }
}

extension TestClientProtocol {
    /// Sends a request with a JSON body (or raw bytes) as `credential`.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, as credential: Credential = .none, json: String? = nil,
        bytes: [UInt8]? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        switch credential {
        case .none: break
        case .cookie(let cookie): headers[.cookie] = cookie
        case .token(let token): headers[.authorization] = "Bearer \(token)"
        }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: json)
        } else if let bytes {
            headers[.contentType] = "application/octet-stream"
            body = ByteBuffer(bytes: bytes)
        }
        return try await execute(uri: uri, method: method, headers: headers, body: body)
    }

    /// Signs up (the server must be open, or empty) and returns the session cookie.
    func signUp(_ login: String, password: String = TestServer.password) async throws -> Credential {
        let response = try await send(.post, "/api/v1/auth/signup", json: #"{"login":"\#(login)","password":"\#(password)"}"#)
        #expect(response.status == .created, "sign-up of \(login): \(response.text)")
        return .cookie(try #require(response.sessionCookie))
    }

    func signIn(_ login: String, password: String = TestServer.password) async throws -> TestResponse {
        try await send(.post, "/api/v1/auth/signin", json: #"{"login":"\#(login)","password":"\#(password)"}"#)
    }

    /// Makes a token with these scopes for the runner of `cookie`.
    func token(_ cookie: Credential, scopes: [String], name: String = "script") async throws -> (id: Int, token: String) {
        let scopeList = scopes.map { "\"\($0)\"" }.joined(separator: ",")
        let response = try await send(.post, "/api/v1/tokens", as: cookie, json: #"{"name":"\#(name)","scopes":[\#(scopeList)]}"#)
        #expect(response.status == .created, "token: \(response.text)")
        let object = try response.object()
        return (try #require(object["id"] as? Int), try #require(object["token"] as? String))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not an object: \(text)")
    }

    func array() throws -> [Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any], "not an array: \(text)")
    }

    /// Every `Set-Cookie` header.
    var setCookies: [String] { headers[values: .setCookie] }

    /// `name=value` of the session cookie set by this answer, or `nil`.
    var sessionCookie: String? {
        setCookies.first { $0.contains("kc_session=") }.flatMap { $0.split(separator: ";").first.map(String.init) }
    }
}

/// Lets at most `limit` test servers be open at once; the others wait their turn.
actor ServerGate {
    static let shared = ServerGate(limit: 12)

    private let limit: Int
    private var open = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func enter() async {
        if open < limit {
            open += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            open -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

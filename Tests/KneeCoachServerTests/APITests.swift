import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachApp
import KneeCoachCore
import KneeCoachServer
import KneeCoachStore
import NIOCore
import Prometheus
import Hummingbird
import Testing

/// The runner's API: the same answers as the command line, idempotent writes, problem details.
@Suite struct APITests {
    static func exampleProfile() throws -> String { exampleProfileText }

    /// `examples/beginner-front-knee-pain.json`.
    static let exampleProfileText: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/beginner-front-knee-pain.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "{}"
    }()

    @Test func todayIsTheCommandLinesDocument() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let ana = try await client.signUp("ana")
            #expect(try await client.send(.get, "/api/v1/today", as: ana).status == .conflict)
            let put = try await client.send(.put, "/api/v1/profile", as: ana, json: try Self.exampleProfile())
            #expect(put.status == .ok, "\(put.text)")
            let today = try await client.send(.get, "/api/v1/today?date=2026-12-07", as: ana)
            #expect(today.status == .ok)
            // The same use case and the same bytes as `kneecoach today --json`.
            let journal = server.state.journal(for: try await server.store(of: "ana").userID)
            let coach = try await journal.coach(earliest: LocalDate("2026-12-07"), library: server.state.library)
            let day = try #require(LocalDate("2026-12-07"))
            let (planned, morning) = coach.todayWithMorning(day)
            let expected = try DocumentJSON.bytes(TodayDocument(day: day, planned: planned, morning: morning, library: server.state.library))
            #expect(today.text == String(decoding: expected, as: UTF8.self))
            let bad = try await client.send(.get, "/api/v1/today?date=tomorrow", as: ana)
            #expect(bad.status == .badRequest && bad.headers[.contentType] == "application/problem+json")
        }
    }

    @Test(arguments: Engine.available)
    func aRetriedWriteWithTheSameKeyIsStoredOnce(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine)
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "b6c4e2a0-1"]
            let body = #"{"when":"during","level":7,"location":"front"}"#
            let first = try await client.send(.post, "/api/v1/pain", as: ana, json: body, headers: key)
            let retry = try await client.send(.post, "/api/v1/pain", as: ana, json: body, headers: key)
            #expect(first.status == .created && retry.status == .created)
            #expect(first.text == retry.text)
            #expect(try await server.store(of: "ana").painEntries(from: nil, to: nil).count == 1)
            let other = try await client.send(.post, "/api/v1/pain", as: ana, json: #"{"when":"after","level":2}"#, headers: key)
            #expect(other.status == .unprocessableContent)
            #expect(try await server.store(of: "ana").painEntries(from: nil, to: nil).count == 1)
        }
    }

    @Test func badValuesNameTheFieldAndStoreNothing() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let later = LocalDate.today(in: .current).adding(days: 30)
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("/api/v1/pain", #"{"when":"during","level":11}"#, .unprocessableContent, "level 11 is outside"),
                ("/api/v1/pain", #"{"when":"sometimes","level":3}"#, .unprocessableContent, "when 'sometimes'"),
                ("/api/v1/pain", #"{"level":3}"#, .badRequest, "'when' is missing"),
                ("/api/v1/pain", #"{"when":"during","level":"three"}"#, .badRequest, "'level' must be a whole number, without quotes"),
                ("/api/v1/pain", "not json", .badRequest, "not valid JSON"),
                ("/api/v1/runs", #"{"distanceKm":-3,"duration":1800}"#, .unprocessableContent, "distanceKm -3"),
                ("/api/v1/runs", #"{"distanceKm":5,"duration":"soon"}"#, .unprocessableContent, "'soon'"),
                ("/api/v1/notes", #"{"text":"   "}"#, .unprocessableContent, "The note is empty"),
                ("/api/v1/pain", #"{"when":"during","level":3,"date":"\#(later)"}"#, .unprocessableContent, "in the future"),
            ]
            for (uri, body, status, words) in cases {
                let response = try await client.send(.post, uri, as: ana, json: body)
                #expect(response.status == status, "\(uri) \(body): \(response.text)")
                let detail = try response.object()["detail"] as? String ?? ""
                #expect(detail.contains(words), "\(uri) \(body): \(detail)")
                #expect(!detail.contains("--"), "an option name leaked: \(detail)")
            }
            #expect(try await server.store(of: "ana").painEntries(from: nil, to: nil).isEmpty)
        }
    }

    @Test func entriesAreNamedDeletedAndUndoneAsOnTheCommandLine() async throws {
        try await TestServer.make().run { client in
            let ana = try await client.signUp("ana")
            let run = try await client.send(.post, "/api/v1/runs", as: ana, json: #"{"distanceKm":5.2,"duration":"31:10"}"#)
            #expect(run.status == .created, "\(run.text)")
            let name = try #require(try run.object()["id"] as? String)
            #expect(name.hasPrefix("run-"))
            #expect(try await client.send(.get, "/api/v1/journal/\(name)", as: ana).status == .ok)
            #expect(try await client.send(.delete, "/api/v1/journal/\(name)", as: ana).status == .ok)
            #expect(try await client.send(.get, "/api/v1/journal/\(name)", as: ana).status == .notFound)
            let undo = try await client.send(.post, "/api/v1/journal/undo", as: ana)
            #expect(try undo.status == .ok && undo.object()["id"] as? String == name)
            #expect(try await client.send(.post, "/api/v1/journal/undo", as: ana).status == .conflict)
        }
    }

    @Test(arguments: Engine.available)
    func anotherRunnersEntryIsNotFoundAndStaysUnchanged(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine)
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let bo = try await client.signUp("bo")
            let pain = try await client.send(.post, "/api/v1/pain", as: ana, json: #"{"when":"after","level":4}"#)
            let name = try #require(try pain.object()["id"] as? String)
            let read = try await client.send(.get, "/api/v1/journal/\(name)", as: bo)
            let delete = try await client.send(.delete, "/api/v1/journal/\(name)", as: bo)
            let missing = try await client.send(.get, "/api/v1/journal/pain-999999", as: bo)
            #expect(read.status == .notFound && delete.status == .notFound)
            #expect(read.text == missing.text)
            #expect(try await server.store(of: "ana").painEntries(from: nil, to: nil).count == 1)
        }
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, "../shared/data/activities is absent: the upload test skipped"),
          arguments: Engine.available)
    func twoFilesOfOneActivityUploadedAtOnceAreStoredOnce(_ engine: Engine) async throws {
        // Two files of the same triathlon (a first and a last summary): one is a duplicate of
        // the other by its start, whichever is stored first, also when both come at once.
        let first = [UInt8](try Data(contentsOf: SharedCorpus.folder.appendingPathComponent("fit/mk-triathlon_summary_first.fit")))
        let last = [UInt8](try Data(contentsOf: SharedCorpus.folder.appendingPathComponent("fit/mk-triathlon_summary_last.fit")))
        let server = try await TestServer.make(engine: engine)
        try await server.run { client in
            for round in 0..<3 {
                let runner = try await client.signUp("runner\(round)")
                async let one = client.send(.post, "/api/v1/import?name=first.fit", as: runner, bytes: first)
                async let two = client.send(.post, "/api/v1/import?name=last.fit", as: runner, bytes: last)
                let answers = try await [one, two]
                let imported = try answers.map { (try $0.object()["imported"] as? [Any])?.count ?? 0 }.reduce(0, +)
                let duplicates = try answers.map { (try $0.object()["duplicates"] as? [Any])?.count ?? 0 }.reduce(0, +)
                let texts = answers.map(\.text)
                #expect(imported == 1 && duplicates == 1, "round \(round): \(texts)")
                #expect(try await server.store(of: "runner\(round)").activityCount() == 1)
            }
        }
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, "../shared/data/activities is absent: the upload test skipped"))
    func aWatchFileUploadIsImportedOnceUnderItsOwnName() async throws {
        let gpx = try #require(SharedCorpus.file("gpx", suffix: ".gpx"))
        let server = try await TestServer.make()
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let bytes = [UInt8](try Data(contentsOf: gpx))
            let first = try await client.send(.post, "/api/v1/import?name=morning.gpx", as: ana, bytes: bytes)
            #expect(first.status == .ok, "\(first.text)")
            let imported = try #require(try first.object()["imported"] as? [[String: Any]])
            #expect(imported.count == 1 && imported.first?["source"] as? String == "morning.gpx")
            let again = try await client.send(.post, "/api/v1/import?name=again.gpx", as: ana, bytes: bytes)
            #expect((try again.object()["duplicates"] as? [Any])?.count == 1)
            let unknown = try await client.send(.post, "/api/v1/import?name=notes.txt", as: ana, bytes: bytes)
            #expect(unknown.status == .unprocessableContent)
        }
    }

    @Test func anUploadPastTheLimitIs413AndStoresNothing() async throws {
        let server = try await TestServer.make { $0.maxUploadBytes = 1024 }
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let response = try await client.send(.post, "/api/v1/import?name=big.gpx", as: ana, bytes: [UInt8](repeating: 0x20, count: 4096))
            #expect(response.status == .contentTooLarge)
            #expect(try await server.store(of: "ana").activities(from: nil, to: nil).isEmpty)
        }
    }

    @Test func theLibraryAndEvidenceNeedNoAccount() async throws {
        try await TestServer.make().run { client in
            let all = try await client.send(.get, "/api/v1/exercises")
            #expect(try all.status == .ok && all.array().count > 50)
            let found = try await client.send(.get, "/api/v1/exercises?category=myofascial-release")
            #expect(try found.array().allSatisfy { ($0 as? [String: Any])?["category"] as? String == "myofascial-release" })
            #expect(try found.array().count > 0)
            #expect(try await client.send(.get, "/api/v1/exercises?category=juggling").status == .badRequest)
            #expect(try await client.send(.get, "/api/v1/exercises/no-such-thing").status == .notFound)
            #expect(try await client.send(.get, "/api/v1/evidence").status == .ok)
            #expect(try await client.send(.get, "/health/live").status == .ok)
            #expect(try await client.send(.get, "/health/ready").status == .ok)
            let yaml = try await client.send(.get, "/api/openapi.yaml")
            #expect(yaml.text.hasPrefix("openapi: 3.1"))
        }
    }

    @Test func theCalendarFeedFollowsThePlanUntilItIsRotated() async throws {
        try await TestServer.make().run { client in
            let ana = try await client.signUp("ana")
            _ = try await client.send(.put, "/api/v1/profile", as: ana, json: try Self.exampleProfile())
            let feed = try await client.send(.post, "/api/v1/calendar-feed", as: ana)
            let url = try #require(try feed.object()["url"] as? String)
            let path = String(url[try #require(url.range(of: "/calendar/")).lowerBound...])
            let calendar = try await client.send(.get, path)
            #expect(calendar.status == .ok && calendar.text.hasPrefix("BEGIN:VCALENDAR"))
            _ = try await client.send(.post, "/api/v1/calendar-feed", as: ana)
            #expect(try await client.send(.get, path).status == .notFound)
        }
    }

    @Test func aCrossSiteWriteWithASessionIsRefused() async throws {
        try await TestServer.make().run { client in
            let ana = try await client.signUp("ana")
            let foreign = try await client.send(
                .post, "/api/v1/notes", as: ana, json: #"{"text":"x"}"#, headers: [.origin: "https://evil.example"])
            #expect(foreign.status == .forbidden)
            let fetch = try await client.send(
                .post, "/api/v1/notes", as: ana, json: #"{"text":"x"}"#, headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(fetch.status == .forbidden)
        }
    }
}

/// The real watch files of `../shared/data/activities`, read in place.
enum SharedCorpus {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/activities")
    }

    static var isAvailable: Bool { file("gpx", suffix: ".gpx") != nil }

    static func file(_ subfolder: String, suffix: String) -> URL? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path)) ?? []
        return names.sorted().first { $0.hasSuffix(suffix) }.map { folder.appendingPathComponent(subfolder).appendingPathComponent($0) }
    }
}

/// Uploads as a form, and the metrics port.
@Suite struct UploadAndMetricsTests {
    @Test(.enabled(if: SharedCorpus.isAvailable, "../shared/data/activities is absent: the upload test skipped"))
    func aFormUploadIsImportedUnderTheFilesName() async throws {
        let gpx = try #require(SharedCorpus.file("gpx", suffix: ".gpx"))
        let server = try await TestServer.make()
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let boundary = "kc-boundary-42"
            var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n".utf8)
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\watch\\\\tuesday.gpx\"\r\nContent-Type: application/gpx+xml\r\n\r\n".utf8)
            body += try Data(contentsOf: gpx)
            body += Data("\r\n--\(boundary)--\r\n".utf8)
            let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
            let response = try await client.execute(
                uri: "/api/v1/import", method: .post,
                headers: headers.merging(ana), body: ByteBuffer(bytes: body))
            #expect(response.status == .ok, "\(response.text)")
            let imported = try #require(try response.object()["imported"] as? [[String: Any]])
            #expect(imported.count == 1 && imported.first?["source"] as? String == "tuesday.gpx")
            let noFile = try await client.execute(
                uri: "/api/v1/import", method: .post, headers: headers.merging(ana),
                body: ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--\(boundary)--\r\n"))
            #expect(noFile.status == .unprocessableContent)
        }
    }

    @Test func aFormUploadPastTheLimitIs413() async throws {
        let server = try await TestServer.make { $0.maxUploadBytes = 1024 }
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let boundary = "b"
            var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.gpx\"\r\n\r\n".utf8)
            body += Data(repeating: 0x20, count: 4096)
            body += Data("\r\n--\(boundary)--\r\n".utf8)
            let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
            let response = try await client.execute(
                uri: "/api/v1/import", method: .post, headers: headers.merging(ana), body: ByteBuffer(bytes: body))
            #expect(response.status == .contentTooLarge)
            #expect(try await server.store(of: "ana").activities().isEmpty)
        }
    }

    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsEndpoint.bootstrap(registry)
        return registry
    }()

    @Test func metricsCountRequestsByRouteTemplateNeverByTheirValues() async throws {
        let registry = Self.registry
        try await TestServer.make().run { client in
            let ana = try await client.signUp("ana")
            let pain = try await client.send(.post, "/api/v1/pain", as: ana, json: #"{"when":"after","level":3}"#)
            let name = try #require(try pain.object()["id"] as? String)
            _ = try await client.send(.get, "/api/v1/journal/\(name)", as: ana)
        }
        try await Application(router: MetricsEndpoint.router(registry: registry)).test(.router) { client in
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            let text = String(buffer: metrics.body)
            #expect(text.contains("/api/v1/journal/{name}"), "\(text.prefix(600))")
            #expect(!text.contains("pain-"))
        }
    }
}

extension HTTPFields {
    /// These headers with a credential's.
    func merging(_ credential: Credential) -> HTTPFields {
        var headers = self
        switch credential {
        case .none: break
        case .cookie(let cookie): headers[.cookie] = cookie
        case .token(let token): headers[.authorization] = "Bearer \(token)"
        }
        return headers
    }
}

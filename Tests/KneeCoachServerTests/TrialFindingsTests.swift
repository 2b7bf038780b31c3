import Foundation
import HTTPTypes
import HummingbirdTesting
import KneeCoachApp
@testable import KneeCoachServer
import KneeCoachStore
import Testing

/// What a self-hoster's and an app developer's trial of the server found, each kept fixed.
@Suite struct TrialFindingsTests {
    @Test func aMisspelledFieldIsRefusedNotDropped() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let cases: [(String, String, String)] = [
                ("/api/v1/pain", #"{"when":"during","level":2,"sweling":true}"#, "'sweling'"),
                ("/api/v1/sessions", #"{"kind":"strength","skiped":["wall-sit"]}"#, "'skiped'"),
                ("/api/v1/notes", #"{"text":"ok","moood":3}"#, "'moood'"),
                ("/api/v1/runs", #"{"distanceKm":5,"duration":"30:00","cadence":170}"#, "'cadence'"),
                ("/api/v1/auth/signup", #"{"login":"bo","password":"a long passphrase","invite":"x"}"#, "'invite'"),
            ]
            for (uri, body, words) in cases {
                let response = try await client.send(.post, uri, as: ana, json: body)
                #expect(response.status == .badRequest, "\(uri): \(response.text)")
                let detail = try response.object()["detail"] as? String ?? ""
                #expect(detail.contains(words) && detail.contains("Use only"), "\(detail)")
            }
            #expect(try await server.store(of: "ana").painEntries().isEmpty)
            let array = try await client.send(.post, "/api/v1/pain", as: ana, json: "[1]")
            #expect(try array.object()["detail"] as? String == "The body must be a JSON object, not a list or a single value.")
            let fraction = try await client.send(.post, "/api/v1/pain", as: ana, json: #"{"when":"during","level":3.5}"#)
            #expect((try fraction.object()["detail"] as? String ?? "").contains("wrong type or is too large"))
        }
    }

    @Test func errorAnswersCarryTheSameHeadersAsTheOthers() async throws {
        try await TestServer.make().run { client in
            let refused = try await client.send(.get, "/api/v1/today")
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.server] == "KneeCoach" && refused.headers[.xContentTypeOptions] == "nosniff")
            #expect(refused.headers[.cacheControl] == "no-store")
            let missing = try await client.send(.get, "/no/such/page")
            #expect(missing.status == .notFound && missing.headers[.server] == "KneeCoach")
        }
    }

    @Test func theCalendarFeedKeepsEachSessionsUIDWhateverDayItStarts() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let ana = try await client.signUp("ana")
            _ = try await client.send(.put, "/api/v1/profile", as: ana, json: APITests.exampleProfileText)
            let url = try #require(try await client.send(.post, "/api/v1/calendar-feed", as: ana).object()["url"] as? String)
            let feed = try await client.send(.get, String(url[try #require(url.range(of: "/calendar/")).lowerBound...]))
            let uids = feed.text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }
            #expect(!uids.isEmpty)
            #expect(uids.allSatisfy { $0.contains(".feed-") && !$0.contains(".plan-") }, "\(uids.prefix(2))")
            #expect(feed.text.contains("X-WR-CALNAME:KneeCoach plan\r\n"))
        }
    }

    @Test func passwordGuessesAtAccountSettingsAreCountedLikeSignIns() async throws {
        try await TestServer.make().run { client in
            let ana = try await client.signUp("ana")
            var statuses: [HTTPResponse.Status] = []
            for attempt in 1...11 {
                let response = try await client.send(
                    .post, "/api/v1/auth/password", as: ana, json: #"{"current":"guess number \#(attempt)","new":"a new long passphrase"}"#)
                statuses.append(response.status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .forbidden })
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test func invitationsAreOnlyMadeWhereTheyAreUsed() async throws {
        try await TestServer.make(signup: .closed).run { client in
            let admin = try await client.signUp("admin")  // the first account of an empty server
            let response = try await client.send(.post, "/api/v1/invitations", as: admin)
            #expect(response.status == .conflict)
            #expect((try response.object()["detail"] as? String ?? "").contains("--signup invite-only"))
        }
    }

    @Test func anUploadsNameKeepsNoFolderOrControlCharacter() async throws {
        #expect(ImportRoutes.displayName("../../etc/passwd.gpx") == "passwd.gpx")
        #expect(ImportRoutes.displayName("C:\\watch\\run\n.tcx") == "run.tcx")
        let server = try await TestServer.make()
        try await server.run { client in
            let ana = try await client.signUp("ana")
            let garbage = try await client.send(.post, "/api/v1/import?name=..%2F..%2Frun.fit", as: ana, bytes: Array("not a fit file".utf8))
            #expect(garbage.status == .unprocessableContent, "\(garbage.text)")
            #expect(try await server.store(of: "ana").activities().isEmpty)
            let gpx = Array(AuthorizationMatrix.gpx.utf8)
            let stored = try await client.send(.post, "/api/v1/import?name=..%2F..%2Fetc%2Fmorning.gpx", as: ana, bytes: gpx)
            #expect(try (stored.object()["imported"] as? [[String: Any]])?.first?["source"] as? String == "morning.gpx")
        }
    }

    @Test func shoesAreListedAsTheCommandLineListsThem() async throws {
        try await TestServer.make().run { client in
            let ana = try await client.signUp("ana")
            #expect(try await client.send(.post, "/api/v1/shoes", as: ana, json: #"{"name":"Pegasus","startKm":640}"#).status == .created)
            let list = try await client.send(.get, "/api/v1/shoes", as: ana).object()
            let shoes = try #require(list["shoes"] as? [[String: Any]])
            #expect(shoes.count == 1 && shoes[0]["wear"] as? String == "review" && shoes[0]["runs"] as? Int == 0)
        }
    }
}

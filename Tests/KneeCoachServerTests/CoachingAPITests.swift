import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KneeCoachApp
import KneeCoachCore
import KneeCoachServer
import KneeCoachStore
import Testing

/// Coaches linked by consent through the API: scopes, revocation on the next request (also
/// through another server instance), single-use and expiring invitations limited in
/// attempts, the dashboard's order, comments and the access log in the export, and a club's
/// board that shows only those who chose it.
@Suite struct CoachingAPITests {
    @Test(arguments: Engine.available)
    func aCoachSeesExactlyWhatWasGrantedUntilRevoked(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine)
        // A second instance on the same database: any instance must honour a revocation at once.
        let second = try await ServerState.open(server.state.configuration)
        let secondApp = Application(router: KneeCoachServerApp.router(state: second))
        try await server.run { client in
            let sam = try await client.signUp("sam")
            let ana = try await client.signUp("ana")
            _ = try await client.send(.put, "/api/v1/profile", as: ana, json: APITests.exampleProfileText)
            let runner = try #require(try await server.state.store.account(login: "ana")).userID.rawValue
            let linkID = try await CoachingFixture.link(client, coach: sam, runner: ana, scopes: #"["plan","status"]"#)
            let base = "/api/v1/coaching/runners/\(runner)"
            #expect(try await client.send(.get, "\(base)/today", as: sam).status == .ok)
            #expect(try await client.send(.get, "\(base)/status", as: sam).status == .ok)
            #expect(try await client.send(.get, "\(base)/journal", as: sam).status == .notFound)
            // What the coach read is in Ana's access log, newest first.
            let log = try await client.send(.get, "/api/v1/access-log", as: ana).array() as? [[String: Any]] ?? []
            #expect(log.compactMap { $0["what"] as? String }.prefix(2) == ["status", "today"])
            // Narrowed to plan: status is hidden from the next request.
            let narrowed = try await client.send(.patch, "/api/v1/coaches/\(linkID)", as: ana, json: #"{"scopes":["plan"]}"#)
            #expect(narrowed.status == .ok)
            #expect(try await client.send(.get, "\(base)/status", as: sam).status == .notFound)
            #expect(try await client.send(.delete, "/api/v1/coaches/\(linkID)", as: ana).status == .noContent)
            #expect(try await client.send(.get, "\(base)/today", as: sam).status == .notFound)
            try await secondApp.test(.router) { other async throws in
                let today = try await other.send(.get, "\(base)/today", as: sam)
                let dashboard = try await other.send(.get, "/api/v1/coaching/runners", as: sam)
                #expect(today.status == .notFound)
                #expect((try dashboard.object()["runners"] as? [Any])?.isEmpty == true)
            }
        }
        await second.store.close()
    }

    @Test func anInvitationIsSingleUseExpiresAndCountsAttempts() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let sam = try await client.signUp("sam")
            let ana = try await client.signUp("ana")
            let bo = try await client.signUp("bo")
            let made = try await client.send(.post, "/api/v1/coaching/invitations", as: sam, json: #"{"name":"Sam","codes":2}"#)
            let codes = (try made.object()["invitations"] as? [[String: Any]] ?? []).compactMap { $0["secret"] as? String }
            #expect(codes.count == 2 && codes.allSatisfy { $0.count == 14 })
            let accept = { (who: Credential, token: String) in
                try await client.send(
                    .post, "/api/v1/invitations/accept", as: who, json: #"{"token":"\#(token)","name":"Ana","scopes":["plan"]}"#)
            }
            // Typed in lower case with spaces, a code still reads.
            let typed = codes[0].lowercased().replacingOccurrences(of: "-", with: " ")
            #expect(try await accept(ana, typed).status == .created)
            #expect(try await accept(bo, codes[0]).status == .notFound, "a used code")
            #expect(try await accept(sam, codes[1]).status == .conflict, "the coach's own")
            // An expired invitation is refused like an unknown one.
            let samID = try #require(try await server.state.store.account(login: "sam")).userID
            let old = try await server.state.coaching.invite(
                coach: samID, coachName: "Sam", days: 1, now: Date().addingTimeInterval(-2 * 86_400))
            #expect(try await accept(bo, old.secrets[0]).status == .notFound)
            // Attempts per account are limited: guessing codes ends in 429 with Retry-After.
            var last: TestResponse?
            // Bo has tried twice already (the used code, the expired link).
            for _ in 0..<(Coaching.acceptAttempts - 2) { last = try await accept(bo, "AAAA-BBBB-CCCC") }
            #expect(last?.status == .notFound)
            let limited = try await accept(bo, codes[1])
            #expect(limited.status == .tooManyRequests && limited.headers[.retryAfter] != nil)
            #expect(try await server.state.coaching.coaches(of: try #require(try await server.state.store.account(login: "bo")).userID).isEmpty)
        }
    }

    @Test func aWarningSignTopsTheDashboardAndARunnerSharingNoStatusIsLast() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let sam = try await client.signUp("sam")
            var runners: [String: Int64] = [:]
            for (name, scopes) in [("ana", #"["status"]"#), ("bo", #"["status","plan"]"#), ("cy", #"["plan"]"#)] {
                let runner = try await client.signUp(name)
                _ = try await client.send(.put, "/api/v1/profile", as: runner, json: APITests.exampleProfileText)
                _ = try await client.send(.post, "/api/v1/sessions", as: runner, json: #"{"kind":"strength"}"#)
                runners[name] = try await CoachingFixture.link(client, coach: sam, runner: runner, scopes: scopes)
                if name == "bo" {
                    let sign = #"{"when":"after","level":4,"givingWay":true}"#
                    #expect(try await client.send(.post, "/api/v1/pain", as: runner, json: sign).status == .created)
                }
            }
            let dashboard = try await client.send(.get, "/api/v1/coaching/runners", as: sam)
            let rows = try dashboard.object()["runners"] as? [[String: Any]] ?? []
            let names = rows.compactMap { ($0["link"] as? [String: Any])?["runnerName"] as? String }
            #expect(names.count == 3)
            let first = rows.first?["attention"] as? [String: Any]
            let reasons = first?["reasons"] as? [[String: Any]] ?? []
            #expect(reasons.first?["kind"] as? String == "warning-sign", "\(dashboard.text)")
            #expect((rows.first?["link"] as? [String: Any])?["scopes"] as? [String] == ["plan", "status"])
            // Cy shares no status: listed last, with nothing of theirs.
            #expect(rows.last?["attention"] == nil)
            #expect((rows.last?["link"] as? [String: Any])?["scopes"] as? [String] == ["plan"])
        }
    }

    @Test(arguments: Engine.available)
    func aKeptReportIsJudgedAgainWhenTheRunnerLogsOrTheDayTurns(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine)
        try await server.run { client in
            let sam = try await client.signUp("sam")
            let ana = try await client.signUp("ana")
            _ = try await client.send(.put, "/api/v1/profile", as: ana, json: APITests.exampleProfileText)
            _ = try await client.send(.post, "/api/v1/sessions", as: ana, json: #"{"kind":"strength"}"#)
            _ = try await CoachingFixture.link(client, coach: sam, runner: ana, scopes: #"["status"]"#)
            let coach = try #require(try await server.state.store.account(login: "sam")).userID
            let runner = try #require(try await server.state.store.account(login: "ana")).userID
            let now = Date()
            let first = try await server.state.coaching.dashboard(coach: coach, now: now)
            #expect(first.first?.attention?.reasons.isEmpty == true, "\(String(describing: first.first?.attention))")
            // Kept, and read back as judged.
            let kept = try await server.state.store.keptAttention([runner])[runner]
            #expect(kept?.kept?.revision == kept?.revision)
            #expect(try await server.state.coaching.dashboard(coach: coach, now: now).first?.attention == first.first?.attention)
            // A warning sign logged since: judged again at once.
            let sign = #"{"when":"after","level":4,"givingWay":true}"#
            #expect(try await client.send(.post, "/api/v1/pain", as: ana, json: sign).status == .created)
            let after = try await server.state.coaching.dashboard(coach: coach, now: now)
            #expect(after.first?.attention?.reasons.first?.kind == .warningSign)
            // Eight days on, nothing logged: the day turned, so the report is judged again.
            let later = try await server.state.coaching.dashboard(coach: coach, now: now.addingTimeInterval(8 * 86_400))
            #expect(later.first?.attention?.reasons.map(\.kind).contains(.quiet) == true)
            #expect(later.first?.attention?.date != after.first?.attention?.date)
        }
    }

    @Test func theBackgroundRefreshJudgesOnlyRunnersWhoseReportNoLongerHolds() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let sam = try await client.signUp("sam")
            var runners: [String: Credential] = [:]
            for (name, scopes) in [("ana", #"["status"]"#), ("bo", #"["status","plan"]"#), ("cy", #"["plan"]"#)] {
                let runner = try await client.signUp(name)
                runners[name] = runner
                _ = try await client.send(.put, "/api/v1/profile", as: runner, json: APITests.exampleProfileText)
                _ = try await CoachingFixture.link(client, coach: sam, runner: runner, scopes: scopes)
            }
            let coaching = server.state.coaching
            let now = Date()
            // Ana and Bo share status; Cy does not and is never judged.
            #expect(try await coaching.refreshKeptAttention(now: now) == 2)
            #expect(try await coaching.refreshKeptAttention(now: now) == 0)
            let sign = #"{"when":"after","level":4,"givingWay":true}"#
            #expect(try await client.send(.post, "/api/v1/pain", as: try #require(runners["ana"]), json: sign).status == .created)
            #expect(try await coaching.refreshKeptAttention(now: now) == 1)
            // The next day every report is judged again, before any coach asks.
            #expect(try await coaching.refreshKeptAttention(now: now.addingTimeInterval(86_400)) == 2)
            let coach = try #require(try await server.state.store.account(login: "sam")).userID
            let rows = try await coaching.dashboard(coach: coach, now: now.addingTimeInterval(86_400))
            #expect(rows.first?.link.runnerName == "Runner" && rows.first?.attention?.reasons.first?.kind == .warningSign)
            // The refresh read nobody's data for a coach: the access log has the dashboard's reads only.
            let log = try await server.store(of: "ana").accessLog(limit: 10)
            #expect(log.map(\.what) == ["dashboard"])
        }
    }

    @Test func commentsReachTheRunnerAndTheExportHoldsThemWithTheAccessLog() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let sam = try await client.signUp("sam")
            let ana = try await client.signUp("ana")
            _ = try await client.send(.put, "/api/v1/profile", as: ana, json: APITests.exampleProfileText)
            let pain = try await client.send(.post, "/api/v1/pain", as: ana, json: #"{"when":"after","level":3}"#)
            let entry = try #require(try pain.object()["id"] as? String)
            let linkID = try await CoachingFixture.link(client, coach: sam, runner: ana, scopes: #"["plan"]"#)
            let runner = try #require(try await server.state.store.account(login: "ana")).userID.rawValue
            let base = "/api/v1/coaching/runners/\(runner)/comments"
            let day = try await client.send(.post, base, as: sam, json: #"{"about":"day","body":"Keep the <easy> runs easy"}"#)
            #expect(day.status == .created, "\(day.text)")
            // Without the journal grant an entry is hidden, so it cannot be commented on.
            let hidden = try await client.send(.post, base, as: sam, json: #"{"about":"\#(entry)","body":"Hm"}"#)
            #expect(hidden.status == .notFound)
            let blank = try await client.send(.post, base, as: sam, json: #"{"about":"day","body":"  "}"#)
            #expect(blank.status == .unprocessableContent)
            // A control character (a terminal escape, a bell) is refused, tabs and new lines kept.
            let control = try await client.send(.post, base, as: sam, json: #"{"about":"day","body":"Easy\u001b[31m runs\u0007"}"#)
            #expect(control.status == .unprocessableContent, "\(control.text)")
            #expect(try await client.send(.post, base, as: sam, json: #"{"about":"session:banana","body":"Hm"}"#).status == .unprocessableContent)
            let future = try await client.send(.post, base, as: sam, json: #"{"about":"day","date":"2099-01-01","body":"Later"}"#)
            #expect(future.status == .unprocessableContent && future.text.contains("after today"), "\(future.text)")
            #expect(control.text.contains("control character"))
            let lines = try await client.send(.post, base, as: sam, json: #"{"about":"day","body":"Mon: easy\n\tTue: rest"}"#)
            #expect(lines.status == .created)
            let reply = try await client.send(.post, "/api/v1/comments", as: ana, json: #"{"about":"\#(entry)","body":"Stairs hurt"}"#)
            #expect(reply.status == .created)
            // The runner's comment on an entry is part of the journal: hidden without the grant.
            let seenBySam = try await client.send(.get, base, as: sam).array() as? [[String: Any]] ?? []
            #expect(seenBySam.compactMap { $0["body"] as? String } == ["Keep the <easy> runs easy", "Mon: easy\n\tTue: rest"])
            _ = try await client.send(.patch, "/api/v1/coaches/\(linkID)", as: ana, json: #"{"scopes":["plan","journal"]}"#)
            let withJournal = try await client.send(.get, base, as: sam).array() as? [[String: Any]] ?? []
            #expect(withJournal.compactMap { $0["authorName"] as? String } == ["Coach", "Coach", "Runner"])
            let anaStore = try await server.store(of: "ana")
            #expect(try await anaStore.unseenComments().map(\.body) == ["Keep the <easy> runs easy", "Mon: easy\n\tTue: rest"])
            // The API's client reads the new ones as Today does, and marks them seen.
            let new = try await client.send(.get, "/api/v1/comments/new", as: ana).array() as? [[String: Any]] ?? []
            #expect(new.compactMap { $0["body"] as? String } == ["Keep the <easy> runs easy", "Mon: easy\n\tTue: rest"])
            let last = try #require(new.last?["id"] as? Int64)
            #expect(try await client.send(.post, "/api/v1/comments/seen", as: ana, json: #"{"through":\#(last)}"#).status == .noContent)
            #expect((try await client.send(.get, "/api/v1/comments/new", as: ana).array() as? [[String: Any]])?.isEmpty == true)
            #expect(try await client.send(.get, "/api/v1/comments/new", as: sam).array().isEmpty, "Sam has no comments of his own")
            let export = try await client.send(.get, "/api/v1/export", as: ana).text
            #expect(export.contains("Keep the <easy> runs easy") && export.contains("Stairs hurt"))
            #expect(export.contains("\"accessLog\"") && export.contains("\"comments\""))
            // Restoring the export keeps the comments.
            #expect(try await client.send(.post, "/api/v1/restore", as: ana, json: export).status == .ok)
            #expect(try await anaStore.comments().map(\.body).sorted() == ["Keep the <easy> runs easy", "Mon: easy\n\tTue: rest", "Stairs hurt"])
        }
    }

    @Test func aClubBoardShowsOnlyThoseWhoChoseItAndNeverPain() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let sam = try await client.signUp("sam")
            let club = try await client.send(.post, "/api/v1/coaching/clubs", as: sam, json: #"{"name":"Tuesday group"}"#)
            let clubID = try #require(try club.object()["id"] as? Int)
            var links: [String: Int64] = [:]
            var credentials: [String: Credential] = [:]
            for name in ["ana", "bo", "cy"] {
                let runner = try await client.signUp(name)
                credentials[name] = runner
                _ = try await client.send(.put, "/api/v1/profile", as: runner, json: APITests.exampleProfileText)
                _ = try await client.send(.post, "/api/v1/pain", as: runner, json: #"{"when":"after","level":3}"#)
                links[name] = try await CoachingFixture.link(client, coach: sam, runner: runner, scopes: #"["status"]"#, club: clubID)
            }
            let ana = try #require(credentials["ana"]), bo = try #require(credentials["bo"])
            // Before choosing the board, Ana sees no one on it.
            let before = try await client.send(.get, "/api/v1/clubs", as: ana).array() as? [[String: Any]] ?? []
            #expect((before.first?["board"] as? [Any])?.isEmpty == true)
            for (name, who) in [("ana", ana), ("bo", bo)] {
                let id = try #require(links[name])
                #expect(try await client.send(.patch, "/api/v1/coaches/\(id)", as: who, json: #"{"sharesBoard":true}"#).status == .ok)
            }
            let board = try await client.send(.get, "/api/v1/clubs", as: ana)
            let rows = (try board.array() as? [[String: Any]])?.first?["board"] as? [[String: Any]] ?? []
            #expect(Set(rows.compactMap { $0["runnerName"] as? String }) == ["Runner"])
            #expect(rows.count == 2, "Cy did not choose the board: \(board.text)")
            #expect(!board.text.contains("pain") && !board.text.contains("level"))
            // The coach sees every runner of the club who shares their status.
            let coachView = try await client.send(.get, "/api/v1/coaching/clubs/\(clubID)", as: sam)
            #expect((try coachView.object()["board"] as? [Any])?.count == 3)
        }
    }

    @Test func aCoachingTokenReadsWhatWasGrantedButCannotInvite() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let sam = try await client.signUp("sam")
            let ana = try await client.signUp("ana")
            _ = try await client.send(.put, "/api/v1/profile", as: ana, json: APITests.exampleProfileText)
            _ = try await CoachingFixture.link(client, coach: sam, runner: ana, scopes: #"["plan"]"#)
            let runner = try #require(try await server.state.store.account(login: "ana")).userID.rawValue
            let token = try await client.token(sam, scopes: ["coaching"])
            #expect(try await client.send(.get, "/api/v1/coaching/runners/\(runner)/today", as: .token(token.token)).status == .ok)
            #expect(try await client.send(.get, "/api/v1/coaching/runners", as: .token(token.token)).status == .ok)
            let invite = try await client.send(.post, "/api/v1/coaching/invitations", as: .token(token.token), json: #"{"name":"Sam"}"#)
            #expect(invite.status == .forbidden)
            let read = try await client.token(sam, scopes: ["read"], name: "reader")
            #expect(try await client.send(.get, "/api/v1/coaching/runners/\(runner)/today", as: .token(read.token)).status == .forbidden)
        }
    }

    @Test(arguments: Engine.available)
    func anAdjustmentChangesTheRunnersPlanFromTheNextMorningAndEitherMayUndoIt(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine)
        try await server.run { client in
            let sam = try await client.signUp("sam")
            let ana = try await client.signUp("ana")
            _ = try await client.send(.put, "/api/v1/profile", as: ana, json: APITests.exampleProfileText)
            _ = try await CoachingFixture.link(client, coach: sam, runner: ana, scopes: #"["plan","adjust"]"#)
            let runner = try #require(try await server.state.store.account(login: "ana")).userID.rawValue
            let base = "/api/v1/coaching/runners/\(runner)/adjustments"
            let absurd = try await client.send(
                .post, base, as: sam, json: #"{"kind":"pause-running","value":"9999","reason":"Rest"}"#)
            #expect(absurd.status == .unprocessableContent, "\(absurd.text)")
            // A number where the value is text says so, with an example, not only "wrong type".
            let number = try await client.send(.post, base, as: sam, json: #"{"kind":"runs-per-week","value":3,"reason":"Build"}"#)
            #expect(number.status == .badRequest)
            #expect(number.text.contains(#"The field 'value' must be text in quotes, such as \"3\""#), "\(number.text)")
            let made = try await client.send(
                .post, base, as: sam, json: #"{"kind":"pause-running","value":"7","reason":"Sore after the race"}"#)
            #expect(made.status == .created, "\(made.text)")
            let id = try #require(try made.object()["id"] as? Int64)
            // From tomorrow the runner's own day lists the coach's change and runs nowhere.
            let journal = server.state.journal(for: UserID(runner))
            let tomorrow = await journal.today().adding(days: 1)
            let day = try await client.send(.get, "/api/v1/today?date=\(tomorrow)", as: ana).object()
            let listed = day["adjustments"] as? [[String: Any]] ?? []
            #expect(!listed.isEmpty, "\(day)")
            let kinds = (day["sessions"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(!kinds.contains("run"), "\(kinds)")
            // The runner undoes it; the coach's second undo is a conflict.
            #expect(try await client.send(.post, "/api/v1/adjustments/\(id)/undo", as: ana).status == .ok)
            #expect(try await client.send(.post, "\(base)/\(id)/undo", as: sam).status == .conflict)
        }
    }

    @Test(arguments: Engine.available)
    func aCoachsChangesEndWithTheLink(_ engine: Engine) async throws {
        let server = try await TestServer.make(engine: engine)
        try await server.run { client in
            let sam = try await client.signUp("sam")
            let ana = try await client.signUp("ana")
            _ = try await client.send(.put, "/api/v1/profile", as: ana, json: APITests.exampleProfileText)
            let linkID = try await CoachingFixture.link(client, coach: sam, runner: ana, scopes: #"["plan","adjust"]"#)
            let runner = try #require(try await server.state.store.account(login: "ana")).userID.rawValue
            let base = "/api/v1/coaching/runners/\(runner)/adjustments"
            for body in [#"{"kind":"runs-per-week","value":"5","reason":"Build"}"#, #"{"kind":"hold-phase","reason":"Steady"}"#] {
                #expect(try await client.send(.post, base, as: sam, json: body).status == .created)
            }
            // Ana revokes Sam: his changes are undone that day, by her, and tomorrow lists none.
            #expect(try await client.send(.delete, "/api/v1/coaches/\(linkID)", as: ana).status == .noContent)
            let list = try await client.send(.get, "/api/v1/adjustments", as: ana).object()["adjustments"] as? [[String: Any]] ?? []
            #expect(list.count == 2 && list.allSatisfy { $0["status"] as? String == "undone" }, "\(list)")
            #expect(list.allSatisfy { $0["undoneBy"] as? String == "the runner" })
            let tomorrow = await server.state.journal(for: UserID(runner)).today().adding(days: 1)
            let day = try await client.send(.get, "/api/v1/today?date=\(tomorrow)", as: ana).object()
            #expect((day["adjustments"] as? [[String: Any]])?.isEmpty == true, "\(day)")
            // A coach who leaves takes his changes with him too, undone in his name.
            let again = try await CoachingFixture.link(client, coach: sam, runner: ana, scopes: #"["adjust"]"#)
            #expect(try await client.send(.post, base, as: sam, json: #"{"kind":"pause-running","value":"3","reason":"Rest"}"#).status == .created)
            #expect(try await client.send(.delete, "/api/v1/coaching/runners/\(runner)", as: sam).status == .noContent, "link \(again)")
            let after = try await client.send(.get, "/api/v1/adjustments", as: ana).object()["adjustments"] as? [[String: Any]] ?? []
            #expect(after.count == 3 && after.last?["undoneBy"] as? String == "Coach", "\(after)")
        }
    }
}

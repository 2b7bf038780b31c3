import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import KneeCoachApp
import KneeCoachServer
import KneeCoachStore
import Testing

/// Who may do what, as data: every route × every actor, each cell its expected status; every
/// refused write leaves runner A's rows as they were. A route without a row fails the test.
enum Actor: String, CaseIterable, Sendable {
    /// No credential.
    case anonymous
    /// Runner A, the owner of what the routes name, with a web session.
    case owner
    /// Runner B, with a web session.
    case other
    /// A's API token with the `read` scope only.
    case readToken
    /// A's token after it was revoked.
    case revokedToken
    /// Coaches of A who were granted one scope each.
    case coachPlan, coachStatus, coachJournal, coachAdjust
    /// A coach whose invitation A has not accepted.
    case coachPending
    /// A coach A accepted with every scope, then revoked.
    case coachRevoked
    /// B's coach, with every scope B could give.
    case coachOfOther
    /// A runner in the same club as A, both on the club's board.
    case clubmate

    /// The actors that are someone's coach or club member: without a column of their own a
    /// row expects of them what it expects of B (they have no profile either, and every route
    /// but the coaching ones reads the caller's own data).
    static let coaching: [Actor] = [
        .coachPlan, .coachStatus, .coachJournal, .coachAdjust, .coachPending, .coachRevoked, .coachOfOther, .clubmate,
    ]
}

struct MatrixRow: Sendable {
    let method: HTTPRequest.Method
    /// The route as the router lists it; `{name}`, `{id}` and `{token}` are filled from A's data.
    let path: String
    let query: String
    let body: Body
    let expected: [Actor: Int]
    /// Whether the coaching actors have answers of their own here (else they repeat B's).
    let coachesOwnColumn: Bool

    enum Body: Sendable {
        case none, json(String), gpx
        /// A page's form, sent with the form token in its field and its cookie.
        case form(String)
        /// A page's upload (multipart, the form token in the URL): a GPX file, or A's backup.
        case upload(backup: Bool)
        /// A's own backup, from `GET /api/v1/export`.
        case backup
    }

    /// - Parameters:
    ///   - statuses: For anonymous, A, B, A's read token and A's revoked token.
    ///   - coaches: For ``Actor/coaching`` in order; B's when not given.
    init(
        _ method: HTTPRequest.Method, _ path: String, query: String = "", body: Body = .none, _ statuses: [Int],
        coaches: [Int]? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        coachesOwnColumn = coaches != nil || path.contains("coach") || path.contains("join")
        let others = coaches ?? Array(repeating: statuses[2], count: Actor.coaching.count)
        self.expected = Dictionary(uniqueKeysWithValues: zip(Actor.allCases, statuses + others))
    }

    var route: String { "\(method) \(path)" }

    /// A web page or one of its files, which answer in HTML rather than problem details.
    var isPage: Bool { !["/api/", "/health/", "/calendar/"].contains { path.hasPrefix($0) } }
}

struct MatrixCell: Sendable, CustomTestStringConvertible {
    let row: MatrixRow
    let actor: Actor
    var testDescription: String { "\(row.route) as \(actor.rawValue)" }
}

enum AuthorizationMatrix {
    static let passwordA = "ana's long passphrase"
    static let passwordB = "bo's different passphrase"
    static let gpx = """
        <?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>\
        <trkpt lat="52.0" lon="4.0"><time>2026-11-30T07:00:00Z</time></trkpt>\
        <trkpt lat="52.01" lon="4.0"><time>2026-11-30T07:06:00Z</time></trkpt>\
        <trkpt lat="52.02" lon="4.0"><time>2026-11-30T07:12:00Z</time></trkpt></trkseg></trk></gpx>
        """

    //                                             anonymous owner other readToken revokedToken
    static let rows: [MatrixRow] = [
        MatrixRow(.get, "/health/live", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/health/ready", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/api/openapi.yaml", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/api/v1/exercises", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/api/v1/exercises/{id}", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/api/v1/evidence", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/calendar/{token}", [200, 200, 200, 200, 401]),
        MatrixRow(.post, "/api/v1/auth/signup", body: .json(#"{"login":"cy","password":"cy's long passphrase"}"#), [201, 201, 201, 201, 401]),
        MatrixRow(.post, "/api/v1/auth/signin", body: .json(#"{"login":"ana","password":"\#(passwordA)"}"#), [200, 200, 200, 200, 401]),
        MatrixRow(.post, "/api/v1/auth/signout", [401, 204, 204, 403, 401]),
        MatrixRow(.post, "/api/v1/auth/signout-everywhere", [401, 204, 204, 403, 401]),
        MatrixRow(.post, "/api/v1/auth/password", body: .json(#"{"current":"\#(passwordA)","new":"a new long passphrase"}"#), [401, 204, 403, 403, 401]),
        MatrixRow(.get, "/api/v1/account", [401, 200, 200, 200, 401]),
        MatrixRow(.delete, "/api/v1/account", body: .json(#"{"password":"\#(passwordA)"}"#), [401, 204, 403, 403, 401]),
        // The matrix server is open: an invitation would not be used (invite-only: AccountTests).
        MatrixRow(.post, "/api/v1/invitations", [401, 409, 403, 403, 401]),
        MatrixRow(.get, "/api/v1/tokens", [401, 200, 200, 403, 401]),
        MatrixRow(.post, "/api/v1/tokens", body: .json(#"{"name":"new","scopes":["read"]}"#), [401, 201, 201, 403, 401]),
        MatrixRow(.delete, "/api/v1/tokens/{id}", [401, 204, 404, 403, 401]),
        MatrixRow(.post, "/api/v1/calendar-feed", [401, 201, 201, 403, 401]),
        MatrixRow(.get, "/api/v1/today", [401, 200, 409, 200, 401]),
        MatrixRow(.get, "/api/v1/plan", [401, 200, 409, 200, 401]),
        MatrixRow(.get, "/api/v1/plan.ics", [401, 200, 409, 200, 401]),
        MatrixRow(.get, "/api/v1/status", [401, 200, 409, 200, 401]),
        MatrixRow(.get, "/api/v1/report", [401, 200, 409, 200, 401]),
        MatrixRow(.get, "/api/v1/profile", [401, 200, 409, 200, 401]),
        MatrixRow(.put, "/api/v1/profile", body: .json(APITests.exampleProfileText), [401, 200, 200, 403, 401]),
        MatrixRow(.patch, "/api/v1/profile", body: .json(#"{"age":35}"#), [401, 200, 409, 403, 401]),
        MatrixRow(.post, "/api/v1/programme/restart", body: .json("{}"), [401, 200, 409, 403, 401]),
        MatrixRow(.get, "/api/v1/journal", [401, 200, 200, 200, 401]),
        MatrixRow(.get, "/api/v1/journal/{name}", [401, 200, 404, 200, 401]),
        MatrixRow(.patch, "/api/v1/journal/{name}", body: .json(#"{"level":5}"#), [401, 200, 404, 403, 401]),
        MatrixRow(.delete, "/api/v1/journal/{name}", [401, 200, 404, 403, 401]),
        MatrixRow(.post, "/api/v1/journal/undo", [401, 409, 409, 403, 401]),
        MatrixRow(.post, "/api/v1/pain", body: .json(#"{"when":"after","level":2}"#), [401, 201, 201, 403, 401]),
        MatrixRow(.post, "/api/v1/runs", body: .json(#"{"distanceKm":5,"duration":1800}"#), [401, 201, 201, 403, 401]),
        MatrixRow(.post, "/api/v1/notes", body: .json(#"{"text":"fine"}"#), [401, 201, 201, 403, 401]),
        MatrixRow(.post, "/api/v1/sessions", body: .json(#"{"kind":"strength"}"#), [401, 201, 201, 403, 401]),
        MatrixRow(.post, "/api/v1/cleared", body: .json("{}"), [401, 201, 201, 403, 401]),
        MatrixRow(.post, "/api/v1/function", body: .json(#"{"stairs":7}"#), [401, 201, 201, 403, 401]),
        MatrixRow(.get, "/api/v1/selftests", [401, 200, 200, 200, 401]),
        MatrixRow(.post, "/api/v1/selftests", body: .json(#"{"bridgeHoldSeconds":40}"#), [401, 201, 409, 403, 401]),
        MatrixRow(.get, "/api/v1/shoes", [401, 200, 200, 200, 401]),
        MatrixRow(.post, "/api/v1/shoes", body: .json(#"{"name":"Trail"}"#), [401, 201, 201, 403, 401]),
        MatrixRow(.post, "/api/v1/shoes/rename", body: .json(#"{"name":"Pegasus","newName":"Pegasus 41"}"#), [401, 200, 422, 403, 401]),
        MatrixRow(.post, "/api/v1/shoes/retire", body: .json(#"{"name":"Pegasus"}"#), [401, 200, 422, 403, 401]),
        MatrixRow(.get, "/api/v1/export", [401, 200, 200, 200, 401]),
        MatrixRow(.post, "/api/v1/restore", body: .backup, [401, 200, 200, 403, 401]),
        MatrixRow(.post, "/api/v1/import", query: "?name=run.gpx", body: .gpx, [401, 200, 200, 403, 401]),
        // Coaching, the runner's side: {link} is A's link to their coach Dee, {comment} A's
        // own comment; {invite} an invitation of A's (A coaches too), {club} A's club.
        MatrixRow(.post, "/api/v1/invitations/accept", body: .json(#"{"token":"{invite}","name":"Runner","scopes":["plan"]}"#), [401, 409, 201, 403, 401], coaches: [201, 201, 201, 201, 201, 201, 201, 201]),
        MatrixRow(.get, "/api/v1/coaches", [401, 200, 200, 200, 401]),
        MatrixRow(.patch, "/api/v1/coaches/{link}", body: .json(#"{"scopes":["plan"]}"#), [401, 200, 404, 403, 401]),
        MatrixRow(.delete, "/api/v1/coaches/{link}", [401, 204, 404, 403, 401]),
        MatrixRow(.get, "/api/v1/access-log", [401, 200, 200, 200, 401]),
        MatrixRow(.get, "/api/v1/clubs", [401, 200, 200, 200, 401]),
        MatrixRow(.get, "/api/v1/comments", [401, 200, 200, 200, 401]),
        MatrixRow(.post, "/api/v1/comments", body: .json(#"{"about":"day","body":"Sore stairs"}"#), [401, 201, 201, 403, 401]),
        MatrixRow(.get, "/api/v1/comments/new", [401, 200, 200, 200, 401]),
        MatrixRow(.post, "/api/v1/comments/seen", body: .json(#"{"through":1}"#), [401, 204, 204, 403, 401]),
        MatrixRow(.delete, "/api/v1/comments/{comment}", [401, 204, 404, 403, 401]),
        // Coaching, the coach's side: {runner} is A. Coaches: plan, status, journal, adjust,
        // pending, revoked, B's coach, A's clubmate.
        MatrixRow(.get, "/api/v1/coaching/runners", [401, 200, 200, 403, 401]),
        MatrixRow(.get, "/api/v1/coaching/runners/{runner}", [401, 404, 404, 403, 401], coaches: [200, 200, 200, 200, 404, 404, 404, 404]),
        MatrixRow(.delete, "/api/v1/coaching/runners/{runner}", [401, 404, 404, 403, 401], coaches: [204, 204, 204, 204, 404, 404, 404, 404]),
        MatrixRow(.put, "/api/v1/coaching/runners/{runner}/club", body: .json(#"{"club":null}"#), [401, 404, 404, 403, 401], coaches: [200, 200, 200, 200, 404, 404, 404, 404]),
        MatrixRow(.get, "/api/v1/coaching/runners/{runner}/today", [401, 404, 404, 403, 401], coaches: [200, 404, 404, 404, 404, 404, 404, 404]),
        MatrixRow(.get, "/api/v1/coaching/runners/{runner}/plan", [401, 404, 404, 403, 401], coaches: [200, 404, 404, 404, 404, 404, 404, 404]),
        MatrixRow(.get, "/api/v1/coaching/runners/{runner}/status", [401, 404, 404, 403, 401], coaches: [404, 200, 404, 404, 404, 404, 404, 404]),
        MatrixRow(.get, "/api/v1/coaching/runners/{runner}/journal", [401, 404, 404, 403, 401], coaches: [404, 404, 200, 404, 404, 404, 404, 404]),
        MatrixRow(.get, "/api/v1/coaching/runners/{runner}/comments", [401, 404, 404, 403, 401], coaches: [200, 200, 200, 200, 404, 404, 404, 404]),
        MatrixRow(.post, "/api/v1/coaching/runners/{runner}/comments", body: .json(#"{"about":"day","body":"Easy week"}"#), [401, 404, 404, 403, 401], coaches: [201, 201, 201, 201, 404, 404, 404, 404]),
        // {adjustment}: one Dee made on A's programme.
        MatrixRow(.get, "/api/v1/adjustments", [401, 200, 200, 200, 401]),
        MatrixRow(.post, "/api/v1/adjustments/{adjustment}/undo", [401, 200, 404, 403, 401]),
        MatrixRow(.get, "/api/v1/coaching/runners/{runner}/adjustments", [401, 404, 404, 403, 401], coaches: [404, 404, 404, 200, 404, 404, 404, 404]),
        MatrixRow(.post, "/api/v1/coaching/runners/{runner}/adjustments", body: .json(#"{"kind":"runs-per-week","value":"3","reason":"Race in May"}"#), [401, 404, 404, 403, 401], coaches: [404, 404, 404, 201, 404, 404, 404, 404]),
        MatrixRow(.post, "/api/v1/coaching/runners/{runner}/adjustments/{adjustment}/undo", [401, 404, 404, 403, 401], coaches: [404, 404, 404, 200, 404, 404, 404, 404]),
        // A's page on the coach's side ({runner} is A, not the coaching pages' Eve): each live
        // coach of A sees it, whatever the scopes; pending, revoked, another's coach and a clubmate do not.
        MatrixRow(.get, "/coach/runners/{runner}", query: "?done=comment", [303, 404, 404, 403, 401], coaches: [200, 200, 200, 200, 404, 404, 404, 404]),
        MatrixRow(.get, "/adjustments", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/adjustments/{adjustment}/undo", body: .form(""), [303, 303, 404, 403, 401]),
        MatrixRow(.post, "/coach/runners/{runner}/adjustments", body: .form("kind=runs-per-week&value=3&reason=Race+in+May"), [303, 404, 404, 403, 401], coaches: [404, 404, 404, 303, 404, 404, 404, 404]),
        MatrixRow(.post, "/coach/runners/{runner}/adjustments/{adjustment}/undo", body: .form(""), [303, 404, 404, 403, 401], coaches: [404, 404, 404, 303, 404, 404, 404, 404]),
        MatrixRow(.post, "/api/v1/coaching/invitations", body: .json(#"{"name":"Sam"}"#), [401, 201, 201, 403, 401]),
        MatrixRow(.get, "/api/v1/coaching/invitations", [401, 200, 200, 403, 401]),
        MatrixRow(.delete, "/api/v1/coaching/invitations/{invitation}", [401, 204, 404, 403, 401]),
        MatrixRow(.post, "/api/v1/coaching/clubs", body: .json(#"{"name":"Tuesday group"}"#), [401, 201, 201, 403, 401]),
        MatrixRow(.get, "/api/v1/coaching/clubs", [401, 200, 200, 403, 401]),
        MatrixRow(.get, "/api/v1/coaching/clubs/{club}", [401, 200, 404, 403, 401]),
        MatrixRow(.delete, "/api/v1/coaching/clubs/{club}", [401, 204, 404, 403, 401]),
        // The web pages: a visitor is sent to sign in (303); a runner without a profile (B) to
        // the first steps; A's entry is not B's (404); a token reads pages, but no form takes one.
        MatrixRow(.get, "/", [303, 303, 303, 303, 401]),
        MatrixRow(.get, "/favicon.ico", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/manifest.webmanifest", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/static/{name}", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/sw.js", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/signin", [200, 303, 303, 303, 401]),
        MatrixRow(.get, "/signup", [200, 303, 303, 303, 401]),
        MatrixRow(.post, "/signin", body: .form("login=ana&password=ana%27s+long+passphrase"), [303, 303, 303, 403, 401]),
        MatrixRow(.post, "/signup", body: .form("login=cy&password=cy%27s+long+passphrase"), [303, 303, 303, 403, 401]),
        MatrixRow(.post, "/signout", body: .form(""), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/today", [303, 200, 303, 200, 401]),
        MatrixRow(.get, "/plan", [303, 200, 303, 200, 401]),
        MatrixRow(.get, "/status", [303, 200, 303, 200, 401]),
        MatrixRow(.get, "/journal", [303, 200, 200, 200, 401]),
        MatrixRow(.get, "/journal/{name}", [303, 200, 404, 200, 401]),
        MatrixRow(.post, "/journal/{name}", body: .form("when=after&level=5"), [303, 303, 404, 403, 401]),
        MatrixRow(.post, "/journal/{name}/delete", body: .form(""), [303, 303, 404, 403, 401]),
        MatrixRow(.post, "/journal/undo", body: .form(""), [303, 409, 409, 403, 401]),
        MatrixRow(.get, "/log", [303, 200, 200, 200, 401]),
        MatrixRow(.get, "/log/pain", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/log/pain", body: .form("when=after&level=2"), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/log/run", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/log/run", body: .form("distanceKm=5&duration=30%3A00"), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/log/note", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/log/note", body: .form("text=fine"), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/log/cleared", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/log/cleared", body: .form(""), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/log/function", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/log/function", body: .form("stairs=7"), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/evidence", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/exercises", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/exercises/{id}", [200, 200, 200, 200, 401]),
        MatrixRow(.get, "/import", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/import", body: .upload(backup: false), [303, 200, 200, 403, 401]),
        MatrixRow(.get, "/more", [303, 200, 200, 200, 401]),
        MatrixRow(.get, "/settings", [303, 200, 200, 403, 401]),
        MatrixRow(.get, "/settings/export", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/settings/restore", body: .upload(backup: true), [303, 303, 303, 403, 401]),
        MatrixRow(.post, "/settings/calendar-feed", body: .form(""), [303, 201, 201, 403, 401]),
        MatrixRow(.post, "/settings/password", body: .form("current=ana%27s+long+passphrase&new=a+new+long+passphrase"), [303, 303, 403, 403, 401]),
        MatrixRow(.post, "/settings/signout-everywhere", body: .form(""), [303, 303, 303, 403, 401]),
        MatrixRow(.post, "/settings/tokens", body: .form("name=new&scope=read"), [303, 201, 201, 403, 401]),
        MatrixRow(.post, "/settings/tokens/{id}/revoke", body: .form(""), [303, 303, 404, 403, 401]),
        MatrixRow(.post, "/settings/delete", body: .form("password=ana%27s+long+passphrase"), [303, 303, 403, 403, 401]),
        MatrixRow(.get, "/shoes", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/shoes", body: .form("name=Trail"), [303, 303, 303, 403, 401]),
        MatrixRow(.post, "/shoes/rename", body: .form("name=Pegasus&newName=Pegasus+41"), [303, 303, 422, 403, 401]),
        MatrixRow(.post, "/shoes/retire", body: .form("name=Pegasus"), [303, 303, 422, 403, 401]),
        MatrixRow(.get, "/welcome", [303, 200, 200, 200, 401]),
        MatrixRow(.get, "/welcome/about", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/welcome/about", body: .form("age=41"), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/welcome/running", [303, 200, 303, 200, 401]),
        MatrixRow(.post, "/welcome/running", body: .form("runsPerWeek=3&weeklyDistanceKm=20&longestRecentRunKm=8&minutesPerDay=30"), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/welcome/knee", [303, 200, 303, 200, 401]),
        MatrixRow(.post, "/welcome/knee", body: .form("level=2&location=front&sinceWeeks=4"), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/welcome/tests", [303, 200, 303, 200, 401]),
        MatrixRow(.get, "/welcome/tests/{number}", [303, 200, 303, 200, 401]),
        MatrixRow(.post, "/welcome/tests/{number}", body: .form("left=30&right=30&results="), [303, 200, 200, 403, 401]),
        MatrixRow(.get, "/static/breath.css", [200, 200, 200, 200, 401]),
        // {kind}: A's guided session today (on a day without one, A's answer is 404).
        MatrixRow(.get, "/session/{kind}", [303, 200, 303, 200, 401]),
        MatrixRow(.post, "/session/{kind}", body: .form("pain=2&effort=4&sets-{exercise}=1"), [303, 303, 303, 403, 401]),
    ]

    /// Every row × the first five actors; the coaching actors on the coaching rows (elsewhere
    /// they read their own data, as B does, and repeating B's cells only lengthened the run).
    static let cells: [MatrixCell] = allRows.flatMap { row in
        Actor.allCases.filter { row.coachesOwnColumn || !Actor.coaching.contains($0) }.map { MatrixCell(row: row, actor: $0) }
    }
}

@Suite struct AuthorizationMatrixTests {
    @Test func everyRouteHasARow() async throws {
        let server = try await TestServer.make()
        let routes = Set(server.router.routes.map { "\($0.method) \($0.path)" })
        await server.close()
        let rows = Set(AuthorizationMatrix.allRows.map(\.route))
        #expect(routes.subtracting(rows).sorted() == [], "routes without an authorization decision")
        #expect(rows.subtracting(routes).sorted() == [], "rows for routes that do not exist")
        #expect(AuthorizationMatrix.allRows.allSatisfy { $0.expected.count == Actor.allCases.count })
    }

    @Test(arguments: Engine.available, AuthorizationMatrix.cells)
    func cell(_ engine: Engine, _ cell: MatrixCell) async throws {
        let server = try await TestServer.make(engine: engine)
        try await server.run { client in
            // Runner A: the admin, with a profile, a pain entry, a read token, a revoked token and a feed.
            let a = try await client.signUp("ana", password: AuthorizationMatrix.passwordA)
            let b = try await client.signUp("bo", password: AuthorizationMatrix.passwordB)
            _ = try await client.send(.put, "/api/v1/profile", as: a, json: APITests.exampleProfileText)
            let pain = try await client.send(.post, "/api/v1/pain", as: a, json: #"{"when":"after","level":3}"#)
            let name = try #require(try pain.object()["id"] as? String)
            let read = try await client.token(a, scopes: ["read"], name: "reader")
            let revoked = try await client.token(a, scopes: ["read", "journal:write"], name: "old")
            #expect(try await client.send(.delete, "/api/v1/tokens/\(revoked.id)", as: a).status == .noContent)
            let feed = try await client.send(.post, "/api/v1/calendar-feed", as: a).object()["url"] as? String ?? ""
            #expect(try await client.send(.post, "/api/v1/shoes", as: a, json: #"{"name":"Pegasus","startKm":100}"#).status == .created)
            let backup = try await client.send(.get, "/api/v1/export", as: a).text
            let feedToken = String(feed.split(separator: "/").last ?? "")
            let coaching = try await CoachingFixture.make(client, server: server, a: a, b: b, actor: cell.actor)
            let pages = try await CoachingPagesFixture.make(server, client, row: cell.row)

            let credential: Credential =
                switch cell.actor {
                case .anonymous: .none
                case .owner: a
                case .other: b
                case .readToken: .token(read.token)
                case .revokedToken: .token(revoked.token)
                default: try #require(coaching.actor)
                }
            let exercise = server.state.library.exercises[0].id
            let guided = try await client.send(.get, "/api/v1/today", as: a).object()["sessions"] as? [[String: Any]] ?? []
            let session = guided.first { ($0["kind"] as? String).map { $0 != "run" && $0 != "rest" } ?? false }
            let kind = session?["kind"] as? String
            let firstItem = ((session?["items"] as? [[String: Any]])?.first?["exercise"] as? String) ?? "none"
            let uri = pages.fill(cell.row.path).replacingOccurrences(of: "/static/{name}", with: "/static/app.css")
                .replacingOccurrences(of: "{number}", with: "1")
                .replacingOccurrences(of: "{kind}", with: kind ?? "strength")
                .replacingOccurrences(of: "{name}", with: name)
                .replacingOccurrences(of: "{token}", with: feedToken)
                .replacingOccurrences(of: "{runner}", with: String(coaching.runnerA))
                .replacingOccurrences(of: "{link}", with: String(coaching.linkA))
                .replacingOccurrences(of: "{comment}", with: String(coaching.commentA))
                .replacingOccurrences(of: "{invitation}", with: String(coaching.invitationA))
                .replacingOccurrences(of: "{club}", with: String(coaching.clubA))
                .replacingOccurrences(of: "{adjustment}", with: String(coaching.adjustmentA))
                .replacingOccurrences(of: "{login}", with: "ana")
                .replacingOccurrences(of: "{id}", with: cell.row.path.contains("exercises") ? exercise : String(read.id))
                + pages.fill(cell.row.query)
            let before = try await Snapshot.of(server, login: "ana")
            let response: TestResponse
            switch cell.row.body {
            case .none: response = try await client.send(cell.row.method, uri, as: credential)
            case .json(let json):
                let filled = json.replacingOccurrences(of: "{invite}", with: coaching.inviteA)
                response = try await client.send(cell.row.method, uri, as: credential, json: filled)
            case .gpx: response = try await client.send(cell.row.method, uri, as: credential, bytes: Array(AuthorizationMatrix.gpx.utf8))
            case .backup: response = try await client.send(cell.row.method, uri, as: credential, json: backup)
            case .form, .upload:
                let token = SecretToken.make()
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                var cookies = ["__Host-kc_csrf=\(token)"]
                switch credential {
                case .cookie(let session): cookies.append(session)
                case .token(let secret): headers[.authorization] = "Bearer \(secret)"
                case .none: break
                }
                headers[.cookie] = cookies.joined(separator: "; ")
                if case .upload(let isBackup) = cell.row.body {
                    let boundary = "matrix-boundary"
                    headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
                    let (field, file, content) = isBackup ? ("backup", "backup.json", backup) : ("files", "run.gpx", AuthorizationMatrix.gpx)
                    let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(file)\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n\(content)\r\n--\(boundary)--\r\n"
                    response = try await client.execute(
                        uri: uri + "?csrf=\(token)", method: cell.row.method, headers: headers, body: ByteBuffer(string: body))
                } else if case .form(let fields) = cell.row.body {
                    let filled = pages.fill(fields).replacingOccurrences(of: "{exercise}", with: firstItem)
                        .replacingOccurrences(of: "{login}", with: "ana")
                    let body = "csrf=\(token)" + (filled.isEmpty ? "" : "&" + filled)
                    response = try await client.execute(uri: uri, method: cell.row.method, headers: headers, body: ByteBuffer(string: body))
                } else {
                    preconditionFailure("a page body")
                }
            }
            var expected = try #require(cell.row.expected[cell.actor])
            if cell.row.path.contains("{kind}"), kind == nil, cell.actor == .owner || cell.actor == .readToken, expected != 403 {
                expected = 404
            }
            #expect(Int(response.status.code) == expected, "\(cell.testDescription): \(response.text)")
            // Refused: an error, or a page sending a visitor to sign in.
            let sentToSignIn =
                cell.row.isPage && cell.actor == .anonymous && response.headers[.location]?.hasPrefix("/signin") == true
            if response.status.code >= 400 || sentToSignIn {
                if !cell.row.isPage || response.status == .unauthorized {
                    #expect(response.headers[.contentType] == "application/problem+json")
                } else if response.status.code >= 400 {
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                }
                #expect(try await Snapshot.of(server, login: "ana") == before, "a refused request changed A's rows")
            }
        }
    }
}

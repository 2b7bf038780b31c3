import Foundation
import HummingbirdTesting
import KneeCoachApp
import KneeCoachServer
import KneeCoachStore
import Testing

/// The coaching pages' rows of the authorization matrix, kept apart from the API's rows.
///
/// In these rows runner A (`owner`) is both a coach and a runner: A coaches Eve (`{runner}`),
/// has a club (`{club}`) and an unused invitation (`{invitation}`), and is coached by Dee
/// (`{link}`, A's link to Dee); Fay's invitation link waits for whoever joins (`{secret}`).
/// Runner B (`other`) coaches nobody and has no coach: each of A's links, clubs and
/// invitations is 404 to B. A's `read` token may read A's own pages, not a coach's (that
/// takes `coaching`), and no form takes a token.
extension AuthorizationMatrix {
    //                                             anonymous owner other readToken revokedToken
    static let coachingPageRows: [MatrixRow] = [
        MatrixRow(.get, "/coaches", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/coaches/{link}/scopes", body: .form("scope=plan"), [303, 303, 404, 403, 401]),
        MatrixRow(.post, "/coaches/{link}/board", body: .form("share=true"), [303, 303, 404, 403, 401]),
        MatrixRow(.post, "/coaches/{link}/revoke", body: .form(""), [303, 303, 404, 403, 401]),
        MatrixRow(.get, "/join", query: "?token={secret}", [303, 200, 200, 403, 401]),
        MatrixRow(.post, "/join", body: .form("token={secret}&name=Runner&scope=plan"), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/access-log", [303, 200, 200, 200, 401]),
        MatrixRow(.post, "/comments", body: .form("body=Fine+today"), [303, 303, 303, 403, 401]),
        MatrixRow(.post, "/comments/seen", body: .form("through=1"), [303, 303, 303, 403, 401]),
        MatrixRow(.post, "/journal/{name}/comments", body: .form("body=About+this"), [303, 303, 404, 403, 401]),
        MatrixRow(.get, "/coach", [303, 200, 200, 403, 401]),
        MatrixRow(.get, "/coach/invite", [303, 200, 200, 403, 401]),
        MatrixRow(.post, "/coach/invite", body: .form("name=Coach&kind=link&days=14"), [303, 201, 201, 403, 401]),
        MatrixRow(.post, "/coach/invitations/{invitation}/withdraw", body: .form(""), [303, 303, 404, 403, 401]),
        MatrixRow(.get, "/coach/runners/{runner}", [303, 200, 404, 403, 401]),
        MatrixRow(.post, "/coach/runners/{runner}/comments", body: .form("body=Easy+today"), [303, 303, 404, 403, 401]),
        MatrixRow(.post, "/coach/runners/{runner}/leave", body: .form(""), [303, 303, 404, 403, 401]),
        MatrixRow(.post, "/coach/runners/{runner}/club", body: .form("club={club}"), [303, 303, 404, 403, 401]),
        MatrixRow(.get, "/coach/clubs", [303, 200, 200, 403, 401]),
        MatrixRow(.post, "/coach/clubs", body: .form("name=Harriers"), [303, 303, 303, 403, 401]),
        MatrixRow(.get, "/coach/clubs/{club}", [303, 200, 404, 403, 401]),
        MatrixRow(.post, "/coach/clubs/{club}/delete", body: .form(""), [303, 303, 404, 403, 401]),
    ]

    /// Every row: the API's and pages' (``rows``), the coaching pages' and the admin's.
    static var allRows: [MatrixRow] { rows + coachingPageRows + adminRows }
}

/// The links, club and invitations the coaching pages' rows name, made only for those rows.
struct CoachingPagesFixture: Sendable {
    var values: [String: String] = [:]

    static func make(_ server: TestServer, _ client: any TestClientProtocol, row: MatrixRow) async throws -> CoachingPagesFixture {
        guard AuthorizationMatrix.coachingPageRows.contains(where: { $0.route == row.route && $0.query == row.query }) else {
            return CoachingPagesFixture()
        }
        let coaching = server.state.coaching
        let ana = try #require(try await server.state.store.account(login: "ana")).userID
        var users: [String: UserID] = [:]
        for login in ["dee", "eve", "fay"] {
            let session = try await client.signUp(login)
            if login == "eve" { _ = try await client.send(.put, "/api/v1/profile", as: session, json: APITests.exampleProfileText) }
            users[login] = try #require(try await server.state.store.account(login: login)).userID
        }
        let dee = try #require(users["dee"]), eve = try #require(users["eve"]), fay = try #require(users["fay"])
        let fromDee = try await coaching.invite(coach: dee, coachName: "Dee")
        let link = try await coaching.accept(fromDee.secrets[0], runner: ana, runnerName: "Ana", scopes: [.plan, .status])
        let toEve = try await coaching.invite(coach: ana, coachName: "Ana")
        _ = try await coaching.accept(toEve.secrets[0], runner: eve, runnerName: "Eve", scopes: [.plan, .status, .journal])
        let club = try await coaching.createClub(coach: ana, name: "Harriers")
        let unused = try await coaching.invite(coach: ana, coachName: "Ana", codes: 1)
        let fromFay = try await coaching.invite(coach: fay, coachName: "Fay")
        return CoachingPagesFixture(values: [
            "{link}": String(link.id), "{runner}": String(eve.rawValue), "{club}": String(club.id),
            "{invitation}": String(unused.invitations[0].id), "{secret}": fromFay.secrets[0],
        ])
    }

    /// `text` with the fixture's placeholders filled.
    func fill(_ text: String) -> String {
        values.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
}

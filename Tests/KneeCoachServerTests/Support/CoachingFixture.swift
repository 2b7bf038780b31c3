import Foundation
import HummingbirdTesting
import KneeCoachApp
import KneeCoachServer
import KneeCoachStore
import Testing

/// What the authorization matrix sets up for coaching: A's coach Deb (every scope), an
/// invitation and a club of A's own (A coaches too), a comment of A's, and the actor of the
/// cell when it is a coach or a clubmate, linked as its name says.
struct CoachingFixture {
    let runnerA: Int64
    let linkA: Int64
    let commentA: Int64
    let invitationA: Int64
    let inviteA: String
    let clubA: Int64
    let adjustmentA: Int64
    let actor: Credential?

    static let allScopes = #"["plan","status","journal","adjust"]"#

    static func make(
        _ client: any TestClientProtocol, server: TestServer, a: Credential, b: Credential, actor: Actor
    ) async throws -> CoachingFixture {
        let runnerA = try #require(try await server.state.store.account(login: "ana")).userID.rawValue
        let dee = try await client.signUp("deb")
        let linkA = try await link(client, coach: dee, runner: a, scopes: allScopes)
        let comment = try await client.send(.post, "/api/v1/comments", as: a, json: #"{"about":"day","body":"Knee fine"}"#)
        let mine = try await client.send(.post, "/api/v1/coaching/invitations", as: a, json: #"{"name":"Ana"}"#)
        let invitation = try #require((try mine.object()["invitations"] as? [[String: Any]])?.first)
        let club = try await client.send(.post, "/api/v1/coaching/clubs", as: a, json: #"{"name":"Ana's group"}"#)
        let adjustment = try await client.send(
            .post, "/api/v1/coaching/runners/\(runnerA)/adjustments", as: dee,
            json: #"{"kind":"pause-running","value":"3","reason":"Sore after the race"}"#)
        #expect(adjustment.status == .created, "\(adjustment.text)")
        var credential: Credential?
        if Actor.coaching.contains(actor) {
            let coach = try await client.signUp(actor.rawValue.lowercased())
            credential = coach
            switch actor {
            case .coachPlan: _ = try await link(client, coach: coach, runner: a, scopes: #"["plan"]"#)
            case .coachStatus: _ = try await link(client, coach: coach, runner: a, scopes: #"["status"]"#)
            case .coachJournal: _ = try await link(client, coach: coach, runner: a, scopes: #"["journal"]"#)
            case .coachAdjust: _ = try await link(client, coach: coach, runner: a, scopes: #"["adjust"]"#)
            case .coachPending:
                _ = try await client.send(.post, "/api/v1/coaching/invitations", as: coach, json: #"{"name":"Pat"}"#)
            case .coachRevoked:
                let id = try await link(client, coach: coach, runner: a, scopes: allScopes)
                #expect(try await client.send(.delete, "/api/v1/coaches/\(id)", as: a).status == .noContent)
            case .coachOfOther: _ = try await link(client, coach: coach, runner: b, scopes: allScopes)
            case .clubmate:
                // Dee's club: A and the clubmate each accept one of its codes and join the board.
                let made = try await client.send(.post, "/api/v1/coaching/clubs", as: dee, json: #"{"name":"Dee's club"}"#)
                let clubID = try #require(try made.object()["id"] as? Int)
                for runner in [a, coach] {
                    let id = try await link(client, coach: dee, runner: runner, scopes: #"["status"]"#, club: clubID)
                    let shared = try await client.send(.patch, "/api/v1/coaches/\(id)", as: runner, json: #"{"sharesBoard":true}"#)
                    #expect(shared.status == .ok, "\(shared.text)")
                }
            default: break
            }
        }
        return CoachingFixture(
            runnerA: runnerA, linkA: linkA, commentA: try #require(try comment.object()["id"] as? Int64),
            invitationA: try #require(invitation["id"] as? Int64), inviteA: try #require(invitation["secret"] as? String),
            clubA: try #require(try club.object()["id"] as? Int64),
            adjustmentA: try #require(try adjustment.object()["id"] as? Int64), actor: credential)
    }

    /// `coach` invites, `runner` accepts with `scopes`; the link's id.
    static func link(
        _ client: any TestClientProtocol, coach: Credential, runner: Credential, scopes: String, club: Int? = nil
    ) async throws -> Int64 {
        let clubField = club.map { #","codes":1,"club":\#($0)"# } ?? ""
        let invited = try await client.send(.post, "/api/v1/coaching/invitations", as: coach, json: #"{"name":"Coach"\#(clubField)}"#)
        #expect(invited.status == .created, "\(invited.text)")
        let secret = try #require((try invited.object()["invitations"] as? [[String: Any]])?.first?["secret"] as? String)
        let accepted = try await client.send(
            .post, "/api/v1/invitations/accept", as: runner,
            json: #"{"token":"\#(secret)","name":"Runner","scopes":\#(scopes)}"#)
        #expect(accepted.status == .created, "\(accepted.text)")
        return try #require(try accepted.object()["id"] as? Int64)
    }
}

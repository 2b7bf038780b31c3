import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The coach's side: invitations, the dashboard, each linked runner's data within what they
/// granted (every read logged in the runner's access log), comments, clubs, and leaving.
/// Invitations, clubs and leaving need the coach's session; the rest a session or a token with
/// the `coaching` scope. A runner who is not linked, or did not grant what is asked, is 404.
struct CoachingRoutes {
    let state: ServerState

    struct NewInvitation: APIBody {
        static let fields: Set<String> = ["name", "codes", "labels", "club", "days"]

        let name: String
        let codes: Int?
        let labels: [String]?
        let club: Int64?
        let days: Int?
    }

    struct NewClub: APIBody {
        static let fields: Set<String> = ["name"]

        let name: String
    }

    struct ClubMove: APIBody {
        static let fields: Set<String> = ["club"]

        let club: Int64?
    }

    struct InvitationsDocument: Encodable {
        let invitations: [InvitationDocument]
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        let coaching = api.group("coaching")
        registerInvitations(on: coaching)
        registerClubs(on: coaching)
        coaching.get("runners") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.coaching)
            return try JSONResponse.make(DashboardDocument(try await state.coaching.dashboard(coach: caller.userID)))
        }
        coaching.get("runners/:runner") { _, context in
            let access = try await CoachAccess.coached(context, state: state, needing: nil, what: nil)
            return try JSONResponse.make(CoachLinkDocument(access.link))
        }
        coaching.delete("runners/:runner") { _, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            let access = try await CoachAccess.coached(context, state: state, needing: nil, what: nil)
            try await state.endLink(access.link.id, by: caller.userID)
            return JSONResponse.noContent
        }
        coaching.put("runners/:runner/club") { request, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            let body = try await request.decodeJSON(ClubMove.self, limit: state.configuration.maxJSONBytes)
            let access = try await CoachAccess.coached(context, state: state, needing: nil, what: nil)
            try await state.coaching.move(link: access.link.id, coach: caller.userID, toClub: body.club)
            return try JSONResponse.make(CoachLinkDocument(try await state.coaching.link(coach: caller.userID, runner: access.runner)))
        }
        let routes = CoachRoutes(state: state)
        coaching.get("runners/:runner/today") { request, context in
            let access = try await CoachAccess.coached(context, state: state, needing: .plan, what: "today")
            return try await routes.today(request, journal: access.journal)
        }
        coaching.get("runners/:runner/plan") { request, context in
            let access = try await CoachAccess.coached(context, state: state, needing: .plan, what: "plan")
            return try JSONResponse.make(PlanDocument(try await routes.plan(request, journal: access.journal), library: state.library))
        }
        coaching.get("runners/:runner/status") { request, context in
            let access = try await CoachAccess.coached(context, state: state, needing: .status, what: "status")
            return try await routes.status(request, journal: access.journal)
        }
        coaching.get("runners/:runner/journal") { request, context in
            let access = try await CoachAccess.coached(context, state: state, needing: .journal, what: "journal")
            return try await JournalRoutes.list(request, journal: access.journal)
        }
        coaching.get("runners/:runner/comments") { request, context in
            let access = try await CoachAccess.coached(context, state: state, needing: nil, what: "comments")
            return try await CommentRoutes.list(request, journal: access.journal, link: access.link)
        }
        coaching.post("runners/:runner/comments") { request, context in
            let access = try await CoachAccess.coached(context, state: state, needing: nil, what: nil)
            let body = try await request.decodeJSON(CommentRoutes.NewComment.self, limit: state.configuration.maxJSONBytes)
            return try await CommentRoutes.add(body, journal: access.journal, through: access.link)
        }
    }

    private func registerInvitations(on coaching: RouterGroup<ServerRequestContext>) {
        coaching.post("invitations") { request, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            let body = try await request.decodeJSON(NewInvitation.self, limit: state.configuration.maxJSONBytes)
            let made = try await state.coaching.invite(
                coach: caller.userID, coachName: body.name, codes: body.codes, labels: body.labels ?? [], clubID: body.club,
                days: body.days ?? 14)
            let documents = zip(made.invitations, made.secrets).map { InvitationDocument($0, secret: $1) }
            return try JSONResponse.make(InvitationsDocument(invitations: documents), status: .created)
        }
        coaching.get("invitations") { _, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            let invitations = try await state.coaching.invitations(coach: caller.userID).map { InvitationDocument($0) }
            return try JSONResponse.make(InvitationsDocument(invitations: invitations))
        }
        coaching.delete("invitations/:invitation") { _, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            guard let id = context.parameters.get("invitation", as: Int64.self) else { throw Problem.notFound("invitation") }
            try await state.coaching.withdraw(invitation: id, coach: caller.userID)
            return JSONResponse.noContent
        }
    }

    private func registerClubs(on coaching: RouterGroup<ServerRequestContext>) {
        coaching.post("clubs") { request, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            let body = try await request.decodeJSON(NewClub.self, limit: state.configuration.maxJSONBytes)
            return try JSONResponse.make(
                ClubDocument(try await state.coaching.createClub(coach: caller.userID, name: body.name)), status: .created)
        }
        coaching.get("clubs") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.coaching)
            return try JSONResponse.make(try await state.coaching.clubs(coach: caller.userID).map { ClubDocument($0) })
        }
        coaching.get("clubs/:club") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.coaching)
            guard let id = context.parameters.get("club", as: Int64.self) else { throw Problem.notFound("club") }
            return try JSONResponse.make(ClubDocument(try await state.coaching.clubForCoach(id, coach: caller.userID)))
        }
        coaching.delete("clubs/:club") { _, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            guard let id = context.parameters.get("club", as: Int64.self) else { throw Problem.notFound("club") }
            try await state.coaching.deleteClub(id, coach: caller.userID)
            return JSONResponse.noContent
        }
    }
}

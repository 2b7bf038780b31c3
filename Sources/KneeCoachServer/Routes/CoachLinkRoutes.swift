import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The runner's side of coaching: accepting an invitation, their coaches and what each may
/// see (changed or revoked with the runner's session, effective from the coach's next
/// request), the access log, and their clubs.
struct CoachLinkRoutes {
    let state: ServerState

    struct Acceptance: APIBody {
        static let fields: Set<String> = ["token", "name", "scopes"]

        let token: String
        let name: String
        let scopes: [String]
    }

    struct LinkChange: APIBody {
        static let fields: Set<String> = ["scopes", "sharesBoard"]

        let scopes: [String]?
        let sharesBoard: Bool?
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.post("invitations/accept") { request, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            let body = try await request.decodeJSON(Acceptance.self, limit: state.configuration.maxJSONBytes)
            let link = try await state.coaching.accept(
                body.token, runner: caller.userID, runnerName: body.name, scopes: try CoachScope.parse(body.scopes))
            return try JSONResponse.make(CoachLinkDocument(link), status: .created)
        }
        api.get("coaches") { _, context in
            let access = try RunnerAccess.own(context, state: state, scope: .read)
            return try JSONResponse.make(try await state.coaching.coaches(of: access.runner).map(CoachLinkDocument.init))
        }
        api.patch("coaches/:link") { request, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            guard let id = context.parameters.get("link", as: Int64.self) else { throw Problem.notFound("coach") }
            let body = try await request.decodeJSON(LinkChange.self, limit: state.configuration.maxJSONBytes)
            let scopes = try body.scopes.map { try CoachScope.parse($0) }
            let link = try await state.coaching.update(link: id, runner: caller.userID, scopes: scopes, sharesBoard: body.sharesBoard)
            return try JSONResponse.make(CoachLinkDocument(link))
        }
        api.delete("coaches/:link") { _, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            guard let id = context.parameters.get("link", as: Int64.self),
                try await state.coaching.coaches(of: caller.userID).contains(where: { $0.id == id })
            else { throw Problem.notFound("coach") }
            try await state.endLink(id, by: caller.userID)
            return JSONResponse.noContent
        }
        api.get("access-log") { _, context in
            let access = try RunnerAccess.own(context, state: state, scope: .read)
            return try JSONResponse.make(try await access.journal.accessLog().map(AccessLogDocument.init))
        }
        api.get("clubs") { _, context in
            let access = try RunnerAccess.own(context, state: state, scope: .read)
            return try JSONResponse.make(try await state.coaching.clubsForRunner(access.runner).map(ClubDocument.init))
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// A coach's clubs: make one, list them, remove one (its runners stay linked, in no club),
/// and a club's board of adherence as the coach sees it: sessions and weeks in a row of
/// every runner in it who shares their status, never pain or notes.
struct ClubPages {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct ClubRow {
        let id: Int64
        let name: String
        let runners: Int
    }

    struct ClubsView {
        let frame: PageFrame
        let clubs: [ClubRow]
        let empty: Bool
        let name: String
        let error: String?
    }

    struct ClubView {
        let frame: PageFrame
        let id: Int64
        let name: String
        let board: [Coaching.BoardRow]
        let empty: Bool
        /// Runners of the club who share no status, and so are not on the board.
        let unshared: Int?
    }

    func register(on web: RouterGroup<ServerRequestContext>) {
        web.get("coach/clubs") { request, context in
            try await clubsPage(request, context)
        }
        web.post("coach/clubs") { request, context in
            let caller = try context.requireCaller()
            let name = context.page.form["name"] ?? ""
            do {
                _ = try await state.coaching.createClub(coach: caller.userID, name: name)
            } catch let error as CoachingError where Problem.of(error).refusesAValue {
                let problem = Problem.of(error)
                return try await clubsPage(request, context, name: name, error: problem.detail, status: problem.status)
            }
            return PageResponse.redirect(to: "/coach/clubs?done=club")
        }
        web.get("coach/clubs/:club") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.coaching)
            let id = try Self.clubID(context)
            let club = try await state.coaching.clubForCoach(id, coach: caller.userID)
            let members = try await state.coaching.runners(of: caller.userID).filter { $0.clubID == id }
            let view = ClubView(
                frame: try await pages.frame(club.club.name, request, context, section: "more"), id: id, name: club.club.name,
                board: club.board, empty: club.board.isEmpty, unshared: members.count > club.board.count ? members.count - club.board.count : nil)
            return pages.render("coach-club", view)
        }
        web.post("coach/clubs/:club/delete") { _, context in
            let caller = try context.requireCaller()
            try await state.coaching.deleteClub(try Self.clubID(context), coach: caller.userID)
            return PageResponse.redirect(to: "/coach/clubs?done=club-deleted")
        }
    }

    static func clubID(_ context: ServerRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("club", as: Int64.self) else { throw CoachingError.notFound("club") }
        return id
    }

    private func clubsPage(
        _ request: Request, _ context: ServerRequestContext, name: String = "", error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = try context.requireCaller()
        try caller.require(.coaching)
        let clubs = try await state.coaching.clubs(coach: caller.userID)
        let runners = try await state.coaching.runners(of: caller.userID)
        let rows = clubs.map { club in ClubRow(id: club.id, name: club.name, runners: runners.filter { $0.clubID == club.id }.count) }
        let view = ClubsView(
            frame: try await pages.frame("Clubs", request, context, section: "more"), clubs: rows, empty: rows.isEmpty, name: name,
            error: error)
        return pages.render("coach-clubs", view, status: status)
    }
}

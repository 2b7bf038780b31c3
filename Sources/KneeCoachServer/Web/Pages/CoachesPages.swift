import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The runner's side of coaching: who coaches them and what each may see (changed or revoked
/// at any time, from the next request), a club's board of adherence for those who opt in,
/// accepting an invitation, and the access log of every read a coach made. The same
/// ``Coaching`` use cases as the API; the runner's own session only for consent.
struct CoachesPages {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct ScopeChoice {
        let value: String
        let label: String
        let summary: String
        let checked: Bool
    }

    struct CoachRow {
        let id: Int64
        let coachName: String
        /// The name the coach sees for this runner.
        let runnerName: String
        let since: String
        let scopes: [ScopeChoice]
        let club: String?
        let sharesBoard: Bool
        let board: [Coaching.BoardRow]
        let hasBoard: Bool
        let error: String?
    }

    struct CoachesView {
        let frame: PageFrame
        let coaches: [CoachRow]
        let empty: Bool
    }

    struct JoinView {
        let frame: PageFrame
        /// The invitation's secret, sent again with the answer; empty before one is given.
        let token: String
        let coachName: String?
        let runnerName: String
        let scopes: [ScopeChoice]
        let error: String?
    }

    struct LogRow {
        let when: String
        let coach: String
        let what: String
    }

    struct AccessLogView {
        let frame: PageFrame
        let rows: [LogRow]
        let empty: Bool
    }

    /// A refusal beside one coach's form, with the scopes as they were ticked.
    struct Refusal {
        let link: Int64
        let detail: String
        let scopes: [String]
    }

    /// The most rows the access log page shows.
    static let accessLogRows = 200

    func register(on web: RouterGroup<ServerRequestContext>) {
        web.get("coaches") { request, context in
            try await coachesPage(request, context)
        }
        web.post("coaches/:link/scopes") { request, context in
            let caller = try context.requireCaller()
            let id = try Self.linkID(context)
            let ticked = context.page.form.all("scope")
            do {
                let scopes = try CoachScope.parse(ticked)
                _ = try await state.coaching.update(link: id, runner: caller.userID, scopes: scopes, sharesBoard: nil)
            } catch let error as CoachingError where error != .notFound("coach") {
                let problem = Problem.of(error)
                return try await coachesPage(request, context, refusal: Refusal(link: id, detail: problem.detail, scopes: ticked), status: problem.status)
            }
            return PageResponse.redirect(to: "/coaches?done=scopes")
        }
        web.post("coaches/:link/board") { _, context in
            let caller = try context.requireCaller()
            let share = context.page.form.isChecked("share")
            _ = try await state.coaching.update(link: try Self.linkID(context), runner: caller.userID, scopes: nil, sharesBoard: share)
            return PageResponse.redirect(to: "/coaches?done=" + (share ? "board" : "board-off"))
        }
        web.post("coaches/:link/revoke") { _, context in
            let caller = try context.requireCaller()
            let id = try Self.linkID(context)
            // Only the runner's own links: a coach's "leave" is on the coach's runner page.
            guard try await state.coaching.coaches(of: caller.userID).contains(where: { $0.id == id }) else {
                throw CoachingError.notFound("coach")
            }
            try await state.endLink(id, by: caller.userID)
            return PageResponse.redirect(to: "/coaches?done=revoked")
        }
        web.get("join") { request, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            guard let token = request.uri.queryParameters["token"].map(String.init)?.trimmingCharacters(in: .whitespaces),
                !token.isEmpty
            else {
                return try await joinPage(request, context, token: "", coachName: nil, error: nil)
            }
            do {
                let invitation = try await state.coaching.peek(token, runner: caller.userID)
                if invitation.coachID == caller.userID { throw CoachingError.ownInvitation }
                return try await joinPage(request, context, token: token, coachName: invitation.coachName, error: nil)
            } catch let error as CoachingError {
                return try await joinRefused(error, request, context, token: "", coachName: nil)
            }
        }
        web.post("join") { request, context in
            let caller = try context.requireCaller()
            let form = context.page.form
            let token = form.text("token") ?? ""
            let ticked = form.all("scope")
            let name = form["name"] ?? ""
            do {
                let scopes = try CoachScope.parse(ticked)
                _ = try await state.coaching.accept(token, runner: caller.userID, runnerName: name, scopes: scopes)
            } catch let error as CoachingError {
                // A bad name or no scope: the same invitation again, with what was typed.
                let keeps = Problem.of(error).refusesAValue && error != .ownInvitation
                return try await joinRefused(
                    error, request, context, token: keeps ? token : "", coachName: keeps ? form.text("coach") : nil,
                    runnerName: name, scopes: ticked)
            }
            return PageResponse.redirect(to: "/coaches?done=joined")
        }
        web.get("access-log") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.read)
            let log = try await state.journal(for: caller.userID).accessLog(limit: Self.accessLogRows)
            let rows = log.map { LogRow(when: CoachingText.time($0.at), coach: $0.coachName, what: $0.what) }
            return pages.render(
                "access-log",
                AccessLogView(frame: try await pages.frame("Access log", request, context, section: "more"), rows: rows, empty: rows.isEmpty))
        }
    }

    static func linkID(_ context: ServerRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("link", as: Int64.self) else { throw CoachingError.notFound("coach") }
        return id
    }

    static func scopeChoices(checked: Set<String>) -> [ScopeChoice] {
        CoachScope.allCases.map {
            ScopeChoice(value: $0.rawValue, label: $0.rawValue, summary: $0.summary, checked: checked.contains($0.rawValue))
        }
    }

    private func coachesPage(
        _ request: Request, _ context: ServerRequestContext, refusal: Refusal? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = try context.requireCaller()
        try caller.require(.read)
        let links = try await state.coaching.coaches(of: caller.userID)
        let clubs = links.contains { $0.clubID != nil } ? try await state.coaching.clubsForRunner(caller.userID) : []
        let rows = links.map { link in
            let club = clubs.first { $0.club.id == link.clubID }
            let refused = refusal?.link == link.id ? refusal : nil
            return CoachRow(
                id: link.id, coachName: link.coachName, runnerName: link.runnerName, since: CoachingText.day(link.createdAt),
                scopes: Self.scopeChoices(checked: Set(refused?.scopes ?? link.scopes)), club: club?.club.name,
                sharesBoard: link.sharesBoard, board: club?.board ?? [], hasBoard: !(club?.board.isEmpty ?? true),
                error: refused?.detail)
        }
        let view = CoachesView(
            frame: try await pages.frame("Your coaches", request, context, section: "more"), coaches: rows, empty: rows.isEmpty)
        return pages.render("coaches", view, status: status)
    }

    private func joinPage(
        _ request: Request, _ context: ServerRequestContext, token: String, coachName: String?, error: String?,
        runnerName: String? = nil, scopes: [String] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = try context.requireCaller()
        let login = try await state.store.account(userID: caller.userID)?.login ?? ""
        let view = JoinView(
            frame: try await pages.frame("Join a coach", request, context, section: "more"), token: token, coachName: coachName,
            runnerName: runnerName ?? login, scopes: Self.scopeChoices(checked: Set(scopes)), error: error)
        return pages.render("join", view, status: status)
    }

    /// The join page with the refusal's one sentence and fix, and its status (404 for an
    /// invitation that is not valid, 429 with a wait after too many tries, 409 for one's own).
    private func joinRefused(
        _ error: CoachingError, _ request: Request, _ context: ServerRequestContext, token: String, coachName: String?,
        runnerName: String? = nil, scopes: [String] = []
    ) async throws -> Response {
        let problem = Problem.of(error)
        var response = try await joinPage(
            request, context, token: token, coachName: coachName, error: problem.detail, runnerName: runnerName, scopes: scopes,
            status: problem.status)
        if let retry = problem.retryAfter { response.headers[.retryAfter] = String(retry) }
        return response
    }
}

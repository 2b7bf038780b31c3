import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// Comments on the runner's days, sessions and entries: the runner's own routes here, the
/// coach's under `/coaching/runners/{runner}/comments`, both through the same functions.
struct CommentRoutes {
    let state: ServerState

    struct NewComment: APIBody {
        static let fields: Set<String> = ["date", "about", "body"]

        let date: String?
        let about: String
        let body: String
    }

    struct Seen: APIBody {
        static let fields: Set<String> = ["through"]

        let through: Int64
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.get("comments") { request, context in
            try await Self.list(request, journal: RunnerAccess.own(context, state: state, scope: .read).journal, link: nil)
        }
        // What Today shows: the coaches' comments not yet marked seen (`POST comments/seen`).
        api.get("comments/new") { _, context in
            let journal = try RunnerAccess.own(context, state: state, scope: .read).journal
            return try JSONResponse.make(try await journal.newComments().map { CommentDocument($0, runnerName: "You") })
        }
        api.post("comments") { request, context in
            let access = try RunnerAccess.own(context, state: state, scope: .journalWrite)
            let body = try await request.decodeJSON(NewComment.self, limit: state.configuration.maxJSONBytes)
            // The runner's own comments carry no name: each coach sees the name they know.
            return try await Self.add(body, journal: access.journal)
        }
        api.post("comments/seen") { request, context in
            let access = try RunnerAccess.own(context, state: state, scope: .journalWrite)
            let body = try await request.decodeJSON(Seen.self, limit: state.configuration.maxJSONBytes)
            try await access.journal.markCommentsSeen(through: body.through)
            return JSONResponse.noContent
        }
        api.delete("comments/:comment") { _, context in
            let access = try RunnerAccess.own(context, state: state, scope: .journalWrite)
            guard let id = context.parameters.get("comment", as: Int64.self) else { throw Problem.notFound("comment") }
            try await access.journal.deleteComment(id, author: access.runner)
            return JSONResponse.noContent
        }
    }

    /// The comments from `?from=` to `?to=`; through a coach's link, only the runner's and
    /// that coach's own, the runner named as the coach knows them.
    static func list(_ request: Request, journal: Journal, link: CoachLinkRecord?) async throws -> Response {
        let from = try CoachRoutes.date(request.query("from"), field: "from")
        let to = try CoachRoutes.date(request.query("to"), field: "to")
        let comments = try await journal.comments(from: from, to: to, through: link)
        return try JSONResponse.make(comments.map { CommentDocument($0, runnerName: link?.runnerName ?? "You") })
    }

    /// Adds a comment (the day given, or the runner's today): the runner's own, or through a
    /// coach's link.
    static func add(_ body: NewComment, journal: Journal, through link: CoachLinkRecord? = nil) async throws -> Response {
        let today = await journal.today()
        let day = try CoachRoutes.date(body.date, field: "date") ?? today
        let comment =
            if let link {
                try await journal.comment(on: day, about: body.about, body: body.body, through: link)
            } else {
                try await journal.comment(
                    on: day, about: body.about, body: body.body, author: journal.store.userID, authorName: "", byCoach: false)
            }
        return try JSONResponse.make(CommentDocument(comment), status: .created)
    }
}

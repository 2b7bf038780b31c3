import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The runner's comments: on today (from Today) and on a journal entry (from its page), and
/// marking coaches' new comments as read. A coach's comments are written on the coach's
/// runner page (``CoachPages``). A refused comment comes back beside its form, as typed.
struct CommentPages {
    let pages: WebPages
    var state: ServerState { pages.state }

    func register(on web: RouterGroup<ServerRequestContext>) {
        web.post("comments") { request, context in
            let caller = try context.requireCaller()
            let journal = state.journal(for: caller.userID)
            let text = context.page.form["body"] ?? ""
            do {
                _ = try await journal.comment(
                    on: await journal.today(), about: "day", body: text, author: caller.userID,
                    authorName: Self.runnerAuthorName, byCoach: false)
            } catch let error as CoachingError where Problem.of(error).refusesAValue {
                let problem = Problem.of(error)
                return try await TodayPage(pages: pages).page(
                    request, context, commentText: text, commentError: problem.detail, status: problem.status)
            }
            return PageResponse.redirect(to: "/today?done=comment")
        }
        web.post("comments/seen") { _, context in
            let caller = try context.requireCaller()
            guard let through = context.page.form["through"].flatMap({ Int64($0) }) else {
                throw Problem(.badRequest, title: "Bad form", detail: "The form did not say which comments were read. Reload Today and try again.")
            }
            try await state.journal(for: caller.userID).markCommentsSeen(through: through)
            return PageResponse.redirect(to: "/today?done=seen")
        }
        web.post("journal/:name/comments") { request, context in
            let caller = try context.requireCaller()
            let name = try context.parameters.require("name")
            let journal = state.journal(for: caller.userID)
            let entry = try await journal.entry(named: name, withOriginalFile: false)
            let text = context.page.form["body"] ?? ""
            do {
                _ = try await journal.comment(
                    on: entry.date, about: name.lowercased(), body: text, author: caller.userID,
                    authorName: Self.runnerAuthorName, byCoach: false)
            } catch let error as CoachingError where Problem.of(error).refusesAValue {
                let problem = Problem.of(error)
                return try await JournalPages(pages: pages).entryPage(
                    request, context, caller: caller, name: name, error: nil, commentText: text, commentError: problem.detail,
                    status: problem.status)
            }
            return PageResponse.redirect(to: "/journal/\(name)?done=comment#comments")
        }
    }

    /// The runner's name on their own comments: none is stored, so that each coach sees the
    /// name they know the runner by (never the sign-in name), and the runner sees "You".
    static let runnerAuthorName = ""
}

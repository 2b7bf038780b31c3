import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp
import KneeCoachCore

/// Today: the day's sessions from the same prescription as `kneecoach today` and
/// `GET /api/v1/today`, with what changed the plan (holds) and when the self-tests are due,
/// and one tap to each log form. Warning signs come first, in the frame.
struct TodayPage {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct View {
        let frame: PageFrame
        let dateText: String
        let weekLine: String
        let sessions: [SessionView]
        let holds: [Hold]
        /// The coaches' changes that apply today, as the plan applied them.
        let adjustments: [String]
        let retest: String?
        let restDay: Bool
        let tomorrow: String?
        /// What pain logged so far changes tomorrow (a hold that starts then).
        let tomorrowHolds: [Hold]
        /// A coach's change that starts tomorrow.
        let tomorrowAdjustments: [String]
        /// Coaches' comments the runner has not marked read, oldest first.
        let comments: [CommentView]
        let hasNewComments: Bool
        /// Whether the runner has a coach to comment to.
        let hasCoaches: Bool
        let lastNewComment: Int64
        let commentText: String
        let commentError: String?
    }

    struct Hold {
        let reason: String
        let until: String
    }

    func register(on router: RouterGroup<ServerRequestContext>) {
        router.get("today") { request, context in
            try await page(request, context)
        }
    }

    /// Today; after a refused comment, with the refusal beside the comment form and what was typed.
    func page(
        _ request: Request, _ context: ServerRequestContext, commentText: String = "", commentError: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = try context.requireCaller()
        let journal = state.journal(for: caller.userID)
        let coach = try await journal.coach(library: state.library)
        let day = coach.today
        let (planned, morning) = coach.todayWithMorning(day)
        let next = coach.today(day.adding(days: 1))
        let fresh = try await journal.newComments()
        let coaches = try await state.coaching.coaches(of: caller.userID)
        let view = View(
            frame: try await pages.frame("Today", request, context, section: "today", flags: morning.redFlags),
            dateText: "\(day.weekdayName) \(day)", weekLine: Self.weekLine(morning),
            sessions: planned.sessions.map { SessionView($0, library: state.library) },
            holds: planned.holds.map {
                Hold(reason: PlanText.hold($0, underSign: morning.isHeldByRedFlag), until: $0.until.description)
            },
            adjustments: planned.adjustments.map(\.reason.text),
            retest: planned.retest?.text,
            restDay: planned.sessions.allSatisfy { $0.kind == .rest },
            tomorrow: next.sessions.isEmpty ? nil : next.sessions.map(PlanText.headline).joined(separator: ", "),
            tomorrowHolds: next.holds.filter { !planned.holds.contains($0) }.map {
                Hold(reason: $0.reason.text, until: $0.until.description)
            },
            tomorrowAdjustments: next.adjustments.filter { change in
                !planned.adjustments.contains { $0.adjustment.id == change.adjustment.id }
            }.map(\.reason.text),
            comments: fresh.map { CommentView($0) }, hasNewComments: !fresh.isEmpty,
            hasCoaches: !coaches.isEmpty, lastNewComment: fresh.last?.id ?? 0,
            commentText: commentText, commentError: commentError)
        return pages.render("today", view, status: status)
    }

    /// `Programme week 3 · build phase · a lighter week`.
    static func weekLine(_ morning: MorningState) -> String {
        var parts = ["Programme week \(morning.programmeWeek)", "\(morning.phase.rawValue) phase"]
        if morning.deload { parts.append("a lighter week") }
        return parts.joined(separator: " · ")
    }
}

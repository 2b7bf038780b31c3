import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore

/// Status: the report's charts inline (weekly distance against the load band, pain against
/// load, shoes, cadence), each with the table of its numbers, from the same
/// `Journal.reportPage` as `kneecoach report` and `GET /api/v1/report`.
struct StatusPage {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct View {
        let frame: PageFrame
        let period: String
        /// The report's content: every text in it is escaped by `ReportHTML`.
        let report: String
        let choices: [Choice]
    }

    struct Choice {
        let weeks: Int
        let current: Bool
    }

    func register(on web: RouterGroup<ServerRequestContext>) {
        web.get("status") { request, context in
            let caller = try context.requireCaller()
            let weeks = try CoachRoutes.number(request.uri.queryParameters["weeks"].map(String.init), field: "weeks", in: Monitor.weekRange) ?? 12
            let journal = state.journal(for: caller.userID)
            let profile = try await journal.requireProfile()
            let today = await journal.today()
            let page = try await journal.reportPage(on: today, weeks: weeks, profile: profile, library: state.library)
            let view = View(
                frame: try await pages.frame("Status", request, context, section: "status"),
                period: "\(page.from) to \(page.to)", report: ReportHTML.content(page),
                choices: [4, 12, 26, 52].filter { Monitor.weekRange.contains($0) }.map { Choice(weeks: $0, current: $0 == weeks) })
            return pages.render("status", view)
        }
    }
}

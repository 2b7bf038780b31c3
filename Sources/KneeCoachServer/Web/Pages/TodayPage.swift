import Foundation
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
        let retest: String?
        let restDay: Bool
        let tomorrow: String?
        /// What pain logged so far changes tomorrow (a hold that starts then).
        let tomorrowHolds: [Hold]
    }

    struct Hold {
        let reason: String
        let until: String
    }

    func register(on router: RouterGroup<ServerRequestContext>) {
        router.get("today") { request, context in
            let caller = try context.requireCaller()
            let coach = try await state.journal(for: caller.userID).coach(library: state.library)
            let day = coach.today
            let (planned, morning) = coach.todayWithMorning(day)
            let next = coach.today(day.adding(days: 1))
            let view = View(
                frame: try await pages.frame("Today", request, context, section: "today", flags: morning.redFlags),
                dateText: "\(day.weekdayName) \(day)", weekLine: Self.weekLine(morning),
                sessions: planned.sessions.map { SessionView($0, library: state.library) },
                holds: planned.holds.map { Hold(reason: $0.reason.text, until: $0.until.description) },
                retest: planned.retest?.text,
                restDay: planned.sessions.allSatisfy { $0.kind == .rest },
                tomorrow: next.sessions.isEmpty ? nil : next.sessions.map(PlanText.headline).joined(separator: ", "),
                tomorrowHolds: next.holds.filter { !planned.holds.contains($0) }.map {
                    Hold(reason: $0.reason.text, until: $0.until.description)
                })
            return pages.render("today", view)
        }
    }

    /// `Programme week 3 · build phase · a lighter week`.
    static func weekLine(_ morning: MorningState) -> String {
        var parts = ["Programme week \(morning.programmeWeek)", "\(morning.phase.rawValue) phase"]
        if morning.deload { parts.append("a lighter week") }
        return parts.joined(separator: " · ")
    }
}

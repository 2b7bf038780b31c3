import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore

/// The plan by week: the same projection as `kneecoach plan` and `GET /api/v1/plan`, from
/// this week's Monday, each week with its phase, running and reasons, each day with its
/// sessions and anything pain has changed.
struct PlanPage {
    let pages: WebPages
    var state: ServerState { pages.state }
    /// This week and the next: what a runner plans around on a phone, and a short page;
    /// "Show more weeks" adds four at a time.
    static let defaultWeeks = 2

    struct View {
        let frame: PageFrame
        let weeks: [Week]
        let more: String?
        let calendar: String
    }

    struct Week {
        let heading: String
        let reasons: [String]
        /// Templates read stored properties only (a computed one is invisible to them).
        let hasReasons: Bool
        let days: [Day]
    }

    struct Day {
        let date: String
        let isToday: Bool
        let sessions: [Session]
        let holds: [String]
        /// The coaches' changes that apply on the day, as the plan applied them.
        let adjustments: [String]
        let retest: String?
    }

    struct Session {
        let headline: String
        let items: String
        let link: String?
    }

    func register(on web: RouterGroup<ServerRequestContext>) {
        web.get("plan") { request, context in
            let caller = try context.requireCaller()
            let weeks = try CoachRoutes.number(request.uri.queryParameters["weeks"].map(String.init), field: "weeks", in: 1...16) ?? Self.defaultWeeks
            let coach = try await state.journal(for: caller.userID).coach(library: state.library)
            let today = coach.today
            let plan = try coach.plan(from: today.isoWeekStart, weeks: weeks)
            // The warning signs of today from the same coach: no second read of the journal.
            let flags = coach.todayWithMorning(today).morning.redFlags
            let view = View(
                frame: try await pages.frame("Plan", request, context, section: "plan", flags: flags),
                weeks: plan.weeks.map { Self.week($0, today: today, library: state.library) },
                more: weeks < 16 ? "/plan?weeks=\(min(16, weeks + 4))" : nil, calendar: "/settings#calendar")
            return pages.render("plan", view)
        }
    }

    static func week(_ week: PlanWeek, today: LocalDate, library: ExerciseLibrary) -> Week {
        var heading = "Week \(week.days.first?.programmeWeek ?? week.index) · \(week.phase.rawValue) phase"
        if week.deload { heading += " · lighter week" }
        if week.runningKm > 0 { heading += " · \(PlanText.weekRunning(week))" }
        return Week(
            heading: heading, reasons: week.reasons.map(\.text), hasReasons: !week.reasons.isEmpty,
            days: week.days.map { day in
                Day(
                    date: "\(day.date.weekdayName) \(day.date)", isToday: day.date == today,
                    sessions: day.sessions.map { session in
                        Session(
                            headline: PlanText.headline(session).capitalisedFirst,
                            items: session.items.map { PlanText.name(of: $0, in: library) }.joined(separator: ", "),
                            link: day.date == today && session.kind != .run && session.kind != .rest && !session.items.isEmpty
                                ? "/session/\(session.kind.rawValue)" : nil)
                    },
                    holds: day.holds.map(\.reason.text), adjustments: day.adjustments.map(\.reason.text),
                    retest: day.retest?.text)
            })
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The coach's side: the dashboard of linked runners, those who need attention first;
/// invitations (a link, or a club's list of codes, shown once); and a runner's page with
/// only what that runner granted, read afresh and logged in their access log on every
/// request. A runner who is not linked, or did not grant a section, is 404, as in the API.
struct CoachPages {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct RunnerRow {
        let path: String
        let name: String
        let reason: String?
        let reasonDate: String?
        /// The first reason is a warning sign: drawn in the alarm colour.
        let warning: Bool
        let sessions: Int
        let weeks: Int
        let hasAttention: Bool
        /// Why there is no assessment: the runner shares no status, or has no programme yet.
        let missing: String?
        let club: String?
    }

    struct DashboardView {
        let frame: PageFrame
        let runners: [RunnerRow]
        let empty: Bool
        /// `Runners 101 to 200 of 240`, when there is more than one page.
        let range: String?
        let more: String?
    }

    struct ClubChoice {
        let id: Int64
        let name: String
        let selected: Bool
    }

    struct PendingRow {
        let id: Int64
        let what: String
        let club: String?
        let expires: String
    }

    struct InviteView {
        let frame: PageFrame
        let coachName: String
        let isCodes: Bool
        let count: String
        let labels: String
        let days: String
        let clubs: [ClubChoice]
        let hasClubs: Bool
        let error: String?
        let pending: [PendingRow]
        let hasPending: Bool
        /// Waiting invitations past ``pendingShown``, not listed.
        let notListed: Int?
    }

    struct CodeRow {
        let code: String
        let label: String?
    }

    struct InvitedView {
        let frame: PageFrame
        let link: String?
        let codes: [CodeRow]
        let hasCodes: Bool
        let expires: String
        let club: String?
    }

    struct PlanSection {
        let today: [SessionView]
        let restDay: Bool
        let week: PlanPage.Week?
        /// Read inside `week`: swift-mustache cannot look up an array's element (`reasons.0`).
        let hasReasons: Bool
        let noProgramme: Bool
    }

    struct StatusSection {
        let period: String
        /// The report's content: every text in it is escaped by `ReportHTML`.
        let report: String
    }

    struct RunnerView {
        let frame: PageFrame
        let path: String
        let name: String
        let since: String
        let scopes: String
        let club: String?
        let plan: PlanSection?
        let status: StatusSection?
        let noStatus: Bool
        let journal: [JournalPages.Day]?
        let hasJournal: Bool
        let journalEmpty: Bool
        let comments: [CommentView]
        let hasComments: Bool
        let commentText: String
        let commentError: String?
        let clubs: [ClubChoice]
        let hasClubs: Bool
        let adjust: AdjustmentPages.Section?
    }

    /// Days of the journal and of comments a runner's page shows, and the most comments.
    static let journalDays = 28
    static let commentDays = 56
    static let commentsShown = 10
    /// Runners a dashboard page lists (a page stays under 60 KB on a phone), and the most
    /// waiting invitations the invite page lists (a club's list of codes can be 200).
    static let runnersPerPage = 100
    static let pendingShown = 100
    /// The status section's weeks: the report's own default.
    static let statusWeeks = 12

    func register(on web: RouterGroup<ServerRequestContext>) {
        web.get("coach") { request, context in
            let caller = try coachCaller(context)
            let from = try CoachRoutes.number(request.uri.queryParameters["from"].map(String.init), field: "from", in: 0...100_000) ?? 0
            let rows = try await state.coaching.dashboard(coach: caller.userID)
            let clubs = Dictionary(uniqueKeysWithValues: try await state.coaching.clubs(coach: caller.userID).map { ($0.id, $0.name) })
            let shown = rows.dropFirst(from).prefix(Self.runnersPerPage)
            let paged = rows.count > Self.runnersPerPage
            let view = DashboardView(
                frame: try await pages.frame("Coaching", request, context, section: "more"),
                runners: shown.map { Self.row($0, clubs: clubs) }, empty: rows.isEmpty,
                range: paged ? "Runners \(min(from + 1, rows.count)) to \(from + shown.count) of \(rows.count)" : nil,
                more: from + Self.runnersPerPage < rows.count ? "/coach?from=\(from + Self.runnersPerPage)" : nil)
            return pages.render("coach", view)
        }
        web.get("coach/invite") { request, context in
            try await invitePage(request, context)
        }
        web.post("coach/invite") { request, context in
            let caller = try context.requireCaller()
            let form = context.page.form
            let isCodes = form["kind"] == "codes"
            let labels = (form["labels"] ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let made: Coaching.NewInvitations
            let clubID: Int64?
            do {
                clubID = try Self.clubID(form["club"])
                let days = try Self.whole(form["days"], field: "days", range: Coaching.validDays) ?? 14
                let count = try Self.whole(form["count"], field: "codes", range: Coaching.codeCount)
                made = try await state.coaching.invite(
                    coach: caller.userID, coachName: form["name"] ?? "", codes: isCodes ? max(count ?? 0, labels.count, 1) : nil,
                    labels: isCodes ? labels : [], clubID: clubID, days: days)
            } catch let error as CoachingError where Problem.of(error).refusesAValue {
                let problem = Problem.of(error)
                return try await invitePage(request, context, form: form, error: problem.detail, status: problem.status)
            }
            var club: String?
            if let clubID { club = try await state.coaching.clubs(coach: caller.userID).first { $0.id == clubID }?.name }
            let codes = isCodes ? zip(made.secrets, made.invitations).map { CodeRow(code: $0, label: $1.label) } : []
            let view = InvitedView(
                frame: try await pages.frame(isCodes ? "Invitation codes" : "Invitation link", request, context, section: "more"),
                link: isCodes ? nil : made.secrets.first.map { Self.base(state, request) + "/join?token=" + $0 },
                codes: codes, hasCodes: !codes.isEmpty,
                expires: made.invitations.first.map { CoachingText.day($0.expiresAt) } ?? "", club: club)
            return pages.render("coach-invited", view, status: .created)
        }
        web.post("coach/invitations/:invitation/withdraw") { _, context in
            let caller = try context.requireCaller()
            guard let id = context.parameters.get("invitation", as: Int64.self) else { throw CoachingError.notFound("invitation") }
            try await state.coaching.withdraw(invitation: id, coach: caller.userID)
            return PageResponse.redirect(to: "/coach/invite?done=withdrawn")
        }
        web.get("coach/runners/:runner") { request, context in
            try await runnerPage(request, context)
        }
        web.post("coach/runners/:runner/comments") { request, context in
            let access = try await CoachAccess.coached(context, state: state, needing: nil, what: nil)
            let link = access.link
            let text = context.page.form["body"] ?? ""
            do {
                _ = try await access.journal.comment(on: await access.journal.today(), about: "day", body: text, through: link)
            } catch let error as CoachingError where Problem.of(error).refusesAValue {
                let problem = Problem.of(error)
                return try await runnerPage(request, context, commentText: text, commentError: problem.detail, status: problem.status)
            }
            return PageResponse.redirect(to: "/coach/runners/\(access.runner.rawValue)?done=comment#comments")
        }
        web.post("coach/runners/:runner/leave") { _, context in
            let access = try await CoachAccess.coached(context, state: state, needing: nil, what: nil)
            let link = access.link
            try await state.endLink(link.id, by: link.coachID)
            return PageResponse.redirect(to: "/coach?done=left")
        }
        web.post("coach/runners/:runner/club") { _, context in
            let access = try await CoachAccess.coached(context, state: state, needing: nil, what: nil)
            let link = access.link
            let clubID = try Self.clubID(context.page.form["club"])
            try await state.coaching.move(link: link.id, coach: link.coachID, toClub: clubID)
            return PageResponse.redirect(to: "/coach/runners/\(access.runner.rawValue)?done=moved")
        }
    }

    /// A coach's page: a signed-in browser, or an API token with the `coaching` scope.
    private func coachCaller(_ context: ServerRequestContext) throws -> Caller {
        let caller = try context.requireCaller()
        try caller.require(.coaching)
        return caller
    }

    static func row(_ row: Coaching.DashboardRow, clubs: [Int64: String]) -> RunnerRow {
        let first = row.attention?.reasons.first
        let sharesStatus = row.link.scopes.contains(CoachScope.status.rawValue)
        return RunnerRow(
            path: "/coach/runners/\(row.link.runnerID.rawValue)", name: row.link.runnerName, reason: first?.text,
            reasonDate: first?.date.description, warning: first?.kind == .warningSign,
            sessions: row.attention?.sessionsLast7Days ?? 0, weeks: row.attention?.weeksWithSessionsInARow ?? 0,
            hasAttention: row.attention != nil,
            missing: row.attention != nil ? nil : sharesStatus ? "No programme yet." : "Shares no status.",
            club: row.link.clubID.flatMap { clubs[$0] })
    }

    /// The form's club: blank is none, anything else one of the coach's clubs' ids.
    static func clubID(_ text: String?) throws -> Int64? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let id = Int64(text) else { throw CoachingError.notFound("club") }
        return id
    }

    /// A whole number from a form field; blank is `nil`.
    static func whole(_ text: String?, field: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let value = Int(text), range.contains(value) else { throw CoachingError.outOfRange(field: field, range: range) }
        return value
    }

    /// This server's address as the runner's browser reaches it (the configured public URL,
    /// else the request's host), as the calendar feed's address is made.
    static func base(_ state: ServerState, _ request: Request) -> String {
        state.configuration.publicURL
            ?? "\(state.configuration.secureCookies ? "https" : "http")://\(request.head.authority ?? "\(state.configuration.host):\(state.configuration.port)")"
    }

    private func invitePage(
        _ request: Request, _ context: ServerRequestContext, form: FormData? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = try coachCaller(context)
        let clubs = try await state.coaching.clubs(coach: caller.userID)
        let invitations = try await state.coaching.invitations(coach: caller.userID)
        let now = Date()
        let clubNames = Dictionary(uniqueKeysWithValues: clubs.map { ($0.id, $0.name) })
        let waiting = invitations.filter { $0.usedAt == nil && $0.expiresAt > now }
        let pending = waiting.prefix(Self.pendingShown).map {
            PendingRow(
                id: $0.id, what: $0.form == "code" ? "Code" + ($0.label.map { " for " + $0 } ?? "") : "Link",
                club: $0.clubID.flatMap { clubNames[$0] }, expires: CoachingText.day($0.expiresAt))
        }
        // The name runners knew this coach by last time, else the login.
        var name = invitations.first?.coachName
        if name == nil { name = try await state.store.account(userID: caller.userID)?.login }
        let selected = form?["club"].flatMap { Int64($0) }
        let view = InviteView(
            frame: try await pages.frame("Invite runners", request, context, section: "more"),
            coachName: form?["name"] ?? name ?? "", isCodes: form?["kind"] == "codes", count: form?["count"] ?? "",
            labels: form?["labels"] ?? "", days: form?["days"] ?? "14",
            clubs: clubs.map { ClubChoice(id: $0.id, name: $0.name, selected: $0.id == selected) }, hasClubs: !clubs.isEmpty,
            error: error, pending: pending, hasPending: !pending.isEmpty,
            notListed: waiting.count > pending.count ? waiting.count - pending.count : nil)
        return pages.render("coach-invite", view, status: status)
    }

    /// A runner's page for their coach, with what was typed in a refused form shown again.
    func runnerPage(
        _ request: Request, _ context: ServerRequestContext, commentText: String = "", commentError: String? = nil,
        typed: AdjustmentPages.Typed = .init(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = try coachCaller(context)
        let access = try await CoachAccess.coached(context, state: state, needing: nil, what: nil)
        let link = access.link
        let granted = Set(link.scopes.compactMap(CoachScope.init(rawValue:)))
        let journal = access.journal
        let today = await journal.today()
        var read = [CoachScope.plan, .status, .journal].filter(granted.contains).map(\.rawValue)
        if granted.contains(.adjust) { read.append("adjustments") }
        read.append("comments")
        try await state.coaching.logRead("runner page: " + read.joined(separator: ", "), by: caller.userID, of: [link])

        var plan: PlanSection?
        if granted.contains(.plan) {
            do {
                let coach = try await journal.coach(library: state.library)
                let day = coach.today
                let (planned, _) = coach.todayWithMorning(day)
                let week = try coach.plan(from: day.isoWeekStart, weeks: 1).weeks.first.map { Self.withoutLinks(PlanPage.week($0, today: day, library: state.library)) }
                plan = PlanSection(
                    today: planned.sessions.map { SessionView($0, library: state.library) },
                    restDay: planned.sessions.allSatisfy { $0.kind == .rest }, week: week,
                    hasReasons: !(week?.reasons.isEmpty ?? true), noProgramme: false)
            } catch ProfileStoreError.noProfile {
                plan = PlanSection(today: [], restDay: false, week: nil, hasReasons: false, noProgramme: true)
            }
        }
        var statusSection: StatusSection?
        var noStatus = false
        if granted.contains(.status) {
            do {
                let profile = try await journal.requireProfile()
                let page = try await journal.reportPage(on: today, weeks: Self.statusWeeks, profile: profile, library: state.library)
                statusSection = StatusSection(period: "\(page.from) to \(page.to)", report: ReportHTML.content(page))
            } catch ProfileStoreError.noProfile {
                noStatus = true
            }
        }
        var days: [JournalPages.Day]?
        if granted.contains(.journal) {
            let document = JournalDocument(try await journal.contents(from: today.adding(days: -(Self.journalDays - 1)), to: today))
            days = Dictionary(grouping: document.entries, by: \.date).sorted { $0.key > $1.key }.map { date, entries in
                JournalPages.Day(
                    date: (LocalDate(date)?.weekdayName ?? "") + " " + date,
                    entries: entries.reversed().map { JournalPages.Line(id: $0.id, type: $0.type, summary: $0.summary) })
            }
        }
        let comments = try await journal.comments(from: today.adding(days: -(Self.commentDays - 1)), to: nil, through: link)
            .suffix(Self.commentsShown).map { CommentView($0, runnerName: link.runnerName) }
        let clubs = try await state.coaching.clubs(coach: caller.userID)
        let view = RunnerView(
            frame: try await pages.frame(link.runnerName, request, context, section: "more"),
            path: "/coach/runners/\(access.runner.rawValue)", name: link.runnerName, since: CoachingText.day(link.createdAt),
            scopes: CoachingText.scopes(link.scopes), club: clubs.first { $0.id == link.clubID }?.name, plan: plan,
            status: statusSection, noStatus: noStatus, journal: days, hasJournal: days != nil, journalEmpty: days?.isEmpty ?? false, comments: comments,
            hasComments: !comments.isEmpty, commentText: commentText, commentError: commentError,
            clubs: clubs.map { ClubChoice(id: $0.id, name: $0.name, selected: $0.id == link.clubID) }, hasClubs: !clubs.isEmpty,
            adjust: try await AdjustmentPages.section(access, typed: typed))
        return pages.render("coach-runner", view, status: status)
    }

    /// The runner's week without the runner's own links (a coach does not start their session).
    static func withoutLinks(_ week: PlanPage.Week) -> PlanPage.Week {
        PlanPage.Week(
            heading: week.heading, reasons: week.reasons, hasReasons: week.hasReasons,
            days: week.days.map { day in
                PlanPage.Day(
                    date: day.date, isToday: day.isToday,
                    sessions: day.sessions.map { PlanPage.Session(headline: $0.headline, items: $0.items, link: nil) },
                    holds: day.holds, adjustments: day.adjustments, retest: day.retest)
            })
    }
}

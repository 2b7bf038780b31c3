import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The guided session: today's session of one kind from the same coach as Today and
/// `kneecoach session`, as the ordered steps of its timeline, and a form that logs what was
/// done (sets per exercise, knee pain, effort, a note). The page's script turns the list into
/// a timer and fills the form; without it the runner fills it in. The form is logged once per
/// its hidden key, as a guided session (`Journal.logGuidedSession`): the sets given are
/// replayed through the same runner the terminal uses, so the journal reads the same.
struct SessionPage {
    let pages: WebPages
    var state: ServerState { pages.state }

    /// Where a logged session goes.
    static let doneAddress = "/today?done=session"

    func register(on router: RouterGroup<ServerRequestContext>) {
        router.get("session/:kind") { request, context in
            let caller = try context.requireCaller()
            let kind = try Self.kind(context)
            return try await page(kind, caller: caller, request, context, submitted: nil, error: nil)
        }
        router.post("session/:kind") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.journalWrite)
            let kind = try Self.kind(context)
            let form = context.page.form
            let journal = state.journal(for: caller.userID)
            do {
                // Once per the key the form carries: a double tap, or a phone sending again
                // what it saved offline, logs one session and goes to the same place.
                _ = try await Idempotency.once(
                    key: form.text("key"), hash: form.requestHash(path: "/session/\(kind.rawValue)"), journal: journal
                ) { journal in
                    try await log(kind, form: form, journal: journal)
                    return .init(status: .seeOther, body: Data(Self.doneAddress.utf8), contentType: "text/plain; charset=utf-8")
                }
                return PageResponse.redirect(to: Self.doneAddress)
            } catch {
                var problem = Problem.of(error)
                guard problem.status == .unprocessableContent else { throw error }
                if problem.title == "Key reused" {
                    problem = Problem(
                        .unprocessableContent, title: problem.title,
                        detail: "This session was logged before with other values. Open the page again to log another.")
                }
                return try await page(kind, caller: caller, request, context, submitted: form, error: problem.detail, status: problem.status)
            }
        }
    }

    /// A kind of session a page can guide, or 404.
    static func kind(_ context: ServerRequestContext) throws -> SessionKind {
        guard let kind = context.parameters.get("kind").flatMap(SessionKind.init(rawValue:)), SessionKind.guided.contains(kind)
        else { throw Problem.notFound("guided session") }
        return kind
    }

    /// Stores the form as a guided session of the day it was drawn on.
    private func log(_ kind: SessionKind, form: FormData, journal: Journal) async throws {
        let today = await journal.today()
        let date = try JournalRoutes.day(form.text("date"), today: today)
        let coach = try await journal.coach(earliest: date, library: state.library)
        guard let session = coach.today(date).guidedSession(kind) else {
            throw Problem(
                .unprocessableContent, title: "Nothing planned",
                detail: "No \(PlanText.kind(kind)) session was planned on \(date.weekdayName) \(date). Log it from the journal instead.")
        }
        let timeline = SessionTimeline(session: session, library: state.library)
        let sets = try timeline.items.map { item in
            let planned = max(1, item.sets ?? 1)
            guard let text = form.text(GuidedSessionView.setsField(item)) else { return 0 }
            guard let value = Int(text), (0...planned).contains(value) else {
                throw Self.invalid("Sets done of \(PlanText.name(of: item, in: state.library)) must be a whole number from 0 to \(planned).")
            }
            return value
        }
        let pain = try Self.rating(form, "pain", "Knee pain")
        let effort = try Self.rating(form, "effort", "Effort")
        let replay = SessionRunner.replaying(timeline, setsDone: sets, stoppedEarly: form["ended"] == "stopped")
        guard !replay.runner.report.isEmpty else {
            throw Self.invalid("No set was done, so nothing was logged. Put in the sets you did.")
        }
        // The timer's own count of the seconds it ran, when it ran; else the plan's time of what was done.
        let timed = form.text("seconds").flatMap(Double.init).flatMap { $0.isFinite && $0 >= 0 && $0 <= 86_400 ? $0 : nil }
        try await journal.logGuidedSession(
            replay.runner, date: date, activeSeconds: timed ?? replay.seconds, pain: pain, effort: effort,
            note: form.text("note"), today: today)
    }

    private static func rating(_ form: FormData, _ field: String, _ label: String) throws -> Int? {
        guard let text = form.text(field) else { return nil }
        guard let value = Int(text), (0...10).contains(value) else {
            throw invalid("\(label) must be a whole number from 0 to 10.")
        }
        return value
    }

    private static func invalid(_ detail: String) -> Problem {
        Problem(.unprocessableContent, title: "Invalid value", detail: detail)
    }

    /// The page of today's session of `kind`; with what a refused form sent and why.
    private func page(
        _ kind: SessionKind, caller: Caller, _ request: Request, _ context: ServerRequestContext, submitted: FormData?,
        error: String?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let coach = try await state.journal(for: caller.userID).coach(library: state.library)
        let day = coach.today
        let (planned, morning) = coach.todayWithMorning(day)
        let heading = GuidedSessionView.heading(kind)
        let frame = try await pages.frame(heading, request, context, section: "today", flags: morning.redFlags)
        let dateText = "\(day.weekdayName) \(day)"
        // Under a warning sign the coach has already made the day safe: the page offers what
        // Today offers, as `kneecoach session` does, with the warning first in the frame.
        guard let session = planned.guidedSession(kind) else { throw Problem.notFound("guided session today") }
        let timeline = SessionTimeline(session: session, library: state.library)
        let sets = timeline.items.enumerated().map { index, item in
            let planned = max(1, item.sets ?? 1)
            return GuidedSessionView.SetsField(
                item: index, field: GuidedSessionView.setsField(item), name: timeline.names[index], planned: planned,
                value: submitted?[GuidedSessionView.setsField(item)] ?? String(planned))
        }
        let form = GuidedSessionView.Form(
            action: "/session/\(kind.rawValue)", key: submitted?.text("key") ?? SecretToken.make(),
            date: submitted?.text("date") ?? day.description, sets: sets, pain: submitted?["pain"] ?? "",
            effort: submitted?["effort"] ?? "", note: submitted?["note"] ?? "", seconds: submitted?["seconds"] ?? "",
            ended: submitted?["ended"] ?? "", noteLimit: SessionRecord.guidedOwnNoteCharacters, error: error)
        let view = GuidedSessionView(
            frame: frame, kind: kind.rawValue, heading: heading, dateText: dateText,
            aboutText: GuidedSessionView.about(timeline), stepCount: timeline.steps.count,
            exercises: GuidedSessionView.exercises(timeline, library: state.library), form: form)
        return pages.render("session", view, status: status)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// A coach's adjustments on the web: the coach makes and undoes them on the runner's page
/// (with `adjust` granted), the runner lists and undoes them on `/adjustments`. The same
/// ``Journal`` use cases as the API and the command line; the plan applies each from the
/// morning after, inside the rules, and says so beside the sessions it changed.
struct AdjustmentPages {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct Row {
        let id: Int64
        let change: String
        let by: String
        let made: String
        let applies: String
        let state: String
        let reason: String
        /// Where the undo form posts; `nil` once undone or ended.
        let undo: String?
    }

    struct KindChoice {
        let value: String
        let label: String
        let selected: Bool
    }

    /// The section of a coach's page of one runner: the adjustments and the form for a new one.
    struct Section {
        let path: String
        let rows: [Row]
        let hasRows: Bool
        let kinds: [KindChoice]
        let targets: [String]
        let value: String
        let reason: String
        let error: String?
    }

    struct RunnerView {
        let frame: PageFrame
        let rows: [Row]
        let empty: Bool
        let error: String?
    }

    /// What was typed in the adjustment form, and why it was refused, to show it again.
    struct Typed {
        var kind = ""
        var value = ""
        var reason = ""
        var error: String?
    }

    /// The changes a coach can make, with their limits, in the form's order.
    static let kinds: [(name: String, label: String)] = [
        ("runs-per-week", "Runs a week (\(AdjustmentLimits.runsPerWeek.allowed))"),
        ("weekly-distance", "Target weekly distance (\(AdjustmentLimits.weeklyDistanceKm.allowed))"),
        ("pause-running", "Pause running (\(AdjustmentLimits.pauseDays.allowed))"),
        ("emphasis", "Emphasis on a target (its name)"),
        ("hold-phase", "Hold the current phase (no value)"),
    ]

    func register(on web: RouterGroup<ServerRequestContext>) {
        web.get("adjustments") { request, context in
            try await runnerPage(request, context)
        }
        web.post("adjustments/:adjustment/undo") { request, context in
            let access = try RunnerAccess.own(context, state: state, scope: .profileWrite)
            let author = CoachAdjustment.Author(userID: access.runner.rawValue, name: AdjustmentRoutes.runnerName)
            do {
                try await access.journal.undoAdjustment(id: try Self.id(context), by: author)
            } catch let error as AdjustmentError where Problem.of(error).refusesAValue {
                return try await runnerPage(request, context, error: Problem.of(error).detail, status: Problem.of(error).status)
            }
            return PageResponse.redirect(to: "/adjustments?done=adjustment-undone")
        }
        web.post("coach/runners/:runner/adjustments") { request, context in
            let access = try await CoachAccess.coached(context, state: state, needing: .adjust, what: nil)
            let form = context.page.form
            var typed = Typed(kind: form["kind"] ?? "", value: form["value"] ?? "", reason: form["reason"] ?? "")
            do {
                let kind = try CoachAdjustment.Kind(name: typed.kind, value: typed.value)
                try await access.journal.adjust(kind, by: .init(coachOf: access.link), reason: typed.reason)
            } catch let error as AdjustmentError {
                typed.error = Problem.of(error).detail
                return try await CoachPages(pages: pages).runnerPage(
                    request, context, typed: typed, status: Problem.of(error).status)
            }
            return PageResponse.redirect(to: "/coach/runners/\(access.runner.rawValue)?done=adjusted#adjust")
        }
        web.post("coach/runners/:runner/adjustments/:adjustment/undo") { request, context in
            let access = try await CoachAccess.coached(context, state: state, needing: .adjust, what: nil)
            do {
                try await access.journal.undoAdjustment(id: try Self.id(context), by: .init(coachOf: access.link))
            } catch let error as AdjustmentError where Problem.of(error).refusesAValue {
                var typed = Typed()
                typed.error = Problem.of(error).detail
                return try await CoachPages(pages: pages).runnerPage(
                    request, context, typed: typed, status: Problem.of(error).status)
            }
            return PageResponse.redirect(to: "/coach/runners/\(access.runner.rawValue)?done=adjustment-undone#adjust")
        }
    }

    /// The coach's section of a runner's page; `nil` without `adjust`.
    static func section(_ access: CoachAccess, typed: Typed) async throws -> Section? {
        guard CoachScope.adjust.isGranted(by: access.link) else { return nil }
        let path = "/coach/runners/\(access.runner.rawValue)/adjustments"
        let rows = try await rows(access.journal, undoBase: path)
        let chosen = typed.kind.isEmpty ? kinds[0].name : typed.kind
        return Section(
            path: path, rows: rows, hasRows: !rows.isEmpty,
            kinds: kinds.map { KindChoice(value: $0.name, label: $0.label, selected: $0.name == chosen) },
            targets: Target.allCases.map(\.rawValue), value: typed.value, reason: typed.reason, error: typed.error)
    }

    private func runnerPage(
        _ request: Request, _ context: ServerRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let access = try RunnerAccess.own(context, state: state, scope: .read)
        let rows = try await Self.rows(access.journal, undoBase: "/adjustments")
        let view = RunnerView(
            frame: try await pages.frame("Your coaches' changes", request, context, section: "more"), rows: rows,
            empty: rows.isEmpty, error: error)
        return pages.render("adjustments", view, status: status)
    }

    /// Every adjustment, newest first; those still in force (or to come) can be undone.
    private static func rows(_ journal: Journal, undoBase: String) async throws -> [Row] {
        let today = await journal.today()
        return try await journal.adjustments().reversed().map { adjustment in
            Row(
                id: adjustment.id, change: AdjustmentText.change(adjustment.kind), by: adjustment.author.name,
                made: adjustment.made.description, applies: AdjustmentText.applies(adjustment),
                state: AdjustmentText.state(adjustment, today: today), reason: adjustment.reason,
                undo: adjustment.isInForceOrToCome(on: today) ? "\(undoBase)/\(adjustment.id)/undo" : nil)
        }
    }

    private static func id(_ context: ServerRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("adjustment", as: Int64.self) else { throw Problem.notFound("adjustment") }
        return id
    }
}

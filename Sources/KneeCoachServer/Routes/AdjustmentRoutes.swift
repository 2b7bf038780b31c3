import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// Coaches' adjustments of a runner's programme: made by a coach the runner granted
/// `adjust`, listed and undone by that coach or by the runner. The prescriber applies each
/// inside the load and pain rules from the morning after, and says when a rule won.
struct AdjustmentRoutes {
    let state: ServerState

    struct NewAdjustment: APIBody {
        static let fields: Set<String> = ["kind", "value", "reason"]

        let kind: String
        let value: String?
        let reason: String
    }

    /// The name a runner's own undo is shown under, as the command line's.
    static let runnerName = "the runner"

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.get("adjustments") { _, context in
            let access = try RunnerAccess.own(context, state: state, scope: .read)
            return try await Self.list(access.journal)
        }
        api.post("adjustments/:adjustment/undo") { _, context in
            let access = try RunnerAccess.own(context, state: state, scope: .profileWrite)
            return try await Self.undo(context, journal: access.journal, by: .init(userID: access.runner.rawValue, name: Self.runnerName))
        }
        let coaching = api.group("coaching")
        coaching.get("runners/:runner/adjustments") { _, context in
            let access = try await CoachAccess.coached(context, state: state, needing: .adjust, what: "adjustments")
            return try await Self.list(access.journal)
        }
        coaching.post("runners/:runner/adjustments") { request, context in
            let access = try await CoachAccess.coached(context, state: state, needing: .adjust, what: nil)
            let body = try await request.decodeJSON(NewAdjustment.self, limit: state.configuration.maxJSONBytes)
            let kind = try CoachAdjustment.Kind(name: body.kind, value: body.value)
            let made = try await access.journal.adjust(kind, by: .init(coachOf: access.link), reason: body.reason)
            return try JSONResponse.make(AdjustmentsDocument.Entry(made, today: made.made), status: .created)
        }
        coaching.post("runners/:runner/adjustments/:adjustment/undo") { _, context in
            let access = try await CoachAccess.coached(context, state: state, needing: .adjust, what: nil)
            return try await Self.undo(context, journal: access.journal, by: .init(coachOf: access.link))
        }
    }

    private static func list(_ journal: Journal) async throws -> Response {
        let today = await journal.today()
        return try JSONResponse.make(AdjustmentsDocument(try await journal.adjustments(), today: today))
    }

    private static func undo(_ context: ServerRequestContext, journal: Journal, by author: CoachAdjustment.Author) async throws
        -> Response
    {
        guard let id = context.parameters.get("adjustment", as: Int64.self) else { throw Problem.notFound("adjustment") }
        let undone = try await journal.undoAdjustment(id: id, by: author)
        return try JSONResponse.make(AdjustmentsDocument.Entry(undone, today: undone.undone?.on ?? undone.made))
    }
}

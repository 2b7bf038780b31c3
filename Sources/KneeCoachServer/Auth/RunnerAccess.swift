import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachStore

/// The caller's own data: the journal of the signed-in runner (or the token's owner).
struct RunnerAccess: Sendable {
    /// The runner whose data it is: the caller.
    let runner: UserID
    let journal: Journal

    /// The caller's own data; an API token needs `scope`.
    static func own(_ context: ServerRequestContext, state: ServerState, scope: TokenScope) throws -> RunnerAccess {
        let caller = try context.requireCaller()
        try caller.require(scope)
        return RunnerAccess(runner: caller.userID, journal: state.journal(for: caller.userID))
    }
}

/// A linked runner's data, read by their coach within what the runner granted. Every coach
/// request reads the link afresh, so a change of scopes or a revocation holds from the next
/// request on any instance; a runner who is not linked, or did not grant the scope, is
/// "not found".
struct CoachAccess: Sendable {
    /// The runner whose data it is.
    let runner: UserID
    let journal: Journal
    /// The live link the coach reads through.
    let link: CoachLinkRecord

    /// The runner named by the route's `:runner` parameter, for a coach granted `scope`; the
    /// read is logged as `what` in the runner's access log. An API token needs `coaching`.
    static func coached(
        _ context: ServerRequestContext, state: ServerState, needing scope: CoachScope?, what: String?
    ) async throws -> CoachAccess {
        let caller = try context.requireCaller()
        try caller.require(.coaching)
        guard let id = context.parameters.get("runner", as: Int64.self) else { throw Problem.notFound("runner") }
        let runner = UserID(id)
        let link = try await state.coaching.link(coach: caller.userID, runner: runner, needing: scope)
        if let what { try await state.coaching.logRead(what, by: caller.userID, of: [link]) }
        return CoachAccess(runner: runner, journal: state.journal(for: runner), link: link)
    }
}

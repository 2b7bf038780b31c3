import Hummingbird
import KneeCoachApp
import KneeCoachStore

/// Who sent a request: a runner signed in with a web session (who may do everything their
/// account may), or a script with an API token (only what its scopes allow).
public struct Caller: Sendable, Equatable {
    public let userID: UserID
    /// The token's scopes; `nil` for a web session.
    public let scopes: Set<TokenScope>?
    public let isAdmin: Bool

    /// Whether the request came with a web session (and so is subject to the origin check).
    public var viaSession: Bool { scopes == nil }

    /// Refuses the request with 403 unless the caller may do `scope`.
    func require(_ scope: TokenScope) throws {
        if let scopes, !scopes.contains(scope) {
            throw Problem(
                .forbidden, title: "Missing scope",
                detail: "This token lacks the '\(scope.rawValue)' scope. Create a token with that scope.")
        }
    }

    /// Refuses an API token: account settings, tokens and sign-up invitations need the
    /// runner's own session.
    func requireSession() throws {
        guard viaSession else {
            throw Problem(
                .forbidden, title: "Session needed",
                detail: "API tokens cannot manage the account. Sign in with the password to do this.")
        }
    }
}

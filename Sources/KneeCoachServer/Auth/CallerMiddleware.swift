import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KneeCoachApp
import KneeCoachStore

/// Finds who sent the request: an `Authorization: Bearer` API token (a revoked or unknown
/// one is 401 at once), else the web session, which counts only while its account exists
/// and its epoch is the account's (a password change or "sign out everywhere" ends it). A
/// session that could not be read because the database failed is that failure (503), never
/// "signed out" (401).
struct CallerMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let state: ServerState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The session could not be read (the database is down): answer that, not "signed out".
        if let failure = SessionLoadFailure.current?.recorded { throw failure }
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.lowercased().hasPrefix("bearer "),
                let token = try await state.store.liveToken(
                    hash: SecretToken.hash(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)))
            else {
                throw Problem(.unauthorized, title: "Invalid token", detail: "The API token is unknown or revoked. Create a new one.")
            }
            // A token made at the command line may belong to the local runner before any
            // account adopts it: it still reaches that runner's journal, never the admin's tools.
            let account = try await state.store.account(userID: token.userID)
            context.caller = Caller(
                userID: token.userID, scopes: Set(token.scopes.compactMap(TokenScope.init(rawValue:))),
                isAdmin: account?.isAdmin ?? false)
        } else if let session = context.sessions.session {
            if let account = try await state.store.account(userID: UserID(session.userID)), account.authEpoch == session.epoch {
                context.caller = Caller(userID: account.userID, scopes: nil, isAdmin: account.isAdmin)
            } else {
                context.sessions.clearSession()
            }
        }
        return try await next(request, context)
    }
}

/// Refuses a state-changing request made with a web session from another site: `Sec-Fetch-Site:
/// cross-site`, or an `Origin` that is not this server's (OWASP ASVS V4.2.2). Requests with an
/// API token carry no ambient credential and are not checked.
struct OriginCheckMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        if !safe.contains(request.method), request.headers[.authorization] == nil, context.sessions.session != nil {
            if !Self.isSameSite(request) {
                throw Problem(.forbidden, title: "Cross-site request", detail: "The request came from another site. Send it from KneeCoach's own pages.")
            }
        }
        return try await next(request, context)
    }

    /// Whether a browser says the request came from this site: `Sec-Fetch-Site` when it sends
    /// one (`same-origin`, or `none` for what the runner typed), else the `Origin`.
    static func isSameSite(_ request: Request) -> Bool {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
            return site == "same-origin" || site == "none"
        }
        return sameOrigin(request)
    }

    static func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "https://\(host)" || origin == "http://\(host)"
    }
}

/// Headers on every answer: a `Server` that names nothing, no caching of private data, and
/// no sniffing or framing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.server] = "KneeCoach"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        // Not `no-referrer`: under it a browser sends `Origin: null` with the pages' own forms,
        // which the cross-site check must then refuse. `same-origin` tells other sites nothing.
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

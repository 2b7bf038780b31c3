import Hummingbird
import Synchronization

/// The error met while the web session was read from the database, for this request.
///
/// hummingbird-auth's `SessionMiddleware` takes any failure to load a session as "no
/// session": while the database is down, a signed-in runner would be answered 401 (signed
/// out) instead of 503 (try again). ``StorePersistDriver`` records the failure here, and
/// ``CallerMiddleware`` throws it, so the answer is the store error's own (503).
final class SessionLoadFailure: Sendable {
    /// The current request's, set by ``SessionLoadWatchMiddleware``.
    @TaskLocal static var current: SessionLoadFailure?

    private let error = Mutex<(any Error)?>(nil)

    /// Keeps the first failure.
    func record(_ failure: any Error) {
        error.withLock { if $0 == nil { $0 = failure } }
    }

    /// The failure, if loading the session failed.
    var recorded: (any Error)? { error.withLock { $0 } }
}

/// Gives each request a ``SessionLoadFailure`` to record in; placed just outside the session
/// middleware.
struct SessionLoadWatchMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await SessionLoadFailure.$current.withValue(SessionLoadFailure()) {
            try await next(request, context)
        }
    }
}

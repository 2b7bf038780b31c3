import Hummingbird

/// Answers a browser's page request that failed before its page route ran (the web session
/// or the caller could not be read: the database is down or restarting) with an error page,
/// as the pages' own errors are (``PageGuardMiddleware``), instead of the API's JSON problem.
///
/// A page request is a `GET` or `HEAD` outside `/api/` from a client that accepts HTML: what
/// a browser sends when it opens a page. The router's own "no such route" stays with
/// ``ProblemMiddleware``, which knows the methods a path answers.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let pages: WebPages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            throw error
        } catch {
            guard Self.isPageRequest(request) else { throw error }
            return await pages.errorPage(error, request: request, context: context)
        }
    }

    static func isPageRequest(_ request: Request) -> Bool {
        (request.method == .get || request.method == .head)
            && !request.uri.path.hasPrefix("/api/")
            && (request.headers[.accept]?.contains("text/html") ?? false)
    }
}

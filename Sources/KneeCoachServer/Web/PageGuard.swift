import Foundation
import HTTPTypes
import Hummingbird
import KneeCoachApp

/// What a page request carries: the form token the page must put in its forms, and the form
/// the request sent (read once by ``PageGuardMiddleware``).
struct PageRequest: Sendable {
    var csrf = ""
    var form = FormData(encoded: "")
}

/// The guard in front of every page.
///
/// - **Forms** (double-submit token): every browser gets a random token in a `SameSite=Strict`,
///   HttpOnly cookie, and every form carries the same token in a hidden `csrf` field (an upload
///   in its URL). A state-changing request without both, or with two that differ, is refused
///   (403) before any route runs; so is one whose `Origin` or `Sec-Fetch-Site` names another
///   site, signed in or not (a forged sign-in is refused too).
/// - **Tokens** are for the API: a form sent with an API token is refused (403), whatever its
///   scopes, so no page write has to check scopes of its own.
/// - **Errors** become pages: a route that needs a runner sends a visitor to sign in, and any
///   other error is shown as a short page with what to do, with its status.
struct PageGuardMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let pages: WebPages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let name = pages.csrfCookieName
        let sent = request.cookies[name]?.value
        let token = sent.flatMap { Self.isWellFormed($0) ? $0 : nil } ?? SecretToken.make()
        context.page.csrf = token
        var response: Response
        do {
            if request.method != .get, request.method != .head {
                try await check(request, context: &context, cookie: sent)
            }
            response = try await next(request, context)
        } catch {
            response = await pages.errorPage(error, request: request, context: context)
        }
        if sent != token {
            response.setCookie(
                Cookie(name: name, value: token, path: "/", secure: pages.secureCookies, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// Refuses a state-changing request that did not come from one of this site's forms.
    private func check(_ request: Request, context: inout Context, cookie: String?) async throws {
        // A page's form is a signed-in browser's (or a visitor's): a script with a token writes
        // through /api/v1, where each write checks the token's scope.
        if let caller = context.caller, !caller.viaSession {
            throw Problem(
                .forbidden, title: "Session needed",
                detail: "The web pages' forms take a signed-in browser. A script sends its token to /api/v1 instead.")
        }
        if !OriginCheckMiddleware.isSameSite(request) {
            throw Problem(.forbidden, title: "Cross-site request", detail: "The form came from another site. Use KneeCoach's own pages.")
        }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        let field: String?
        if type.hasPrefix("multipart/form-data") {
            // An upload is streamed to a file by its route: its token travels in the URL.
            field = request.uri.queryParameters["csrf"].map(String.init)
        } else {
            context.page.form = try await FormData.read(request, limit: pages.maxFormBytes)
            field = context.page.form["csrf"]
        }
        guard let cookie, let field, Self.equal(cookie, field) else {
            throw Problem(
                .forbidden, title: "Form expired",
                detail: "This form is out of date or did not come from KneeCoach. Go back, reload the page and send it again.")
        }
    }

    /// 43 characters of URL-safe base64: what ``SecretToken/make(prefix:)`` gives.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Compares in time that depends only on the lengths.
    static func equal(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

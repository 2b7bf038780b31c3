import Foundation
import Hummingbird
import HummingbirdAuth
import KneeCoachApp
import KneeCoachStore

/// Signing in, creating an account and signing out, as forms. The same use cases, limits
/// and session as the API's `auth/*` routes; a failed attempt shows the form again with why.
struct AuthPages {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct SignInView {
        let frame: PageFrame
        let error: String?
        let login: String
        let next: String
        let canSignUp: Bool
    }

    struct SignUpView {
        let frame: PageFrame
        let error: String?
        let login: String
        let invitation: String
        let closed: Bool
        let needsInvitation: Bool
    }

    func register(on router: RouterGroup<ServerRequestContext>) {
        router.get("/") { _, context in
            PageResponse.redirect(to: context.caller == nil ? "/signin" : "/today")
        }
        router.get("signin") { request, context in
            if context.caller != nil { return PageResponse.redirect(to: "/today") }
            let next = PageResponse.localPath(request.uri.queryParameters["next"].map(String.init)) ?? "/today"
            return try await signInPage(request, context, error: nil, login: "", next: next)
        }
        router.post("signin") { request, context in
            let form = context.page.form
            let login = form.text("login") ?? ""
            let next = PageResponse.localPath(form["next"]) ?? "/today"
            do {
                try await AccountRoutes(state: state).limiter.count(login: login, address: context.remoteAddress?.ipAddress)
                let account = try await state.accounts.signIn(login: login, password: form["password"] ?? "")
                context.sessions.createSession(WebSession(userID: account.userID.rawValue, epoch: account.authEpoch))
                return PageResponse.redirect(to: next)
            } catch let error as AccountError {
                let problem = Problem.of(error)
                var response = try await signInPage(request, context, error: problem.detail, login: login, next: next, status: problem.status)
                if let retry = problem.retryAfter { response.headers[.retryAfter] = String(retry) }
                return response
            }
        }
        router.get("signup") { request, context in
            if context.caller != nil { return PageResponse.redirect(to: "/today") }
            let code = request.uri.queryParameters["invitation"].map(String.init) ?? ""
            return try await signUpPage(request, context, error: nil, login: "", invitation: code)
        }
        router.post("signup") { request, context in
            let form = context.page.form
            let login = form.text("login") ?? ""
            let invitation = form.text("invitation")
            do {
                let account = try await state.accounts.signUp(
                    login: login, password: form["password"] ?? "", invitation: invitation, policy: try await state.accounts.signupPolicy())
                context.sessions.createSession(WebSession(userID: account.userID.rawValue, epoch: account.authEpoch))
                return PageResponse.redirect(to: "/welcome")
            } catch let error as AccountError {
                let problem = Problem.of(error)
                return try await signUpPage(
                    request, context, error: problem.detail, login: login, invitation: invitation ?? "", status: problem.status)
            }
        }
        router.post("signout") { _, context in
            context.sessions.clearSession()
            return PageResponse.redirect(to: "/signin")
        }
    }

    private func signInPage(
        _ request: Request, _ context: ServerRequestContext, error: String?, login: String, next: String,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let frame = try await pages.frame("Sign in", request, context)
        return pages.render(
            "signin",
            SignInView(frame: frame, error: error, login: login, next: next, canSignUp: try await state.accounts.signupPolicy() != .closed),
            status: status)
    }

    private func signUpPage(
        _ request: Request, _ context: ServerRequestContext, error: String?, login: String, invitation: String,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let frame = try await pages.frame("Create an account", request, context)
        let policy = try await state.accounts.signupPolicy()
        return pages.render(
            "signup",
            SignUpView(
                frame: frame, error: error, login: login, invitation: invitation, closed: policy == .closed,
                needsInvitation: policy == .inviteOnly),
            status: status)
    }
}

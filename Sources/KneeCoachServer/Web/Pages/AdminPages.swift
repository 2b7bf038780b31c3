import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachStore

/// The admin's page (`/admin`): who may sign up, the accounts, and removing one after typing
/// its name. The same use cases as ``AdminRoutes``; the admin's own session only, and 404 to
/// anyone else, as the API.
struct AdminPages {
    let pages: WebPages
    var state: ServerState { pages.state }

    struct Policy {
        let value: String
        let summary: String
        let checked: Bool
    }

    struct AccountRow {
        let login: String
        /// The sign-in name as one path segment.
        let path: String
        let isAdmin: Bool
        let isYou: Bool
        let created: String
        let tokens: String
        let links: String
    }

    struct AdminView {
        let frame: PageFrame
        let policies: [Policy]
        let signupError: String?
        /// Whether the admin can make invitation codes (only where sign-up is invite-only).
        let invites: Bool
        let accounts: [AccountRow]
        let count: Int
    }

    struct RemoveView {
        let frame: PageFrame
        let login: String
        let path: String
        let tokens: String
        let links: String
        let hasLinks: Bool
        let error: String?
    }

    func register(on web: RouterGroup<ServerRequestContext>) {
        web.get("admin") { request, context in
            try await adminPage(request, context)
        }
        web.post("admin/settings") { request, context in
            _ = try AdminRoutes.admin(context)
            let value = context.page.form["signup"] ?? ""
            do {
                try await state.accounts.setSignupPolicy(try SignupPolicy.named(value))
            } catch let error as AccountError {
                let problem = Problem.of(error)
                return try await adminPage(request, context, signupError: problem.detail, status: problem.status)
            }
            return PageResponse.redirect(to: "/admin?done=signup")
        }
        web.post("admin/invitations") { request, context in
            let admin = try AdminRoutes.admin(context)
            guard try await state.accounts.signupPolicy() == .inviteOnly else {
                return try await adminPage(
                    request, context, signupError: "Sign-up is not invite-only, so a code would not be used. Choose invite-only first.",
                    status: .conflict)
            }
            let code = try await state.accounts.invite(by: admin.userID)
            let view = SettingsPages.SecretView(
                frame: try await pages.frame("Invitation code", request, context, section: "more"),
                heading: "A new invitation code", secret: code,
                explanation: "Give it to one person: it makes one account, within 14 days, on the sign-up page's invitation field.")
            return pages.render("secret", view, status: .created)
        }
        web.get("admin/accounts/:login/remove") { request, context in
            let admin = try AdminRoutes.admin(context)
            return try await removePage(request, context, admin: admin, login: try AdminRoutes.login(context))
        }
        web.post("admin/accounts/:login/remove") { request, context in
            let admin = try AdminRoutes.admin(context)
            let login = try AdminRoutes.login(context)
            let typed = (context.page.form["confirm"] ?? "").trimmingCharacters(in: .whitespaces)
            guard typed.lowercased() == login.lowercased() else {
                return try await removePage(
                    request, context, admin: admin, login: login,
                    error: "The name typed is not \(login). Type the account's sign-in name exactly to remove it.",
                    status: .unprocessableContent)
            }
            do {
                try await state.accounts.removeAccount(login: login, by: admin.userID)
            } catch let error as AccountError where error == .cannotRemoveOwnAccount {
                let problem = Problem.of(error)
                return try await removePage(request, context, admin: admin, login: login, error: problem.detail, status: problem.status)
            }
            return PageResponse.redirect(to: "/admin?done=removed")
        }
    }

    private func adminPage(
        _ request: Request, _ context: ServerRequestContext, signupError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let admin = try AdminRoutes.admin(context)
        let current = try await state.accounts.signupPolicy()
        let accounts = try await state.accounts.list()
        let view = AdminView(
            frame: try await pages.frame("Server admin", request, context, section: "more"),
            policies: SignupPolicy.allCases.map { Policy(value: $0.rawValue, summary: Self.summary($0), checked: $0 == current) },
            signupError: signupError, invites: current == .inviteOnly,
            accounts: accounts.map { account in
                AccountRow(
                    login: account.login, path: Self.pathSegment(account.login), isAdmin: account.isAdmin,
                    isYou: account.userID == admin.userID, created: SettingsPages.day(account.createdAt),
                    tokens: Self.count(account.liveTokens, "API token"), links: Self.count(account.liveCoachLinks, "coach link"))
            },
            count: accounts.count)
        return pages.render("admin", view, status: status)
    }

    /// The confirmation before removing `login`: 404 for an account that is not there, 409
    /// for the admin's own.
    private func removePage(
        _ request: Request, _ context: ServerRequestContext, admin: Caller, login: String, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let account = try await state.accounts.list().first(where: { $0.login == login.lowercased() }) else {
            throw AccountError.unknownAccount(login)
        }
        guard account.userID != admin.userID else { throw AccountError.cannotRemoveOwnAccount }
        let view = RemoveView(
            frame: try await pages.frame("Remove an account", request, context, section: "more"), login: account.login,
            path: Self.pathSegment(account.login), tokens: Self.count(account.liveTokens, "API token"),
            links: Self.count(account.liveCoachLinks, "coach link"), hasLinks: account.liveCoachLinks > 0, error: error)
        return pages.render("admin-remove", view, status: status)
    }

    static func summary(_ policy: SignupPolicy) -> String {
        switch policy {
        case .open: "anyone who reaches the server may make an account"
        case .inviteOnly: "only with a one-use invitation code from the admin, made below"
        case .closed: "nobody; accounts already made keep working"
        }
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// `login` as one segment of a path: everything but unreserved characters and `@`
    /// percent-encoded (a `/` too).
    static func pathSegment(_ login: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~@")
        return login.addingPercentEncoding(withAllowedCharacters: allowed) ?? login
    }
}

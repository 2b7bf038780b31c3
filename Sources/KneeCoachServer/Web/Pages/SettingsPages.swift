import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// "More" and the account's settings: the password, signing out everywhere, API tokens, the
/// calendar feed, the backup out and back, and deleting the account. Each form calls the
/// same use case as its API route (``AccountRoutes``, ``TokenRoutes``, ``CalendarFeedRoutes``,
/// ``DataRoutes``), with the same limits, and password guesses are counted as at sign-in.
struct SettingsPages {
    let pages: WebPages
    var state: ServerState { pages.state }
    var accounts: AccountRoutes { AccountRoutes(state: state) }

    struct MoreView {
        let frame: PageFrame
    }

    struct TokenRow {
        let id: Int64
        let name: String
        let scopes: String
        let created: String
        let lastUsed: String
    }

    struct Scope {
        let value: String
        let label: String
        let checked: Bool
    }

    /// What the settings page shows; the `…Error` fields put a refusal beside its own form.
    struct SettingsView {
        let frame: PageFrame
        let login: String
        let created: String
        /// Whether the page links to the server's admin page.
        let isAdmin: Bool
        let tokens: [TokenRow]
        let hasTokens: Bool
        let scopes: [Scope]
        let tokenName: String
        let passwordError: String?
        let tokenError: String?
        let restoreError: String?
        let deleteError: String?
    }

    struct SecretView {
        let frame: PageFrame
        let heading: String
        let secret: String
        let explanation: String
    }

    struct Errors {
        var password: String?
        var token: String?
        var restore: String?
        var delete: String?
    }

    func register(on router: RouterGroup<ServerRequestContext>) {
        router.get("more") { request, context in
            _ = try context.requireCaller()
            return pages.render("more", MoreView(frame: try await pages.frame("More", request, context, section: "more")))
        }
        router.get("settings") { request, context in
            try await settings(request, context)
        }
        router.post("settings/password") { request, context in
            let caller = try sessionCaller(context)
            let form = context.page.form
            do {
                try await accounts.changePassword(caller, context, current: form["current"] ?? "", new: form["new"] ?? "")
            } catch let error as AccountError {
                return try await refused(error, request, context) { $0.password = $1 }
            }
            return PageResponse.redirect(to: "/settings?done=password")
        }
        router.post("settings/signout-everywhere") { _, context in
            let caller = try sessionCaller(context)
            try await state.store.endAllSessions(userID: caller.userID)
            context.sessions.clearSession()
            return PageResponse.redirect(to: "/signin")
        }
        router.post("settings/tokens") { request, context in
            let caller = try sessionCaller(context)
            let form = context.page.form
            let made: NewToken
            do {
                made = try await state.journal(for: caller.userID).createToken(named: form["name"] ?? "", scopes: form.all("scope"))
            } catch let error as AccountError {
                return try await refused(error, request, context, tokenName: form["name"] ?? "", scopes: form.all("scope")) { $0.token = $1 }
            }
            let view = SecretView(
                frame: try await pages.frame("New API token", request, context, section: "more"),
                heading: "Token “\(made.record.name)” made", secret: made.secret,
                explanation: "Copy it now: it is shown only this once. Send it as 'Authorization: Bearer …'. Revoke it in settings when it is no longer needed.")
            return pages.render("secret", view, status: .created)
        }
        router.post("settings/tokens/:id/revoke") { _, context in
            let caller = try sessionCaller(context)
            let id = try context.parameters.require("id")
            guard Int64(id) != nil else { throw Problem.notFound("token") }
            try await state.journal(for: caller.userID).revokeToken(id)
            return PageResponse.redirect(to: "/settings?done=token")
        }
        router.post("settings/calendar-feed") { request, context in
            let caller = try sessionCaller(context)
            let url = try await CalendarFeedRoutes.rotate(state, caller.userID, request)
            let view = SecretView(
                frame: try await pages.frame("Calendar address", request, context, section: "more"),
                heading: "Your new calendar address", secret: url,
                explanation: "Subscribe to it in your phone's calendar. It is shown only now; any earlier address no longer works. Anyone with it can read your plan, so keep it to yourself.")
            return pages.render("secret", view, status: .created)
        }
        router.get("settings/export") { _, context in
            let caller = try context.requireCaller()
            return try await DataRoutes.export(state.journal(for: caller.userID))
        }
        router.post("settings/restore") { request, context in
            let caller = try sessionCaller(context)
            let journal = state.journal(for: caller.userID)
            do {
                guard let boundary = MultipartUpload.boundary(of: request.headers[.contentType]) else {
                    throw Problem(.unsupportedMediaType, title: "Not an upload", detail: "Choose the backup file and send the form again.")
                }
                let folder = try ImportRoutes.privateFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let (file, _) = try await MultipartUpload.spool(
                    request.body, boundary: boundary, into: folder, limit: InputLimits.backupFileBytes, accepting: [".json"])
                try await journal.restore(from: file)
            } catch {
                let problem = Problem.of(error)
                guard problem.status.code < 500 else { throw error }
                return try await settings(request, context, errors: Errors(restore: problem.detail), status: problem.status)
            }
            return PageResponse.redirect(to: "/settings?done=restored")
        }
        router.post("settings/delete") { request, context in
            let caller = try sessionCaller(context)
            do {
                try await accounts.deleteAccount(caller, context, password: context.page.form["password"] ?? "")
            } catch let error as AccountError {
                return try await refused(error, request, context) { $0.delete = $1 }
            }
            return PageResponse.redirect(to: "/signin")
        }
    }

    /// Account settings need the runner's own sign-in, never an API token.
    private func sessionCaller(_ context: ServerRequestContext) throws -> Caller {
        let caller = try context.requireCaller()
        try caller.requireSession()
        return caller
    }

    /// The settings page again, with the refusal beside the form that caused it.
    private func refused(
        _ error: AccountError, _ request: Request, _ context: ServerRequestContext, tokenName: String = "", scopes: [String] = [],
        _ place: (inout Errors, String) -> Void
    ) async throws -> Response {
        let problem = Problem.of(error)
        var errors = Errors()
        place(&errors, problem.detail)
        var response = try await settings(
            request, context, errors: errors, tokenName: tokenName, checkedScopes: scopes, status: problem.status)
        if let retry = problem.retryAfter { response.headers[.retryAfter] = String(retry) }
        return response
    }

    private func settings(
        _ request: Request, _ context: ServerRequestContext, errors: Errors = Errors(), tokenName: String = "",
        checkedScopes: [String]? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = try sessionCaller(context)
        guard let account = try await state.store.account(userID: caller.userID) else { throw Problem.signInNeeded }
        let tokens = try await state.journal(for: caller.userID).tokens().filter { !$0.isRevoked }.map {
            TokenRow(
                id: $0.id, name: $0.name, scopes: $0.scopes.joined(separator: ", "), created: Self.day($0.createdAt),
                lastUsed: $0.lastUsedAt.map(Self.day) ?? "never")
        }
        let checked = Set(checkedScopes ?? [TokenScope.read.rawValue])
        let view = SettingsView(
            frame: try await pages.frame("Settings", request, context, section: "more"), login: account.login,
            created: Self.day(account.createdAt), isAdmin: account.isAdmin, tokens: tokens, hasTokens: !tokens.isEmpty,
            scopes: TokenScope.allCases.map { Scope(value: $0.rawValue, label: Self.scopeLabel($0), checked: checked.contains($0.rawValue)) },
            tokenName: tokenName, passwordError: errors.password, tokenError: errors.token, restoreError: errors.restore,
            deleteError: errors.delete)
        return pages.render("settings", view, status: status)
    }

    static func day(_ date: Date) -> String {
        String(date.formatted(.iso8601).prefix(10))
    }

    static func scopeLabel(_ scope: TokenScope) -> String {
        switch scope {
        case .read: "read: everything of yours"
        case .journalWrite: "journal:write: log, edit and delete entries, shoes"
        case .import: "import: upload watch files"
        case .profileWrite: "profile:write: profile, self-tests, restore"
        case .coaching: "coaching: your runners, within what each granted"
        }
    }
}

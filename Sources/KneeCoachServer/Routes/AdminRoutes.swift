import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachStore

/// The admin's routes: the server's accounts, removing one, and who may sign up. The
/// admin's own session only (a token gets 403, as at every account route); to anyone else
/// each route is 404, as if it were not there.
struct AdminRoutes {
    let state: ServerState

    struct SettingsBody: APIBody {
        static let fields: Set<String> = ["signup"]

        let signup: String
    }

    struct SettingsDocument: Codable, Equatable {
        let signup: String
    }

    struct AccountListDocument: Codable, Equatable {
        let login: String
        let admin: Bool
        let createdAt: String
        let liveTokens: Int
        let liveCoachLinks: Int

        init(_ summary: AccountSummary) {
            login = summary.login
            admin = summary.isAdmin
            createdAt = summary.createdAt.formatted(.iso8601)
            liveTokens = summary.liveTokens
            liveCoachLinks = summary.liveCoachLinks
        }
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.get("admin/accounts") { _, context in
            _ = try Self.admin(context)
            return try JSONResponse.make(try await state.accounts.list().map(AccountListDocument.init))
        }
        api.delete("admin/accounts/:login") { _, context in
            let admin = try Self.admin(context)
            try await state.accounts.removeAccount(login: try Self.login(context), by: admin.userID)
            return JSONResponse.noContent
        }
        api.get("admin/settings") { _, context in
            _ = try Self.admin(context)
            return try JSONResponse.make(SettingsDocument(signup: try await state.accounts.signupPolicy().rawValue))
        }
        api.put("admin/settings") { request, context in
            _ = try Self.admin(context)
            let body = try await request.decodeJSON(SettingsBody.self, limit: state.configuration.maxJSONBytes)
            let policy = try SignupPolicy.named(body.signup)
            try await state.accounts.setSignupPolicy(policy)
            return try JSONResponse.make(SettingsDocument(signup: policy.rawValue))
        }
    }

    /// The caller, when it is the admin with a web session: 401 without a caller, 403 with a
    /// token (as at every route that needs the session), 404 for anyone but the admin.
    static func admin(_ context: ServerRequestContext) throws -> Caller {
        let caller = try context.requireCaller()
        try caller.requireSession()
        guard caller.isAdmin else { throw Problem.notFound() }
        return caller
    }

    /// The `{login}` of the path, percent-decoded (a sign-in name may hold `@` or `/`).
    static func login(_ context: ServerRequestContext) throws -> String {
        let raw = try context.parameters.require("login")
        return raw.removingPercentEncoding ?? raw
    }
}

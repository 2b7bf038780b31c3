import Foundation
import Hummingbird
import HummingbirdAuth
import KneeCoachApp
import KneeCoachStore

/// Sign-up, sign-in, sign-out, password change, "sign out everywhere", account deletion and
/// sign-up invitations.
struct AccountRoutes {
    let state: ServerState

    struct Credentials: APIBody {
        static let fields: Set<String> = ["login", "password", "invitation"]

        let login: String
        let password: String
        let invitation: String?
    }

    struct PasswordChange: APIBody {
        static let fields: Set<String> = ["current", "new"]

        let current: String
        let new: String
    }

    struct PasswordConfirmation: APIBody {
        static let fields: Set<String> = ["password"]

        let password: String
    }

    struct AccountDocument: Codable, Equatable {
        let login: String
        let admin: Bool
        let createdAt: String
    }

    struct InvitationDocument: Codable, Equatable {
        let code: String
        let expiresAt: String
    }

    /// Password guesses count the same wherever they are made: signing in, changing the
    /// password or deleting the account.
    var limiter: SignInLimiter {
        SignInLimiter(
            store: state.store, perAccount: state.configuration.signInAttemptsPerAccount,
            perAddress: state.configuration.signInAttemptsPerAddress, windowSeconds: state.configuration.signInWindowSeconds)
    }

    /// Counts a password check of the caller's account.
    func countGuess(_ caller: Caller, _ context: ServerRequestContext) async throws {
        guard let account = try await state.store.account(userID: caller.userID) else { throw Problem.signInNeeded }
        try await limiter.count(login: account.login, address: context.remoteAddress?.ipAddress)
    }

    /// Changes the caller's password (a counted guess of the current one): every session
    /// ends, and this one goes on under the new epoch. The API and the settings page.
    func changePassword(_ caller: Caller, _ context: ServerRequestContext, current: String, new: String) async throws {
        try await countGuess(caller, context)
        try await state.accounts.changePassword(userID: caller.userID, current: current, new: new)
        guard let account = try await state.store.account(userID: caller.userID) else { throw Problem.signInNeeded }
        context.sessions.createSession(WebSession(userID: account.userID.rawValue, epoch: account.authEpoch))
    }

    /// Deletes the caller's account and journal after a counted password check, and ends
    /// this session. The API and the settings page.
    func deleteAccount(_ caller: Caller, _ context: ServerRequestContext, password: String) async throws {
        try await countGuess(caller, context)
        try await state.accounts.deleteAccount(userID: caller.userID, password: password)
        context.sessions.clearSession()
    }

    func register(on api: RouterGroup<ServerRequestContext>) {
        let limit = state.configuration.maxJSONBytes
        api.post("auth/signup") { request, context in
            let body = try await request.decodeJSON(Credentials.self, limit: limit)
            let account = try await state.accounts.signUp(
                login: body.login, password: body.password, invitation: body.invitation,
                policy: try await state.accounts.signupPolicy())
            context.sessions.createSession(WebSession(userID: account.userID.rawValue, epoch: account.authEpoch))
            return try JSONResponse.make(Self.document(account), status: .created)
        }
        api.post("auth/signin") { request, context in
            let body = try await request.decodeJSON(Credentials.self, limit: limit)
            try await limiter.count(login: body.login, address: context.remoteAddress?.ipAddress)
            let account = try await state.accounts.signIn(login: body.login, password: body.password)
            // A new session id at every sign-in: whatever cookie came with the request is not reused.
            context.sessions.createSession(WebSession(userID: account.userID.rawValue, epoch: account.authEpoch))
            return try JSONResponse.make(Self.document(account))
        }
        api.post("auth/signout") { _, context in
            try context.requireCaller().requireSession()
            context.sessions.clearSession()
            return JSONResponse.noContent
        }
        api.post("auth/signout-everywhere") { _, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            try await state.store.endAllSessions(userID: caller.userID)
            context.sessions.clearSession()
            return JSONResponse.noContent
        }
        api.post("auth/password") { request, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            let body = try await request.decodeJSON(PasswordChange.self, limit: limit)
            try await changePassword(caller, context, current: body.current, new: body.new)
            return JSONResponse.noContent
        }
        api.get("account") { _, context in
            let caller = try context.requireCaller()
            guard let account = try await state.store.account(userID: caller.userID) else { throw Problem.signInNeeded }
            return try JSONResponse.make(Self.document(account))
        }
        api.delete("account") { request, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            let body = try await request.decodeJSON(PasswordConfirmation.self, limit: limit)
            try await deleteAccount(caller, context, password: body.password)
            return JSONResponse.noContent
        }
        api.post("invitations") { _, context in
            let caller = try context.requireCaller()
            try caller.requireSession()
            guard caller.isAdmin else {
                throw Problem(.forbidden, title: "Admins only", detail: "Only the server's admin makes invitations. Ask the admin for one.")
            }
            let policy = try await state.accounts.signupPolicy()
            guard policy == .inviteOnly else {
                throw Problem(
                    .conflict, title: "No invitations",
                    detail: "This server's sign-up is \(policy.rawValue), so an invitation would not be used. Set sign-up to invite-only on the admin page (/admin) or with --signup invite-only.")
            }
            let days = 14
            let code = try await state.accounts.invite(by: caller.userID, days: days)
            let expires = Date().addingTimeInterval(Double(days) * 86_400)
            return try JSONResponse.make(
                InvitationDocument(code: code, expiresAt: expires.formatted(.iso8601)), status: .created)
        }
    }

    static func document(_ account: AccountRecord) -> AccountDocument {
        AccountDocument(login: account.login, admin: account.isAdmin, createdAt: account.createdAt.formatted(.iso8601))
    }
}

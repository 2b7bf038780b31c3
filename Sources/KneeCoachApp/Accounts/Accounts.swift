import Foundation
import KneeCoachCore
import KneeCoachStore

/// Who may sign up on a server: the admin's setting, stored in the database (see
/// ``Accounts/signupPolicy()``).
public enum SignupPolicy: String, CaseIterable, Sendable {
    /// Anyone.
    case open
    /// Anyone with an invitation code from the admin (the default); the first account of an
    /// empty server needs none.
    case inviteOnly = "invite-only"
    /// Nobody; the admin is made with `serve --create-admin`.
    case closed
}

/// The account use cases of a server: sign up, sign in, change the password, sign out
/// everywhere, delete the account. The first account is the admin, and takes over the
/// command line's local runner when the database has one, so a self-hoster who starts a
/// server on the journal they used at the terminal keeps everything they logged.
///
/// ```swift
/// let accounts = Accounts(store: store, hasher: PasswordHasher(cost: 11))
/// let account = try await accounts.signUp(login: "ana@example.org", password: "correct horse battery", policy: .open)
/// ```
public struct Accounts: Sendable {
    public let store: JournalStore
    public let hasher: PasswordHasher

    /// The shortest and longest passwords taken (OWASP ASVS V2.1.1–V2.1.3).
    public static let passwordLength = 12...1024
    public static let loginLength = 1...254

    public init(store: JournalStore, hasher: PasswordHasher) {
        self.store = store
        self.hasher = hasher
    }

    /// Makes an account. On a server without accounts the first one is the admin and needs no
    /// invitation; after that `policy` decides.
    /// - Throws: ``AccountError`` for a weak password, a bad or taken name, a closed server
    ///   or a missing invitation; a ``StoreError``.
    public func signUp(
        login: String, password: String, invitation: String? = nil, policy: SignupPolicy, now: Date = Date()
    ) async throws -> AccountRecord {
        let login = try Self.checkedLogin(login)
        try Self.checkPassword(password)
        let first = try await store.accountCount() == 0
        // A taken name is said before an invitation is used up on it.
        if try await store.account(login: login) != nil { throw AccountError.loginTaken }
        if !first {
            switch policy {
            case .open: break
            case .closed: throw AccountError.signupClosed
            case .inviteOnly:
                guard let invitation, try await store.useInvitation(codeHash: SecretToken.hash(invitation), now: now)
                else { throw AccountError.invitationNeeded }
            }
        }
        return try await create(login: login, password: password, isAdmin: first, now: now)
    }

    /// Makes the admin account (`serve --create-admin`), whatever the sign-up policy.
    /// - Throws: ``AccountError/adminExists`` when the server has accounts already.
    public func createAdmin(login: String, password: String, now: Date = Date()) async throws -> AccountRecord {
        let login = try Self.checkedLogin(login)
        try Self.checkPassword(password)
        guard try await store.accountCount() == 0 else { throw AccountError.adminExists }
        return try await create(login: login, password: password, isAdmin: true, now: now)
    }

    private func create(login: String, password: String, isAdmin: Bool, now: Date) async throws -> AccountRecord {
        let hash = await hasher.hash(password)
        do {
            return try await store.createAccount(
                login: login, passwordHash: hash, isAdmin: isAdmin, adoptingLocalRunner: isAdmin, now: now)
        } catch {
            if case .constraintViolated(let constraint, _) = error, constraint.contains("login") || constraint == "unique" {
                throw AccountError.loginTaken
            }
            throw error
        }
    }

    /// The account these credentials sign in to, or ``AccountError/wrongCredentials`` — after
    /// the same work whether the account exists or not.
    public func signIn(login: String, password: String) async throws -> AccountRecord {
        let account = try await store.account(login: login.lowercased())
        guard await hasher.verify(password, hash: account?.passwordHash), let account else {
            throw AccountError.wrongCredentials
        }
        return account
    }

    /// Changes the password after checking the current one; every session ends.
    public func changePassword(userID: UserID, current: String, new: String) async throws {
        try Self.checkPassword(new)
        try await confirm(userID: userID, password: current)
        try await store.setPasswordHash(await hasher.hash(new), userID: userID)
    }

    /// Deletes the account and all of the runner's data (its web sessions, tokens and coach
    /// links too), after checking the password.
    public func deleteAccount(userID: UserID, password: String) async throws {
        try await confirm(userID: userID, password: password)
        try await remove(userID: userID)
    }

    /// Makes a sign-up invitation code, valid for `days` days and one sign-up.
    public func invite(by userID: UserID, days: Int = 14, now: Date = Date()) async throws -> String {
        let code = SecretToken.make(prefix: "kci_")
        try await store.forUser(userID).insertInvitation(
            codeHash: SecretToken.hash(code), expires: now.addingTimeInterval(Double(days) * 86_400), now: now)
        return code
    }

    private func confirm(userID: UserID, password: String) async throws {
        let account = try await store.account(userID: userID)
        guard await hasher.verify(password, hash: account?.passwordHash) else { throw AccountError.wrongPassword }
    }

    static func checkPassword(_ password: String) throws(AccountError) {
        guard passwordLength.contains(password.unicodeScalars.count) else {
            throw .weakPassword(minimum: passwordLength.lowerBound, maximum: passwordLength.upperBound)
        }
    }

    static func checkedLogin(_ login: String) throws(AccountError) -> String {
        let lowered = login.lowercased()
        guard loginLength.contains(login.unicodeScalars.count),
            !login.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control })
        else { throw .badLogin(maximum: loginLength.upperBound) }
        return lowered
    }
}

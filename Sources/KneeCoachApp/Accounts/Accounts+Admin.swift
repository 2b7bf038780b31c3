import Foundation
import KneeCoachStore

extension SignupPolicy {
    /// Where nothing is stored and no flag was given.
    public static let `default` = SignupPolicy.inviteOnly

    /// The values, for error messages: `open, invite-only, closed`.
    public static var validList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The policy named `value`.
    /// - Throws: ``AccountError/unknownSignupPolicy(_:)`` for any other text.
    public static func named(_ value: String) throws(AccountError) -> SignupPolicy {
        guard let policy = SignupPolicy(rawValue: value) else { throw .unknownSignupPolicy(value) }
        return policy
    }
}

/// The admin's use cases: the accounts of the server, removing one, and who may sign up.
///
/// The sign-up setting lives in the database and is read on every request that needs it, so
/// every server instance on the same database agrees, and a change holds at once.
///
/// ```swift
/// try await accounts.setSignupPolicy(.open)
/// try await accounts.removeAccount(login: "bo@example.org", by: admin.userID)
/// ```
extension Accounts {
    /// Every account, by sign-in name: account facts only, never health data.
    public func list() async throws -> [AccountSummary] {
        try await store.accountSummaries()
    }

    /// Removes another account with all of its data, as the account's own deletion does
    /// (``deleteAccount(userID:password:)``): its journal, tokens, web sessions and coach
    /// links go with it.
    /// - Parameters:
    ///   - login: The account's sign-in name (compared lower-cased).
    ///   - admin: The admin doing it, who cannot remove themself this way.
    /// - Throws: ``AccountError/unknownAccount(_:)``, ``AccountError/cannotRemoveOwnAccount``, a
    ///   ``StoreError``.
    public func removeAccount(login: String, by admin: UserID) async throws {
        guard let account = try await store.account(login: login) else { throw AccountError.unknownAccount(login) }
        guard account.userID != admin else { throw AccountError.cannotRemoveOwnAccount }
        try await remove(userID: account.userID)
    }

    /// Who may sign up now: the stored setting, else ``SignupPolicy/default``.
    public func signupPolicy() async throws -> SignupPolicy {
        try await store.signupSetting().flatMap(SignupPolicy.init(rawValue:)) ?? .default
    }

    /// Stores who may sign up; every instance follows from its next request.
    public func setSignupPolicy(_ policy: SignupPolicy, now: Date = Date()) async throws {
        try await store.setSignupSetting(policy.rawValue, now: now)
    }

    /// Deletes an account and everything of its runner: the one way both the account's own
    /// deletion and the admin's removal take.
    func remove(userID: UserID) async throws {
        try await store.deleteAccount(userID: userID)
    }
}

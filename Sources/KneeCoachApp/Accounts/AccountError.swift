import KneeCoachCore

/// What an account or token request cannot do, in one sentence and its fix.
///
/// The server maps each case to an HTTP status; the command line to an exit code. Sign-in
/// failures never say whether the account exists.
public enum AccountError: UserFacingError, Equatable {
    /// A password shorter or longer than the rule.
    case weakPassword(minimum: Int, maximum: Int)
    /// A sign-in name that is empty, too long or has spaces or control characters.
    case badLogin(maximum: Int)
    /// The sign-in name is taken.
    case loginTaken
    /// Unknown account or wrong password: the same answer for both.
    case wrongCredentials
    /// The password given to confirm a change is not the account's.
    case wrongPassword
    /// Sign-up is closed on this server.
    case signupClosed
    /// Sign-up needs an invitation and none (or a used, expired or unknown one) was given.
    case invitationNeeded
    /// Too many sign-in attempts; try again after `seconds`.
    case tooManyAttempts(seconds: Int)
    /// A token name that is empty or too long.
    case badTokenName(maximum: Int)
    /// A scope that is not one of ``TokenScope``.
    case unknownScope(String)
    /// No live token of the runner has this id or name.
    case unknownToken(String)
    /// A token of that name is already live.
    case tokenNameTaken(String)
    /// An admin account exists already (for `--create-admin`).
    case adminExists
    /// No account has this sign-in name (the admin removing an account).
    case unknownAccount(String)
    /// The admin tried to remove their own account through the admin's tools.
    case cannotRemoveOwnAccount
    /// A sign-up setting that is not one of ``SignupPolicy``.
    case unknownSignupPolicy(String)

    public var problem: String {
        switch self {
        case .weakPassword(let minimum, let maximum):
            "A password must have from \(minimum) to \(maximum) characters."
        case .badLogin(let maximum):
            "A sign-in name must have 1 to \(maximum) characters, without spaces."
        case .loginTaken: "That sign-in name is taken."
        case .wrongCredentials: "The sign-in name or the password is wrong."
        case .wrongPassword: "The password is wrong."
        case .signupClosed: "This server does not take new accounts."
        case .invitationNeeded: "Signing up on this server needs a valid invitation code."
        case .tooManyAttempts(let seconds): "Too many sign-in attempts; wait \(seconds) seconds."
        case .badTokenName(let maximum): "A token name must have 1 to \(maximum) characters."
        case .unknownScope(let scope):
            scope.isEmpty ? "A token needs at least one scope (\(TokenScope.validList))." : "'\(scope)' is not a token scope (\(TokenScope.validList))."
        case .unknownToken(let token): "There is no live token '\(token)'."
        case .tokenNameTaken(let name): "A live token is already named '\(name)'."
        case .adminExists: "This server already has an admin account."
        case .unknownAccount(let login): "There is no account '\(login.prefix(64))'."
        case .cannotRemoveOwnAccount: "The admin cannot remove their own account here."
        case .unknownSignupPolicy(let value): "'\(value.prefix(40))' is not a sign-up setting (\(SignupPolicy.validList))."
        }
    }

    public var fix: String {
        switch self {
        case .weakPassword: "Choose a passphrase of several words within that length: easy to remember, hard to guess."
        case .badLogin: "Use your email address or a short user name."
        case .loginTaken: "Choose another, or sign in if it is yours."
        case .wrongCredentials: "Check both and try again."
        case .wrongPassword: "Check it and try again."
        case .signupClosed: "Ask the server's admin for an account."
        case .invitationNeeded: "Ask the server's admin for an invitation code."
        case .tooManyAttempts: "Then try again."
        case .badTokenName: "Name it after the script or app that uses it."
        case .unknownScope: "Give one or more of those scopes (--scope read, say)."
        case .unknownToken: "List tokens to see their ids and names."
        case .tokenNameTaken: "Revoke it first, or choose another name."
        case .adminExists: "Sign in with it, or start the server without --create-admin."
        case .unknownAccount: "Check the sign-in name in the list of accounts."
        case .cannotRemoveOwnAccount: "Delete it in Settings with its password, or remove another account."
        case .unknownSignupPolicy: "Give one of those."
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .weakPassword, .badLogin, .badTokenName, .unknownScope, .unknownSignupPolicy: ExitStatus.usage
        case .unknownToken, .tokenNameTaken, .loginTaken, .unknownAccount: ExitStatus.data
        default: ExitStatus.failure
        }
    }
}

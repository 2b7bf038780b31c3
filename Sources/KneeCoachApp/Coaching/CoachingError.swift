import KneeCoachCore

/// What a coaching request cannot do, in one sentence and its fix. The server maps each case
/// to an HTTP status; a runner or entry a coach may not see is always "not found".
public enum CoachingError: UserFacingError, Equatable {
    /// The invitation is unknown, used, withdrawn or expired (the same answer for each).
    case invitationNotValid
    /// Too many invitation attempts from this account; try again after `seconds`.
    case tooManyAttempts(seconds: Int)
    /// A coach cannot accept their own invitation.
    case ownInvitation
    /// A name (the coach's, the runner's or a club's) that is empty, too long or has control characters.
    case badName(maximum: Int)
    /// A scope that is not one of ``CoachScope``, or none.
    case unknownScope(String)
    /// More codes, or a longer validity, than an invitation may have.
    case outOfRange(field: String, range: ClosedRange<Int>)
    /// A comment that is empty or too long.
    case badComment(maximum: Int)
    /// A comment holding a control character other than a new line or a tab.
    case commentControlCharacter
    /// A comment dated after the runner's today.
    case commentInTheFuture(LocalDate)
    /// What a comment is about is not `day`, a session or an entry name.
    case badCommentTarget(String)
    /// The runner, link, club, invitation or comment is not there for this caller.
    case notFound(String)

    public var problem: String {
        switch self {
        case .invitationNotValid: "This invitation is not valid: it is unknown, used, withdrawn or expired."
        case .tooManyAttempts(let seconds): "Too many invitation attempts; wait \(seconds) seconds."
        case .ownInvitation: "This is your own invitation."
        case .badName(let maximum): "A name must have 1 to \(maximum) characters, without control characters."
        case .unknownScope(let scope):
            scope.isEmpty ? "Choose at least one thing the coach may see (\(CoachScope.validList))." : "'\(scope)' is not a coach scope (\(CoachScope.validList))."
        case .outOfRange(let field, let range): "\(field) must be from \(range.lowerBound) to \(range.upperBound)."
        case .badComment(let maximum): "A comment must have 1 to \(maximum) characters."
        case .commentControlCharacter: "The comment holds a control character (such as a terminal escape or a bell)."
        case .commentInTheFuture(let today): "A comment cannot be dated after today, \(today)."
        case .badCommentTarget(let about): "'\(about)' is not something to comment on."
        case .notFound(let what): "There is no such \(what)."
        }
    }

    public var fix: String {
        switch self {
        case .invitationNotValid: "Ask your coach for a new link or code, and check it was copied whole."
        case .tooManyAttempts: "Then check the code with your coach before trying again."
        case .ownInvitation: "Send it to the runner you want to coach."
        case .badName: "Use a short name, such as a first name."
        case .unknownScope: "Choose from the list."
        case .outOfRange: "Give a value in that range."
        case .badComment: "Write a shorter comment, or one that is not blank."
        case .commentControlCharacter: "Take it out; new lines and tabs are kept."
        case .commentInTheFuture: "Leave out the date for today, or give an earlier day."
        case .badCommentTarget:
            "Comment on 'day', a session ('session:' and one of \(SessionKind.allCases.map(\.rawValue).joined(separator: ", "))) or an entry ('pain-7')."
        case .notFound: "Check the address or the id."
        }
    }

    public var exitCode: Int32 { ExitStatus.usage }
}

import KneeCoachCore

/// What every page's layout shows around its content: the title, the form token, the menu,
/// and any warning sign, which comes before everything else on every page.
struct PageFrame: Sendable {
    struct Link: Sendable {
        let path: String
        let label: String
        let current: Bool
    }

    struct Warning: Sendable {
        let text: String
        let action: String
        /// `emergency` and `urgent-care` are drawn in the alarm colour.
        let urgent: Bool
    }

    let title: String
    let csrf: String
    let signedIn: Bool
    let menu: [Link]
    let warnings: [Warning]
    /// A one-line confirmation after a form (`Pain logged.`), from a fixed list.
    let notice: String?
    /// Templates read stored properties only (swift-mustache reads them by reflection).
    let hasWarnings: Bool

    init(title: String, csrf: String, signedIn: Bool, menu: [Link], warnings: [Warning], notice: String?) {
        self.title = title
        self.csrf = csrf
        self.signedIn = signedIn
        self.menu = menu
        self.warnings = warnings
        self.notice = notice
        hasWarnings = !warnings.isEmpty
    }

    /// The bottom menu of a signed-in runner, with `section` marked as the current page.
    static func menu(current section: String) -> [Link] {
        [("/today", "Today"), ("/log", "Log"), ("/journal", "Journal"), ("/plan", "Plan"), ("/status", "Status"), ("/more", "More")]
            .map { Link(path: $0.0, label: $0.1, current: $0.0 == "/" + section) }
    }

    static func warnings(_ flags: [RedFlagNotice]) -> [Warning] {
        flags.map {
            Warning(text: $0.text, action: Self.actionText($0.action), urgent: $0.action == .emergency || $0.action == .urgentCare)
        }
    }

    static func actionText(_ action: RedFlagAction) -> String {
        switch action {
        case .emergency: return "Call the emergency services now."
        case .urgentCare: return "Get urgent care today."
        case .seeClinicianSoon: return "See a clinician soon."
        case .seeClinicianIfPersists: return "See a clinician if it persists."
        }
    }
}

/// The confirmations a page may show after a form, by the short key a redirect carries
/// (`?done=pain`): the page never prints text taken from the address.
enum PageNotice {
    static let texts: [String: String] = [
        "pain": "Pain logged. Today's plan has been checked against it.",
        "run": "Run logged.",
        "note": "Note saved.",
        "cleared": "All-clear recorded. Warning signs before today are cleared.",
        "function": "Function rating saved.",
        "session": "Session logged.",
        "edited": "Entry changed.",
        "deleted": "Entry deleted. Undo brings it back.",
        "undone": "The last correction was undone.",
        "profile": "Profile saved.",
        "selftests": "Self-tests saved.",
        "password": "Password changed. Other devices have been signed out.",
        "token": "Token revoked.",
        "feed": "A new calendar address was made; the old one no longer works.",
        "shoes": "Shoes updated.",
        "restored": "Backup restored.",
        "welcome": "Welcome. Your programme starts today.",
        "joined": "You have a new coach. Change what they see here at any time.",
        "scopes": "Saved. Your coach sees only this from now on.",
        "board": "You are on the club board: the club sees your sessions, never pain or notes.",
        "board-off": "You are off the club board.",
        "revoked": "Revoked. That coach sees nothing of yours from now on.",
        "comment": "Comment saved.",
        "seen": "Marked as read.",
        "withdrawn": "Invitation withdrawn.",
        "left": "You no longer coach that runner.",
        "moved": "Club changed.",
        "club": "Club made.",
        "club-deleted": "Club removed. Its runners are still yours, in no club.",
        "adjusted": "Change saved. The plan applies it from tomorrow morning, inside the rules.",
        "adjustment-undone": "Change undone. The plan goes back from tomorrow morning.",
        "signup": "Sign-up setting saved. Every server instance follows it from now on.",
        "removed": "Account removed, with all of its data, sessions, tokens and coach links.",
    ]

    static func text(_ key: String?) -> String? {
        key.flatMap { texts[$0] }
    }
}

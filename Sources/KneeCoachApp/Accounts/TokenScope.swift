/// What an API token may do. A token has one or more scopes; a web session may do all.
public enum TokenScope: String, CaseIterable, Sendable, Codable, Comparable {
    /// Read everything of the runner: profile, today, plan, journal, status, report, export.
    case read
    /// Log, edit, delete and undo journal entries; add and retire shoes.
    case journalWrite = "journal:write"
    /// Upload activity files and export zips.
    case `import`
    /// Change the profile, record self-tests, restart the programme, restore a backup.
    case profileWrite = "profile:write"
    /// Act as a coach: the dashboard, and linked runners' data within what each granted;
    /// comments and adjustments for them. Invitations and clubs need the coach's session.
    case coaching

    /// The scopes as the command line and the API list them.
    public static var validList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public static func < (lhs: TokenScope, rhs: TokenScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

import KneeCoachApp
import KneeCoachServer
import KneeCoachStore

/// Runner A's rows, to compare before and after a refused request.
struct Snapshot: Equatable {
    let entries: [String]
    let tokens: [String]
    let account: String?
    let profile: String?
    let feed: Bool
    let start: String?
    let links: [String]
    let comments: [String]
    let clubs: [String]
    let adjustments: [String]
    /// The server's sign-up setting, which only the admin (A) changes.
    let signup: String?

    static func of(_ server: TestServer, login: String) async throws -> Snapshot {
        let signup = try await server.state.store.signupSetting()
        guard let account = try await server.state.store.account(login: login) else {
            return Snapshot(
                entries: [], tokens: [], account: nil, profile: nil, feed: false, start: nil, links: [], comments: [], clubs: [], adjustments: [],
                signup: signup)
        }
        let journal = server.state.journal(for: account.userID)
        let contents = try await journal.contents(from: nil, to: nil)
        return Snapshot(
            entries: JournalDocument(contents).entries.map { "\($0.id) \($0.summary)" },
            tokens: try await journal.tokens().map { "\($0.id) \($0.name) \($0.revokedAt == nil)" },
            account: "\(account.passwordHash) \(account.authEpoch)",
            profile: try await journal.store.profileJSON(), feed: try await journal.store.hasCalendarFeed(),
            start: try await journal.programmeStart()?.description,
            links: try await server.state.coaching.coaches(of: account.userID).map { "\($0.id) \($0.scopes) \($0.sharesBoard)" },
            comments: try await journal.comments().map { "\($0.id) \($0.body) \($0.seenAt != nil)" },
            clubs: try await server.state.coaching.clubs(coach: account.userID).map { "\($0.id) \($0.name)" },
            adjustments: try await journal.adjustments().map { "\($0.id) \($0.kind) \($0.undone == nil)" }, signup: signup)
    }
}

import Foundation
import SQLKit

/// One account as the admin sees it: account facts only, never health data (no count of
/// entries, no profile).
public struct AccountSummary: Sendable, Equatable {
    public var userID: UserID
    public var login: String
    public var isAdmin: Bool
    public var createdAt: Date
    /// API tokens not revoked.
    public var liveTokens: Int
    /// Coach links not ended, on either side (as a coach or as a runner).
    public var liveCoachLinks: Int

    public init(userID: UserID, login: String, isAdmin: Bool, createdAt: Date, liveTokens: Int, liveCoachLinks: Int) {
        self.userID = userID
        self.login = login
        self.isAdmin = isAdmin
        self.createdAt = createdAt
        self.liveTokens = liveTokens
        self.liveCoachLinks = liveCoachLinks
    }
}

extension JournalStore {
    /// Every account of the server, by sign-in name, with its live tokens and coach links
    /// counted in the same query. Not scoped to the store's runner.
    public func accountSummaries() async throws(StoreError) -> [AccountSummary] {
        try await read("list accounts") { sql in
            try await sql.raw(
                """
                SELECT a.user_id, a.login, a.is_admin, a.created_at,
                    (SELECT COUNT(*) FROM api_tokens t WHERE t.user_id = a.user_id AND t.revoked_at IS NULL) AS live_tokens,
                    (SELECT COUNT(*) FROM coach_links l
                        WHERE (l.coach_id = a.user_id OR l.runner_id = a.user_id) AND l.ended_at IS NULL) AS live_links
                FROM accounts a ORDER BY a.login
                """
            ).all().map { row in
                let read = RowReader(row: row, table: "accounts")
                return AccountSummary(
                    userID: try read.id("user_id"), login: try read("login"), isAdmin: try read("is_admin"),
                    createdAt: try read.instant("created_at"), liveTokens: try read("live_tokens"),
                    liveCoachLinks: try read("live_links"))
            }
        }
    }
}

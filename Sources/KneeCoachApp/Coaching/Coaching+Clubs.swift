import Foundation
import KneeCoachCore
import KneeCoachStore

/// Clubs: a coach's groups of runners, and the board of adherence that each runner of a club
/// may choose to appear on. The board shows sessions, never pain or notes.
extension Coaching {
    /// One runner on a club's board.
    public struct BoardRow: Sendable, Equatable, Encodable {
        public let runnerName: String
        public let sessionsLast7Days: Int
        public let weeksWithSessionsInARow: Int
        /// Whether this row is the runner looking at the board.
        public let isYou: Bool
    }

    /// A club as one side sees it.
    public struct ClubView: Sendable {
        public let club: ClubRecord
        /// The coach's name as the runners know it.
        public let coachName: String
        public let board: [BoardRow]
    }

    /// Makes a club of the coach's.
    public func createClub(coach: UserID, name: String, now: Date = Date()) async throws -> ClubRecord {
        try await store.insertClub(coachID: coach, name: try Self.checkedName(name), now: now)
    }

    /// The coach's clubs.
    public func clubs(coach: UserID) async throws -> [ClubRecord] {
        try await store.clubs(coachID: coach)
    }

    /// Removes one of the coach's clubs; its runners stay linked, in no club.
    public func deleteClub(_ id: Int64, coach: UserID) async throws {
        guard try await store.deleteClub(id: id, coachID: coach) else { throw CoachingError.notFound("club") }
    }

    /// Puts one of the coach's runners into one of the coach's clubs, or none.
    public func move(link id: Int64, coach: UserID, toClub clubID: Int64?, now: Date = Date()) async throws {
        guard try await store.setCoachLinkClub(id: id, coachID: coach, clubID: clubID, now: now) else {
            throw CoachingError.notFound(clubID == nil ? "runner" : "runner or club")
        }
    }

    /// The coach's view of a club: every runner who shares their status, whether or not they
    /// chose the board (the coach sees their adherence anyway).
    public func clubForCoach(_ id: Int64, coach: UserID, now: Date = Date()) async throws -> ClubView {
        guard let club = try await store.clubs(coachID: coach).first(where: { $0.id == id }) else {
            throw CoachingError.notFound("club")
        }
        let rows = try await dashboard(coach: coach, clubID: id, now: now).compactMap { row in
            row.attention.map { Self.boardRow(row.link, $0, viewer: nil) }
        }
        return ClubView(club: club, coachName: "", board: rows.sorted(by: Self.boardOrder))
    }

    /// The clubs the runner is in, each with the board of the runners who chose to appear on
    /// it; the board is empty until the runner chooses to appear on it too.
    public func clubsForRunner(_ runner: UserID, now: Date = Date()) async throws -> [ClubView] {
        let own = try await store.coachLinks(runnerID: runner).filter { $0.clubID != nil }
        let clubs = try await store.clubs(ids: own.compactMap(\.clubID))
        var views: [ClubView] = []
        for club in clubs {
            guard let mine = own.first(where: { $0.clubID == club.id }) else { continue }
            var board: [BoardRow] = []
            if mine.sharesBoard {
                let members = try await store.clubLinks(clubID: club.id).filter(\.sharesBoard)
                let assessed = try await attention(of: members.map(\.runnerID), now: now)
                board = members.compactMap { link in
                    assessed[link.runnerID].map { Self.boardRow(link, $0, viewer: runner) }
                }.sorted(by: Self.boardOrder)
            }
            views.append(ClubView(club: club, coachName: mine.coachName, board: board))
        }
        return views
    }

    private static func boardRow(_ link: CoachLinkRecord, _ report: AttentionReport, viewer: UserID?) -> BoardRow {
        BoardRow(
            runnerName: link.runnerName, sessionsLast7Days: report.sessionsLast7Days,
            weeksWithSessionsInARow: report.weeksWithSessionsInARow, isYou: link.runnerID == viewer)
    }

    private static func boardOrder(_ a: BoardRow, _ b: BoardRow) -> Bool {
        (a.weeksWithSessionsInARow, a.sessionsLast7Days, b.runnerName) > (b.weeksWithSessionsInARow, b.sessionsLast7Days, a.runnerName)
    }
}

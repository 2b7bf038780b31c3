import Foundation
import KneeCoachCore
import KneeCoachStore

/// A link as the runner sees it (`GET /api/v1/coaches`) or the coach (`/coaching/runners`).
public struct CoachLinkDocument: Codable, Equatable, Sendable {
    public let id: Int64
    /// The runner's account number: the `{runner}` of the coach's addresses.
    public let runner: Int64
    public let coachName: String
    public let runnerName: String
    public let scopes: [String]
    public let club: Int64?
    public let sharesBoard: Bool
    public let since: String

    public init(_ link: CoachLinkRecord) {
        id = link.id
        runner = link.runnerID.rawValue
        coachName = link.coachName
        runnerName = link.runnerName
        scopes = link.scopes
        club = link.clubID
        sharesBoard = link.sharesBoard
        since = link.createdAt.formatted(.iso8601)
    }
}

/// An invitation as the coach sees it; `secret` (the link token or the code) only in the
/// answer that made it.
public struct InvitationDocument: Codable, Equatable, Sendable {
    public let id: Int64
    public let form: String
    public let coachName: String
    public let label: String?
    public let club: Int64?
    public let createdAt: String
    public let expiresAt: String
    public let usedAt: String?
    public let secret: String?

    public init(_ record: CoachInvitationRecord, secret: String? = nil) {
        id = record.id
        form = record.form
        coachName = record.coachName
        label = record.label
        club = record.clubID
        createdAt = record.createdAt.formatted(.iso8601)
        expiresAt = record.expiresAt.formatted(.iso8601)
        usedAt = record.usedAt?.formatted(.iso8601)
        self.secret = secret
    }
}

/// The coach's dashboard: runners in the order of attention.
public struct DashboardDocument: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public let link: CoachLinkDocument
        /// Absent when the runner shares no status (or has no profile yet).
        public let attention: AttentionReport?
    }

    public let runners: [Row]

    public init(_ rows: [Coaching.DashboardRow]) {
        runners = rows.map { Row(link: CoachLinkDocument($0.link), attention: $0.attention) }
    }
}

/// A comment on a runner's day, session or entry.
public struct CommentDocument: Codable, Equatable, Sendable {
    public let id: Int64
    public let date: String
    public let about: String
    public let authorName: String
    public let byCoach: Bool
    public let body: String
    public let createdAt: String
    public let seen: Bool

    /// - Parameter runnerName: What to call the runner's own comments: the name the coach
    ///   knows them by, or "You" for the runner.
    public init(_ record: CommentRecord, runnerName: String = "You") {
        id = record.id
        date = record.day.description
        about = record.about
        authorName = record.byCoach ? record.authorName : runnerName
        byCoach = record.byCoach
        body = record.body
        createdAt = record.createdAt.formatted(.iso8601)
        seen = record.seenAt != nil
    }
}

/// One read of the runner's data by a coach.
public struct AccessLogDocument: Codable, Equatable, Sendable {
    public let coachName: String
    public let what: String
    public let at: String

    public init(_ record: AccessLogRecord) {
        coachName = record.coachName
        what = record.what
        at = record.at.formatted(.iso8601)
    }
}

/// A club, with its board when the reader may see it.
public struct ClubDocument: Encodable, Sendable {
    public let id: Int64
    public let name: String
    public let coachName: String?
    public let board: [Coaching.BoardRow]

    public init(_ club: ClubRecord, coachName: String? = nil, board: [Coaching.BoardRow] = []) {
        id = club.id
        name = club.name
        self.coachName = coachName
        self.board = board
    }

    public init(_ view: Coaching.ClubView) {
        self.init(view.club, coachName: view.coachName.isEmpty ? nil : view.coachName, board: view.board)
    }
}

import Foundation
import KneeCoachCore

/// A coach's invitation as stored: who made it and under which name, whether it is a link or
/// a code (a club's list of codes shares one club), and when it expires or was used. The
/// token itself is shown once; the store keeps its SHA-256.
public struct CoachInvitationRecord: Sendable, Equatable {
    public var id: Int64
    public var coachID: UserID
    public var coachName: String
    /// `link` or `code`.
    public var form: String
    public var clubID: Int64?
    /// What the coach wrote beside a code (a runner's name on a club list), if anything.
    public var label: String?
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?
    public var usedBy: UserID?

    public init(
        id: Int64, coachID: UserID, coachName: String, form: String, clubID: Int64?, label: String?, createdAt: Date,
        expiresAt: Date, usedAt: Date? = nil, usedBy: UserID? = nil
    ) {
        self.id = id
        self.coachID = coachID
        self.coachName = coachName
        self.form = form
        self.clubID = clubID
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
        self.usedBy = usedBy
    }
}

/// A runner's consent to a coach: the scopes granted, the names each side sees, the club it
/// belongs to, and when it ended (and by whom) if it has.
public struct CoachLinkRecord: Sendable, Equatable {
    public var id: Int64
    public var coachID: UserID
    public var runnerID: UserID
    public var coachName: String
    public var runnerName: String
    public var scopes: [String]
    public var clubID: Int64?
    /// Whether the runner shows their adherence on the club's board.
    public var sharesBoard: Bool
    public var createdAt: Date
    public var updatedAt: Date
    public var endedAt: Date?
    public var endedBy: UserID?

    public init(
        id: Int64, coachID: UserID, runnerID: UserID, coachName: String, runnerName: String, scopes: [String],
        clubID: Int64?, sharesBoard: Bool, createdAt: Date, updatedAt: Date, endedAt: Date? = nil, endedBy: UserID? = nil
    ) {
        self.id = id
        self.coachID = coachID
        self.runnerID = runnerID
        self.coachName = coachName
        self.runnerName = runnerName
        self.scopes = scopes
        self.clubID = clubID
        self.sharesBoard = sharesBoard
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.endedAt = endedAt
        self.endedBy = endedBy
    }
}

/// A coach's group of runners.
public struct ClubRecord: Sendable, Equatable {
    public var id: Int64
    public var coachID: UserID
    public var name: String
    public var createdAt: Date

    public init(id: Int64, coachID: UserID, name: String, createdAt: Date) {
        self.id = id
        self.coachID = coachID
        self.name = name
        self.createdAt = createdAt
    }
}

/// One read of a runner's data by a coach: who, what, when.
public struct AccessLogRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var runnerID: UserID
    public var coachID: UserID?
    public var coachName: String
    public var what: String
    public var at: Date

    public init(id: Int64, runnerID: UserID, coachID: UserID?, coachName: String, what: String, at: Date) {
        self.id = id
        self.runnerID = runnerID
        self.coachID = coachID
        self.coachName = coachName
        self.what = what
        self.at = at
    }
}

/// A comment on one of a runner's days, sessions or entries, by the runner or a coach.
public struct CommentRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var runnerID: UserID
    public var authorID: UserID?
    public var authorName: String
    public var byCoach: Bool
    public var day: LocalDate
    /// What it is about: `day`, a session's id (`session:<exercise or session kind>`) or an
    /// entry's name (`entry:pain-7`).
    public var about: String
    public var body: String
    public var createdAt: Date
    /// When the runner saw it (a coach's comment), `nil` while it is new.
    public var seenAt: Date?

    public init(
        id: Int64, runnerID: UserID, authorID: UserID?, authorName: String, byCoach: Bool, day: LocalDate, about: String,
        body: String, createdAt: Date, seenAt: Date? = nil
    ) {
        self.id = id
        self.runnerID = runnerID
        self.authorID = authorID
        self.authorName = authorName
        self.byCoach = byCoach
        self.day = day
        self.about = about
        self.body = body
        self.createdAt = createdAt
        self.seenAt = seenAt
    }
}

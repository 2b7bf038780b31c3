import Foundation
import KneeCoachCore
import KneeCoachStore

/// Comments on the runner's days, sessions and entries, by the runner or a coach, and the
/// runner's access log.
extension Journal {
    /// The longest comment taken.
    public static let commentLength = 1...2000

    /// Adds a comment on `day` about the day itself (`day`), a session (`session:<kind>`) or a
    /// journal entry (its name, e.g. `pain-7`, which must exist).
    /// - Throws: ``CoachingError`` for a blank or long comment or an unknown target, ``JournalError`` for an unknown entry.
    public func comment(
        on day: LocalDate, about: String, body: String, author: UserID, authorName: String, byCoach: Bool, now: Date = Date()
    ) async throws -> CommentRecord {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.unicodeScalars.count <= Self.commentLength.upperBound, Self.commentLength.contains(text.unicodeScalars.count),
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) })
        else { throw CoachingError.badComment(maximum: Self.commentLength.upperBound) }
        let target = about.trimmingCharacters(in: .whitespaces)
        if target.hasPrefix("session:") {
            guard target.count > "session:".count, target.count <= 80 else { throw CoachingError.badCommentTarget(about) }
        } else if target != "day" {
            let entry = try await entry(named: target)
            return try await store.insertComment(
                authorID: author, authorName: authorName, byCoach: byCoach, day: entry.date, about: target, body: text, now: now)
        }
        return try await store.insertComment(
            authorID: author, authorName: authorName, byCoach: byCoach, day: day, about: target, body: text, now: now)
    }

    /// The comments between two days (inclusive; all when `nil`), oldest first; `coach`
    /// given, only the runner's own and that coach's.
    public func comments(from: LocalDate? = nil, to: LocalDate? = nil, visibleTo coach: UserID? = nil) async throws
        -> [CommentRecord]
    {
        let all = try await store.comments(from: from, to: to)
        guard let coach else { return all }
        return all.filter { !$0.byCoach || $0.authorID == coach }
    }

    /// Coaches' comments the runner has not marked seen.
    public func newComments() async throws -> [CommentRecord] {
        try await store.unseenComments()
    }

    /// Marks the runner's comments up to `id` as seen.
    public func markCommentsSeen(through id: Int64, now: Date = Date()) async throws {
        try await store.markCommentsSeen(throughID: id, now: now)
    }

    /// Removes a comment the author wrote.
    public func deleteComment(_ id: Int64, author: UserID) async throws {
        guard try await store.deleteComment(id: id, authorID: author) else { throw CoachingError.notFound("comment") }
    }

    /// Every read of the runner's data by a coach, newest first.
    public func accessLog(limit: Int = 500) async throws -> [AccessLogRecord] {
        try await store.accessLog(limit: limit)
    }
}

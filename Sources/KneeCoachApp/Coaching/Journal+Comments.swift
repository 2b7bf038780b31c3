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
        guard body.unicodeScalars.count <= Self.commentLength.upperBound, Self.commentLength.contains(text.unicodeScalars.count)
        else { throw CoachingError.badComment(maximum: Self.commentLength.upperBound) }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) })
        else { throw CoachingError.commentControlCharacter }
        let today = await today(now: now)
        guard day <= today else { throw CoachingError.commentInTheFuture(today) }
        let target = about.trimmingCharacters(in: .whitespaces)
        if target.hasPrefix("session:") {
            guard SessionKind(rawValue: String(target.dropFirst("session:".count))) != nil else {
                throw CoachingError.badCommentTarget(about)
            }
        } else if target != "day" {
            let entry = try await entry(named: target, withOriginalFile: false)
            return try await store.insertComment(
                authorID: author, authorName: authorName, byCoach: byCoach, day: entry.date, about: target, body: text, now: now)
        }
        return try await store.insertComment(
            authorID: author, authorName: authorName, byCoach: byCoach, day: day, about: target, body: text, now: now)
    }

    /// Adds a coach's comment through their link. A comment on an entry needs `journal`: the
    /// entry of a coach without it is "not found", as the entry itself is.
    public func comment(
        on day: LocalDate, about: String, body: String, through link: CoachLinkRecord, now: Date = Date()
    ) async throws -> CommentRecord {
        if Self.commentNamesEntry(about), !CoachScope.journal.isGranted(by: link) { throw CoachingError.notFound("entry") }
        return try await comment(
            on: day, about: about, body: body, author: link.coachID, authorName: link.coachName, byCoach: true, now: now)
    }

    /// The comments between two days (inclusive; all when `nil`), oldest first. Through a
    /// coach's `link`, only the runner's own and that coach's, and those on journal entries
    /// only with `journal` granted (the coach's own always).
    public func comments(from: LocalDate? = nil, to: LocalDate? = nil, through link: CoachLinkRecord? = nil) async throws
        -> [CommentRecord]
    {
        let all = try await store.comments(from: from, to: to)
        guard let link else { return all }
        let seesJournal = CoachScope.journal.isGranted(by: link)
        return all.filter { comment in
            if comment.authorID == link.coachID { return true }
            return !comment.byCoach && (seesJournal || !Self.commentNamesEntry(comment.about))
        }
    }

    /// Whether a comment is about a journal entry (by its name), not the day or a session.
    public static func commentNamesEntry(_ about: String) -> Bool {
        let target = about.trimmingCharacters(in: .whitespaces)
        return target != "day" && !target.hasPrefix("session:")
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

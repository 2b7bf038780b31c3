import Foundation
import KneeCoachCore
import SQLKit

/// Comments on the store's runner's days, sessions and entries, by the runner or a coach.
extension JournalStore {
    static let commentColumns = [
        "id", "user_id", "author_id", "author_name", "by_coach", "local_date", "about", "body", "created_at", "seen_at",
    ]

    /// Stores a comment on the store's runner's `day`.
    public func insertComment(
        authorID: UserID?, authorName: String, byCoach: Bool, day: LocalDate, about: String, body: String, now: Date = Date(),
        seenAt: Date? = nil
    ) async throws(StoreError) -> CommentRecord {
        let created = SQLValues.seconds(now)
        // The runner's own comments are seen as they are written.
        let seen = byCoach ? seenAt.map(SQLValues.seconds) : created
        let id = try await write("store a comment") { sql in
            try await insertRow(
                sql, into: "comments",
                [("author_id", authorID?.rawValue), ("author_name", authorName), ("by_coach", byCoach),
                 ("local_date", day.description), ("about", about), ("body", body), ("created_at", created),
                 ("seen_at", seen)])
        }
        return CommentRecord(
            id: id, runnerID: userID, authorID: authorID, authorName: authorName, byCoach: byCoach, day: day, about: about,
            body: body, createdAt: Date(timeIntervalSince1970: TimeInterval(created)),
            seenAt: seen.map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }

    /// The runner's comments between two days (inclusive; all when `nil`), oldest first.
    public func comments(from: LocalDate? = nil, to: LocalDate? = nil) async throws(StoreError) -> [CommentRecord] {
        try await read("read comments") { sql in
            var query = sql.select().columns(Self.commentColumns).from("comments").where("user_id", .equal, userID.rawValue)
            if let from { query = query.where("local_date", .greaterThanOrEqual, from.description) }
            if let to { query = query.where("local_date", .lessThanOrEqual, to.description) }
            return try await query.orderBy("local_date").orderBy("id").all().map(CommentRecord.init(row:))
        }
    }

    /// Coaches' comments the runner has not seen yet, oldest first.
    public func unseenComments() async throws(StoreError) -> [CommentRecord] {
        try await read("read new comments") { sql in
            try await sql.select().columns(Self.commentColumns).from("comments").where("user_id", .equal, userID.rawValue)
                .where("by_coach", .equal, true).where("seen_at", .is, SQLLiteral.null)
                .orderBy("id").all().map(CommentRecord.init(row:))
        }
    }

    /// Marks the runner's comments up to `throughID` as seen; the number marked.
    @discardableResult
    public func markCommentsSeen(throughID: Int64, now: Date = Date()) async throws(StoreError) -> Int {
        try await write("mark comments seen") { sql in
            try await sql.update("comments").set("seen_at", to: SQLValues.seconds(now))
                .where("user_id", .equal, userID.rawValue).where("id", .lessThanOrEqual, throughID)
                .where("seen_at", .is, SQLLiteral.null).returning("id").all().count
        }
    }

    /// Removes one of the runner's comments written by `authorID`; `false` when there is none.
    public func deleteComment(id: Int64, authorID: UserID) async throws(StoreError) -> Bool {
        try await write("remove a comment") { sql in
            try await sql.delete(from: "comments").where("id", .equal, id).where("user_id", .equal, userID.rawValue)
                .where("author_id", .equal, authorID.rawValue).returning("id").all().isEmpty == false
        }
    }
}

extension CommentRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "comments")
        let author: Int64? = try read("author_id")
        let seen: Int64? = try read("seen_at")
        self.init(
            id: try read("id"), runnerID: try read.id("user_id"), authorID: author.map { UserID($0) },
            authorName: try read("author_name"), byCoach: try read("by_coach"), day: try read.date(), about: try read("about"),
            body: try read("body"), createdAt: try read.instant("created_at"),
            seenAt: seen.map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }
}

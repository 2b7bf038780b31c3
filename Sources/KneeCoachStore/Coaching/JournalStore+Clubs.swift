import Foundation
import SQLKit

/// A coach's clubs: groups of the coach's linked runners.
extension JournalStore {
    /// Makes a club of this coach's.
    public func insertClub(coachID: UserID, name: String, now: Date = Date()) async throws(StoreError) -> ClubRecord {
        let created = SQLValues.seconds(now)
        let id = try await write("make a club") { sql in
            let id = try await sql.insert(into: "clubs").columns("coach_id", "name", "created_at")
                .values(SQLBind(coachID.rawValue), SQLBind(name), SQLBind(created))
                .returning("id").first(decodingColumn: "id", as: Int64.self)
            guard let id else { throw StoreError.failed(operation: "make a club", reason: "no id came back") }
            return id
        }
        return ClubRecord(id: id, coachID: coachID, name: name, createdAt: Date(timeIntervalSince1970: TimeInterval(created)))
    }

    /// A coach's clubs, oldest first.
    public func clubs(coachID: UserID) async throws(StoreError) -> [ClubRecord] {
        try await read("read clubs") { sql in
            try await sql.select().columns("id", "coach_id", "name", "created_at").from("clubs")
                .where("coach_id", .equal, coachID.rawValue).orderBy("id").all().map(ClubRecord.init(row:))
        }
    }

    /// Clubs by id, whoever's (the clubs a runner's links belong to).
    public func clubs(ids: [Int64]) async throws(StoreError) -> [ClubRecord] {
        guard !ids.isEmpty else { return [] }
        return try await read("read clubs") { sql in
            try await sql.select().columns("id", "coach_id", "name", "created_at").from("clubs")
                .where("id", .in, ids).orderBy("id").all().map(ClubRecord.init(row:))
        }
    }

    /// Removes one of a coach's clubs (its runners stay linked, in no club); `false` when the
    /// coach has no such club.
    public func deleteClub(id: Int64, coachID: UserID) async throws(StoreError) -> Bool {
        try await write("remove a club") { sql in
            try await sql.delete(from: "clubs").where("id", .equal, id).where("coach_id", .equal, coachID.rawValue)
                .returning("id").all().isEmpty == false
        }
    }

    /// The live links of a club, oldest first.
    public func clubLinks(clubID: Int64) async throws(StoreError) -> [CoachLinkRecord] {
        try await read("read a club's runners") { sql in
            try await sql.select().columns(Self.linkColumns).from("coach_links")
                .where("club_id", .equal, clubID).where("ended_at", .is, SQLLiteral.null)
                .orderBy("id").all().map(CoachLinkRecord.init(row:))
        }
    }
}

extension ClubRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "clubs")
        self.init(id: try read("id"), coachID: try read.id("coach_id"), name: try read("name"), createdAt: try read.instant("created_at"))
    }
}

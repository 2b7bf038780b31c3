import Foundation
import SQLKit

/// Coach invitations and the links runners accept from them. These cross runners, so each
/// method names the coach and the runner it acts for; none reads the store's own runner.
extension JournalStore {
    static let invitationColumns = [
        "id", "coach_id", "coach_name", "form", "club_id", "label", "created_at", "expires_at", "used_at", "used_by",
    ]
    static let linkColumns = [
        "id", "coach_id", "runner_id", "coach_name", "runner_name", "scopes", "club_id", "shares_board", "created_at",
        "updated_at", "ended_at", "ended_by",
    ]

    // MARK: Invitations

    /// Stores a coach's invitations, one per token hash (with its label), all of one form and
    /// club, in one transaction.
    public func insertCoachInvitations(
        coachID: UserID, coachName: String, form: String, clubID: Int64?, tokens: [(hash: String, label: String?)],
        expires: Date, now: Date = Date()
    ) async throws(StoreError) -> [CoachInvitationRecord] {
        let created = SQLValues.seconds(now)
        let expiry = SQLValues.seconds(expires)
        return try await write("store invitations") { sql in
            var records: [CoachInvitationRecord] = []
            for token in tokens {
                let id = try await sql.insert(into: "coach_invitations")
                    .columns("coach_id", "coach_name", "token_hash", "form", "club_id", "label", "created_at", "expires_at")
                    .values(
                        SQLBind(coachID.rawValue), SQLBind(coachName), SQLBind(token.hash), SQLBind(form), SQLBind(clubID),
                        SQLBind(token.label), SQLBind(created), SQLBind(expiry)
                    )
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
                guard let id else { throw StoreError.failed(operation: "store an invitation", reason: "no id came back") }
                records.append(
                    CoachInvitationRecord(
                        id: id, coachID: coachID, coachName: coachName, form: form, clubID: clubID, label: token.label,
                        createdAt: Date(timeIntervalSince1970: TimeInterval(created)),
                        expiresAt: Date(timeIntervalSince1970: TimeInterval(expiry))))
            }
            return records
        }
    }

    /// A coach's invitations, used and expired ones too, newest first.
    public func coachInvitations(coachID: UserID) async throws(StoreError) -> [CoachInvitationRecord] {
        try await read("read invitations") { sql in
            try await sql.select().columns(Self.invitationColumns).from("coach_invitations")
                .where("coach_id", .equal, coachID.rawValue).orderBy("id", .descending).all()
                .map(CoachInvitationRecord.init(row:))
        }
    }

    /// Withdraws one of a coach's unused invitations; `false` when the coach has no such one.
    public func withdrawCoachInvitation(id: Int64, coachID: UserID) async throws(StoreError) -> Bool {
        try await write("withdraw an invitation") { sql in
            try await sql.delete(from: "coach_invitations").where("id", .equal, id)
                .where("coach_id", .equal, coachID.rawValue).where("used_at", .is, SQLLiteral.null)
                .returning("id").all().isEmpty == false
        }
    }

    /// The live (unused, unexpired) invitation with this token hash, or `nil`.
    public func liveCoachInvitation(tokenHash: String, now: Date = Date()) async throws(StoreError) -> CoachInvitationRecord? {
        try await read("read an invitation") { sql in
            try await sql.select().columns(Self.invitationColumns).from("coach_invitations")
                .where("token_hash", .equal, tokenHash).where("used_at", .is, SQLLiteral.null)
                .where("expires_at", .greaterThan, SQLValues.seconds(now))
                .first().map(CoachInvitationRecord.init(row:))
        }
    }

    /// Uses up the invitation and links the runner to its coach with `scopes`, in one
    /// transaction: `nil` when the invitation is gone, used or expired (a second use racing
    /// this one finds it used). A runner already linked to that coach gets the new scopes.
    public func acceptCoachInvitation(
        tokenHash: String, runnerID: UserID, runnerName: String, scopes: [String], now: Date = Date()
    ) async throws -> CoachLinkRecord? {
        let seconds = SQLValues.seconds(now)
        return try await transaction { store in
            try await store.write("accept an invitation") { sql -> CoachLinkRecord? in
                guard let row = try await sql.update("coach_invitations")
                    .set("used_at", to: seconds).set("used_by", to: runnerID.rawValue)
                    .where("token_hash", .equal, tokenHash).where("used_at", .is, SQLLiteral.null)
                    .where("expires_at", .greaterThan, seconds)
                    .returning(SQLColumn("coach_id"), SQLColumn("coach_name"), SQLColumn("club_id")).first()
                else { return nil }
                let read = RowReader(row: row, table: "coach_invitations")
                let coachID = UserID(try read("coach_id", as: Int64.self))
                let coachName: String = try read("coach_name")
                let clubID: Int64? = try read("club_id")
                let scopeText = scopes.joined(separator: " ")
                if let live = try await sql.update("coach_links")
                    .set("scopes", to: scopeText).set("runner_name", to: runnerName).set("coach_name", to: coachName)
                    .set("club_id", to: SQLFunction("COALESCE", args: SQLBind(clubID), SQLColumn("club_id")))
                    .set("updated_at", to: seconds)
                    .where("coach_id", .equal, coachID.rawValue).where("runner_id", .equal, runnerID.rawValue)
                    .where("ended_at", .is, SQLLiteral.null)
                    .returning(Self.linkColumns.map { SQLColumn($0) }).first()
                {
                    return try CoachLinkRecord(row: live)
                }
                let inserted = try await sql.insert(into: "coach_links")
                    .columns(
                        "coach_id", "runner_id", "coach_name", "runner_name", "scopes", "club_id", "shares_board",
                        "created_at", "updated_at")
                    .values(
                        SQLBind(coachID.rawValue), SQLBind(runnerID.rawValue), SQLBind(coachName), SQLBind(runnerName),
                        SQLBind(scopeText), SQLBind(clubID), SQLBind(false), SQLBind(seconds), SQLBind(seconds))
                    .returning(Self.linkColumns.map { SQLColumn($0) }).first()
                return try inserted.map(CoachLinkRecord.init(row:))
            }
        }
    }

    // MARK: Links

    /// The live links of a runner (their coaches), oldest first.
    public func coachLinks(runnerID: UserID) async throws(StoreError) -> [CoachLinkRecord] {
        try await links(where: "runner_id", is: runnerID)
    }

    /// The live links of a coach (their runners), oldest first.
    public func coachLinks(coachID: UserID) async throws(StoreError) -> [CoachLinkRecord] {
        try await links(where: "coach_id", is: coachID)
    }

    /// Every live link of the server, oldest first: what a background task reads to keep the
    /// coaches' dashboards ready.
    public func allLiveCoachLinks() async throws(StoreError) -> [CoachLinkRecord] {
        try await read("read coach links") { sql in
            try await sql.select().columns(Self.linkColumns).from("coach_links")
                .where("ended_at", .is, SQLLiteral.null).orderBy("id").all().map(CoachLinkRecord.init(row:))
        }
    }

    private func links(where column: String, is id: UserID) async throws(StoreError) -> [CoachLinkRecord] {
        try await read("read coach links") { sql in
            try await sql.select().columns(Self.linkColumns).from("coach_links")
                .where(SQLIdentifier(column), .equal, SQLBind(id.rawValue)).where("ended_at", .is, SQLLiteral.null)
                .orderBy("id").all().map(CoachLinkRecord.init(row:))
        }
    }

    /// The live link between this coach and runner, or `nil`: read afresh on every request
    /// a coach makes, so that a change of scopes or a revocation holds from the next one.
    public func liveCoachLink(coachID: UserID, runnerID: UserID) async throws(StoreError) -> CoachLinkRecord? {
        try await read("read a coach link") { sql in
            try await sql.select().columns(Self.linkColumns).from("coach_links")
                .where("coach_id", .equal, coachID.rawValue).where("runner_id", .equal, runnerID.rawValue)
                .where("ended_at", .is, SQLLiteral.null).first().map(CoachLinkRecord.init(row:))
        }
    }

    /// Changes what a live link of this runner grants and whether they share the club's
    /// board; `nil` when the runner has no such live link.
    public func updateCoachLink(
        id: Int64, runnerID: UserID, scopes: [String]?, sharesBoard: Bool?, now: Date = Date()
    ) async throws(StoreError) -> CoachLinkRecord? {
        try await write("change a coach link") { sql in
            var update = sql.update("coach_links").set("updated_at", to: SQLValues.seconds(now))
            if let scopes { update = update.set("scopes", to: scopes.joined(separator: " ")) }
            if let sharesBoard { update = update.set("shares_board", to: sharesBoard) }
            return try await update.where("id", .equal, id).where("runner_id", .equal, runnerID.rawValue)
                .where("ended_at", .is, SQLLiteral.null)
                .returning(Self.linkColumns.map { SQLColumn($0) }).first().map(CoachLinkRecord.init(row:))
        }
    }

    /// Puts a coach's live link into one of the coach's clubs (or none); `false` when the coach
    /// has no such link or club.
    public func setCoachLinkClub(id: Int64, coachID: UserID, clubID: Int64?, now: Date = Date()) async throws(StoreError) -> Bool {
        try await write("move a runner to a club") { sql in
            if let clubID {
                let owned = try await sql.select().column("id").from("clubs").where("id", .equal, clubID)
                    .where("coach_id", .equal, coachID.rawValue).first()
                guard owned != nil else { return false }
            }
            return try await sql.update("coach_links").set("club_id", to: clubID).set("updated_at", to: SQLValues.seconds(now))
                .where("id", .equal, id).where("coach_id", .equal, coachID.rawValue).where("ended_at", .is, SQLLiteral.null)
                .returning("id").all().isEmpty == false
        }
    }

    /// Ends a live link that `userID` is a side of (the runner revoking, or the coach leaving);
    /// `nil` when they have no such live link.
    public func endCoachLink(id: Int64, by userID: UserID, now: Date = Date()) async throws(StoreError) -> CoachLinkRecord? {
        try await write("end a coach link") { sql in
            try await sql.update("coach_links").set("ended_at", to: SQLValues.seconds(now)).set("ended_by", to: userID.rawValue)
                .where("id", .equal, id).where("ended_at", .is, SQLLiteral.null)
                .where { $0.where("runner_id", .equal, userID.rawValue).orWhere("coach_id", .equal, userID.rawValue) }
                .returning(Self.linkColumns.map { SQLColumn($0) }).first().map(CoachLinkRecord.init(row:))
        }
    }
}

extension CoachInvitationRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "coach_invitations")
        let used: Int64? = try read("used_at")
        let usedBy: Int64? = try read("used_by")
        self.init(
            id: try read("id"), coachID: try read.id("coach_id"), coachName: try read("coach_name"), form: try read("form"),
            clubID: try read("club_id"), label: try read("label"), createdAt: try read.instant("created_at"),
            expiresAt: try read.instant("expires_at"), usedAt: used.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            usedBy: usedBy.map { UserID($0) })
    }
}

extension CoachLinkRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "coach_links")
        let ended: Int64? = try read("ended_at")
        let endedBy: Int64? = try read("ended_by")
        self.init(
            id: try read("id"), coachID: try read.id("coach_id"), runnerID: try read.id("runner_id"),
            coachName: try read("coach_name"), runnerName: try read("runner_name"),
            scopes: try read("scopes", as: String.self).split(separator: " ").map(String.init),
            clubID: try read("club_id"), sharesBoard: try read("shares_board"), createdAt: try read.instant("created_at"),
            updatedAt: try read.instant("updated_at"), endedAt: ended.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            endedBy: endedBy.map { UserID($0) })
    }
}

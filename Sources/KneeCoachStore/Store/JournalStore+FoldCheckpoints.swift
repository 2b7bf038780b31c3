import Foundation
import KneeCoachCore
import SQLKit

/// The coach's fold checkpoint as the store keeps it: the bytes, and what they hold for.
public struct StoredFoldCheckpoint: Sendable, Equatable {
    /// The fold's first Monday (one checkpoint per runner and first Monday).
    public var foldFrom: LocalDate
    /// The checkpoint's Monday: it was made from the entries dated before it alone.
    public var day: LocalDate
    public var programmeStart: LocalDate
    /// A hash of the stored profile it was made with.
    public var profileHash: String
    /// The KneeCoach release and fold format that made it.
    public var release: String
    public var state: [UInt8]

    public init(
        foldFrom: LocalDate, day: LocalDate, programmeStart: LocalDate, profileHash: String, release: String, state: [UInt8]
    ) {
        self.foldFrom = foldFrom
        self.day = day
        self.programmeStart = programmeStart
        self.profileHash = profileHash
        self.release = release
        self.state = state
    }
}

/// The coach's fold checkpoints (migration 10): read with the journal's revision, stored only
/// when the revision has not moved since. The database forgets a checkpoint by itself when an
/// entry dated before its Monday, the profile, the programme or a shoe is written (triggers).
extension JournalStore {
    /// The runner's journal revision, moved on by every write of the journal, the profile,
    /// the programme or a shoe.
    public func journalRevision() async throws(StoreError) -> Int64 {
        try await read("read the journal's revision") { sql in
            try await sql.select().column("journal_revision").from("users").where("id", .equal, userID.rawValue)
                .first(decodingColumn: "journal_revision", as: Int64.self) ?? 0
        }
    }

    /// The journal's revision, and the checkpoint kept for a fold from `foldFrom` (`nil` when
    /// none is kept), read together. Read the revision before the journal: a checkpoint made
    /// from that read is stored only at that revision (``storeFoldCheckpoint(_:atRevision:now:)``).
    public func foldCheckpoint(from foldFrom: LocalDate) async throws(StoreError) -> (
        revision: Int64, checkpoint: StoredFoldCheckpoint?
    ) {
        try await read("read the coach's checkpoint") { sql in
            let revision =
                try await sql.select().column("journal_revision").from("users").where("id", .equal, userID.rawValue)
                .first(decodingColumn: "journal_revision", as: Int64.self) ?? 0
            let row = try await sql.select().columns(Self.checkpointColumns).from("fold_checkpoints")
                .where("user_id", .equal, userID.rawValue).where("fold_from", .equal, foldFrom.description)
                .first()
            return (revision, try row.map(Self.checkpoint(row:)))
        }
    }

    /// Every checkpoint kept for the runner, by first folded Monday.
    public func foldCheckpoints() async throws(StoreError) -> [StoredFoldCheckpoint] {
        try await read("read the coach's checkpoints") { sql in
            try await sql.select().columns(Self.checkpointColumns).from("fold_checkpoints")
                .where("user_id", .equal, userID.rawValue).orderBy("fold_from")
                .all().map(Self.checkpoint(row:))
        }
    }

    /// Keeps a checkpoint, replacing the one of the same first folded Monday, if the journal's
    /// revision is still `revision` (nothing was written since it was read); checkpoints of a
    /// fold that began more than thirteen weeks before this one's are dropped (a programme
    /// older than two years folds from a Monday that moves every week).
    ///
    /// It never waits for another writer: while another process writes (an import, a restore),
    /// the checkpoint is simply not kept this time. Not inside a transaction, nor on a journal
    /// opened read-only.
    /// - Returns: Whether it was stored.
    @discardableResult
    public func storeFoldCheckpoint(
        _ checkpoint: StoredFoldCheckpoint, atRevision revision: Int64, now: Date = Date()
    ) async throws(StoreError) -> Bool {
        guard transactionSQL == nil, !connection.isReadOnly else { return false }
        let engine = self.engine
        do {
            return try await connection.exclusively { sql in
                // SQLite: take the write lock now or not at all (no busy wait); PostgreSQL: lock
                // the runner's row, unless a writer holds it (its trigger moves the revision on).
                if engine == .sqlite { try await sql.raw("PRAGMA busy_timeout = 0").run() }
                let outcome: Result<Bool, any Error>
                do {
                    outcome = .success(try await replaceCheckpointAtOnce(sql, checkpoint, atRevision: revision, now: now))
                } catch {
                    outcome = .failure(error)
                }
                if engine == .sqlite {
                    try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(SQLiteRetry.busyTimeoutMilliseconds))").run()
                }
                return try outcome.get()
            }
        } catch {
            throw StoreError.from(error, operation: "keep the coach's checkpoint")
        }
    }

    /// One transaction, given up (`false`) when the database is busy.
    private func replaceCheckpointAtOnce(
        _ sql: any SQLDatabase, _ checkpoint: StoredFoldCheckpoint, atRevision revision: Int64, now: Date
    ) async throws -> Bool {
        do {
            try await sql.raw("\(unsafeRaw: engine.beginWrite)").run()
        } catch where SQLiteRetry.isBusy(error) {
            return false
        }
        do {
            let stored = try await replaceCheckpoint(sql, checkpoint, atRevision: revision, now: now)
            try await sql.raw("COMMIT").run()
            return stored
        } catch {
            try? await sql.raw("ROLLBACK").run()
            if SQLiteRetry.isBusy(error) { return false }
            throw error
        }
    }

    private func replaceCheckpoint(
        _ sql: any SQLDatabase, _ checkpoint: StoredFoldCheckpoint, atRevision revision: Int64, now: Date
    ) async throws -> Bool {
        let lock = engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let current = try await sql.raw(
            "SELECT journal_revision FROM users WHERE id = \(bind: userID.rawValue)\(unsafeRaw: lock)"
        ).first(decodingColumn: "journal_revision", as: Int64.self)
        guard current == revision else { return false }
        try await sql.delete(from: "fold_checkpoints").where("user_id", .equal, userID.rawValue)
            .where(group: { group in
                group.where("fold_from", .equal, checkpoint.foldFrom.description)
                    .orWhere("fold_from", .lessThan, checkpoint.foldFrom.adding(days: -91).description)
            })
            .run()
        try await sql.insert(into: "fold_checkpoints")
            .columns("user_id", "fold_from", "local_date", "programme_start", "profile_hash", "release", "state", "created_at")
            .values(
                SQLBind(userID.rawValue), SQLBind(checkpoint.foldFrom.description), SQLBind(checkpoint.day.description),
                SQLBind(checkpoint.programmeStart.description), SQLBind(checkpoint.profileHash),
                SQLBind(checkpoint.release), SQLBind(Data(checkpoint.state)), SQLBind(SQLValues.seconds(now)))
            .run()
        return true
    }

    /// Forgets every checkpoint of the runner.
    public func forgetFoldCheckpoints() async throws(StoreError) {
        try await write("forget the coach's checkpoints") { sql in
            try await sql.delete(from: "fold_checkpoints").where("user_id", .equal, userID.rawValue).run()
        }
    }

    static let checkpointColumns = [
        "fold_from", "local_date", "programme_start", "profile_hash", "release", "state",
    ]

    private static func checkpoint(row: any SQLRow) throws -> StoredFoldCheckpoint {
        let read = RowReader(row: row, table: "fold_checkpoints")
        return StoredFoldCheckpoint(
            foldFrom: try read.date("fold_from"), day: try read.date("local_date"),
            programmeStart: try read.date("programme_start"), profileHash: try read("profile_hash"),
            release: try read("release"), state: Array(try read("state", as: Data.self)))
    }
}

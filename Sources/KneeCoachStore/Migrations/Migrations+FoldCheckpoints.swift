extension Migrations {
    /// The journal's tables whose rows are dated (`local_date`): a write of one of them
    /// forgets every fold checkpoint after its day.
    static let datedTables = [
        "activities", "sessions_done", "pain_entries", "notes", "cleared", "assessments", "function_scores",
    ]

    /// The runner's tables without a day that the coach's fold reads, or may: a write of one of
    /// them forgets all of the runner's fold checkpoints.
    static let undatedTables = ["profiles", "programmes", "shoes"]

    /// The coach's fold checkpoints (`FoldCheckpoint`): the morning of a Monday, kept so that
    /// a command folds only the days since. One row per runner and first folded Monday
    /// (`fold_from`: the programme's, or two years before the first day shown, so that `today`
    /// and a status twelve weeks back of a programme older than two years each keep theirs),
    /// with what it holds for: its Monday (`local_date`), the programme's start, a hash of
    /// the profile and the release (`release`: KneeCoach's version and the fold's format).
    ///
    /// A checkpoint is made from the entries dated before its Monday alone, so the database
    /// itself forgets it (triggers, in the same transaction as the write) when any dated entry
    /// before that Monday is added, changed or deleted — logged, edited, undone, imported,
    /// restored — and when the profile, the programme or a shoe changes; a reader also
    /// compares the start, the profile's hash and the release. Every such write also moves the
    /// runner's `journal_revision` on: a command stores the checkpoint it made only if the
    /// revision is still the one it read before reading the journal, so that a write between
    /// its read and its store cannot leave a checkpoint of the journal as it was.
    static let v10 = Migration(
        version: 10, name: "create-fold-checkpoints",
        statements: [
            """
            CREATE TABLE fold_checkpoints (
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                fold_from TEXT NOT NULL,
                local_date TEXT NOT NULL,
                programme_start TEXT NOT NULL,
                profile_hash TEXT NOT NULL,
                release TEXT NOT NULL,
                state {blob} NOT NULL,
                created_at {int} NOT NULL,
                PRIMARY KEY (user_id, fold_from),
                CONSTRAINT fold_checkpoints_dates_format
                    CHECK (length(fold_from) = 10 AND length(local_date) = 10 AND length(programme_start) = 10)
            )
            """,
            "ALTER TABLE users ADD COLUMN journal_revision {int} NOT NULL DEFAULT 0",
        ]
            + datedTables.flatMap { table in
                [
                    sqliteTrigger(table, "INSERT", forgetting: ["NEW"], dated: true),
                    sqliteTrigger(table, "UPDATE", forgetting: ["OLD", "NEW"], dated: true),
                    sqliteTrigger(table, "DELETE", forgetting: ["OLD"], dated: true),
                ]
            }
            + undatedTables.flatMap { table in
                [
                    sqliteTrigger(table, "INSERT", forgetting: ["NEW"], dated: false),
                    sqliteTrigger(table, "UPDATE", forgetting: ["OLD", "NEW"], dated: false),
                    sqliteTrigger(table, "DELETE", forgetting: ["OLD"], dated: false),
                ]
            }
            + [postgresFunction(dated: true), postgresFunction(dated: false)]
            + datedTables.map { postgresTrigger($0, dated: true) }
            + undatedTables.map { postgresTrigger($0, dated: false) })

    /// SQLite: after `event` on `table`, forget the runner's checkpoints (after the row's day
    /// when `dated`) for each of the rows named (`OLD`, `NEW`), and move the revision on.
    static func sqliteTrigger(_ table: String, _ event: String, forgetting rows: [String], dated: Bool) -> String {
        let body = rows.map { row in
            """
                DELETE FROM fold_checkpoints WHERE user_id = \(row).user_id\(dated ? " AND local_date > \(row).local_date" : "");
                UPDATE users SET journal_revision = journal_revision + 1 WHERE id = \(row).user_id;
            """
        }.joined(separator: "\n")
        return """
            {sqlite}CREATE TRIGGER \(table)_\(event.lowercased())_forgets_checkpoints AFTER \(event) ON \(table)
            BEGIN
            \(body)
            END
            """
    }

    /// PostgreSQL: the function the triggers of the dated (or undated) tables run.
    private static func postgresFunction(dated: Bool) -> String {
        func forget(_ row: String) -> String {
            """
                    DELETE FROM fold_checkpoints WHERE user_id = \(row).user_id\(dated ? " AND local_date > \(row).local_date" : "");
                    UPDATE users SET journal_revision = journal_revision + 1 WHERE id = \(row).user_id;
            """
        }
        return """
            {postgres}CREATE FUNCTION \(dated ? "dated" : "undated")_row_forgets_checkpoints() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
            \(forget("OLD"))
                END IF;
                IF TG_OP <> 'DELETE' THEN
            \(forget("NEW"))
                END IF;
                RETURN NULL;
            END
            $$
            """
    }

    static func postgresTrigger(_ table: String, dated: Bool) -> String {
        """
        {postgres}CREATE TRIGGER \(table)_forgets_checkpoints AFTER INSERT OR UPDATE OR DELETE ON \(table)
        FOR EACH ROW EXECUTE FUNCTION \(dated ? "dated" : "undated")_row_forgets_checkpoints()
        """
    }
}

extension Migrations {
    /// The coaches' adjustments of a runner's programme (`CoachAdjustment`): who made each
    /// (`made_by`, the coach's account, kept as NULL once the account is gone, and the name
    /// shown, `coach_name`), its kind and value (`value` a number, `target` a target's name),
    /// the coach's reason, the day it was made (`local_date`: it applies from the next morning)
    /// and, once undone, the day and who (`undone_on`, `undone_by`, `undone_by_name`).
    ///
    /// The coach's fold reads them like the journal, so a write forgets the fold checkpoints
    /// after the day the adjustment was made, as a dated entry's does (the triggers of
    /// migration 10, added for this table): an undo changes no day before the one it was made.
    static let v12 = Migration(
        version: 12, name: "create-coach-adjustments",
        statements: [
            """
            CREATE TABLE coach_adjustments (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                made_by {int} REFERENCES users (id) ON DELETE SET NULL,
                coach_name TEXT NOT NULL,
                kind TEXT NOT NULL,
                value {double},
                target TEXT,
                reason TEXT NOT NULL,
                local_date TEXT NOT NULL,
                created_at {int} NOT NULL,
                undone_on TEXT,
                undone_by {int} REFERENCES users (id) ON DELETE SET NULL,
                undone_by_name TEXT,
                CONSTRAINT coach_adjustments_kind
                    CHECK (kind IN ('runs-per-week', 'weekly-distance', 'pause-running', 'emphasis', 'hold-phase')),
                CONSTRAINT coach_adjustments_value CHECK (
                    CASE
                        WHEN kind IN ('runs-per-week', 'weekly-distance', 'pause-running')
                            THEN value IS NOT NULL AND value > 0 AND target IS NULL
                        WHEN kind = 'emphasis' THEN value IS NULL AND target IS NOT NULL AND length(target) > 0
                        ELSE value IS NULL AND target IS NULL
                    END),
                CONSTRAINT coach_adjustments_coach_name_not_empty CHECK (length(coach_name) > 0),
                CONSTRAINT coach_adjustments_reason_not_empty CHECK (length(reason) > 0),
                CONSTRAINT coach_adjustments_dates_format
                    CHECK (length(local_date) = 10 AND (undone_on IS NULL OR length(undone_on) = 10)),
                CONSTRAINT coach_adjustments_undone_after_made CHECK (undone_on IS NULL OR undone_on >= local_date),
                CONSTRAINT coach_adjustments_undone_by_name
                    CHECK ((undone_on IS NULL) = (undone_by_name IS NULL))
            )
            """,
            "CREATE INDEX coach_adjustments_by_user_and_date ON coach_adjustments (user_id, local_date)",
            sqliteTrigger("coach_adjustments", "INSERT", forgetting: ["NEW"], dated: true),
            sqliteTrigger("coach_adjustments", "UPDATE", forgetting: ["OLD", "NEW"], dated: true),
            sqliteTrigger("coach_adjustments", "DELETE", forgetting: ["OLD"], dated: true),
            postgresTrigger("coach_adjustments", dated: true),
        ])
}

/// Every migration of the journal's schema, oldest first. Append only; never edit one.
///
/// Conventions: times are UTC instants in whole seconds since 1970 (`*_utc`, `*_at`), or in
/// milliseconds where order within a second matters (`*_ms`); the
/// runner's calendar day is `local_date` (`YYYY-MM-DD` text, which sorts); distances are
/// metres, durations seconds; every rule on values is a named CHECK constraint.
public enum Migrations {
    /// The migrations in order; ``latestVersion`` is the last one's version.
    public static let all: [Migration] = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15]

    /// The schema version this build of KneeCoach writes.
    public static var latestVersion: Int { all.last?.version ?? 0 }

    static let v1 = Migration(
        version: 1, name: "create-users-profiles-shoes",
        statements: [
            """
            CREATE TABLE users (
                id {id},
                name TEXT NOT NULL,
                created_at {int} NOT NULL,
                CONSTRAINT users_name_unique UNIQUE (name),
                CONSTRAINT users_name_not_empty CHECK (length(name) > 0)
            )
            """,
            """
            CREATE TABLE profiles (
                user_id {int} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                profile_json TEXT NOT NULL,
                updated_at {int} NOT NULL
            )
            """,
            """
            CREATE TABLE shoes (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                start_km {double} NOT NULL DEFAULT 0,
                retired {bool} NOT NULL DEFAULT FALSE,
                created_at {int} NOT NULL,
                CONSTRAINT shoes_name_unique UNIQUE (user_id, name),
                CONSTRAINT shoes_name_not_empty CHECK (length(name) > 0),
                CONSTRAINT shoes_start_km_range CHECK (start_km >= 0)
            )
            """,
        ])

    static let v2 = Migration(
        version: 2, name: "create-journal-tables",
        statements: [
            """
            CREATE TABLE activities (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                local_date TEXT NOT NULL,
                start_utc {int} NOT NULL,
                sport TEXT NOT NULL,
                is_foot {bool} NOT NULL,
                name TEXT,
                distance_m {double} NOT NULL,
                duration_s {double} NOT NULL,
                elapsed_s {double} NOT NULL,
                elevation_gain_m {double},
                elevation_loss_m {double},
                avg_cadence_spm {double},
                avg_heart_rate {double},
                surface TEXT,
                shoe_id {int} REFERENCES shoes (id) ON DELETE SET NULL,
                effort {int},
                note TEXT,
                source TEXT NOT NULL,
                format TEXT NOT NULL,
                content_hash TEXT,
                original_file {blob},
                device TEXT,
                created_at {int} NOT NULL,
                CONSTRAINT activities_content_hash_unique UNIQUE (user_id, content_hash),
                CONSTRAINT activities_local_date_format CHECK (length(local_date) = 10),
                CONSTRAINT activities_distance_range CHECK (distance_m >= 0),
                CONSTRAINT activities_duration_range CHECK (duration_s >= 0 AND elapsed_s >= 0),
                CONSTRAINT activities_elevation_range CHECK (elevation_gain_m >= 0 AND elevation_loss_m >= 0),
                CONSTRAINT activities_cadence_range CHECK (avg_cadence_spm >= 0),
                CONSTRAINT activities_heart_rate_range CHECK (avg_heart_rate >= 0),
                CONSTRAINT activities_effort_range CHECK (effort BETWEEN 0 AND 10),
                CONSTRAINT activities_sport_not_empty CHECK (length(sport) > 0),
                CONSTRAINT activities_source_not_empty CHECK (length(source) > 0)
            )
            """,
            """
            CREATE TABLE sessions_done (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                local_date TEXT NOT NULL,
                kind TEXT NOT NULL,
                items_done_json TEXT NOT NULL,
                items_skipped_json TEXT NOT NULL,
                sets_done {int},
                reps_done {int},
                hold_seconds_done {int},
                pain {int},
                effort {int},
                note TEXT,
                created_at {int} NOT NULL,
                CONSTRAINT sessions_done_local_date_format CHECK (length(local_date) = 10),
                CONSTRAINT sessions_done_kind_not_empty CHECK (length(kind) > 0),
                CONSTRAINT sessions_done_counts_range CHECK (sets_done >= 0 AND reps_done >= 0 AND hold_seconds_done >= 0),
                CONSTRAINT sessions_done_pain_range CHECK (pain BETWEEN 0 AND 10),
                CONSTRAINT sessions_done_effort_range CHECK (effort BETWEEN 0 AND 10)
            )
            """,
            """
            CREATE TABLE pain_entries (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                local_date TEXT NOT NULL,
                timing TEXT NOT NULL,
                level {int} NOT NULL,
                location TEXT,
                swelling {bool} NOT NULL DEFAULT FALSE,
                locking {bool} NOT NULL DEFAULT FALSE,
                giving_way {bool} NOT NULL DEFAULT FALSE,
                limping {bool} NOT NULL DEFAULT FALSE,
                red_or_hot {bool} NOT NULL DEFAULT FALSE,
                at_night {bool} NOT NULL DEFAULT FALSE,
                after_trauma {bool} NOT NULL DEFAULT FALSE,
                note TEXT,
                created_at {int} NOT NULL,
                CONSTRAINT pain_entries_local_date_format CHECK (length(local_date) = 10),
                CONSTRAINT pain_entries_timing_known CHECK (timing IN ('during', 'after', 'next-morning', 'rest')),
                CONSTRAINT pain_entries_level_range CHECK (level BETWEEN 0 AND 10)
            )
            """,
            """
            CREATE TABLE notes (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                local_date TEXT NOT NULL,
                text TEXT NOT NULL,
                mood {int},
                stress {int},
                sleep_hours {double},
                created_at {int} NOT NULL,
                CONSTRAINT notes_local_date_format CHECK (length(local_date) = 10),
                CONSTRAINT notes_mood_range CHECK (mood BETWEEN 0 AND 10),
                CONSTRAINT notes_stress_range CHECK (stress BETWEEN 0 AND 10),
                CONSTRAINT notes_sleep_hours_range CHECK (sleep_hours BETWEEN 0 AND 24)
            )
            """,
            """
            CREATE TABLE cleared (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                local_date TEXT NOT NULL,
                note TEXT,
                created_at {int} NOT NULL,
                CONSTRAINT cleared_local_date_format CHECK (length(local_date) = 10)
            )
            """,
            """
            CREATE TABLE assessments (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                local_date TEXT NOT NULL,
                assessment_json TEXT NOT NULL,
                created_at {int} NOT NULL,
                CONSTRAINT assessments_local_date_format CHECK (length(local_date) = 10)
            )
            """,
        ])

    static let v3 = Migration(
        version: 3, name: "index-journal-by-date",
        statements: [
            "CREATE INDEX activities_user_date ON activities (user_id, local_date)",
            "CREATE INDEX activities_user_start ON activities (user_id, start_utc)",
            "CREATE INDEX activities_shoe ON activities (shoe_id)",
            "CREATE INDEX sessions_done_user_date ON sessions_done (user_id, local_date)",
            "CREATE INDEX pain_entries_user_date ON pain_entries (user_id, local_date)",
            "CREATE INDEX notes_user_date ON notes (user_id, local_date)",
            "CREATE INDEX cleared_user_date ON cleared (user_id, local_date)",
            "CREATE INDEX assessments_user_date ON assessments (user_id, local_date)",
        ])

    static let v4 = Migration(
        version: 4, name: "create-function-scores",
        statements: [
            """
            CREATE TABLE function_scores (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                local_date TEXT NOT NULL,
                stairs {int},
                squatting {int},
                running {int},
                created_at {int} NOT NULL,
                CONSTRAINT function_scores_local_date_format CHECK (length(local_date) = 10),
                CONSTRAINT function_scores_stairs_range CHECK (stairs BETWEEN 0 AND 10),
                CONSTRAINT function_scores_squatting_range CHECK (squatting BETWEEN 0 AND 10),
                CONSTRAINT function_scores_running_range CHECK (running BETWEEN 0 AND 10),
                CONSTRAINT function_scores_not_empty
                    CHECK (stairs IS NOT NULL OR squatting IS NOT NULL OR running IS NOT NULL)
            )
            """,
            "CREATE INDEX function_scores_user_date ON function_scores (user_id, local_date)",
        ])

    /// The day the runner's programme started, one row per runner: programme weeks and
    /// phases count from it.
    static let v5 = Migration(
        version: 5, name: "create-programmes",
        statements: [
            """
            CREATE TABLE programmes (
                user_id {int} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                start_date TEXT NOT NULL,
                updated_at {int} NOT NULL,
                CONSTRAINT programmes_start_date_format CHECK (length(start_date) = 10)
            )
            """,
        ])

    /// When each warning sign, note and clearance was recorded, to the millisecond: a sign and
    /// an all-clear logged on the same day are ordered by it (`created_at` has whole seconds
    /// only). Rows from before it have NULL and fall back to `created_at`. The profile's
    /// `signs_recorded_ms` is when its warning signs were last raised: re-saving a profile
    /// without a new sign keeps it, so a clearance recorded after it still stands.
    static let v6 = Migration(
        version: 6, name: "record-warning-sign-order",
        statements: [
            "ALTER TABLE pain_entries ADD COLUMN recorded_ms {int}",
            "ALTER TABLE notes ADD COLUMN recorded_ms {int}",
            "ALTER TABLE cleared ADD COLUMN recorded_ms {int}",
            "ALTER TABLE profiles ADD COLUMN signs_recorded_ms {int}",
        ])

    /// The warning signs a pain entry could not record: one calf (`flag.calf`), breathlessness
    /// or chest pain, numbness and a cold or pale foot (`flag.numbness`), and the Ottawa knee
    /// rules after an injury (`flag.noWeightBearing`).
    static let v7 = Migration(
        version: 7, name: "add-pain-entry-signs",
        statements: [
            "calf_pain", "breathless", "numbness", "numbness_spreading", "cold_foot", "cannot_bear_weight", "cannot_bend",
            "bony_tenderness",
        ].map { "ALTER TABLE pain_entries ADD COLUMN \($0) {bool} NOT NULL DEFAULT FALSE" })

    /// Corrections: each edit or delete keeps the entry as it was before (`before_json`, the
    /// entry's JSON with its id and, for an imported activity, its original file) so that
    /// `journal undo` can put it back; the content hashes of deleted imported files, so that
    /// importing the same folder again does not bring them back unless asked; and the highest
    /// id deleted from each table, so that an id is never given twice.
    static let v8 = Migration(
        version: 8, name: "create-journal-changes",
        statements: [
            """
            CREATE TABLE journal_changes (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                action TEXT NOT NULL,
                entry_kind TEXT NOT NULL,
                entry_id {int} NOT NULL,
                before_json TEXT NOT NULL,
                created_at {int} NOT NULL,
                CONSTRAINT journal_changes_action_known CHECK (action IN ('edit', 'delete'))
            )
            """,
            "CREATE INDEX journal_changes_user ON journal_changes (user_id, id)",
            """
            CREATE TABLE dismissed_files (
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                content_hash TEXT NOT NULL,
                created_at {int} NOT NULL,
                PRIMARY KEY (user_id, content_hash)
            )
            """,
            // The highest id ever deleted from each table: SQLite numbers new rows past it, so
            // an id never names two entries (PostgreSQL's sequences never go back anyway).
            """
            CREATE TABLE retired_ids (
                table_name TEXT PRIMARY KEY,
                max_id {int} NOT NULL
            )
            """,
        ])

    /// The server: accounts (a sign-in name and a bcrypt hash for a runner of `users`, with an
    /// epoch that a password change or "sign out everywhere" moves on, ending every session),
    /// web sessions keyed by the SHA-256 of the cookie value, API tokens stored hashed,
    /// sign-in counters shared by every instance, the stored answers to writes sent with an
    /// `Idempotency-Key`, each runner's calendar feed token (hashed) and sign-up invitations.
    static let v9 = Migration(
        version: 9, name: "create-accounts",
        statements: [
            """
            CREATE TABLE accounts (
                user_id {int} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                login TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                is_admin {bool} NOT NULL DEFAULT FALSE,
                auth_epoch {int} NOT NULL DEFAULT 0,
                created_at {int} NOT NULL,
                CONSTRAINT accounts_login_unique UNIQUE (login),
                CONSTRAINT accounts_login_not_empty CHECK (length(login) > 0)
            )
            """,
            """
            CREATE TABLE web_sessions (
                key_hash TEXT PRIMARY KEY,
                value_json TEXT NOT NULL,
                expires_at {int}
            )
            """,
            "CREATE INDEX web_sessions_expiry ON web_sessions (expires_at)",
            """
            CREATE TABLE api_tokens (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL,
                scopes TEXT NOT NULL,
                created_at {int} NOT NULL,
                last_used_at {int},
                revoked_at {int},
                CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash),
                CONSTRAINT api_tokens_name_not_empty CHECK (length(name) > 0)
            )
            """,
            "CREATE INDEX api_tokens_user ON api_tokens (user_id, id)",
            """
            CREATE TABLE rate_limits (
                bucket TEXT NOT NULL,
                window_start {int} NOT NULL,
                hits {int} NOT NULL,
                PRIMARY KEY (bucket, window_start)
            )
            """,
            """
            CREATE TABLE idempotency_keys (
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                idem_key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                status {int} NOT NULL,
                content_type TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at {int} NOT NULL,
                PRIMARY KEY (user_id, idem_key)
            )
            """,
            """
            CREATE TABLE calendar_feeds (
                user_id {int} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL,
                created_at {int} NOT NULL,
                CONSTRAINT calendar_feeds_hash_unique UNIQUE (token_hash)
            )
            """,
            """
            CREATE TABLE signup_invitations (
                code_hash TEXT PRIMARY KEY,
                created_by {int} REFERENCES users (id) ON DELETE SET NULL,
                created_at {int} NOT NULL,
                expires_at {int} NOT NULL,
                used_at {int}
            )
            """,
        ])
}

extension Migrations {
    /// Coaches and clubs: a coach's invitations (the SHA-256 of a one-time link token or an
    /// email-free code, expiring, single use), the links a runner accepted with the scopes they
    /// chose (ended by either side; a live link per coach and runner at most), clubs that group
    /// a coach's runners (each runner opting into the club's adherence board or not), the log
    /// of every read of a runner's data by a coach, and comments on a runner's days, sessions
    /// and entries.
    ///
    /// The names each side sees are the ones given at the time — the coach's on the invitation,
    /// the runner's on accepting it — so that a coach never learns a runner's sign-in name.
    static let v11 = Migration(
        version: 11, name: "create-coaching",
        statements: [
            """
            CREATE TABLE clubs (
                id {id},
                coach_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                created_at {int} NOT NULL,
                CONSTRAINT clubs_name_length CHECK (length(name) BETWEEN 1 AND 80)
            )
            """,
            "CREATE INDEX clubs_coach ON clubs (coach_id, id)",
            """
            CREATE TABLE coach_invitations (
                id {id},
                coach_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                coach_name TEXT NOT NULL,
                token_hash TEXT NOT NULL,
                form TEXT NOT NULL,
                club_id {int} REFERENCES clubs (id) ON DELETE CASCADE,
                label TEXT,
                created_at {int} NOT NULL,
                expires_at {int} NOT NULL,
                used_at {int},
                used_by {int} REFERENCES users (id) ON DELETE SET NULL,
                CONSTRAINT coach_invitations_hash_unique UNIQUE (token_hash),
                CONSTRAINT coach_invitations_form CHECK (form IN ('link', 'code')),
                CONSTRAINT coach_invitations_coach_name_length CHECK (length(coach_name) BETWEEN 1 AND 80)
            )
            """,
            "CREATE INDEX coach_invitations_coach ON coach_invitations (coach_id, id)",
            """
            CREATE TABLE coach_links (
                id {id},
                coach_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                runner_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                coach_name TEXT NOT NULL,
                runner_name TEXT NOT NULL,
                scopes TEXT NOT NULL,
                club_id {int} REFERENCES clubs (id) ON DELETE SET NULL,
                shares_board {bool} NOT NULL DEFAULT FALSE,
                created_at {int} NOT NULL,
                updated_at {int} NOT NULL,
                ended_at {int},
                ended_by {int},
                CONSTRAINT coach_links_not_self CHECK (coach_id <> runner_id),
                CONSTRAINT coach_links_names_length
                    CHECK (length(coach_name) BETWEEN 1 AND 80 AND length(runner_name) BETWEEN 1 AND 80)
            )
            """,
            "CREATE UNIQUE INDEX coach_links_live ON coach_links (coach_id, runner_id) WHERE ended_at IS NULL",
            "CREATE INDEX coach_links_runner ON coach_links (runner_id, id)",
            """
            CREATE TABLE access_log (
                id {id},
                runner_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                coach_id {int} REFERENCES users (id) ON DELETE SET NULL,
                coach_name TEXT NOT NULL,
                what TEXT NOT NULL,
                at_utc {int} NOT NULL
            )
            """,
            "CREATE INDEX access_log_runner ON access_log (runner_id, id)",
            """
            CREATE TABLE comments (
                id {id},
                user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                author_id {int} REFERENCES users (id) ON DELETE SET NULL,
                author_name TEXT NOT NULL,
                by_coach {bool} NOT NULL,
                local_date TEXT NOT NULL,
                about TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at {int} NOT NULL,
                seen_at {int},
                CONSTRAINT comments_body_length CHECK (length(body) BETWEEN 1 AND 2000),
                CONSTRAINT comments_date_format CHECK (length(local_date) = 10)
            )
            """,
            "CREATE INDEX comments_user_date ON comments (user_id, local_date)",
        ])
}

extension Migrations {
    /// What the coaches' dashboard last found about each runner (`Attention`), kept with what
    /// it holds for: the runner's day and time zone, the journal's revision it was read at,
    /// and the release that judged it. Every write of the journal, the profile or the
    /// programme moves the revision on (migration 10's triggers), so a kept report is read
    /// again only while nothing it rests on has changed; a dashboard judges anew only the
    /// runners whose journal moved or whose day turned.
    static let v15 = Migration(
        version: 15, name: "create-attention-cache",
        statements: [
            """
            CREATE TABLE attention_cache (
                user_id {int} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                local_date TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                journal_revision {int} NOT NULL,
                release TEXT NOT NULL,
                report TEXT NOT NULL,
                created_at {int} NOT NULL,
                CONSTRAINT attention_cache_local_date_format CHECK (length(local_date) = 10)
            )
            """
        ])
}

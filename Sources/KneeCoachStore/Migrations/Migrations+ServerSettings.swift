extension Migrations {
    /// The server's settings, in the database so that every instance behind a load balancer
    /// reads the same ones and the admin changes them without a restart: one row (`id` 1),
    /// absent until something is stored. `signup` is who may sign up (`open`, `invite-only`
    /// or `closed`; NULL: not stored, the server's default holds), `updated_at` when the row
    /// last changed.
    static let v13 = Migration(
        version: 13, name: "create-server-settings",
        statements: [
            """
            CREATE TABLE server_settings (
                id {int} PRIMARY KEY,
                signup TEXT,
                updated_at {int} NOT NULL,
                CONSTRAINT server_settings_one_row CHECK (id = 1),
                CONSTRAINT server_settings_signup CHECK (signup IN ('open', 'invite-only', 'closed'))
            )
            """
        ])
}

/// One step of the schema, written in SQL terms and never edited after it ships.
///
/// Migrations are append-only: a change to the schema is a new migration with the next
/// version. The statements use the type tokens of ``StoreEngine`` (`{id}`, `{int}`,
/// `{double}`, `{bool}`, `{blob}`) so that one text serves SQLite and PostgreSQL; a statement
/// that starts with `{sqlite}` or `{postgres}` runs on that engine alone (triggers).
public struct Migration: Sendable, Equatable {
    /// The version this migration brings the schema to: 1, 2, 3 … without gaps.
    public let version: Int
    /// A short, stable name, recorded in `schema_migrations`.
    public let name: String
    /// The DDL statements, run in order inside the migration's transaction.
    public let statements: [String]
}

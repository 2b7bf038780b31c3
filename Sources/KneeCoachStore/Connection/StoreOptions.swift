/// How a store is opened: its PostgreSQL pool, and whether opening migrates the schema.
///
/// The command line opens with the defaults (one connection, migrating); the server with
/// `--db-pool-size` and `--no-migrate`:
///
/// ```swift
/// let store = try await JournalStore.open(location, options: StoreOptions(poolSize: 8))
/// ```
public struct StoreOptions: Sendable, Equatable {
    /// The server's default pool size (`--db-pool-size`, `KNEECOACH_DB_POOL_SIZE`).
    public static let serverPoolSize = 8

    /// The most PostgreSQL connections open at once (SQLite always has one).
    public var poolSize: Int
    /// Once the store is open, the longest a statement waits for a free PostgreSQL connection
    /// before it fails with ``StoreError/unreachable(host:port:)`` (the server is down) or
    /// ``StoreError/poolExhausted(connections:seconds:)`` (every connection stayed busy). `nil`
    /// (the command line's): it waits, until PostgresNIO gives up connecting after a minute.
    /// Opening itself (checks, migrations) always waits.
    public var leaseTimeout: Duration?
    /// Whether opening applies the migrations the database lacks. Without, a schema older
    /// than this build's is refused (``StoreError/schemaBehind(found:needs:)``), and a newer
    /// one is used as it is (migrations only add).
    public var migrates: Bool

    public init(poolSize: Int = 1, leaseTimeout: Duration? = nil, migrates: Bool = true) {
        self.poolSize = max(1, poolSize)
        self.leaseTimeout = leaseTimeout
        self.migrates = migrates
    }
}

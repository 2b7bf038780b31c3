import Foundation
import KneeCoachCore
import SQLKit

/// The journal's database: runs, completed sessions, pain entries, notes, clearances,
/// shoes, self-tests and the profile of one runner, on SQLite or PostgreSQL.
///
/// Opening runs the pending migrations and makes sure the local user exists. A store value
/// is scoped to one runner (``userID``); every query filters by it. Every method binds its
/// values; nothing a runner typed is ever spliced into SQL. Each write runs in its own
/// transaction unless it is inside ``transaction(isolation:_:)``.
///
/// ```swift
/// try await JournalStore.withStore(.sqlite(path: path)) { store in
///     let shoe = try await store.insert(ShoeRecord(name: "Pegasus", startKm: 120))
///     try await store.insert(PainEntry(date: today, timing: .nextMorning, level: 2))
/// }
/// ```
///
/// ## Topics
/// - Opening: ``open(_:user:now:)``, ``withStore(_:isolation:_:)``, ``close()``
/// - Writing several rows at once: ``transaction(isolation:_:)``
/// - Runs: ``insert(_:originalFile:)``, ``activities(from:to:)``, ``activity(withHash:)``,
///   ``activity(startingAt:sport:toleranceSeconds:)``
/// - Backup: ``backup(now:)``, ``replaceAll(with:)``
public struct JournalStore: Sendable {
    let connection: StoreConnection
    /// Set inside ``transaction(isolation:_:)``: the statements go straight to the open transaction.
    let transactionSQL: (any SQLDatabase)?
    /// The runner this store reads and writes.
    public let userID: UserID

    init(connection: StoreConnection, transactionSQL: (any SQLDatabase)?, userID: UserID) {
        self.connection = connection
        self.transactionSQL = transactionSQL
        self.userID = userID
    }

    /// SQLite or PostgreSQL.
    public var engine: StoreEngine { connection.engine }

    /// Whether the journal was opened for reading only.
    public var isReadOnly: Bool { connection.isReadOnly }

    /// Whether this store runs inside ``transaction(isolation:_:)``.
    public var isInTransaction: Bool { transactionSQL != nil }

    /// Opens the journal, creating the database and running migrations when needed.
    ///
    /// Call ``close()`` when done (or use ``withStore(_:isolation:_:)``).
    /// - Parameters:
    ///   - location: The SQLite file or PostgreSQL URL.
    ///   - user: The runner to scope the store to; created when missing. The command line
    ///     uses ``UserRecord/localName``.
    ///   - now: The time recorded for rows created while opening.
    ///   - options: The PostgreSQL pool's size and whether to migrate (default: one
    ///     connection, migrating).
    /// - Throws: ``StoreError/notADatabase(path:)`` (exit 65), ``StoreError/cannotOpen(path:reason:)``,
    ///   ``StoreError/invalidURL(reason:)``, ``StoreError/unreachable(host:port:)``,
    ///   ``StoreError/connectionRefused(host:port:reason:)``, ``StoreError/newerSchema(found:known:)``,
    ///   ``StoreError/schemaBehind(found:needs:)``, ``StoreError/busy(seconds:)``.
    public static func open(
        _ location: DatabaseLocation, user: String = UserRecord.localName, now: Date = Date(),
        options: StoreOptions = StoreOptions()
    ) async throws(StoreError) -> JournalStore {
        let connection = try await connect(location, options: options)
        do {
            if options.migrates {
                try await Migrator.migrate(connection, now: now)
            } else {
                try await Migrator.requireCurrent(connection)
            }
            let bootstrap = JournalStore(connection: connection, transactionSQL: nil, userID: UserID(0))
            let user = try await bootstrap.ensureUser(named: user, now: now)
            // Opening waits for the database; the work after it fails fast when it is gone.
            connection.bound(leasesTo: options.leaseTimeout)
            return JournalStore(connection: connection, transactionSQL: nil, userID: user.id)
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Opens the journal, runs `body` and closes the journal, also when `body` throws.
    /// - Throws: What ``open(_:user:now:)`` or `body` throws.
    public static func withStore<T>(
        _ location: DatabaseLocation, isolation: isolated (any Actor)? = #isolation,
        _ body: (JournalStore) async throws -> T
    ) async throws -> T {
        let store = try await open(location)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// Opens the connection only: no migrations, no user.
    static func connect(
        _ location: DatabaseLocation, options: StoreOptions = StoreOptions()
    ) async throws(StoreError) -> StoreConnection {
        switch location {
        case .sqlite(let path): try await StoreConnection.openSQLite(path: path)
        case .postgres(let url, let schema): try await StoreConnection.openPostgres(url: url, schema: schema, options: options)
        }
    }

    /// Closes the connection. Safe to call more than once; the store is unusable afterwards.
    public func close() async { await connection.close() }

    /// The same database, scoped to another runner.
    public func forUser(_ id: UserID) -> JournalStore {
        JournalStore(connection: connection, transactionSQL: transactionSQL, userID: id)
    }

    /// Runs `body` in one transaction: all of its writes are stored, or none.
    ///
    /// Use the store passed to `body` for every statement of the transaction. When `body`
    /// throws, the transaction rolls back and the error is rethrown unchanged; a store error
    /// inside `body` must end it (rethrow it), since PostgreSQL refuses further statements in
    /// a failed transaction. A transaction inside a transaction joins the outer one. On
    /// SQLite the write lock is taken at the start (`BEGIN IMMEDIATE`), waiting for other
    /// processes (busy timeout, then retries).
    ///
    /// ```swift
    /// try await store.transaction { tx in
    ///     let shoe = try await tx.insert(ShoeRecord(name: "Trail"))
    ///     try await tx.insert(run.withShoe(shoe.id))
    /// }
    /// ```
    /// - Returns: What `body` returns.
    /// - Throws: ``StoreError/busy(seconds:)`` when the lock never came, a ``StoreError`` when the
    ///   commit fails, or what `body` throws.
    public func transaction<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: (JournalStore) async throws -> T
    ) async throws -> T {
        if transactionSQL != nil { return try await body(self) }
        // A read-only journal is read in a plain transaction; a write inside it fails as read-only.
        let begin = connection.isReadOnly ? "BEGIN" : connection.engine.beginWrite
        return try await connection.exclusively { sql in
            do {
                try await SQLiteRetry.run { try await sql.raw("\(unsafeRaw: begin)").run() }
            } catch {
                throw StoreError.from(error, operation: "start a transaction")
            }
            let inner = JournalStore(connection: connection, transactionSQL: sql, userID: userID)
            let result: T
            do {
                result = try await body(inner)
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
            do {
                try await sql.raw("COMMIT").run()
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw StoreError.from(error, operation: "commit")
            }
            return result
        }
    }

    /// Runs a read: inside the open transaction, or alone on a connection (retried while
    /// SQLite is busy, and once on another connection when PostgreSQL's was lost).
    func read<T>(
        _ operation: String, waitingAtMost timeout: Duration? = nil, _ body: (any SQLDatabase) async throws -> T
    ) async throws(StoreError) -> T {
        do {
            if let transactionSQL { return try await body(transactionSQL) }
            return try await connection.exclusively(timeout: timeout, retryingLostConnection: true) { sql in
                try await SQLiteRetry.run { try await body(sql) }
            }
        } catch {
            throw StoreError.from(error, operation: operation)
        }
    }

    /// Runs a write: inside the open transaction, or in a transaction of its own.
    func write<T>(_ operation: String, _ body: (any SQLDatabase) async throws -> T) async throws(StoreError) -> T {
        if connection.isReadOnly, transactionSQL == nil {
            throw .readOnly(path: connection.displayName, needs: "to \(operation)")
        }
        do {
            if let transactionSQL { return try await body(transactionSQL) }
            let begin = connection.engine.beginWrite
            return try await connection.exclusively { sql in
                try await SQLiteRetry.run {
                    try await sql.raw("\(unsafeRaw: begin)").run()
                    do {
                        let result = try await body(sql)
                        try await sql.raw("COMMIT").run()
                        return result
                    } catch {
                        try? await sql.raw("ROLLBACK").run()
                        throw error
                    }
                }
            }
        } catch {
            throw StoreError.from(error, operation: operation)
        }
    }
}

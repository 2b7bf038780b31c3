import KneeCoachCore
import PostgresKit
import SQLKit
import SQLiteKit

/// One `SELECT` over many runners' rows, written for the store's engine and run straight on its
/// driver, so that ``RowReader`` reads the rows without SQLKit's generic decoding.
///
/// The runners are one array bound once on PostgreSQL (`user_id = ANY($1)`, one plan whatever
/// their number) and a list of binds on SQLite, which has no arrays. Table and column names
/// are the store's own constants; every value is bound.
struct RunnersQuery {
    private let engine: StoreEngine
    private(set) var text = ""
    private var sqliteBinds: [SQLiteData] = []
    private var postgresBinds = PostgresBindings()
    private var count = 0

    init(engine: StoreEngine) {
        self.engine = engine
    }

    /// Appends SQL text.
    mutating func append(_ sql: String) {
        text += sql
    }

    /// Appends `user_id` restricted to these runners.
    mutating func appendRunners(_ ids: [Int64]) {
        switch engine {
        case .postgres:
            count += 1
            postgresBinds.append(ids)
            text += "user_id = ANY($\(count))"
        case .sqlite:
            text += "user_id IN (" + Array(repeating: "?", count: ids.count).joined(separator: ", ") + ")"
            sqliteBinds += ids.map { .integer(SQLiteInt64($0)) }
        }
    }

    /// Appends a placeholder bound to `value`.
    mutating func appendBind(_ value: String) {
        switch engine {
        case .postgres:
            count += 1
            postgresBinds.append(value)
            text += "$\(count)"
        case .sqlite:
            sqliteBinds.append(.text(value))
            text += "?"
        }
    }

    /// The rows, on the connection of `sql` (the one a read's body was given, or the open
    /// transaction's).
    func rows(on store: JournalStore, _ sql: any SQLDatabase) async throws -> [any SQLRow] {
        if let sqlite = store.sqliteConnection { return try await sqlite.query(text, sqliteBinds) }
        if let postgres = store.postgresConnection(of: sql) {
            return try await store.selectPostgresRows(postgres, PostgresQuery(unsafeSQL: text, binds: postgresBinds))
        }
        throw StoreError.failed(operation: "read runners' rows", reason: "the store has no connection")
    }
}

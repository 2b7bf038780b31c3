import KneeCoachCore
import SQLiteKit

/// The journal's long reads on SQLite, straight through SQLiteNIO.
///
/// SQLKit wraps each SQLite row and decodes every value through its generic `Decoder`, which
/// cost about 4 µs a row: most of the time `status` spent on ten years of daily runs. These
/// reads send the same SQL text and hand back SQLiteNIO's own rows, whose plain values
/// ``RowReader`` reads directly.
extension JournalStore {
    /// The SQLite connection, when this store is on SQLite.
    var sqliteConnection: SQLiteConnection? {
        guard case .sqlite(let connection, _) = connection.handle else { return nil }
        return connection
    }

    /// `SELECT columns FROM table WHERE user_id = ? [AND local_date >= ?] [AND local_date <= ?]
    /// ORDER BY local_date, id` on SQLite. Table and column names are the store's own constants.
    func selectSQLiteRows(
        _ sqlite: SQLiteConnection, from table: String, columns: [String], between from: LocalDate?, and to: LocalDate?
    ) async throws -> [SQLiteRow] {
        var text = "SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \"\(table)\" WHERE user_id = ?"
        var binds: [SQLiteData] = [.integer(SQLiteInt64(userID.rawValue))]
        if let from {
            text += " AND local_date >= ?"
            binds.append(.text(from.description))
        }
        if let to {
            text += " AND local_date <= ?"
            binds.append(.text(to.description))
        }
        return try await sqlite.query(text + " ORDER BY local_date, id", binds)
    }
}

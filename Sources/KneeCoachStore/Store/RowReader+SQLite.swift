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

extension RowReader {
    /// A column of an SQLiteNIO row read straight from its value, for the plain types the
    /// journal stores (text, integers, reals, booleans); `nil` for anything else, so that the
    /// general decoder decides (and reports a corrupt value).
    static func direct<T>(_ row: any SQLRow, _ column: String, as type: T.Type) -> T? {
        guard let row = row as? SQLiteRow, let data = row.column(column) else { return nil }
        switch data {
        case .integer(let value):
            if T.self == Int64.self { return Int64(value) as? T }
            if T.self == Int.self { return Int(value) as? T }
            if T.self == Double.self { return Double(value) as? T }
            if T.self == Bool.self { return (value != 0) as? T }
            return nil
        case .float(let value):
            return T.self == Double.self ? value as? T : nil
        case .text(let value):
            return T.self == String.self ? value as? T : nil
        case .blob, .null:
            return nil
        }
    }
}

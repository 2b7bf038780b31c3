import Foundation
import KneeCoachCore
import PostgresKit
import SQLKit
import SQLiteKit

/// Reads one row's columns, turning a value that doesn't decode into ``StoreError/corruptRow(table:column:)``.
///
/// On SQLite, the plain types the journal stores (text, integers, reals, booleans, and each of
/// them or NULL) are read straight from the driver's value, one lookup per column and no
/// dynamic cast: reading a two-year journal's rows through the general decoder cost about
/// 8 µs a row, most of `today`'s time in the database. On PostgreSQL, the same types are read
/// from a ``PostgresPlainRow``'s cells by their own `PostgresDecodable` conformance. Anything
/// else, and every value of a row SQLKit gave on PostgreSQL, goes through SQLKit's decoder.
struct RowReader {
    let row: any SQLRow
    let table: String
    private let sqlite: SQLiteRow?
    private let postgres: PostgresPlainRow?

    init(row: any SQLRow, table: String) {
        self.row = row
        self.table = table
        self.sqlite = row as? SQLiteRow
        self.postgres = sqlite == nil ? row as? PostgresPlainRow : nil
    }

    func callAsFunction<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        do {
            return try row.decode(column: column, as: T.self)
        } catch {
            throw corrupt(column)
        }
    }

    /// An optional column: a NULL is `nil`, anything else decodes as `T`.
    func callAsFunction<T: Decodable>(_ column: String, as type: T?.Type = T?.self) throws -> T? {
        do {
            if try row.decodeNil(column: column) { return nil }
            return try row.decode(column: column, as: T.self)
        } catch {
            throw corrupt(column)
        }
    }

    func callAsFunction(_ column: String, as type: String.Type = String.self) throws -> String {
        try plain(column) { if case .text(let value) = $0 { value } else { nil } }
    }

    func callAsFunction(_ column: String, as type: String?.Type = String?.self) throws -> String? {
        try plainOrNull(column) { if case .text(let value) = $0 { value } else { nil } }
    }

    func callAsFunction(_ column: String, as type: Int64.Type = Int64.self) throws -> Int64 {
        try plain(column) { Self.integer($0).map(Int64.init) }
    }

    func callAsFunction(_ column: String, as type: Int64?.Type = Int64?.self) throws -> Int64? {
        try plainOrNull(column) { Self.integer($0).map(Int64.init) }
    }

    func callAsFunction(_ column: String, as type: Int.Type = Int.self) throws -> Int {
        try plain(column) { Self.integer($0) }
    }

    func callAsFunction(_ column: String, as type: Int?.Type = Int?.self) throws -> Int? {
        try plainOrNull(column) { Self.integer($0) }
    }

    func callAsFunction(_ column: String, as type: Double.Type = Double.self) throws -> Double {
        try plain(column, Self.double)
    }

    func callAsFunction(_ column: String, as type: Double?.Type = Double?.self) throws -> Double? {
        try plainOrNull(column, Self.double)
    }

    func callAsFunction(_ column: String, as type: Bool.Type = Bool.self) throws -> Bool {
        try plain(column) { Self.integer($0).map { $0 != 0 } }
    }

    func callAsFunction(_ column: String, as type: Bool?.Type = Bool?.self) throws -> Bool? {
        try plainOrNull(column) { Self.integer($0).map { $0 != 0 } }
    }

    private static func integer(_ data: SQLiteData) -> Int? {
        if case .integer(let value) = data { Int(value) } else { nil }
    }

    /// A real, or an integer SQLite stored in a REAL column's place.
    private static func double(_ data: SQLiteData) -> Double? {
        switch data {
        case .float(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    /// A column read straight from SQLite's value by `convert` (`nil`: not that type, so a
    /// corrupt row), from a PostgreSQL cell by `T`'s own decoding, or else through SQLKit's decoder.
    private func plain<T: Decodable & PostgresDecodable>(_ column: String, _ convert: (SQLiteData) -> T?) throws -> T {
        if let postgres { return try postgresValue(postgres, column, as: T.self) }
        guard let sqlite else { return try self(column, as: T.self) }
        guard let data = sqlite.column(column), let value = convert(data) else { throw corrupt(column) }
        return value
    }

    /// As ``plain(_:_:)``, a NULL read as `nil`.
    private func plainOrNull<T: Decodable & PostgresDecodable>(
        _ column: String, _ convert: (SQLiteData) -> T?
    ) throws -> T? {
        if let postgres { return try postgresValueOrNull(postgres, column, as: T.self) }
        guard let sqlite else { return try self(column, as: T?.self) }
        guard let data = sqlite.column(column) else { throw corrupt(column) }
        if case .null = data { return nil }
        guard let value = convert(data) else { throw corrupt(column) }
        return value
    }

    func corrupt(_ column: String) -> StoreError {
        StoreError.corruptRow(table: table, column: column)
    }

    func date(_ column: String = "local_date") throws -> LocalDate {
        guard let date = LocalDate(try self(column, as: String.self)) else {
            throw StoreError.corruptRow(table: table, column: column)
        }
        return date
    }

    func instant(_ column: String) throws -> Date {
        Date(timeIntervalSince1970: TimeInterval(try self(column, as: Int64.self)))
    }

    /// When the row was recorded, in milliseconds since 1970: `recorded_ms`, or for a row
    /// written before it was kept, `created_at` (whole seconds).
    func recordedMs() throws -> Int64 {
        if let exact: Int64 = try self("recorded_ms") { return exact }
        return try self("created_at", as: Int64.self) * 1000
    }

    func json<T: Decodable>(_ column: String, as type: T.Type) throws -> T {
        let text = try self(column, as: String.self)
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRow(table: table, column: column)
        }
    }

    func id<R>(_ column: String = "id", of record: R.Type = R.self) throws -> RecordID<R> {
        RecordID(try self(column, as: Int64.self))
    }
}

/// A column and the value to bind for it.
typealias Column = (name: String, value: any Encodable & Sendable)

enum SQLValues {
    /// Seconds since 1970, as stored.
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded()) }

    /// An instant in whole milliseconds since 1970: the order in which journal rows were recorded.
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension JournalStore {
    /// Inserts one row for this store's runner and returns its new id.
    func insertRow(_ sql: any SQLDatabase, into table: String, _ columns: [Column]) async throws -> Int64 {
        let all: [Column] = [("user_id", userID.rawValue)] + columns
        var names = all.map(\.name)
        var values: [any SQLExpression] = all.map { SQLBind($0.value) }
        if engine == .sqlite {
            // SQLite numbers a row one past the highest id left, so a deleted last entry's id
            // would name the next one: number past the highest ever deleted too.
            names.insert("id", at: 0)
            values.insert(
                SQLQueryString(
                    "(SELECT MAX(m) + 1 FROM (SELECT COALESCE(MAX(id), 0) AS m FROM \(ident: table) UNION ALL SELECT max_id FROM retired_ids WHERE table_name = \(bind: table)))"
                ), at: 0)
        }
        let id = try await sql.insert(into: table)
            .columns(names)
            .values(values)
            .returning("id")
            .first(decodingColumn: "id", as: Int64.self)
        guard let id else { throw StoreError.failed(operation: "insert into \(table)", reason: "no id came back") }
        return id
    }

    /// Rows of this runner from `table`, between two days (inclusive), oldest first.
    func selectRows(
        _ sql: any SQLDatabase, from table: String, columns: [String], between from: LocalDate?, and to: LocalDate?
    ) async throws -> [any SQLRow] {
        if let sqlite = sqliteConnection {
            return try await selectSQLiteRows(sqlite, from: table, columns: columns, between: from, and: to)
        }
        var query = sql.select().columns(columns).from(table).where("user_id", .equal, userID.rawValue)
        if let from { query = query.where("local_date", .greaterThanOrEqual, from.description) }
        if let to { query = query.where("local_date", .lessThanOrEqual, to.description) }
        return try await query.orderBy("local_date").orderBy("id").all()
    }

    /// Deletes one row of this runner; `false` when there was none.
    func deleteRow(from table: String, id: Int64) async throws(StoreError) -> Bool {
        try await write("delete from \(table)") { sql in
            let deleted = try await sql.delete(from: table)
                .where("id", .equal, id)
                .where("user_id", .equal, userID.rawValue)
                .returning("id")
                .all()
            if engine == .sqlite, !deleted.isEmpty {
                try await sql.raw(
                    """
                    INSERT INTO retired_ids (table_name, max_id) VALUES (\(bind: table), \(bind: id))
                    ON CONFLICT (table_name) DO UPDATE SET max_id = MAX(max_id, excluded.max_id)
                    """
                ).run()
            }
            return !deleted.isEmpty
        }
    }
}

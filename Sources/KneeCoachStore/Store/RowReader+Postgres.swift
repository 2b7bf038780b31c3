import KneeCoachCore
import PostgresKit
import SQLKit

/// The journal's long reads on PostgreSQL, straight through PostgresNIO.
///
/// SQLKit reads a PostgreSQL value by a generic path: each value read builds a coding key (a
/// formatted string), asks the runtime whether the type conforms to `PostgresDecodable` and
/// copies the row's cells again; for the coaches' dashboard (20,000 rows, up to 24 columns)
/// that was most of its time. These reads hand back PostgresNIO's own rows, whose cells
/// ``RowReader`` decodes with the concrete type's `PostgresDecodable` conformance.
extension JournalStore {
    /// The PostgreSQL connection behind `sql`, when it is a connection this store leased (the
    /// database a ``read(_:waitingAtMost:_:)`` body or a transaction is given).
    func postgresConnection(of sql: any SQLDatabase) -> PostgresConnection? {
        (sql as? LeasedPostgresDatabase)?.connection
    }

    /// Runs `query` on PostgreSQL and returns its rows, each readable by ``RowReader``.
    func selectPostgresRows(_ postgres: PostgresConnection, _ query: PostgresQuery) async throws -> [PostgresPlainRow] {
        try await StatementWatch.shared.run(on: postgres) {
            var rows: [PostgresPlainRow] = []
            var names: [String]?
            for try await row in try await postgres.query(query, logger: StoreConnection.quietLogger) {
                // One array of the columns' names for every row of the statement.
                let columns = names ?? row.map(\.columnName)
                names = columns
                rows.append(PostgresPlainRow(row, names: columns))
            }
            return rows
        }
    }
}

/// A PostgreSQL row as PostgresNIO gives it: ``RowReader`` reads its cells by concrete type;
/// as an `SQLRow` (any other type) it decodes as SQLKit's rows do.
///
/// A column is found by comparing names in order: the journal's names fit in Swift's small
/// strings (15 bytes), which compare as two machine words, where a look-up by name hashes it.
/// A class, so that a reader takes it out of `any SQLRow` without copying the row.
final class PostgresPlainRow: SQLRow, Sendable {
    let row: PostgresRow
    let cells: PostgresRandomAccessRow
    let names: [String]

    init(_ row: PostgresRow, names: [String]) {
        self.row = row
        self.cells = PostgresRandomAccessRow(row)
        self.names = names
    }

    /// The cell of `column`, or `nil` when the row has no such column.
    func cell(_ column: String) -> PostgresCell? {
        names.firstIndex(of: column).map { cells[$0] }
    }

    var allColumns: [String] { names }

    func contains(column: String) -> Bool { names.contains(column) }

    func decodeNil(column: String) throws -> Bool { try row.sql().decodeNil(column: column) }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        try row.sql().decode(column: column, as: D.self)
    }
}

extension RowReader {
    /// A column of a ``PostgresPlainRow`` decoded as `T` (a corrupt row when it is missing,
    /// NULL or of another type).
    func postgresValue<T: PostgresDecodable>(_ row: PostgresPlainRow, _ column: String, as type: T.Type) throws -> T {
        guard let cell = row.cell(column), cell.bytes != nil, let value = try? cell.decode(T.self) else {
            throw corrupt(column)
        }
        return value
    }

    /// As ``postgresValue(_:_:as:)``, a NULL read as `nil`.
    func postgresValueOrNull<T: PostgresDecodable>(_ row: PostgresPlainRow, _ column: String, as type: T.Type) throws -> T? {
        guard let cell = row.cell(column) else { throw corrupt(column) }
        guard cell.bytes != nil else { return nil }
        guard let value = try? cell.decode(T.self) else { throw corrupt(column) }
        return value
    }
}

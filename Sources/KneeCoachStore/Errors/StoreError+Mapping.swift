import PostgresKit
import SQLiteKit

extension StoreError {
    /// Maps an engine error to a ``StoreError`` without copying any bound value into the message.
    ///
    /// A ``StoreError`` passes through unchanged; any other error becomes `.failed` with the
    /// engine's short message (SQLite's messages and PostgreSQL's primary message name tables,
    /// columns and constraints; PostgreSQL's `detail`, which can quote a row, is never used).
    static func from(_ error: any Error, operation: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? SQLiteError { return from(sqlite: error, operation: operation) }
        if let error = error as? PSQLError { return from(postgres: error, operation: operation) }
        if PostgresFailure.isConnectionLost(error) { return .connectionLost }
        return .failed(operation: operation, reason: String(describing: type(of: error)))
    }

    private static func from(sqlite error: SQLiteError, operation: String) -> StoreError {
        let message = error.message
        if SQLiteRetry.isBusy(error) { return .busy(seconds: SQLiteRetry.totalWaitSeconds) }
        switch error.reason {
        case .readOnly, .readonlyDirectory, .readonlyCantLock, .readonlyInRecovery, .readonlyInRollback, .readonlyBackingMoved:
            return .readOnly(path: "", needs: "to \(operation)")
        case .notADatabase:
            return .failed(operation: operation, reason: "the file is not an SQLite database")
        case .constraintCheckFailed:
            let name = message.components(separatedBy: ": ").last ?? ""
            return constraint(named: name)
        case .constraintUniqueFailed, .constraintPrimaryKeyFailed:
            if message.contains("content_hash") { return .duplicateActivity }
            return .constraintViolated(constraint: "unique", rule: "an entry with the same key already exists")
        case .constraintForeignKeyFailed:
            return .notFound(what: "such user or shoe in this journal")
        case .constraintNotNullFailed:
            let column = message.components(separatedBy: ": ").last ?? "a column"
            return .constraintViolated(constraint: "not-null", rule: "\(column) needs a value")
        case .constraint:
            if message.hasPrefix("CHECK constraint failed: ") {
                return constraint(named: String(message.dropFirst("CHECK constraint failed: ".count)))
            }
            if message.contains("UNIQUE") && message.contains("content_hash") { return .duplicateActivity }
            if message.contains("FOREIGN KEY") { return .notFound(what: "such user or shoe in this journal") }
            return .constraintViolated(constraint: "constraint", rule: message)
        default:
            return .failed(operation: operation, reason: message)
        }
    }

    private static func from(postgres error: PSQLError, operation: String) -> StoreError {
        if PostgresFailure.isConnectionLost(error) { return .connectionLost }
        guard let info = error.serverInfo, let state = info[.sqlState] else {
            return .failed(operation: operation, reason: "\(error.code)")
        }
        let constraintName = info[.constraintName] ?? ""
        switch state {
        case "23514":  // check_violation
            return constraint(named: constraintName)
        case "23505":  // unique_violation
            if constraintName.contains("content_hash") { return .duplicateActivity }
            return .constraintViolated(constraint: constraintName, rule: "an entry with the same key already exists")
        case "23503":  // foreign_key_violation
            return .notFound(what: "such user or shoe in this journal")
        case "23502":  // not_null_violation
            let column = [info[.tableName], info[.columnName]].compactMap { $0 }.joined(separator: ".")
            return .constraintViolated(constraint: "not-null", rule: "\(column) needs a value")
        case "40001", "40P01":  // serialization failure, deadlock
            return .busy(seconds: 0)
        default:
            return .failed(operation: operation, reason: info[.message] ?? "SQLSTATE \(state)")
        }
    }

    /// The ``constraintViolated(constraint:rule:)`` case for a named CHECK constraint of the schema.
    static func constraint(named name: String) -> StoreError {
        let rule = SchemaRules.description(ofConstraint: name) ?? "it breaks the rule \(name)"
        return .constraintViolated(constraint: name, rule: rule)
    }
}

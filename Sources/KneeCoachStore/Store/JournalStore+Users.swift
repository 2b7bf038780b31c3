import Foundation
import SQLKit

extension JournalStore {
    /// The runner with this name, created when missing (safe when several processes race).
    /// - Returns: The user.
    /// - Throws: ``StoreError/constraintViolated(constraint:rule:)`` for an empty name, or a database error.
    @discardableResult
    public func ensureUser(named name: String, now: Date = Date()) async throws(StoreError) -> UserRecord {
        if let user = try await user(named: name) { return user }
        try await write("create a user") { sql in
            try await sql.insert(into: "users")
                .columns("name", "created_at")
                .values(SQLBind(name), SQLBind(SQLValues.seconds(now)))
                .ignoringConflicts(with: ["name"])
                .run()
        }
        guard let user = try await user(named: name) else { throw .notFound(what: "user named '\(name)'") }
        return user
    }

    /// The runner with this name, or `nil`.
    public func user(named name: String) async throws(StoreError) -> UserRecord? {
        try await read("read users") { sql in
            try await sql.select().columns("id", "name", "created_at").from("users")
                .where("name", .equal, name)
                .first()
                .map(UserRecord.init(row:))
        }
    }

    /// Every runner, by id.
    public func users() async throws(StoreError) -> [UserRecord] {
        try await read("read users") { sql in
            try await sql.select().columns("id", "name", "created_at").from("users").orderBy("id").all()
                .map(UserRecord.init(row:))
        }
    }
}

extension UserRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "users")
        self.init(id: try read.id(), name: try read("name"), createdAt: try read.instant("created_at"))
    }
}

import Foundation
import SQLKit

extension JournalStore {
    static let shoeColumns = ["id", "name", "start_km", "retired", "created_at"]

    /// Adds a shoe.
    /// - Returns: The shoe with its new id.
    /// - Throws: ``StoreError/duplicateShoe(name:)`` when the runner has a shoe of that name,
    ///   ``StoreError/constraintViolated(constraint:rule:)`` for an empty name or a negative start.
    @discardableResult
    public func insert(_ shoe: ShoeRecord) async throws(StoreError) -> ShoeRecord {
        do {
            let id = try await write("add a shoe") { sql in
                try await insertRow(
                    sql, into: "shoes",
                    [("name", shoe.name), ("start_km", shoe.startKm), ("retired", shoe.isRetired),
                     ("created_at", SQLValues.seconds(shoe.createdAt))])
            }
            var stored = shoe
            stored.id = ShoeID(id)
            stored.createdAt = Date(timeIntervalSince1970: TimeInterval(SQLValues.seconds(shoe.createdAt)))
            return stored
        } catch .constraintViolated(let constraint, _) where constraint == "unique" || constraint == "shoes_name_unique" {
            throw .duplicateShoe(name: shoe.name)
        }
    }

    /// The runner's shoes by name; retired ones too unless `includeRetired` is `false`.
    public func shoes(includeRetired: Bool = true) async throws(StoreError) -> [ShoeRecord] {
        try await read("read shoes") { sql in
            var query = sql.select().columns(Self.shoeColumns).from("shoes").where("user_id", .equal, userID.rawValue)
            if !includeRetired { query = query.where("retired", .equal, false) }
            return try await query.orderBy("name").orderBy("id").all().map(ShoeRecord.init(row:))
        }
    }

    /// The runner's shoe with exactly this name, or `nil`.
    public func shoe(named name: String) async throws(StoreError) -> ShoeRecord? {
        try await read("read a shoe") { sql in
            try await sql.select().columns(Self.shoeColumns).from("shoes")
                .where("user_id", .equal, userID.rawValue).where("name", .equal, name)
                .first().map(ShoeRecord.init(row:))
        }
    }

    /// The runner's shoe with this id, or `nil`.
    public func shoe(id: ShoeID) async throws(StoreError) -> ShoeRecord? {
        try await read("read a shoe") { sql in
            try await sql.select().columns(Self.shoeColumns).from("shoes")
                .where("user_id", .equal, userID.rawValue).where("id", .equal, id.rawValue)
                .first().map(ShoeRecord.init(row:))
        }
    }

    /// Marks a shoe retired (or back in use); its mileage stays.
    /// - Throws: ``StoreError/notFound(what:)`` when the runner has no such shoe.
    public func setRetired(_ isRetired: Bool, shoe id: ShoeID) async throws(StoreError) {
        let changed = try await write("retire a shoe") { sql in
            try await sql.update("shoes").set("retired", to: isRetired)
                .where("id", .equal, id.rawValue).where("user_id", .equal, userID.rawValue)
                .returning("id").all().count
        }
        if changed == 0 { throw .notFound(what: "shoe with id \(id)") }
    }

    /// Gives a shoe a new name; its runs stay with it.
    /// - Throws: ``StoreError/duplicateShoe(name:)`` when the name is taken, or
    ///   ``StoreError/notFound(what:)`` when the runner has no such shoe.
    public func rename(_ id: ShoeID, to name: String) async throws(StoreError) {
        let changed = try await write("rename a shoe") { sql in
            try await sql.update("shoes").set("name", to: name)
                .where("id", .equal, id.rawValue).where("user_id", .equal, userID.rawValue)
                .returning("id").all().count
        }
        if changed == 0 { throw .notFound(what: "shoe with id \(id)") }
    }

    /// Deletes a shoe; its activities keep their distance but lose the shoe. `false` when there was none.
    @discardableResult
    public func delete(_ id: ShoeID) async throws(StoreError) -> Bool {
        try await deleteRow(from: "shoes", id: id.rawValue)
    }

    /// Every shoe of the runner with the distance of the foot activities run in it
    /// (cross-training doesn't wear shoes out), retired ones last.
    public func shoeMileage() async throws(StoreError) -> [ShoeMileage] {
        try await read("add up shoe mileage") { sql in
            let rows = try await sql.raw(
                """
                SELECT s.id, s.name, s.start_km, s.retired, s.created_at,
                       COALESCE(SUM(a.distance_m), 0.0) AS activity_m, COUNT(a.id) AS activity_count
                FROM shoes s
                LEFT JOIN activities a ON a.shoe_id = s.id AND a.user_id = s.user_id AND a.is_foot = \(bind: true)
                WHERE s.user_id = \(bind: userID.rawValue)
                GROUP BY s.id, s.name, s.start_km, s.retired, s.created_at
                ORDER BY s.retired, s.name, s.id
                """
            ).all()
            return try rows.map { row in
                let read = RowReader(row: row, table: "shoes")
                return ShoeMileage(
                    shoe: try ShoeRecord(row: row), activityMeters: try read("activity_m"),
                    activityCount: try read("activity_count"))
            }
        }
    }

    /// Throws ``StoreError/notFound(what:)`` unless the shoe belongs to this runner.
    func requireShoe(_ id: ShoeID, _ sql: any SQLDatabase) async throws {
        let found = try await sql.select().column("id").from("shoes")
            .where("id", .equal, id.rawValue).where("user_id", .equal, userID.rawValue)
            .first()
        if found == nil { throw StoreError.notFound(what: "shoe with id \(id)") }
    }
}

extension ShoeRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "shoes")
        self.init(
            id: try read.id(), name: try read("name"), startKm: try read("start_km"), isRetired: try read("retired"),
            createdAt: try read.instant("created_at"))
    }
}

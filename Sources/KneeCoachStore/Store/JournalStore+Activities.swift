import Foundation
import KneeCoachCore
import SQLKit

extension JournalStore {
    static let activityColumns = [
        "id", "local_date", "start_utc", "sport", "is_foot", "name", "distance_m", "duration_s", "elapsed_s",
        "elevation_gain_m", "elevation_loss_m", "avg_cadence_spm", "avg_heart_rate", "surface", "shoe_id",
        "effort", "note", "source", "format", "content_hash", "device",
    ]

    /// Stores an activity and, for an imported one, its original file's bytes.
    /// - Parameters:
    ///   - activity: The activity; its `id` is ignored.
    ///   - originalFile: The bytes of the file it was decoded from (`nil` for manual runs).
    /// - Returns: The activity with its new id.
    /// - Throws: ``StoreError/duplicateActivity`` when its content hash is stored already,
    ///   ``StoreError/notFound(what:)`` for a shoe of another runner,
    ///   ``StoreError/constraintViolated(constraint:rule:)`` for values out of range.
    @discardableResult
    public func insert(_ activity: ActivityRecord, originalFile: Data? = nil, now: Date = Date())
        async throws(StoreError) -> ActivityRecord
    {
        let id = try await write("store an activity") { sql in
            if let shoeID = activity.shoeID { try await requireShoe(shoeID, sql) }
            return try await insertRow(
                sql, into: "activities",
                [
                    ("local_date", activity.date.description), ("start_utc", SQLValues.seconds(activity.start)),
                    ("sport", activity.sport), ("is_foot", activity.isFoot), ("name", activity.name),
                    ("distance_m", activity.distanceMeters), ("duration_s", activity.durationSeconds),
                    ("elapsed_s", activity.elapsedSeconds), ("elevation_gain_m", activity.elevationGainMeters),
                    ("elevation_loss_m", activity.elevationLossMeters), ("avg_cadence_spm", activity.averageCadenceSpm),
                    ("avg_heart_rate", activity.averageHeartRate), ("surface", activity.surface),
                    ("shoe_id", activity.shoeID?.rawValue), ("effort", activity.effort), ("note", activity.note),
                    ("source", activity.source), ("format", activity.format), ("content_hash", activity.contentHash),
                    ("original_file", originalFile), ("device", activity.device),
                    ("created_at", SQLValues.seconds(now)),
                ])
        }
        var stored = activity
        stored.id = ActivityID(id)
        stored.start = Date(timeIntervalSince1970: TimeInterval(SQLValues.seconds(activity.start)))
        return stored
    }

    /// Holds the runner's activities for this transaction alone until it ends, so that two
    /// imports at once of one activity (two files of the same run) cannot each find no
    /// duplicate and both store it: the second waits, then finds the first's.
    ///
    /// On SQLite a write transaction holds the whole database already (`BEGIN IMMEDIATE`); on
    /// PostgreSQL, whose transactions do not see each other's rows before they commit, a
    /// transaction-level advisory lock on the runner does it. Call it inside
    /// ``transaction(isolation:_:)``, before the duplicate checks.
    public func holdActivitiesForThisTransaction() async throws(StoreError) {
        guard engine == .postgres, transactionSQL != nil else { return }
        try await write("hold the runner's activities") { sql in
            try await sql.raw(
                "SELECT pg_advisory_xact_lock(\(bind: Self.activitiesLockSpace), \(bind: Int32(truncatingIfNeeded: userID.rawValue)))"
            ).run()
        }
    }

    /// The first key of ``holdActivitiesForThisTransaction()``'s lock (two 32-bit keys: a
    /// space of their own, apart from the migrations' 64-bit key).
    static let activitiesLockSpace: Int32 = 0x4B43_4143

    /// The runner's activities between two days (inclusive; `nil` leaves that end open), oldest first.
    public func activities(from: LocalDate? = nil, to: LocalDate? = nil) async throws(StoreError) -> [ActivityRecord] {
        try await read("read activities") { sql in
            try await selectRows(sql, from: "activities", columns: Self.activityColumns, between: from, and: to)
                .map(ActivityRecord.init(row:))
        }
    }

    /// One activity by id, or `nil`.
    public func activity(id: ActivityID) async throws(StoreError) -> ActivityRecord? {
        try await firstActivity("read an activity") { $0.where("id", .equal, id.rawValue) }
    }

    /// The activity whose original file has this content hash, or `nil`.
    public func activity(withHash contentHash: String) async throws(StoreError) -> ActivityRecord? {
        try await firstActivity("look up a content hash") { $0.where("content_hash", .equal, contentHash) }
    }

    /// The stored activity that started closest to `start`, within `toleranceSeconds`, of the
    /// same sport (any sport when `sport` is `nil`): the same run decoded from another format.
    public func activity(startingAt start: Date, sport: String?, toleranceSeconds: Int = 60)
        async throws(StoreError) -> ActivityRecord?
    {
        let seconds = SQLValues.seconds(start)
        return try await firstActivity("look up an activity by start time") { query in
            var query = query
                .where("start_utc", .greaterThanOrEqual, seconds - Int64(toleranceSeconds))
                .where("start_utc", .lessThanOrEqual, seconds + Int64(toleranceSeconds))
            if let sport { query = query.where("sport", .equal, sport) }
            return query.orderBy("abs(start_utc - \(bind: seconds))" as SQLQueryString, SQLDirection.ascending)
        }
    }

    /// The bytes of the file an activity was imported from; `nil` for a manual run.
    public func originalFile(of id: ActivityID) async throws(StoreError) -> Data? {
        try await read("read an original file") { sql in
            guard
                let row = try await sql.select().column("original_file").from("activities")
                    .where("id", .equal, id.rawValue).where("user_id", .equal, userID.rawValue)
                    .first()
            else { return nil }
            return try RowReader(row: row, table: "activities")("original_file", as: Data?.self)
        }
    }

    /// How many activities the runner has.
    public func activityCount() async throws(StoreError) -> Int {
        try await read("count activities") { sql in
            try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("activities")
                .where("user_id", .equal, userID.rawValue)
                .first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// Sets or clears an activity's shoe.
    public func setShoe(_ shoeID: ShoeID?, of id: ActivityID) async throws(StoreError) {
        let changed = try await write("change an activity's shoe") { sql in
            if let shoeID { try await requireShoe(shoeID, sql) }
            return try await sql.update("activities").set("shoe_id", to: shoeID?.rawValue)
                .where("id", .equal, id.rawValue).where("user_id", .equal, userID.rawValue)
                .returning("id").all().count
        }
        if changed == 0 { throw .notFound(what: "activity with id \(id)") }
    }

    /// Deletes an activity; `false` when there was none.
    @discardableResult
    public func delete(_ id: ActivityID) async throws(StoreError) -> Bool {
        try await deleteRow(from: "activities", id: id.rawValue)
    }

    private func firstActivity(
        _ operation: String, _ filter: (SQLSelectBuilder) -> SQLSelectBuilder
    ) async throws(StoreError) -> ActivityRecord? {
        try await read(operation) { sql in
            let query = sql.select().columns(Self.activityColumns).from("activities")
                .where("user_id", .equal, userID.rawValue)
            return try await filter(query).limit(1).first().map(ActivityRecord.init(row:))
        }
    }
}

extension ActivityRecord {
    init(row: any SQLRow) throws {
        let read = RowReader(row: row, table: "activities")
        self.init(
            id: try read.id(), date: try read.date(), start: try read.instant("start_utc"), sport: try read("sport"),
            isFoot: try read("is_foot"), name: try read("name"), distanceMeters: try read("distance_m"),
            durationSeconds: try read("duration_s"), elapsedSeconds: try read("elapsed_s", as: Double.self),
            elevationGainMeters: try read("elevation_gain_m"), elevationLossMeters: try read("elevation_loss_m"),
            averageCadenceSpm: try read("avg_cadence_spm"), averageHeartRate: try read("avg_heart_rate"),
            surface: try read("surface"), shoeID: try read("shoe_id", as: Int64?.self).map { ShoeID($0) },
            effort: try read("effort"), note: try read("note"), source: try read("source"), format: try read("format"),
            contentHash: try read("content_hash"), device: try read("device"))
    }
}

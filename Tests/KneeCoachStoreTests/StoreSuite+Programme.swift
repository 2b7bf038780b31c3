import Foundation
import KneeCoachCore
import SQLKit
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    // MARK: The programme's start

    @Test("the programme's start: none, then set, replaced and read back", arguments: Engine.available)
    func programmeStartSetReplaceRead(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                #expect(try await store.programmeStart() == nil)
                try await store.setProgrammeStart(day(1))
                #expect(try await store.programmeStart() == day(1))
                try await store.setProgrammeStart(day(14), now: noon(14))
                #expect(try await store.programmeStart() == day(14))
                let rows = try await store.connection.sql.raw("SELECT COUNT(*) AS n FROM programmes")
                    .first(decodingColumn: "n", as: Int.self)
                #expect(rows == 1)

                // Inside a transaction, together with the profile; a failure rolls both back.
                try await store.transaction { tx in
                    try await tx.saveProfile(json: #"{"age":40}"#)
                    try await tx.setProgrammeStart(day(20))
                    #expect(try await tx.programmeStart() == day(20))
                }
                #expect(try await store.programmeStart() == day(20))
                struct Abort: Error {}
                await #expect(throws: Abort.self) {
                    try await store.transaction { tx in
                        try await tx.saveProfile(json: #"{"age":41}"#)
                        try await tx.setProgrammeStart(day(25))
                        throw Abort()
                    }
                }
                #expect(try await store.programmeStart() == day(20))
                #expect(try await store.profileJSON() == #"{"age":40}"#)

                // Another runner has a start of their own.
                let other = try await store.ensureUser(named: "other")
                #expect(try await store.forUser(other.id).programmeStart() == nil)
                try await store.forUser(other.id).setProgrammeStart(day(3))
                #expect(try await store.programmeStart() == day(20))
                #expect(try await store.forUser(other.id).programmeStart() == day(3))
            }
        }
    }

    @Test("the schema refuses a start that is not YYYY-MM-DD, and a stored impossible day reads as corrupt", arguments: Engine.available)
    func programmeStartRules(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let sql = store.connection.sql
                let user = store.userID.rawValue
                let refused = await storeError {
                    do {
                        try await sql.raw(
                            "INSERT INTO programmes (user_id, start_date, updated_at) VALUES (\(bind: user), \(bind: "2026-1-1"), \(bind: 0))"
                        ).run()
                    } catch {
                        throw StoreError.from(error, operation: "test")
                    }
                }
                #expect(refused?.exitCode == 65)
                if case .constraintViolated(let name, _) = refused { #expect(name == "programmes_start_date_format") }
                #expect(try await store.programmeStart() == nil)

                try await sql.raw(
                    "INSERT INTO programmes (user_id, start_date, updated_at) VALUES (\(bind: user), \(bind: "2026-02-30"), \(bind: 0))"
                ).run()
                let corrupt = await storeError { _ = try await store.programmeStart() }
                #expect(corrupt == .corruptRow(table: "programmes", column: "start_date"))
            }
        }
    }

    // MARK: Backups

    /// A backup's JSON as an object, to change it the way an older build or a damaged file would.
    static func jsonObject(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func jsonData(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test("a backup keeps the programme's start, and a restore replaces it", arguments: Engine.available)
    func programmeStartBackupRoundTrip(engine: Engine) async throws {
        try await TestDatabase.with(engine) { source async throws in
            try await TestDatabase.with(engine) { target async throws in
                let exported = try await JournalStore.withStore(source.location) { store async throws in
                    try await Self.fill(store)
                    try await store.setProgrammeStart(day(1))
                    return try await store.backup(now: Date(timeIntervalSince1970: 1_800_000_000)).jsonData()
                }
                #expect(try Self.jsonObject(exported)["programmeStart"] as? String == "2026-12-01")
                let backup = try Backup(jsonData: exported)
                #expect(backup.version == 3 && backup.programmeStart == day(1))

                try await target.withStore { store async throws in
                    try await store.setProgrammeStart(day(20))  // replaced by the restore
                    try await store.replaceAll(with: backup)
                    #expect(try await store.programmeStart() == day(1))
                    #expect(Self.content(try await store.backup(now: backup.exportedAt)) == Self.content(backup))

                    // A backup taken with no start stored leaves none after the restore.
                    var none = backup
                    none.programmeStart = nil
                    let noneData = try none.jsonData()
                    #expect(try Self.jsonObject(noneData)["programmeStart"] == nil)
                    try await store.replaceAll(with: try Backup(jsonData: noneData))
                    #expect(try await store.programmeStart() == nil)
                    #expect(try await store.painEntries().map(\.level) == [2])
                }
            }
        }
    }

    @Test("a version 2 or version 1 backup restores with no programme start", arguments: Engine.available)
    func olderBackupRestoresWithoutProgrammeStart(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                try await Self.fill(store)
                var object = try Self.jsonObject(try await store.backup().jsonData())
                object.removeValue(forKey: "programmeStart")
                object["version"] = 2
                object["schemaVersion"] = 4
                let version2 = try Self.jsonData(object)
                object.removeValue(forKey: "functionScores")
                object["version"] = 1
                object["schemaVersion"] = 3
                let version1 = try Self.jsonData(object)

                try await store.setProgrammeStart(day(20))
                let backup2 = try Backup(jsonData: version2)
                #expect(backup2.version == 2 && backup2.programmeStart == nil)
                try await store.replaceAll(with: backup2)
                #expect(try await store.programmeStart() == nil)
                #expect(try await store.functionScores().map(\.stairs) == [6])

                try await store.setProgrammeStart(day(20))
                let backup1 = try Backup(jsonData: version1)
                #expect(backup1.version == 1 && backup1.programmeStart == nil)
                try await store.replaceAll(with: backup1)
                #expect(try await store.programmeStart() == nil)
                #expect(try await store.functionScores().isEmpty)
                #expect(try await store.painEntries().map(\.level) == [2])
            }
        }
    }

    @Test("a backup whose programmeStart is not a day is refused and changes nothing", arguments: Engine.available)
    func malformedProgrammeStartIsRefused(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                try await Self.fill(store)
                try await store.setProgrammeStart(day(1))
                let before = Self.content(try await store.backup())
                var object = try Self.jsonObject(try await store.backup().jsonData())
                for bad: Any in ["2026-02-30", "01/12/2026", "2026-12-1", "", 20_261_201] {
                    object["programmeStart"] = bad
                    let data = try Self.jsonData(object)
                    let error = await storeError { try await store.replaceAll(with: try Backup(jsonData: data)) }
                    #expect(error == .invalidBackup(reason: "'programmeStart' has a value of the wrong kind"), "\(bad)")
                    #expect(error?.exitCode == 65)
                }
                #expect(Self.content(try await store.backup()) == before)
                #expect(try await store.programmeStart() == day(1))
            }
        }
    }

    // MARK: Migration 5

    @Test("a version 4 database is migrated with its data and no programme start", arguments: Engine.available)
    func migratesVersion4Journal(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let connection = try await JournalStore.connect(database.location)
            #expect(try await Migrator.migrate(connection, to: 4) == [1, 2, 3, 4])
            let sql = connection.sql
            // Data as a version-4 build wrote it.
            try await sql.raw("INSERT INTO users (name, created_at) VALUES (\(bind: UserRecord.localName), \(bind: 1))").run()
            let user = try #require(try await sql.raw("SELECT id FROM users").first(decodingColumn: "id", as: Int64.self))
            try await sql.raw(
                "INSERT INTO profiles (user_id, profile_json, updated_at) VALUES (\(bind: user), \(bind: #"{"age":51}"#), \(bind: 2))"
            ).run()
            try await sql.raw(
                "INSERT INTO shoes (user_id, name, start_km, retired, created_at) VALUES (\(bind: user), \(bind: "Old"), \(bind: 12.5), \(bind: false), \(bind: 2))"
            ).run()
            try await sql.raw(
                """
                INSERT INTO assessments (user_id, local_date, assessment_json, created_at)
                VALUES (\(bind: user), \(bind: "2026-12-01"), \(bind: #"{"calfTight":true}"#), \(bind: 3))
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO function_scores (user_id, local_date, stairs, created_at)
                VALUES (\(bind: user), \(bind: "2026-12-04"), \(bind: 6), \(bind: 4))
                """
            ).run()
            await connection.close()

            try await database.withStore { store async throws in
                #expect(try await store.schemaVersion() == Migrations.latestVersion)
                #expect(try await store.profileJSON() == #"{"age":51}"#)
                #expect(try await store.shoes().map(\.name) == ["Old"])
                #expect(try await store.assessments().map(\.date) == [day(1)])
                #expect(try await store.functionScores().map(\.stairs) == [6])
                #expect(try await store.programmeStart() == nil)
                try await store.setProgrammeStart(day(1))
                #expect(try await store.programmeStart() == day(1))
                #expect(try await store.users().count == 1)
                #expect(try await store.isIntact())
            }
        }
    }
}

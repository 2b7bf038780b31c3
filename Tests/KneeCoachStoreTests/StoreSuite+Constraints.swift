import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    @Test("the schema's CHECK constraints reject out-of-range values", arguments: Engine.available)
    func checkConstraints(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let pain = await storeError {
                    try await store.insert(PainEntry(date: day(1), timing: .after, level: 11, note: "secret knee note"))
                }
                #expect(pain == .constraintViolated(constraint: "pain_entries_level_range", rule: "a pain level must be between 0 and 10"))
                #expect(pain?.exitCode == 65)
                // Messages never carry what the runner typed.
                #expect(pain?.message.contains("secret") == false)
                #expect(pain?.message.contains("11") == false)

                let negative = await storeError { try await store.insert(PainEntry(date: day(1), timing: .after, level: -1)) }
                #expect(negative?.exitCode == 65)
                let effort = await storeError { try await store.insert(SessionRecord(date: day(1), kind: "strength", effort: 12)) }
                #expect(effort == .constraint(named: "sessions_done_effort_range"))
                let mood = await storeError { try await store.insert(NoteRecord(date: day(1), text: "x", mood: 11)) }
                #expect(mood == .constraint(named: "notes_mood_range"))
                let sleep = await storeError { try await store.insert(NoteRecord(date: day(1), text: "x", sleepHours: 25)) }
                #expect(sleep == .constraint(named: "notes_sleep_hours_range"))
                let distance = await storeError { try await store.insert(manualRun(on: 1, km: -1)) }
                #expect(distance == .constraint(named: "activities_distance_range"))
                let shoe = await storeError { try await store.insert(ShoeRecord(name: "")) }
                #expect(shoe == .constraint(named: "shoes_name_not_empty"))

                // Nothing of the rejected rows was stored.
                #expect(try await store.painEntries().isEmpty)
                #expect(try await store.sessions().isEmpty)
                #expect(try await store.notes().isEmpty)
                #expect(try await store.activities().isEmpty)
                #expect(try await store.shoes().isEmpty)
            }
        }
    }

    @Test("a timing outside the four kinds is rejected by the schema", arguments: Engine.available)
    func timingConstraint(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let error = await storeError {
                    do {
                        try await store.connection.sql.raw(
                        """
                        INSERT INTO pain_entries (user_id, local_date, timing, level, created_at)
                        VALUES (\(bind: store.userID.rawValue), \(bind: "2026-12-01"), \(bind: "yesterday"), \(bind: 2), \(bind: 0))
                        """
                        ).run()
                    } catch {
                        throw StoreError.from(error, operation: "test")
                    }
                }
                #expect(error == .constraint(named: "pain_entries_timing_known"))
                let stored = try await store.painEntries()
                #expect(stored.isEmpty)
            }
        }
    }

    @Test("a second activity with the same content hash is rejected", arguments: Engine.available)
    func duplicateHash(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                var run = manualRun(on: 1, km: 8)
                run.contentHash = "same"
                run.format = "gpx"
                run.source = "a.gpx"
                try await store.insert(run, originalFile: Data("<gpx/>".utf8))
                run.start = noon(9)
                let error = await storeError { try await store.insert(run, originalFile: Data("<gpx/>".utf8)) }
                #expect(error == .duplicateActivity)
                #expect(error?.exitCode == 65)
                #expect(try await store.activityCount() == 1)
                // Another runner may hold the same file.
                let other = store.forUser(try await store.ensureUser(named: "friend").id)
                try await other.insert(run)
                #expect(try await other.activityCount() == 1)
                // Manual runs have no hash and never collide.
                try await store.insert(manualRun(on: 2, km: 3))
                try await store.insert(manualRun(on: 2, km: 3))
                #expect(try await store.activityCount() == 3)
            }
        }
    }

    @Test("a duplicate shoe name is rejected", arguments: Engine.available)
    func duplicateShoe(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                try await store.insert(ShoeRecord(name: "Pegasus"))
                let error = await storeError { try await store.insert(ShoeRecord(name: "Pegasus", startKm: 10)) }
                #expect(error == .duplicateShoe(name: "Pegasus"))
                #expect(try await store.shoes().count == 1)
            }
        }
    }
}

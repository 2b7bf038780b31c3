import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    @Test("pain entries, notes and clearances keep the millisecond they were recorded, through a backup", arguments: Engine.available)
    func recordingOrderSurvivesBackup(engine: Engine) async throws {
        try await TestDatabase.with(engine) { source async throws in
            try await TestDatabase.with(engine) { target async throws in
                let second = Date(timeIntervalSince1970: 1_800_000_000)
                let exported = try await JournalStore.withStore(source.location) { store async throws in
                    // Three rows within one second: created_at alone cannot order them.
                    try await store.insert(ClearanceRecord(date: day(4)), now: second.addingTimeInterval(0.1))
                    try await store.insert(PainEntry(date: day(4), timing: .after, level: 4, locking: true), now: second.addingTimeInterval(0.2))
                    try await store.insert(NoteRecord(date: day(4), text: "knee locked"), now: second.addingTimeInterval(0.3))
                    #expect(try await store.clearances().map(\.recordedMs) == [1_800_000_000_100])
                    #expect(try await store.painEntries().map(\.recordedMs) == [1_800_000_000_200])
                    #expect(try await store.notes().map(\.recordedMs) == [1_800_000_000_300])
                    return try await store.backup().jsonData()
                }
                #expect(String(decoding: exported, as: UTF8.self).contains("\"recordedMs\" : 1800000000200"))
                try await target.withStore { store async throws in
                    try await store.replaceAll(with: try Backup(jsonData: exported), now: Date(timeIntervalSince1970: 1_900_000_000))
                    #expect(try await store.clearances().map(\.recordedMs) == [1_800_000_000_100])
                    #expect(try await store.painEntries().map(\.recordedMs) == [1_800_000_000_200])
                    #expect(try await store.notes().map(\.recordedMs) == [1_800_000_000_300])
                }
            }
        }
    }

    @Test("rows of a backup without recording instants restore without them and fall back to created_at", arguments: Engine.available)
    func olderBackupRowsFallBackToCreatedAt(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                try await Self.fill(store)
                var object = try Self.jsonObject(try await store.backup().jsonData())
                for table in ["painEntries", "notes", "clearances"] {
                    let rows = try #require(object[table] as? [[String: Any]])
                    // Written before recording instants and the signs of migration 7 were kept.
                    let newer: Set<String> = [
                        "recordedMs", "calfPain", "breathless", "numbness", "numbnessSpreading", "coldFoot",
                        "cannotBearWeight", "cannotBend", "bonyTenderness",
                    ]
                    object[table] = rows.map { row in row.filter { !newer.contains($0.key) } }
                }
                object.removeValue(forKey: "profileSignsRecordedMs")
                let restoredAt = Date(timeIntervalSince1970: 1_900_000_000)
                try await store.replaceAll(with: try Backup(jsonData: try Self.jsonData(object)), now: restoredAt)
                // All recorded "at the restore": a same-day sign and clearance tie, and the sign holds.
                #expect(try await store.painEntries().map(\.recordedMs) == [1_900_000_000_000])
                #expect(try await store.painEntries().map(\.swelling) == [true])
                #expect(try await store.clearances().map(\.recordedMs) == [1_900_000_000_000])
                #expect(try await store.profileSignsRecordedMs() == 1_900_000_000_000)
            }
        }
    }

    @Test("re-saving a profile keeps when its signs were raised unless it brings a new sign", arguments: Engine.available)
    func profileSignsKeepTheirInstant(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                var profile = Profile(age: 50)
                profile.pain = PainReport(level: 3, locking: true)
                let first = Date(timeIntervalSince1970: 1_800_000_000.25)
                try await store.save(profile, now: first)
                #expect(try await store.profileSignsRecordedMs() == 1_800_000_000_250)

                profile.weeklyDistanceKm = 30
                try await store.save(profile, now: first.addingTimeInterval(60))
                try await store.save(profile, now: first.addingTimeInterval(120))
                #expect(try await store.profileSignsRecordedMs() == 1_800_000_000_250)

                profile.pain?.givingWay = true
                try await store.save(profile, now: first.addingTimeInterval(180))
                #expect(try await store.profileSignsRecordedMs() == 1_800_000_180_250)

                let backup = try Backup(jsonData: try await store.backup().jsonData())
                #expect(backup.profileSignsRecordedMs == 1_800_000_180_250)
                try await store.replaceAll(with: backup, now: first.addingTimeInterval(999))
                #expect(try await store.profileSignsRecordedMs() == 1_800_000_180_250)
            }
        }
    }
}

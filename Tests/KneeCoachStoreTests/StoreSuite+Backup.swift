import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    /// Fills a journal with one of everything.
    static func fill(_ store: JournalStore) async throws {
        try await store.saveProfile(json: #"{"age":51}"#)
        let shoe = try await store.insert(ShoeRecord(name: "Clifton", startKm: 42, createdAt: Date(timeIntervalSince1970: 1_790_000_000)))
        try await store.insert(ShoeRecord(name: "Old", isRetired: true, createdAt: Date(timeIntervalSince1970: 1_780_000_000)))
        var run = manualRun(on: 2, km: 12, shoe: shoe.id)
        run.contentHash = "h1"
        run.format = "fit"
        run.source = "export.zip!activities/1.fit"
        try await store.insert(run, originalFile: Data((0..<200).map { UInt8($0) }))
        try await store.insert(manualRun(on: 3, km: 6))
        try await store.insert(SessionRecord(date: day(2), kind: "strength", itemsDone: [.init(exercise: "bridge", sets: 3)], effort: 5))
        try await store.insert(PainEntry(date: day(3), timing: .nextMorning, level: 2, location: "front", swelling: true))
        try await store.insert(NoteRecord(date: day(3), text: "slept badly", mood: 4, sleepHours: 5.5))
        try await store.insert(ClearanceRecord(date: day(4), note: "GP"))
        try await store.insert(AssessmentRecord(date: day(1), json: #"{"sidePlankSeconds":20}"#))
        try await store.insert(FunctionScoreRecord(date: day(4), stairs: 6, running: 4))
        try await store.insert(
            AdjustmentRecord(kind: "runs-per-week", value: 3, target: nil, madeBy: nil, coachName: "Sam", reason: "Race soon", date: day(2)))
        try await store.insert(
            AdjustmentRecord(
                kind: "emphasis", value: nil, target: "glutes", madeBy: nil, coachName: "Sam", reason: "Weak bridge",
                date: day(3), undoneOn: day(4), undoneByName: "the runner"))
    }

    /// The backup's content without ids and export time, for comparing two journals.
    static func content(_ backup: Backup) -> String {
        var copy = backup
        copy.exportedAt = Date(timeIntervalSince1970: 0)
        let names = Dictionary(uniqueKeysWithValues: backup.shoes.compactMap { shoe in shoe.id.map { ($0, shoe.name) } })
        copy.shoes = copy.shoes.map { var s = $0; s.id = nil; return s }
        copy.activities = copy.activities.map { item in
            var item = item
            item.activity.id = nil
            item.activity.note = item.activity.shoeID.flatMap { names[$0] }.map { "shoe " + $0 } ?? item.activity.note
            item.activity.shoeID = nil
            return item
        }
        copy.sessions = copy.sessions.map { var s = $0; s.id = nil; return s }
        copy.painEntries = copy.painEntries.map { var s = $0; s.id = nil; return s }
        copy.notes = copy.notes.map { var s = $0; s.id = nil; return s }
        copy.clearances = copy.clearances.map { var s = $0; s.id = nil; return s }
        copy.assessments = copy.assessments.map { var s = $0; s.id = nil; return s }
        copy.functionScores = copy.functionScores.map { var s = $0; s.id = nil; return s }
        copy.adjustments = copy.adjustments.map { var s = $0; s.id = nil; return s }
        return (try? copy.jsonData()).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test("a backup restores into another journal exactly, original files included", arguments: Engine.available)
    func backupRoundTrip(engine: Engine) async throws {
        try await TestDatabase.with(engine) { source async throws in
            try await TestDatabase.with(engine) { target async throws in
                let exported = try await JournalStore.withStore(source.location) { store async throws in
                    try await Self.fill(store)
                    return try await store.backup(now: Date(timeIntervalSince1970: 1_800_000_000)).jsonData()
                }
                let backup = try Backup(jsonData: exported)
                #expect(backup.activities.first?.originalFile?.count == 200)
                #expect(backup.format == "kneecoach-backup" && backup.version == Backup.currentVersion)
                #expect(backup.functionScores.map(\.stairs) == [6])

                try await target.withStore { store async throws in
                    try await store.insert(PainEntry(date: day(9), timing: .rest, level: 7))  // replaced by the restore
                    try await store.replaceAll(with: backup)
                    let restored = try await store.backup(now: backup.exportedAt)
                    #expect(Self.content(restored) == Self.content(backup))
                    #expect(try await store.painEntries().map(\.level) == [2])
                    #expect(try await store.shoeMileage().first?.totalKm == 54)
                    let id = try #require(try await store.activity(withHash: "h1")?.id)
                    #expect(try await store.originalFile(of: id) == Data((0..<200).map { UInt8($0) }))
                    // Restoring twice gives the same journal, not two copies.
                    try await store.replaceAll(with: backup)
                    #expect(Self.content(try await store.backup(now: backup.exportedAt)) == Self.content(backup))
                }
            }
        }
    }

    /// Every entry's id as a backup holds it, by table.
    static func ids(_ backup: Backup) -> [String: [Int64]] {
        [
            "shoes": backup.shoes.compactMap(\.id?.rawValue),
            "activities": backup.activities.compactMap(\.activity.id?.rawValue),
            "activityShoes": backup.activities.compactMap(\.activity.shoeID?.rawValue),
            "sessions": backup.sessions.compactMap(\.id?.rawValue),
            "pain": backup.painEntries.compactMap(\.id?.rawValue),
            "notes": backup.notes.compactMap(\.id?.rawValue),
            "clearances": backup.clearances.compactMap(\.id?.rawValue),
            "assessments": backup.assessments.compactMap(\.id?.rawValue),
            "functionScores": backup.functionScores.compactMap(\.id?.rawValue),
        ]
    }

    /// The ids that `journal` shows (and the API puts in addresses) survive export and restore,
    /// and the next entry logged after a restore gets a new id (issue 15, item 2).
    @Test("a restore keeps every entry's id", arguments: Engine.available)
    func restoreKeepsIDs(engine: Engine) async throws {
        try await TestDatabase.with(engine) { source async throws in
            try await TestDatabase.with(engine) { target async throws in
                let backup = try await JournalStore.withStore(source.location) { store async throws in
                    // Ids with gaps, as deletions leave them.
                    try await store.insert(PainEntry(date: day(1), timing: .rest, level: 1))
                    try await store.insert(NoteRecord(date: day(1), text: "gone"))
                    try await Self.fill(store)
                    for entry in try await store.painEntries() where entry.level == 1 { try await store.delete(entry.id!) }
                    return try await store.backup()
                }
                try await target.withStore { store async throws in
                    for offset in 0..<5 { try await store.insert(PainEntry(date: day(offset), timing: .rest, level: 3)) }
                    try await store.replaceAll(with: backup)
                    #expect(Self.ids(try await store.backup()) == Self.ids(backup))
                    let next = try await store.insert(PainEntry(date: day(5), timing: .after, level: 2))
                    #expect((next.id?.rawValue ?? 0) > (backup.painEntries.compactMap(\.id?.rawValue).max() ?? 0))
                }
            }
        }
    }

    @Test("a truncated, corrupt or inconsistent backup changes nothing", arguments: Engine.available)
    func badBackupChangesNothing(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                try await Self.fill(store)
                let before = Self.content(try await store.backup())
                let data = try await store.backup().jsonData()

                let truncated = await storeError { _ = try Backup(jsonData: data.prefix(data.count / 2)) }
                #expect(truncated == .invalidBackup(reason: "it is not complete JSON (truncated or damaged)"))
                #expect(truncated?.exitCode == 65)
                #expect(await storeError { _ = try Backup(jsonData: Data("{\"format\":\"other\"}".utf8)) } != nil)

                var foreign = try Backup(jsonData: data)
                foreign.format = "something-else"
                #expect(await storeError { try await store.replaceAll(with: foreign) } == .invalidBackup(reason: "it is not a KneeCoach backup"))

                var dangling = try Backup(jsonData: data)
                dangling.activities[0].activity.shoeID = ShoeID(987_654)
                #expect(await storeError { try await store.replaceAll(with: dangling) }?.exitCode == 65)

                // Valid JSON whose last row breaks a CHECK: the restore rolls back entirely.
                var outOfRange = try Backup(jsonData: data)
                outOfRange.painEntries.append(PainEntry(date: day(5), timing: .after, level: 11))
                let error = await storeError { try await store.replaceAll(with: outOfRange) }
                #expect(error == .constraint(named: "pain_entries_level_range"))

                #expect(Self.content(try await store.backup()) == before)
            }
        }
    }
}

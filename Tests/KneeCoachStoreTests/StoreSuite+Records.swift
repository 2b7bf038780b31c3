import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    @Test("activities: insert, list by date range, look up by hash and start, delete", arguments: Engine.available)
    func activities(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let bytes = Data([0x0E, 0x10, 0x00, 0xFF, 0x2E, 0x46, 0x49, 0x54])
                var imported = manualRun(on: 3, km: 10.2)
                imported.source = "/watch/2026-12-03.fit"
                imported.format = "fit"
                imported.contentHash = "abc123"
                imported.elevationGainMeters = 85
                imported.elevationLossMeters = 80.5
                imported.averageCadenceSpm = 172
                imported.averageHeartRate = 141
                imported.device = "Forerunner"
                imported.start = noon(3).addingTimeInterval(0.4)
                let stored = try await store.insert(imported, originalFile: bytes)
                let id = try #require(stored.id)
                try await store.insert(manualRun(on: 1, km: 5))
                try await store.insert(manualRun(on: 7, km: 30, sport: "cycling", isFoot: false))

                #expect(try await store.activities().map(\.date) == [day(1), day(3), day(7)])
                #expect(try await store.activities(from: day(2), to: day(6)) == [stored])
                #expect(try await store.activities(from: day(3)).count == 2)
                #expect(try await store.activities(to: day(3)).count == 2)
                #expect(try await store.activity(id: id) == stored)
                #expect(try await store.originalFile(of: id) == bytes)
                #expect(try await store.activity(withHash: "abc123") == stored)
                #expect(try await store.activity(withHash: "other") == nil)
                #expect(try await store.activityCount() == 3)

                // The same run from another format starts a few seconds apart.
                #expect(try await store.activity(startingAt: noon(3).addingTimeInterval(3), sport: "running") == stored)
                #expect(try await store.activity(startingAt: noon(3).addingTimeInterval(-30), sport: nil) == stored)
                #expect(try await store.activity(startingAt: noon(3).addingTimeInterval(3), sport: "cycling") == nil)
                #expect(try await store.activity(startingAt: noon(3).addingTimeInterval(120), sport: "running") == nil)

                let manual = try #require(try await store.activities(from: day(1), to: day(1)).first)
                #expect(manual.contentHash == nil && manual.source == "manual" && manual.elapsedSeconds == 1_800)
                #expect(try await store.originalFile(of: try #require(manual.id)) == nil)

                #expect(try await store.delete(id))
                #expect(try await !store.delete(id))
                #expect(try await store.activity(withHash: "abc123") == nil)
            }
        }
    }

    @Test("shoes: add, find, retire, and mileage from foot activities only", arguments: Engine.available)
    func shoes(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let created = Date(timeIntervalSince1970: 1_790_000_000)
                let road = try await store.insert(ShoeRecord(name: "Road", startKm: 120, createdAt: created))
                let trail = try await store.insert(ShoeRecord(name: "Trail", createdAt: created))
                let roadID = try #require(road.id)
                try await store.insert(manualRun(on: 1, km: 10, shoe: roadID))
                try await store.insert(manualRun(on: 2, km: 5.5, shoe: roadID))
                try await store.insert(manualRun(on: 3, km: 40, shoe: roadID, sport: "cycling", isFoot: false))

                #expect(try await store.shoe(named: "Road") == road)
                #expect(try await store.shoe(id: roadID) == road)
                #expect(try await store.shoe(named: "road") == nil)
                let mileage = try await store.shoeMileage()
                #expect(mileage.map(\.shoe.name) == ["Road", "Trail"])
                #expect(mileage[0].activityCount == 2)
                #expect(abs(mileage[0].totalKm - 135.5) < 1e-9)
                #expect(mileage[1].totalKm == 0 && mileage[1].activityCount == 0)

                try await store.setRetired(true, shoe: roadID)
                #expect(try await store.shoes(includeRetired: false) == [trail])
                #expect(try await store.shoeMileage().map(\.shoe.name) == ["Trail", "Road"])

                let run = try #require(try await store.activities(from: day(1), to: day(1)).first?.id)
                try await store.setShoe(trail.id, of: run)
                #expect(try await store.shoeMileage().first?.activityMeters == 10_000)

                // Deleting a shoe keeps its runs, without a shoe.
                #expect(try await store.delete(roadID))
                #expect(try await store.activities().filter { $0.shoeID != nil }.count == 1)
            }
        }
    }

    @Test("pain entries, sessions, notes, clearances and self-tests round-trip", arguments: Engine.available)
    func journalEntries(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let pain = try await store.insert(
                    PainEntry(
                        date: day(2), timing: .nextMorning, level: 4, location: "front", swelling: true, locking: false,
                        givingWay: true, limping: false, redOrHot: true, atNight: false, afterTrauma: true, note: "stairs"))
                try await store.insert(PainEntry(date: day(5), timing: .during, level: 0))
                #expect(try await store.painEntries(from: day(1), to: day(3)) == [pain])
                #expect(try await store.painEntries().map(\.timing) == [.nextMorning, .during])

                let session = try await store.insert(
                    SessionRecord(
                        date: day(2), kind: "strength",
                        itemsDone: [.init(exercise: "wall-sit", sets: 3, holdSeconds: 45), .init(exercise: "bridge", sets: 2, reps: 12)],
                        itemsSkipped: ["step-down"], setsDone: 5, repsDone: 24, holdSecondsDone: 135, pain: 2, effort: 6,
                        note: "ok"))
                #expect(try await store.sessions() == [session])

                let note = try await store.insert(NoteRecord(date: day(4), text: "tired", mood: 6, stress: 3, sleepHours: 6.5))
                #expect(try await store.notes(from: day(4), to: day(4)) == [note])
                #expect(try await store.notes(from: day(5)).isEmpty)

                let cleared = try await store.insert(ClearanceRecord(date: day(6), note: "physio"))
                #expect(try await store.clearances() == [cleared])

                let assessment = try await store.insert(AssessmentRecord(date: day(1), json: #"{"bridgeHoldSeconds":40}"#))
                #expect(try await store.assessments() == [assessment])

                #expect(try await store.delete(try #require(pain.id)))
                #expect(try await store.delete(try #require(session.id)))
                #expect(try await store.delete(try #require(note.id)))
                #expect(try await store.delete(try #require(cleared.id)))
                #expect(try await store.delete(try #require(assessment.id)))
                #expect(try await store.painEntries().count == 1)
                #expect(try await store.sessions().isEmpty)
                #expect(try await store.notes().isEmpty)
                #expect(try await store.clearances().isEmpty)
                #expect(try await store.assessments().isEmpty)
            }
        }
    }

    @Test("function ratings round-trip, and a rating outside 0–10 or an empty set is refused", arguments: Engine.available)
    func functionScores(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let first = try await store.insert(FunctionScoreRecord(date: day(2), stairs: 5, squatting: 3, running: 2))
                try await store.insert(FunctionScoreRecord(date: day(9), running: 7))
                #expect(try await store.functionScores().map(\.date) == [day(2), day(9)])
                #expect(try await store.functionScores(to: day(5)) == [first])
                for bad in [FunctionScoreRecord(date: day(3), stairs: 11), FunctionScoreRecord(date: day(3))] {
                    do {
                        try await store.insert(bad)
                        Issue.record("stored \(bad)")
                    } catch let error as StoreError {
                        guard case .constraintViolated = error else {
                            Issue.record("\(error)")
                            continue
                        }
                    }
                }
                #expect(try await store.functionScores().count == 2)
                #expect(try await store.delete(try #require(first.id)))
                #expect(try await store.functionScores().map(\.running) == [7])
            }
        }
    }

    @Test("before a window: each shoe's earlier use, and earlier pain entries that carry a warning sign", arguments: Engine.available)
    func windows(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let road = try await store.insert(ShoeRecord(name: "Road"))
                let trail = try await store.insert(ShoeRecord(name: "Trail"))
                try await store.insert(manualRun(on: 1, km: 10, shoe: road.id))
                try await store.insert(manualRun(on: 3, km: 5.5, shoe: road.id))
                try await store.insert(manualRun(on: 4, km: 30, shoe: trail.id, sport: "cycling", isFoot: false))
                try await store.insert(manualRun(on: 8, km: 7, shoe: trail.id))
                let use = try await store.shoeUse(before: day(8))
                let roadID = try #require(road.id)
                #expect(use.count == 1)
                #expect(use[roadID] == JournalStore.ShoeUse(meters: 15_500, count: 2, lastDate: day(3)))

                try await store.insert(PainEntry(date: day(1), timing: .after, level: 3))
                try await store.insert(PainEntry(date: day(2), timing: .after, level: 2, givingWay: true))
                try await store.insert(PainEntry(date: day(3), timing: .rest, level: 4))
                try await store.insert(PainEntry(date: day(4), timing: .after, level: 0, calfPain: true))
                try await store.insert(PainEntry(date: day(5), timing: .after, level: 2, bonyTenderness: true))
                try await store.insert(PainEntry(date: day(9), timing: .during, level: 1, swelling: true))
                #expect(try await store.painEntriesWithSigns(before: day(9)).map(\.date) == [day(2), day(3), day(4), day(5)])
                // A reader that read the entries in full picks the same ones (PainEntry.carriesSign).
                #expect(try await store.painEntries(to: day(8)).filter(\.carriesSign) == store.painEntriesWithSigns(before: day(9)))
                let signs: [WritableKeyPath<PainEntry, Bool>] = [
                    \.swelling, \.locking, \.givingWay, \.limping, \.redOrHot, \.atNight, \.afterTrauma, \.calfPain,
                    \.breathless, \.numbness, \.numbnessSpreading, \.coldFoot, \.cannotBearWeight, \.cannotBend,
                    \.bonyTenderness,
                ]
                for (offset, sign) in signs.enumerated() {
                    var entry = PainEntry(date: day(12 + offset), timing: .during, level: 1)
                    entry[keyPath: sign] = true
                    try await store.insert(entry)
                }
                for timing in PainEntry.Timing.allCases { try await store.insert(PainEntry(date: day(28), timing: timing, level: 5)) }
                let withSigns = try await store.painEntriesWithSigns(before: day(29)).filter { $0.date >= day(12) }
                #expect(withSigns.count == signs.count + 1)
                #expect(try await store.painEntries(from: day(12), to: day(28)).filter(\.carriesSign) == withSigns)
                #expect(try await store.firstSessionDay(from: day(1), to: day(9)) == nil)
                try await store.insert(SessionRecord(date: day(6), kind: "strength", itemsDone: []))
                try await store.insert(SessionRecord(date: day(4), kind: "strength", itemsDone: []))
                #expect(try await store.firstSessionDay(from: day(1), to: day(9)) == day(4))
                #expect(try await store.firstSessionDay(from: day(5), to: day(9)) == day(6))
                #expect(try await store.firstSessionDay(from: day(7), to: day(9)) == nil)
            }
        }
    }

    @Test("the profile is stored as JSON text and replaced", arguments: Engine.available)
    func profile(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                #expect(try await store.profileJSON() == nil)
                #expect(try await store.profile() == nil)
                try await store.save(Profile(age: 44), now: Date(timeIntervalSince1970: 1_800_000_000))
                #expect(try await store.profile() == Profile(age: 44))
                #expect(try await store.profileUpdatedAt() == Date(timeIntervalSince1970: 1_800_000_000))
                try await store.saveProfile(json: #"{"age": 45}"#)
                #expect(try await store.profile()?.age == 45)
                try await store.saveProfile(json: #"{"age": "old"}"#)
                #expect(await storeError { _ = try await store.profile() } == .corruptRow(table: "profiles", column: "profile_json"))
            }
        }
    }

    @Test("each runner sees only their own rows", arguments: Engine.available)
    func usersAreSeparate(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let other = store.forUser(try await store.ensureUser(named: "club-member").id)
                #expect(try await store.ensureUser(named: "club-member").id == other.userID)
                let shoe = try await other.insert(ShoeRecord(name: "Theirs"))
                try await other.insert(PainEntry(date: day(1), timing: .rest, level: 5))
                try await other.insert(manualRun(on: 1, km: 3))
                #expect(try await store.shoes().isEmpty)
                #expect(try await store.painEntries().isEmpty)
                #expect(try await store.activities().isEmpty)
                #expect(try await store.shoeMileage().isEmpty)
                // Another runner's shoe can't be used, retired or deleted.
                let shoeID = try #require(shoe.id)
                #expect(await storeError { try await store.insert(manualRun(on: 2, km: 1, shoe: shoeID)) } != nil)
                #expect(await storeError { try await store.setRetired(true, shoe: shoeID) } == .notFound(what: "shoe with id \(shoeID)"))
                #expect(try await !store.delete(shoeID))
                #expect(try await other.shoes().count == 1)
                #expect(try await store.users().map(\.name).sorted() == ["club-member", "local"])
            }
        }
    }

    @Test("a pain entry keeps every warning sign of the red-flag table", arguments: Engine.available)
    func painEntrySignsRoundTrip(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let entry = try await store.insert(
                    PainEntry(
                        date: day(2), timing: .after, level: 3, afterTrauma: true, calfPain: true, breathless: true,
                        numbness: true, numbnessSpreading: true, coldFoot: true, cannotBearWeight: true, cannotBend: true,
                        bonyTenderness: true))
                #expect(try await store.painEntries() == [entry])
                let quiet = try await store.insert(PainEntry(date: day(3), timing: .after, level: 1, cannotBend: true))
                #expect(try await store.painEntries(from: day(3)) == [quiet])
                #expect(!quiet.calfPain && !quiet.breathless && !quiet.bonyTenderness)
            }
        }
    }
}

import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

struct JournalProfileTests {
    /// A data folder of its own, and a journal on the SQLite file in it.
    static func withJournal<T>(
        folder: URL? = nil, _ body: (Journal, URL) async throws -> T
    ) async throws -> T {
        let folder = try folder ?? Self.temporaryFolder()
        let data = DataFolder(databaseURL: folder.appendingPathComponent("kneecoach.sqlite"))
        return try await Journal.with(.sqlite(path: data.databaseURL.path), dataFolder: data) { try await body($0, folder) }
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func savesReplacesAndReadsTheProfile() async throws {
        try await Self.withJournal { journal, _ async throws in
            #expect(try await journal.profile() == nil)
            await #expect(throws: ProfileStoreError.noProfile) { try await journal.requireProfile() }
            let profile = Profile(age: 44, terrain: [.hilly], pain: PainReport(level: 2, location: .outside))
            try await journal.save(profile: profile)
            try await journal.save(profile: profile)
            #expect(try await journal.requireProfile() == profile)
        }
    }

    @Test func aBadImportKeepsTheStoredProfile() async throws {
        try await Self.withJournal { journal, folder async throws in
            try await journal.save(profile: Profile(age: 50))
            let bad = folder.appendingPathComponent("bad.json")
            try Data(#"{"age": 50, "pain": {"level": 12}}"#.utf8).write(to: bad)
            do {
                try await journal.importProfile(from: bad)
                Issue.record("a bad import was accepted")
            } catch let error as ProfileStoreError {
                guard case .invalidImport(_, let cause) = error else {
                    Issue.record("\(error)")
                    return
                }
                #expect(cause.field == "pain.level")
                #expect(error.exitCode == ExitStatus.data)
            }
            #expect(try await journal.profile() == Profile(age: 50))
            await #expect(throws: ProfileStoreError.self) {
                try await journal.importProfile(from: folder.appendingPathComponent("missing.json"))
            }
            let good = folder.appendingPathComponent("good.json")
            try Data(#"{"age": 51, "goal": "race"}"#.utf8).write(to: good)
            #expect(try await journal.importProfile(from: good) == Profile(age: 51, goal: .race))
            #expect(try await journal.requireProfile().goal == .race)
        }
    }

    @Test func aProfileBrokenInTheDatabaseIsReportedWithTheField() async throws {
        try await Self.withJournal { journal, _ async throws in
            try await journal.store.saveProfile(json: #"{"age": 300}"#)
            do {
                _ = try await journal.profile()
                Issue.record("an invalid stored profile was read")
            } catch let error as ProfileStoreError {
                guard case .invalidStored(let cause) = error else {
                    Issue.record("\(error)")
                    return
                }
                #expect(cause.field == "age")
            }
        }
    }

    @Test func everyRetestAddsADatedSetAndUpdatesTheProfile() async throws {
        try await Self.withJournal { journal, _ async throws in
            try await journal.save(profile: Profile(age: 35))
            let day1 = try #require(LocalDate("2026-03-02")), day2 = try #require(LocalDate("2026-04-06"))
            try await journal.record(Assessment(kneeToWallCm: Sides(left: 6, right: 11), itBandTight: true), on: day1)
            let updated = try await journal.record(Assessment(kneeToWallCm: Sides(left: 10, right: 11)), on: day2)
            #expect(try await journal.assessments().map(\.date) == [day1, day2])
            let expected = Assessment(kneeToWallCm: Sides(left: 10, right: 11), itBandTight: true)
            #expect(updated?.assessment == expected)
            #expect(try await journal.requireProfile().assessment == expected)
            #expect(try await journal.latestAssessment() == expected)
        }
    }

    @Test func selfTestsAreKeptWithoutAProfile() async throws {
        try await Self.withJournal { journal, _ async throws in
            let day = try #require(LocalDate("2026-03-02"))
            #expect(try await journal.record(Assessment(calfTight: true), on: day) == nil)
            #expect(try await journal.assessments().count == 1)
            #expect(try await journal.profile() == nil)
        }
    }

    @Test func theFilesOfAnEarlierVersionMoveIntoTheJournalOnce() async throws {
        let folder = try Self.temporaryFolder()
        try Data(#"{"age": 62, "timeZone": "Europe/Oslo", "goal": "stay-healthy"}"#.utf8)
            .write(to: folder.appendingPathComponent("profile.json"))
        try Data(#"[{"date": "2026-02-02", "assessment": {"calfTight": true}}]"#.utf8)
            .write(to: folder.appendingPathComponent("assessments.json"))
        try await Self.withJournal(folder: folder) { journal, _ async throws in
            #expect(try await journal.profile()?.age == 62)
            #expect(try await journal.assessments().map(\.assessment) == [Assessment(calfTight: true)])
            #expect(await journal.runnerTimeZone().identifier == "Europe/Oslo")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.contains("profile.json.imported") && names.contains("assessments.json.imported"))
        #expect(!names.contains("profile.json") && !names.contains("assessments.json"))
        // A profile.json appearing later never replaces the journal's profile.
        try Data(#"{"age": 30}"#.utf8).write(to: folder.appendingPathComponent("profile.json"))
        try await Self.withJournal(folder: folder) { journal, _ async throws in
            #expect(try await journal.profile()?.age == 62)
            #expect(try await journal.assessments().count == 1)
        }
    }

    @Test func anInvalidEarlierProfileStopsWithTheFileNamedAndChangesNothing() async throws {
        let folder = try Self.temporaryFolder()
        let legacy = folder.appendingPathComponent("profile.json")
        try Data(#"{"age": 62, "pain": {"level": 11}}"#.utf8).write(to: legacy)
        do {
            try await Self.withJournal(folder: folder) { _, _ async throws in Issue.record("the journal opened") }
        } catch let error as ProfileStoreError {
            guard case .invalidLegacyFile(let path, let cause) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(path == legacy.path && cause.field == "pain.level")
            #expect(error.exitCode == ExitStatus.data)
        }
        #expect(FileManager.default.fileExists(atPath: legacy.path))
        try Data(#"{"age": 62}"#.utf8).write(to: legacy)
        try await Self.withJournal(folder: folder) { journal, _ async throws in
            #expect(try await journal.profile()?.age == 62)
        }
    }

    @Test func todayFollowsTheProfilesTimeZone() async throws {
        try await Self.withJournal { journal, _ async throws in
            let instant = Date(timeIntervalSince1970: 1_794_970_800)  // 2026-11-18 03:00 UTC, 17:00 at UTC+14
            try await journal.save(profile: Profile(age: 40, timeZone: "Pacific/Kiritimati"))  // UTC+14
            #expect(await journal.today(now: instant) == LocalDate("2026-11-18"))
            let late = instant.addingTimeInterval(11 * 3600)  // 14:00 UTC: already 04:00 on the 19th at UTC+14
            #expect(await journal.today(now: late) == LocalDate("2026-11-19"))
        }
    }
}

import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachApp

struct ProfileStoreTests {
    /// A store in a fresh temporary folder.
    static func makeStore() throws -> ProfileStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("profile-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return ProfileStore(folder: DataFolder(databaseURL: folder.appendingPathComponent("kneecoach.sqlite")))
    }

    @Test func savesAndLoadsAndLeavesNoTemporaryFiles() throws {
        let store = try Self.makeStore()
        #expect(try store.profile() == nil)
        #expect(throws: ProfileStoreError.self) { try store.requireProfile() }
        let profile = Profile(age: 44, terrain: [.hilly], pain: PainReport(level: 2, location: .outside))
        try store.save(profile)
        try store.save(profile)  // replacing an existing file works too
        #expect(try store.requireProfile() == profile)
        let names = try FileManager.default.contentsOfDirectory(atPath: store.folder.url.path)
        #expect(names == ["profile.json"])
    }

    @Test func createsTheDataFolderWhenMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("profile-store-\(UUID().uuidString)/a/b")
        let store = ProfileStore(folder: DataFolder(databaseURL: folder.appendingPathComponent("db.sqlite")))
        try store.save(Profile(age: 30))
        #expect(try store.profile()?.age == 30)
    }

    @Test func aBadImportKeepsTheOldFile() throws {
        let store = try Self.makeStore()
        try store.save(Profile(age: 50))
        let before = try Data(contentsOf: store.profileURL)
        let bad = store.folder.url.appendingPathComponent("bad.json")
        try Data(#"{"age": 50, "pain": {"level": 12}}"#.utf8).write(to: bad)
        do {
            try store.importProfile(from: bad)
            Issue.record("a bad import was accepted")
        } catch {
            guard case .invalidImport(_, let cause) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(cause.field == "pain.level")
            #expect(error.exitCode == ExitStatus.data)
        }
        #expect(try Data(contentsOf: store.profileURL) == before)
        #expect(throws: ProfileStoreError.self) {
            try store.importProfile(from: store.folder.url.appendingPathComponent("missing.json"))
        }
    }

    @Test func aGoodImportReplacesTheProfile() throws {
        let store = try Self.makeStore()
        try store.save(Profile(age: 50))
        let file = store.folder.url.appendingPathComponent("new.json")
        try Data(#"{"age": 51, "goal": "race"}"#.utf8).write(to: file)
        #expect(try store.importProfile(from: file) == Profile(age: 51, goal: .race))
        #expect(try store.requireProfile().goal == .race)
    }

    @Test func aHandEditedBrokenProfileIsReported() throws {
        let store = try Self.makeStore()
        try Data("{".utf8).write(to: store.profileURL)
        #expect(throws: ProfileStoreError.self) { try store.profile() }
    }

    @Test func everyRetestAddsADatedSetAndUpdatesTheProfile() throws {
        let store = try Self.makeStore()
        try store.save(Profile(age: 35))
        let day1 = try #require(LocalDate("2026-03-02")), day2 = try #require(LocalDate("2026-04-06"))
        try store.record(Assessment(kneeToWallCm: Sides(left: 6, right: 11), itBandTight: true), on: day1)
        let updated = try store.record(Assessment(kneeToWallCm: Sides(left: 10, right: 11)), on: day2)
        let history = try store.assessments()
        #expect(history.map(\.date) == [day1, day2])
        #expect(updated?.assessment == Assessment(kneeToWallCm: Sides(left: 10, right: 11), itBandTight: true))
        #expect(try store.requireProfile().assessment == updated?.assessment)
        #expect(try store.latestAssessment() == updated?.assessment)
    }

    @Test func recordsWithoutAProfile() throws {
        let store = try Self.makeStore()
        let day = try #require(LocalDate("2026-03-02"))
        #expect(try store.record(Assessment(calfTight: true), on: day) == nil)
        #expect(try store.assessments().count == 1)
        #expect(try store.profile() == nil)
    }
}

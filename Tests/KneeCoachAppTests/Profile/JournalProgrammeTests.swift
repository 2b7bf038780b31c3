import Foundation
import KneeCoachCore
import KneeCoachStore
import Testing

@testable import KneeCoachApp

/// The programme's start: a new profile starts a programme, the first self-test starts one
/// when none is stored, a re-test never restarts it.
struct JournalProgrammeTests {
    @Test func savingAProfileStartsTheProgrammeTodayInTheNewProfilesTimeZone() async throws {
        try await JournalProfileTests.withJournal { journal, _ async throws in
            #expect(try await journal.programmeStart() == nil)
            // 2026-11-18 14:00 UTC: still the 18th in Los Angeles, already the 19th at UTC+14.
            let instant = Date(timeIntervalSince1970: 1_794_970_800 + 11 * 3600)
            try await journal.save(profile: Profile(age: 40, timeZone: "America/Los_Angeles"), now: instant)
            #expect(try await journal.programmeStart() == LocalDate("2026-11-18"))
            try await journal.save(profile: Profile(age: 40, timeZone: "Pacific/Kiritimati"), now: instant)
            #expect(try await journal.programmeStart() == LocalDate("2026-11-19"))
        }
    }

    /// A profile's plan without a journal, started months ago, is the same plan as one started
    /// today: nothing is read as days of doing nothing.
    @Test func aStandalonePlanStartedInThePastIsProjectedInFull() throws {
        let library = try ExerciseLibrary.bundled()
        let profile = Profile(
            age: 40, experience: .intermediate, weeklyDistanceKm: 20, runsPerWeek: 3, longestRecentRunKm: 8,
            goal: .stayHealthy, minutesPerDay: 40, equipment: Equipment.allCases)
        let past = try #require(LocalDate("2026-03-02")), now = Date(timeIntervalSince1970: 1_794_970_800)
        let weeks = try Coach.standalone(profile: profile, start: past, library: library, now: now).plan(from: past, weeks: 4)
            .weeks.map(\.runningKm)
        #expect(weeks[1] >= weeks[0] * 0.9, "\(weeks)")
        let future = try #require(LocalDate("2027-03-01"))
        let later = try Coach.standalone(profile: profile, start: future, library: library, now: now).plan(from: future, weeks: 4)
        #expect(later.weeks.map(\.runningKm) == weeks)
    }

    @Test func savingAProfileCanStartTheProgrammeOnAGivenDay() async throws {
        try await JournalProfileTests.withJournal { journal, _ async throws in
            let day = try #require(LocalDate("2026-03-02"))
            try await journal.save(profile: Profile(age: 35), startingOn: day)
            #expect(try await journal.programmeStart() == day)
            #expect(try await journal.requireProfile() == Profile(age: 35))
            let later = try #require(LocalDate("2026-05-04"))
            try await journal.restartProgramme(on: later)
            #expect(try await journal.programmeStart() == later)
            #expect(try await journal.requireProfile() == Profile(age: 35))
        }
    }

    @Test func importingAProfileStartsTheProgrammeAndABadImportKeepsIt() async throws {
        try await JournalProfileTests.withJournal { journal, folder async throws in
            let start = try #require(LocalDate("2026-03-02"))
            try await journal.save(profile: Profile(age: 50), startingOn: start)
            let bad = folder.appendingPathComponent("bad.json")
            try Data(#"{"age": 50, "pain": {"level": 12}}"#.utf8).write(to: bad)
            await #expect(throws: ProfileStoreError.self) { try await journal.importProfile(from: bad) }
            #expect(try await journal.programmeStart() == start)

            let good = folder.appendingPathComponent("good.json")
            try Data(#"{"age": 51}"#.utf8).write(to: good)
            let before = await journal.today()
            try await journal.importProfile(from: good)
            let after = await journal.today()
            #expect(try await [before, after].contains(#require(journal.programmeStart())))
        }
    }

    @Test func aRetestKeepsAStoredProgrammeStart() async throws {
        try await JournalProfileTests.withJournal { journal, _ async throws in
            let start = try #require(LocalDate("2026-03-02")), retest = try #require(LocalDate("2026-04-06"))
            try await journal.save(profile: Profile(age: 35), startingOn: start)
            try await journal.record(Assessment(calfTight: true), on: retest)
            #expect(try await journal.programmeStart() == start)
            #expect(try await journal.assessments().map(\.date) == [retest])
        }
    }

    @Test func theFirstSelfTestStartsTheProgrammeWhenNoneIsStored() async throws {
        try await JournalProfileTests.withJournal { journal, _ async throws in
            let first = try #require(LocalDate("2026-03-02")), retest = try #require(LocalDate("2026-04-06"))
            // Without a profile …
            #expect(try await journal.record(Assessment(calfTight: true), on: first) == nil)
            #expect(try await journal.programmeStart() == first)
            // … and a re-test does not restart it.
            try await journal.record(Assessment(calfTight: false), on: retest)
            #expect(try await journal.programmeStart() == first)
        }
    }

    @Test func theFirstSelfTestStartsTheProgrammeOfAProfileWithoutOne() async throws {
        try await JournalProfileTests.withJournal { journal, _ async throws in
            // A profile stored without a start, as an earlier version or a restore leaves it.
            try await journal.store.save(Profile(age: 35))
            #expect(try await journal.programmeStart() == nil)
            let day = try #require(LocalDate("2026-03-02"))
            let updated = try await journal.record(Assessment(calfTight: true), on: day)
            #expect(updated?.assessment == Assessment(calfTight: true))
            #expect(try await journal.programmeStart() == day)
        }
    }
}

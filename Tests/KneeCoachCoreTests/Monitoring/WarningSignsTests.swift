import Foundation
import Testing

@testable import KneeCoachCore

/// One set of warning signs (the profile's and the journal's) and one clearance rule, read
/// alike by `status` and by the coach behind `today` and `plan`.
struct WarningSignsTests {
    let library: ExerciseLibrary
    /// Monday 2026-11-09: the programme's first day.
    let start = Journal.day(35)

    init() throws { library = try ExerciseLibrary.bundled() }

    /// The coach's view of `day`: the morning's signs.
    func morningSigns(_ journal: Journal, profile: Profile = Journal.profile, on day: LocalDate) -> [String] {
        let coach = Coach(
            programme: Programme(profile: profile, start: start), library: library, history: journal.history, today: day)
        return coach.morning(of: day).redFlags.map(\.sign)
    }

    static func lockingProfile() -> Profile {
        var profile = Journal.profile
        profile.pain = PainReport(level: 3, locking: true)
        return profile
    }

    @Test func aSignLoggedAfterTheAllClearOnTheSameDayHoldsThePlanAgain() throws {
        var journal = Journal()
        journal.cleared(40)
        journal.pain(40, .after, 4) { $0.locking = true }
        #expect(try journal.status(on: 41).flags.map(\.sign) == ["locking"])
        #expect(morningSigns(journal, on: Journal.day(41)) == ["locking"])
        #expect(morningSigns(journal, on: Journal.day(40)) == ["locking"])
    }

    @Test func aSignLoggedBeforeTheAllClearOnTheSameDayIsCleared() throws {
        var journal = Journal()
        journal.pain(40, .after, 4) { $0.locking = true }
        journal.note(40, "My knee gave way on the stairs.")
        journal.cleared(40)
        #expect(try journal.status(on: 41).flags.isEmpty)
        #expect(morningSigns(journal, on: Journal.day(41)).isEmpty)
    }

    @Test func differentDaysStillOrderByDateWhateverTheRecordingOrder() throws {
        // A clearance for an earlier day, logged after the sign: the sign's day is later, so it holds.
        var journal = Journal()
        journal.pain(40, .after, 4) { $0.locking = true }
        journal.cleared(39)
        #expect(try journal.status(on: 41).flags.map(\.sign) == ["locking"])
        // A clearance for a later day, logged before the sign was typed in: it lifts the sign.
        var late = Journal()
        late.cleared(41)
        late.pain(40, .after, 4) { $0.locking = true }
        #expect(try late.status(on: 41).flags.isEmpty)
    }

    @Test func aTieOrAnUnknownOrderOnTheSameDayHoldsTheSign() throws {
        var journal = Journal()
        let instant = journal.tick()
        journal.history.pain.append(
            .init(date: Journal.day(40), timing: .after, level: 4, locking: true, recordedAt: instant))
        journal.history.clearances.append(.init(date: Journal.day(40), recordedAt: instant))
        #expect(try journal.status(on: 41).flags.map(\.sign) == ["locking"])
        #expect(morningSigns(journal, on: Journal.day(41)) == ["locking"])

        var unknown = Journal()
        unknown.history.pain.append(.init(date: Journal.day(40), timing: .after, level: 4, locking: true))
        unknown.cleared(40)
        #expect(try unknown.status(on: 41).flags.map(\.sign) == ["locking"])
    }

    @Test func persistingPainCountsOnlyTheEntriesTheClearanceDoesNotLift() throws {
        var journal = Journal()
        for day in 0...13 where day != 5 { journal.pain(day, .nextMorning, 4) }
        journal.cleared(5)
        journal.pain(5, .nextMorning, 4)  // logged after the all-clear: the count starts on day 5
        #expect(try journal.status(on: 18).flags.isEmpty)
        for day in 14...19 { journal.pain(day, .nextMorning, 4) }
        #expect(try journal.status(on: 19).flags.map(\.sign) == ["persistent-pain"])
    }

    @Test func statusShowsTheProfilesSignsAsTodayDoes() throws {
        var journal = Journal()
        journal.profileSaved(30)
        let flags = try journal.status(on: 41, profile: Self.lockingProfile()).flags
        #expect(flags.map(\.sign) == ["locking"])
        #expect(flags.first?.raisedOn == Journal.day(30))
        #expect(flags.first?.source == "profile's pain block (saved 2026-11-04)")
        #expect(morningSigns(journal, profile: Self.lockingProfile(), on: Journal.day(41)) == ["locking"])
    }

    @Test func aClearanceRecordedAfterTheProfileWasSavedLiftsItsSigns() throws {
        var journal = Journal()
        journal.profileSaved(30)
        journal.cleared(38)
        let profile = Self.lockingProfile()
        #expect(try journal.status(on: 41, profile: profile).flags.isEmpty)
        #expect(morningSigns(journal, profile: profile, on: Journal.day(41)).isEmpty)
        #expect(morningSigns(journal, profile: profile, on: Journal.day(37)) == ["locking"])
        let plan = try PlanGenerator.plan(
            for: profile, library: library, start: Journal.day(41), weeks: 2, history: journal.history)
        #expect(plan.redFlags.isEmpty && plan.days.contains { $0.sessions.contains { $0.kind == .run } })
    }

    @Test func aClearanceRecordedBeforeTheProfileWasSavedLeavesItsSigns() throws {
        var journal = Journal()
        journal.cleared(38)
        journal.profileSaved(39)
        let profile = Self.lockingProfile()
        #expect(try journal.status(on: 41, profile: profile).flags.map(\.sign) == ["locking"])
        #expect(morningSigns(journal, profile: profile, on: Journal.day(41)) == ["locking"])
        // A profile the journal did not save (no recorded instant) keeps its signs.
        var unsaved = Journal()
        unsaved.cleared(38)
        #expect(try unsaved.status(on: 41, profile: profile).flags.map(\.sign) == ["locking"])
    }

    @Test func reSavingWithoutANewSignKeepsTheAllClearAndANewSignRaisesThemAgain() {
        let locking = Self.lockingProfile()
        var moreRunning = locking
        moreRunning.weeklyDistanceKm = 30
        #expect(!WarningSigns.raisesNewSign(from: locking, to: locking))
        #expect(!WarningSigns.raisesNewSign(from: locking, to: moreRunning))
        #expect(!WarningSigns.raisesNewSign(from: locking, to: Journal.profile))
        var givingWay = locking
        givingWay.pain?.givingWay = true
        #expect(WarningSigns.raisesNewSign(from: locking, to: givingWay))
        #expect(WarningSigns.raisesNewSign(from: nil, to: locking))
        #expect(!WarningSigns.raisesNewSign(from: nil, to: Journal.profile))
    }

    @Test func theReportListsSignsRaisedAndClearedInItsPeriod() {
        var journal = Journal()
        journal.pain(2, .after, 3) { $0.limping = true }  // raised and cleared before the period
        journal.cleared(4)
        journal.profileSaved(20)
        journal.pain(25, .after, 4) { $0.givingWay = true }
        journal.cleared(28)
        journal.pain(30, .after, 3) { $0.atNight = true }
        let signs = Monitor.signs(
            history: journal.history, profile: Self.lockingProfile(), from: Journal.day(21), through: Journal.day(34))
        #expect(signs.map(\.flag.sign) == ["locking", "giving-way", "night-pain"])
        #expect(signs.map(\.clearedOn) == [Journal.day(28), Journal.day(28), nil])
    }
}

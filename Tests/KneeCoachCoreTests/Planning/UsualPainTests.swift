import Testing

@testable import KneeCoachCore

/// "Back to usual" is the runner's usual (issue 13, item 6): an osteoarthritic knee's steady
/// pain is its baseline, not persistent pain; pain that persists holds progression, never all
/// exercise; pain that climbs and stays does not become the new usual.
struct UsualPainTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    static let arthritic = Profile(
        age: 64, experience: .intermediate, weeklyDistanceKm: 18, runsPerWeek: 3, longestRecentRunKm: 8,
        goal: .stayHealthy, conditions: [.kneeOsteoarthritis], minutesPerDay: 30, equipment: Equipment.allCases,
        pain: PainReport(level: 3, location: .inside, sinceWeeks: 26, duringRun: true))

    /// `weeks` weeks of runs on Monday, Wednesday and Saturday, with a next-morning level every day.
    static func journal(weeks: Int, km: Double = 5, morning: (Int) -> Int) -> Journal {
        var journal = Journal()
        for day in 0..<(weeks * 7) {
            if [0, 2, 5].contains(day % 7) { journal.run(day, km: km) }
            journal.pain(day, .nextMorning, morning(day))
        }
        return journal
    }

    func coach(_ journal: Journal, profile: Profile, on day: LocalDate) -> Coach {
        Coach(
            programme: Programme(profile: profile, start: Journal.monday), library: library, history: journal.history,
            today: day)
    }

    @Test func anArthriticKneesSteadyPainIsItsUsualNotAWarningSign() throws {
        let journal = Self.journal(weeks: 5) { _ in 3 }
        let day = Journal.day(35)
        let status = try journal.status(on: 35, profile: Self.arthritic)
        #expect(status.flags.isEmpty, "\(status.flags.map(\.sign))")
        #expect(!status.painTrend.runs.contains { $0.verdict == .broken })
        let coach = coach(journal, profile: Self.arthritic, on: day)
        let morning = coach.morning(of: day)
        #expect(morning.redFlags.isEmpty)
        #expect(morning.usualPain == 3)
        #expect(morning.phase != .settle)
        let plan = try coach.plan(from: day, weeks: 2)
        #expect(plan.days.flatMap(\.sessions).contains { $0.kind == .run })
        #expect(plan.days.flatMap(\.sessions).contains { $0.kind == .strength })
    }

    @Test func withoutOsteoarthritisTheSameMorningsAreAboveTheGreenZone() throws {
        var profile = Self.arthritic
        profile.conditions = []
        profile.age = 40
        let journal = Self.journal(weeks: 5) { _ in 3 }
        let status = try journal.status(on: 35, profile: profile)
        #expect(status.flags.contains { $0.sign == "persistent-pain" })
    }

    @Test func painThatPersistsHoldsProgressionButNotTheExercise() throws {
        var profile = Self.arthritic
        profile.conditions = []
        profile.pain = nil
        profile.age = 40
        // Two quiet weeks, then three weeks of 4/10 every morning.
        let journal = Self.journal(weeks: 5) { $0 < 14 ? 1 : 4 }
        let day = Journal.day(35)
        let coach = coach(journal, profile: profile, on: day)
        let morning = coach.morning(of: day)
        let sign = try #require(morning.redFlags.first)
        #expect(sign.action == .seeClinicianIfPersists)
        #expect(sign.text.contains("above 2/10"), "\(sign.text)")
        let plan = try coach.plan(from: day, weeks: 3)
        let kinds = Set(plan.days.flatMap(\.sessions).map(\.kind))
        #expect(kinds.contains(.strength))
        #expect(!plan.weeks.contains { $0.reasons.contains { $0.text.contains("A warning sign is present") } })
        // Progression waits: the phase does not move on and running does not grow.
        #expect(Set(plan.weeks.map(\.phase)).count == 1, "\(plan.weeks.map(\.phase))")
        let km = plan.weeks.map(\.runningKm)
        #expect(zip(km, km.dropFirst()).allSatisfy { $1 <= $0 + 1e-9 }, "\(km)")
    }

    @Test func painThatClimbsAndStaysIsMeasuredAgainstTheUsualBeforeIt() {
        // An arthritic knee at 3/10 that climbs to 5/10 and stays there for two weeks.
        let journal = Self.journal(weeks: 5) { $0 < 14 ? 3 : 5 }
        let index = HistoryIndex(journal.history, through: Journal.day(34))
        let flags = JournalTriage.persistence(index, usual: UsualPain(profile: Self.arthritic))
        let flag = flags.first
        #expect(flag?.sign == "persistent-pain")
        #expect(flag?.reason.contains("your usual 3/10") == true, "\(flag?.reason ?? "")")
    }

    @Test func theUsualLevelIsTheSettledMedianWithinItsBounds() {
        let start = UsualPain(profile: Self.arthritic)
        #expect(start.start == 3)
        #expect(start.startEvidence == Evidence.oaExercisePain.key)
        #expect(UsualPain(profile: nil).start == PainRule.safe)
        #expect(start.level(from: [1, 1]) == 3)
        // Pain that does not settle never raises the usual level; settling lower lowers it.
        #expect(start.level(from: [4, 4, 4]) == 3)
        #expect(start.level(from: [9, 9, 9]) == 3)
        #expect(start.level(from: [2, 2, 3]) == 2)
        #expect(UsualPain(profile: nil).level(from: [3, 3, 3, 3]) == PainRule.safe)
        #expect(UsualPain(profile: nil).level(from: [0, 0, 1]) == PainRule.safe)
    }
}

/// A week the journal holds drops hopping and bounding drills, as profile pain does (issue 13, item 8).
struct JournalHoldImpactTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    func highImpact(in journal: Journal, weekOf monday: Int) throws -> [String] {
        let profile = Journal.profile
        let day = Journal.day(monday)
        let coach = Coach(
            programme: Programme(profile: profile, start: Journal.monday), library: library, history: journal.history,
            today: day)
        let plan = try coach.plan(from: day, weeks: 1)
        return plan.days.flatMap(\.sessions).flatMap(\.items).map(\.exercise)
            .filter { library.exercise(id: $0)?.isHighImpact == true }
    }

    @Test(arguments: [0, 1, 2])
    func aWeekTheJournalHoldsHasNoHoppingDrills(story: Int) throws {
        func calm(weeks: Int) -> Journal {
            var journal = Journal()
            for week in 0..<weeks { journal.week(week, runs: [6, 6, 6]) }
            for day in stride(from: 0, to: weeks * 7, by: 2) { journal.pain(day, .during, 1) }
            return journal
        }
        // The first week whose calm version has hopping drills to drop (they rotate).
        let weeks = try #require(try (5...12).first { try !highImpact(in: calm(weeks: $0), weekOf: $0 * 7).isEmpty })
        let monday = weeks * 7
        var sore = calm(weeks: weeks)
        switch story {
        case 0:  // pain broke the rule on the Tuesday before
            sore.pain(monday - 6, .nextMorning, 5)
        case 1:  // a run far past the longest of the month before
            sore.run(monday - 3, km: 14)
        default:  // pain within the rule but above the green zone on the last runs
            for day in [monday - 7, monday - 5, monday - 3] { sore.pain(day, .during, 4) }
        }
        #expect(try highImpact(in: sore, weekOf: monday).isEmpty)
    }
}

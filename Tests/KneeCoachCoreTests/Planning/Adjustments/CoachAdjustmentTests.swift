import Testing

@testable import KneeCoachCore

/// Each kind of adjustment changes the plan from the morning after it was made, with a reason
/// naming the coach and the day; outside the rules it is applied as far as they allow, and
/// says which rule won; a warning sign wins over all of them; undoing one restores the plan.
struct CoachAdjustmentTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    static let sam = CoachAdjustment.Author(userID: 7, name: "Sam")
    /// Tuesday 17 Nov 2026, in the seventh programme week.
    static let made = 43

    /// Weeks of three 6 km runs and a strength session each.
    static func steady(weeks: Int = 7) -> Journal { Journal.steady(weeks: weeks) }

    static func adjustment(_ kind: CoachAdjustment.Kind, id: Int64 = 1, on day: Int = made, undone: Int? = nil) -> CoachAdjustment {
        CoachAdjustment(
            id: id, kind: kind, author: sam, reason: "Race on Sunday", made: Journal.day(day),
            undone: undone.map { .init(on: Journal.day($0), by: sam) })
    }

    func coach(_ journal: Journal, _ adjustments: [CoachAdjustment] = [], today: Int = made) -> Coach {
        journal.coach(adjustments, library: library, today: today)
    }

    static func runs(_ days: [PlanDay]) -> [Double] { days.flatMap(\.sessions).compactMap(\.runKm).filter { $0 > 0 } }

    @Test func runsPerWeekChangeThePlanFromTheNextMorning() throws {
        let journal = Self.steady(weeks: 6)
        let plain = coach(journal), adjusted = coach(journal, [Self.adjustment(.runsPerWeek(2))])
        let made = Journal.day(Self.made)
        #expect(adjusted.today(made) == plain.today(made))
        let next = adjusted.today(made.adding(days: 1))
        #expect(next.adjustments.map(\.reason.text) == ["Your coach Sam set 2 runs a week on 17 Nov."])
        #expect(next.adjustments.first?.limitedBy == nil)
        let week = try adjusted.plan(from: Journal.day(49), weeks: 1).days
        #expect(Self.runs(week).count == 2)
        #expect(Self.runs(try plain.plan(from: Journal.day(49), weeks: 1).days).count == 3)
    }

    /// Four runs a week toward 40 km: more runs leave room under the single-run rule, so the
    /// weekly-jump rule is the one that holds the week back.
    @Test func aTargetWeekAboveTheJumpRuleIsClippedAndSaysSo() throws {
        let journal = Self.steady(weeks: 6)
        let adjusted = coach(
            journal, [Self.adjustment(.runsPerWeek(4), id: 1), Self.adjustment(.weeklyDistance(km: 40), id: 2)])
        let (day, morning) = adjusted.todayWithMorning(Journal.day(Self.made + 1))
        let applied = try #require(day.adjustments.last)
        #expect(morning.weekKm < 40 * 0.6 && morning.weekKm > 18)
        #expect(
            applied.reason.text
                == "Your coach Sam set a target of 40 km a week on 17 Nov; the weekly-jump rule allows \(morning.weekKm.kmText) this week.")
        #expect(applied.limitedBy == "the weekly-jump rule")
        #expect(applied.reason.evidence == Evidence.loadWeeklyJumpPercent.key)
        #expect(morning.weekReasons.contains(applied.reason))
        #expect(coach(journal).todayWithMorning(Journal.day(Self.made + 1)).morning.weekKm < morning.weekKm)
        // Alone, the target meets the single-run rule first: three runs grow no faster than it.
        let alone = coach(journal, [Self.adjustment(.weeklyDistance(km: 40))]).today(Journal.day(Self.made + 1))
        #expect(alone.adjustments.first?.limitedBy == "the single-run rule")
    }

    @Test func aLowerTargetWeekBringsTheWeekDown() throws {
        let journal = Self.steady(weeks: 6)
        let adjusted = coach(journal, [Self.adjustment(.weeklyDistance(km: 16))])
        let plan = try adjusted.plan(from: Journal.day(49), weeks: 2)
        #expect(plan.weeks.allSatisfy { $0.runningKm <= 16 })
        // Week 8 is a lighter week: that rule wins, and says so.
        let lighter = try #require(plan.days.first?.adjustments.first)
        #expect(
            lighter.reason.text
                == "Your coach Sam set a target of 16 km a week on 17 Nov; the lighter-week rule allows \(plan.weeks[0].runningKm.kmText) this week.")
        #expect(lighter.limitedBy == "the lighter-week rule")
        let applied = try #require(plan.days[7].adjustments.first)
        #expect(
            applied.reason.text
                == "Your coach Sam set a target of 16 km a week on 17 Nov: this week has \(plan.weeks[1].runningKm.kmText).")
        #expect(plan.weeks[1].runningKm > 15.5)
        #expect(applied.limitedBy == nil)
    }

    @Test func tooManyRunsAreAsManyAsTheShortestRunRuleAllows() throws {
        let journal = Self.steady(weeks: 6)
        let adjusted = coach(journal, [Self.adjustment(.runsPerWeek(7))])
        let plan = try adjusted.plan(from: Journal.day(49), weeks: 1)
        let applied = try #require(plan.days.first?.adjustments.first)
        #expect(applied.limitedBy == "the shortest-run rule")
        #expect(applied.reason.text.hasPrefix("Your coach Sam set 7 runs a week on 17 Nov; with "))
        #expect(Self.runs(plan.days).count < 7)
    }

    @Test func aPauseReplacesTheRunsForItsDays() throws {
        let journal = Self.steady(weeks: 6)
        let adjusted = coach(journal, [Self.adjustment(.pauseRunning(days: 5))])
        let days = adjusted.prescriptions(from: Journal.day(44), through: Journal.day(48))
        let plan = try adjusted.plan(from: Journal.day(44), weeks: 2)
        #expect(Self.runs(Array(plan.days.prefix(5))).isEmpty)
        #expect(!Self.runs(Array(plan.days.dropFirst(5))).isEmpty)
        #expect(!Self.runs(try coach(journal).plan(from: Journal.day(44), weeks: 1).days).isEmpty)
        #expect(
            plan.days[0].adjustments.map(\.reason.text)
                == ["Your coach Sam paused running for 5 days on 17 Nov: cross-training takes the place of running through 22 Nov."])
        #expect(plan.days[5].adjustments.isEmpty)
        #expect(days.count == 5)
    }

    @Test func anEmphasisLeansTheExercisesOnItsTarget() throws {
        let journal = Self.steady(weeks: 6)
        let target = Target.hipAbductors
        func count(_ plan: Plan) -> Int {
            plan.days.flatMap(\.sessions).flatMap(\.items).filter { library.exercise(id: $0.exercise)?.targets.contains(target) ?? false }
                .count
        }
        let plain = try coach(journal).plan(from: Journal.day(44), weeks: 2)
        let adjusted = try coach(journal, [Self.adjustment(.emphasis(target))]).plan(from: Journal.day(44), weeks: 2)
        #expect(count(adjusted) > count(plain))
        #expect(
            adjusted.days[0].adjustments.map(\.reason.text)
                == ["Your coach Sam asked for extra work on the hip abductors on 17 Nov: exercises for it come first, among those that suit your knee."])
    }

    @Test func aHoldKeepsThePhaseFromTheNextWeek() throws {
        let journal = Self.steady(weeks: 10)
        let made = 64  // Tuesday 8 Dec, programme week 10
        let plain = try coach(journal, today: made).plan(from: Journal.day(63), weeks: 3)
        let held = try coach(journal, [Self.adjustment(.holdPhase, on: made)], today: made).plan(from: Journal.day(63), weeks: 3)
        let moves = try #require(plain.weeks.indices.dropLast().first { plain.weeks[$0].phase != plain.weeks[$0 + 1].phase })
        #expect(held.weeks.allSatisfy { $0.phase == held.weeks[0].phase })
        #expect(held.weeks[moves + 1].phase != plain.weeks[moves + 1].phase)
        let phase = held.weeks[0].phase.rawValue
        #expect(
            held.days[2].adjustments.map(\.reason.text)
                == ["Your coach Sam held the plan in its phase on 8 Dec: from next week the plan stays in \(phase)."])
        #expect(held.days[7].adjustments.map(\.reason.text) == ["Your coach Sam held the plan in its phase on 8 Dec: the plan stays in \(phase)."])
        #expect(held.days[1].adjustments.isEmpty)
    }

    @Test func aWarningSignWinsOverEveryAdjustment() throws {
        var journal = Self.steady(weeks: 6)
        journal.pain(45, .after, 3) { $0.locking = true }
        let all: [CoachAdjustment] = [
            Self.adjustment(.runsPerWeek(4), id: 1), Self.adjustment(.weeklyDistance(km: 30), id: 2),
            Self.adjustment(.emphasis(.glutes), id: 3), Self.adjustment(.holdPhase, id: 4),
        ]
        let day = coach(journal, all, today: 46).today(Journal.day(46))
        #expect(!day.sessions.contains { $0.kind == .run })
        #expect(day.sessions.allSatisfy { [.breathwork, .mobility, .rest].contains($0.kind) })
        #expect(day.adjustments.count == 4)
        #expect(day.adjustments.allSatisfy { $0.limitedBy == "a warning sign" })
        #expect(day.adjustments.allSatisfy { $0.reason.text.hasSuffix("; a warning sign holds the plan, so this waits until it is lifted.") })
        // A pause does not wait for the sign: its days run as set, and it says when it ends.
        let paused = coach(journal, [Self.adjustment(.pauseRunning(days: 5))], today: 46).today(Journal.day(46))
        #expect(
            paused.adjustments.map(\.reason.text)
                == ["Your coach Sam paused running for 5 days on 17 Nov; a warning sign holds the plan meanwhile, and the pause ends on 22 Nov as set."])
    }

    @Test func undoingRestoresThePlan() throws {
        let journal = Self.steady(weeks: 6)
        let plain = try coach(journal).plan(from: Journal.day(44), weeks: 3)
        let sameDay = try coach(journal, [Self.adjustment(.runsPerWeek(2), undone: Self.made)]).plan(from: Journal.day(44), weeks: 3)
        #expect(sameDay == plain)
        let undone = coach(journal, [Self.adjustment(.runsPerWeek(2), undone: 50)])
        let plan = try undone.plan(from: Journal.day(49), weeks: 2)
        #expect(!plan.days[1].adjustments.isEmpty)
        #expect(plan.days[2].adjustments.isEmpty)
        #expect(Self.runs(Array(plan.days[7...])).count == 3)
    }

    @Test func theLaterAdjustmentOfAKindWins() throws {
        let journal = Self.steady(weeks: 6)
        let adjusted = coach(journal, [Self.adjustment(.runsPerWeek(2), id: 2), Self.adjustment(.runsPerWeek(4), id: 1, on: 40)])
        let day = adjusted.today(Journal.day(44))
        #expect(day.adjustments.map(\.adjustment.id) == [2])
    }

    @Test(arguments: [
        ("runs-per-week", "0", AdjustmentError.outOfRange(kind: "runs-per-week", value: "0", allowed: "a whole number from 1 to 7")),
        ("runs-per-week", "2.5", .outOfRange(kind: "runs-per-week", value: "2.5", allowed: "a whole number from 1 to 7")),
        ("weekly-distance", "900", .outOfRange(kind: "weekly-distance", value: "900", allowed: "a number of km from 1 to 300")),
        ("weekly-distance", "2,5", .notANumber(kind: "weekly-distance", value: "2,5")),
        ("pause-running", "365", .outOfRange(kind: "pause-running", value: "365", allowed: "a whole number of days from 1 to 90")),
        ("emphasis", "elbows", .unknownTarget("elbows")),
        ("hold-phase", "3", .unexpectedValue(kind: "hold-phase")),
        ("more-running", "3", .unknownKind("more-running")),
    ])
    func absurdValuesAreRefused(kind: String, value: String, error: AdjustmentError) {
        #expect(throws: error) { try CoachAdjustment.Kind(name: kind, value: value) }
        #expect(!error.problem.isEmpty && !error.fix.isEmpty)
    }

    @Test func valuesInsideTheLimitsAreRead() throws {
        #expect(try CoachAdjustment.Kind(name: "runs-per-week", value: "3") == .runsPerWeek(3))
        #expect(try CoachAdjustment.Kind(name: "weekly-distance", value: "25.5") == .weeklyDistance(km: 25.5))
        #expect(try CoachAdjustment.Kind(name: "pause-running", value: "7") == .pauseRunning(days: 7))
        #expect(try CoachAdjustment.Kind(name: "emphasis", value: "hip-abductors") == .emphasis(.hipAbductors))
        #expect(try CoachAdjustment.Kind(name: "hold-phase", value: nil) == .holdPhase)
    }

    @Test func aCheckpointReadsTheAdjustmentsOfItsDaysAndRoundTrips() throws {
        let journal = Self.steady(weeks: 6)
        let adjustments = [Self.adjustment(.runsPerWeek(2), id: 1, on: 20), Self.adjustment(.pauseRunning(days: 3), id: 2, on: 30, undone: 31)]
        let full = coach(journal, adjustments, today: 44)
        let checkpoint = try #require(full.checkpoint(at: Journal.day(35), firstShown: Journal.day(44)))
        #expect(checkpoint.adjustments.count == 2)
        let read = try #require(FoldCheckpoint(bytes: checkpoint.bytes, programme: full.programme))
        #expect(read.bytes == checkpoint.bytes)
        #expect(try full.resuming(read).plan(from: Journal.day(44), weeks: 4) == full.plan(from: Journal.day(44), weeks: 4))
        // Another set of adjustments before its Monday: the checkpoint does not serve it.
        let other = coach(journal, [adjustments[0]], today: 44)
        #expect(!read.serves(other.programme, firstShown: Journal.day(44), today: Journal.day(44), adjustments: [adjustments[0]]))
        #expect(try other.resuming(read).plan(from: Journal.day(44), weeks: 4) == other.plan(from: Journal.day(44), weeks: 4))
        // One made after it (in force from its Monday on) changes nothing it holds.
        let later = adjustments + [Self.adjustment(.holdPhase, id: 3, on: 34)]
        #expect(read.serves(full.programme, firstShown: Journal.day(44), today: Journal.day(44), adjustments: later))
    }
}

import Testing

@testable import KneeCoachCore

/// What the plan says after pain breaks the rule names the rule that was broken, says what the
/// plan does (not what another phase would), and a coach's change on a held day says the
/// pain rule came first. Found by a runner's-eye trial with a coach.
struct PainReasonTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    /// Six weeks of three 6 km runs and a strength session: programme week 7 starts on day 42.
    static func steady() -> Journal { Journal.steady(weeks: 6) }

    func coach(_ journal: Journal, _ adjustments: [CoachAdjustment] = [], today: Int) -> Coach {
        journal.coach(adjustments, library: library, today: today)
    }

    static func run(_ day: PlanDay) -> PlanSession? { day.sessions.first { $0.kind == .run && ($0.runKm ?? 0) > 0 } }

    @Test(arguments: [
        (TrainingHistory.PainTiming.during, 7, Evidence.painDuringMax.key),
        (.nextMorning, 4, Evidence.painNextMorning.key),
    ])
    func theRunAfterABreakCitesTheRuleThatWasBroken(timing: TrainingHistory.PainTiming, level: Int, rule: EvidenceKey) throws {
        var journal = Self.steady()
        journal.pain(44, timing, level)
        // Saturday 21 Nov: the hold is over; the run stays shorter for a week.
        let saturday = coach(journal, today: 47).today(Journal.day(47))
        let run = try #require(Self.run(saturday))
        #expect(run.reason.text.hasPrefix("Pain broke the rule on Wed 2026-11-18: for a week, runs stay 20 % shorter"), "\(run.reason.text)")
        #expect(run.reason.evidence == rule)
    }

    /// A run replaced under a hold is replaced: the cross-training that stands in for it takes
    /// the run's place, also for a runner with 10 or 20 minutes a day whose strength session fills
    /// them (a trial saw the hold say "replaced by cross-training" over a day without any).
    @Test(arguments: [10, 20, 40])
    func aHeldRunDayHasItsCrossTrainingWhateverTheMinutes(minutes: Int) throws {
        var journal = Self.steady()
        journal.pain(43, .during, 7)
        var profile = Journal.profile
        profile.minutesPerDay = minutes
        let coach = Coach(
            programme: Programme(profile: profile, start: Journal.monday), library: library, history: journal.history,
            today: Journal.day(44))
        let unheld = Coach(
            programme: Programme(profile: profile, start: Journal.monday), library: library, history: Self.steady().history,
            today: Journal.day(44))
        var replaced = 0
        for day in 44...46 {
            let held = coach.today(Journal.day(day))
            guard !held.holds.isEmpty, unheld.today(Journal.day(day)).sessions.contains(where: { $0.kind == .run }) else { continue }
            replaced += 1
            #expect(!held.sessions.contains { $0.kind == .run })
            let cross = try #require(held.sessions.first { $0.kind == .crossTraining }, "day \(day): \(held.sessions.map(\.kind))")
            #expect(cross.inPlaceOfRun && cross.minutes >= SessionBuilder.replacementMinutes)
            #expect(cross.reason.text.hasPrefix("In place of today's run"))
            #expect(held.kneeWorkMinutes <= minutes)
        }
        #expect(replaced > 0)
    }

    /// Past the settle phase, a painful last entry leaves running in the plan: the week's
    /// reason says what the plan does with it, never that running waits.
    @Test func outsideTheSettlePhaseTheWeekNeverSaysRunningWaitsWhileItHasRuns() throws {
        var journal = Self.steady()
        journal.pain(43, .during, 7)
        let plan = try coach(journal, today: 44).plan(from: Journal.day(44), weeks: 3)
        // The weeks decided after the entry (the first was decided on the Monday before it).
        for week in plan.weeks.dropFirst() where week.phase != .settle && week.runningKm > 0 {
            #expect(!week.reasons.contains { $0.text.contains("running waits") }, "\(week.reasons.map(\.text))")
            #expect(week.reasons.contains { $0.text.contains("above the 5/10 that running may reach: hopping and bounding drills stay out") })
        }
    }

    @Test func aCoachsTargetOnAHeldDaySaysThePainRuleComesFirst() throws {
        var journal = Self.steady()
        journal.pain(43, .during, 7)
        let target = CoachAdjustment(
            id: 1, kind: .weeklyDistance(km: 40), author: .init(userID: 7, name: "Sam"), reason: "Race",
            made: Journal.day(40), undone: nil)
        let plan = try coach(journal, [target], today: 44).plan(from: Journal.day(44), weeks: 1)
        let held = try #require(plan.days.first { !$0.holds.isEmpty })
        #expect(
            held.adjustments.map(\.reason.text)
                == ["Your coach Sam set a target of 40 km a week on 14 Nov; pain you logged holds running until Thu 19 Nov (runs are replaced by cross-training), so the pain rule comes first."])
        #expect(held.adjustments.first?.limitedBy == "the pain rule")
        #expect(held.adjustments.first?.reason.evidence == Evidence.painDuringMax.key)
        let after = try #require(plan.days.first { $0.holds.isEmpty && $0.date > held.date })
        #expect(after.adjustments.first?.limitedBy != "the pain rule")
    }
}

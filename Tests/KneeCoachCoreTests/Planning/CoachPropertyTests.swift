import PropertyBased
import Testing

@testable import KneeCoachCore

/// The coach's promises over generated journals: many runners, months of runs with random
/// pain, skipped weeks, spikes and gaps.
struct CoachPropertyTests {
    /// A journal of `weeks` weeks from generated numbers; the programme starts on its first Monday.
    static func journal(seed: Int, weeks: Int) -> Journal {
        var journal = Journal()
        var state = UInt64(truncatingIfNeeded: seed) | 1
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let gapStart = next(3) == 0 ? next(weeks * 7) : -1
        let gapLength = 7 + next(21)
        for day in 0..<(weeks * 7) {
            if day >= gapStart && day < gapStart + gapLength { continue }
            if next(10) < 4 {
                let spike = next(12) == 0
                journal.run(day, km: Double(2 + next(8)) + Double(next(10)) / 10 + (spike ? 6 : 0))
                if next(3) == 0 { journal.pain(day, .during, next(next(4) == 0 ? 9 : 4)) }
                if next(4) == 0 { journal.pain(day + 1, .nextMorning, next(next(4) == 0 ? 7 : 3)) }
            } else if next(4) == 0 {
                journal.history.sessions.append(
                    .init(date: Journal.day(day), kind: "strength", pain: next(3) == 0 ? next(9) : nil))
            }
        }
        return journal
    }

    static func profile(_ bits: Int) -> Profile {
        PlanPropertyTests.profile(
            age: 20 + bits % 60, runs: 1 + bits % 6, minutes: 20 + bits % 40, km: 10 + bits % 40, pain: bits % 4, bits: bits)
    }

    static func coach(_ journal: Journal, profile: Profile, library: ExerciseLibrary, today: LocalDate) -> Coach {
        Coach(
            programme: Programme(profile: profile, start: Journal.monday), library: library, history: journal.history,
            today: today)
    }

    @Test func thePlanBeginsWithTodayAndKeepsTheLoadRules() async throws {
        let library = try ExerciseLibrary.bundled()
        await propertyCheck(
            count: 60, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 4...30), Gen.int(in: 0...Int(UInt32.max))
        ) { seed, weeks, bits in
            let journal = Self.journal(seed: seed, weeks: weeks)
            let profile = Self.profile(bits)
            let day = Journal.day(weeks * 7 - seed % 5)
            let coach = Self.coach(journal, profile: profile, library: library, today: day)
            guard let plan = try? coach.plan(from: day, weeks: 8) else {
                Issue.record("no plan")
                return
            }
            #expect(plan.days.first == coach.today(day))
            let problems = PlanInvariants.loadRuleViolations(
                of: plan, history: journal.history, projectedFrom: coach.knownThrough.adding(days: 1), profile: profile)
            #expect(problems.isEmpty, "\(problems.prefix(2))")
            #expect((try? coach.plan(from: day, weeks: 8)) == plan)
        }
    }

    @Test func painBreakingTheRuleOnADayChangesTheNextDay() async throws {
        let library = try ExerciseLibrary.bundled()
        await propertyCheck(
            count: 60, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 3...20), Gen.int(in: 0...Int(UInt32.max)),
            Gen.int(in: 0...2)
        ) { seed, weeks, bits, kind throws in
            var journal = Self.journal(seed: seed, weeks: weeks)
            let profile = Self.profile(bits)
            let day = weeks * 7 - 1 - seed % 4
            let next = Journal.day(day + 1)
            // The day itself logged nothing else that breaks the rule.
            journal.history.pain.removeAll { $0.date == Journal.day(day) || $0.date == next }
            journal.history.sessions.removeAll { $0.date == Journal.day(day) }
            let calm = Self.coach(journal, profile: profile, library: library, today: next).today(next)
            switch kind {
            case 0: journal.pain(day, .during, 6 + bits % 5)
            case 1: journal.pain(day, .nextMorning, 6)
            default: journal.history.sessions.append(.init(date: Journal.day(day), kind: "strength", pain: 8))
            }
            let sore = Self.coach(journal, profile: profile, library: library, today: next).today(next)
            #expect(sore != calm)
            let hold = try #require(sore.holds.first)
            #expect(hold.cause.contains(Journal.day(day).description) || hold.until >= Journal.day(day + 2))
            #expect(!sore.sessions.contains { $0.kind == .run && $0.runKm ?? 0 > (calm.sessions.first { $0.kind == .run }?.runKm ?? 0) })
        }
    }

    /// A sore day (pain broke the rule yesterday) follows each exercise's acute-pain note: what
    /// it leaves out or replaces is not prescribed, and what it adapts carries its cue.
    @Test func aSoreDayFollowsTheAcutePainNotes() async throws {
        let library = try ExerciseLibrary.bundled()
        var cued = 0
        await propertyCheck(
            count: 40, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 3...20), Gen.int(in: 0...Int(UInt32.max))
        ) { seed, weeks, bits throws in
            var journal = Self.journal(seed: seed, weeks: weeks)
            let day = weeks * 7 - 1 - seed % 4
            journal.pain(day, .during, 7)
            let next = Journal.day(day + 1)
            let sore = Self.coach(journal, profile: Self.profile(bits), library: library, today: next).today(next)
            #expect(!sore.holds.isEmpty)
            for item in sore.sessions.flatMap(\.items) {
                let note = try #require(library.exercise(id: item.exercise)).modifications.acutePain
                #expect(note?.exclude != true && note?.substitute == nil, "\(item.exercise) on a sore day")
                if let cue = note?.cue {
                    #expect(item.cues.contains(cue), "\(item.exercise) without its acute-pain cue")
                    cued += 1
                }
            }
        }
        #expect(cued > 0)
    }

    @Test func aWarningSignWinsTheSameDay() async throws {
        let library = try ExerciseLibrary.bundled()
        await propertyCheck(
            count: 40, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 2...20), Gen.int(in: 0...Int(UInt32.max))
        ) { seed, weeks, bits in
            var journal = Self.journal(seed: seed, weeks: weeks)
            let day = weeks * 7 - 1
            let sign = bits % 4
            journal.pain(day, .after, 3) {
                switch sign {
                case 0: $0.locking = true
                case 1: $0.swelling = true
                case 2: $0.givingWay = true
                default: $0.redOrHot = true
                }
            }
            let coach = Self.coach(journal, profile: Self.profile(bits), library: library, today: Journal.day(day))
            let today = coach.today(Journal.day(day))
            #expect(!today.sessions.contains { $0.kind == .run })
            #expect(today.sessions.allSatisfy { [.breathwork, .mobility, .rest].contains($0.kind) })
            #expect(!coach.morning(of: Journal.day(day)).redFlags.isEmpty)
            // While the sign waits for a clinician, nothing in the plan loads the knee.
            let plan = try? coach.plan(from: Journal.day(day), weeks: 2)
            let items = (plan?.days ?? []).flatMap(\.sessions).flatMap(\.items)
            let loading = items.filter { library.exercise(id: $0.exercise)?.loadsKnee ?? true }.map(\.exercise)
            #expect(!items.isEmpty)
            #expect(loading.isEmpty, "\(Set(loading).sorted())")
        }
    }

    @Test func afterAGapRunningBuildsBackTowardTheUsualWeek() async throws {
        let library = try ExerciseLibrary.bundled()
        await propertyCheck(
            count: 40, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 14...42), Gen.int(in: 0...Int(UInt32.max))
        ) { seed, gap, bits in
            var journal = Journal()
            for week in 0..<6 { journal.week(week, runs: [6, 6, 8]) }
            var profile = Self.profile(bits)
            profile.pain = nil
            profile.runsPerWeek = 3
            let day = Journal.day(6 * 7 + gap).isoWeekStart.adding(days: 7)
            let plan = try? Self.coach(journal, profile: profile, library: library, today: day).plan(from: day, weeks: 12)
            let all = plan?.weeks ?? []
            let weeks = all.filter { !$0.deload }.map(\.runningKm)
            let usual = profile.weeklyDistanceKm ?? 0
            #expect(weeks.count >= 6)
            // Never shrinking while pain is quiet, rising from the restart toward the usual week;
            // a lighter week is never heavier than the week before it.
            #expect(zip(weeks, weeks.dropFirst()).allSatisfy { $1 >= $0 - 1e-9 }, "\(all.map(\.runningKm))")
            #expect((weeks.last ?? 0) > (weeks.first ?? 0) || (weeks.first ?? 0) >= usual - 0.5)
            #expect((all.first?.runningKm ?? 0) <= min(usual, 20) * 0.6 + 0.05)
            #expect(zip(all, all.dropFirst()).allSatisfy { !$1.deload || $1.runningKm <= $0.runningKm })
        }
    }
}

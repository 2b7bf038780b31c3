import PropertyBased
import Testing

@testable import KneeCoachCore

/// The coach's promises over generated journals hold with random adjustments too: no planned
/// run breaks the spike or jump rules, the same inputs give the same plan and checkpoint
/// bytes, and a fold resumed from a checkpoint is the full fold.
struct AdjustmentPropertyTests {
    let library: ExerciseLibrary
    init() throws { library = try ExerciseLibrary.bundled() }

    /// Up to five adjustments of random kinds and values, made on random days of the journal, some undone.
    static func adjustments(seed: Int, weeks: Int) -> [CoachAdjustment] {
        var state = UInt64(truncatingIfNeeded: seed) &* 2862933555777941757 | 1
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let coach = CoachAdjustment.Author(userID: next(2) == 0 ? nil : 9, name: "Sam")
        return (0..<next(6)).map { id in
            let kind: CoachAdjustment.Kind =
                switch next(5) {
                case 0: .runsPerWeek(1 + next(7))
                case 1: .weeklyDistance(km: Double(5 + next(80)))
                case 2: .pauseRunning(days: 1 + next(20))
                case 3: .emphasis(Target.allCases[next(Target.allCases.count)])
                default: .holdPhase
                }
            let made = next(weeks * 7 + 7)
            let undone = next(3) == 0 ? Journal.day(made + next(14)) : nil
            return CoachAdjustment(
                id: Int64(id + 1), kind: kind, author: coach, reason: "Because \(id)", made: Journal.day(made),
                undone: undone.map { .init(on: $0, by: coach) })
        }
    }

    static func journal(seed: Int, weeks: Int) -> Journal {
        var journal = CoachPropertyTests.journal(seed: seed, weeks: weeks)
        journal.history.adjustments = adjustments(seed: seed, weeks: weeks)
        return journal
    }

    @Test func thePlanBeginsWithTodayAndKeepsTheLoadRules() async throws {
        let library = self.library
        await propertyCheck(
            count: 60, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 4...30), Gen.int(in: 0...Int(UInt32.max))
        ) { seed, weeks, bits in
            let journal = Self.journal(seed: seed, weeks: weeks)
            let day = Journal.day(weeks * 7 - seed % 5)
            let profile = CoachPropertyTests.profile(bits)
            let coach = CoachPropertyTests.coach(journal, profile: profile, library: library, today: day)
            guard let plan = try? coach.plan(from: day, weeks: 8) else {
                Issue.record("no plan")
                return
            }
            #expect(plan.days.first == coach.today(day))
            let problems = PlanInvariants.loadRuleViolations(
                of: plan, history: journal.history, projectedFrom: coach.knownThrough.adding(days: 1), profile: profile)
            #expect(problems.isEmpty, "\(problems.prefix(2)) with \(journal.history.adjustments.map(\.kind))")
            // The same inputs, the same plan and the same checkpoint bytes.
            let again = CoachPropertyTests.coach(journal, profile: CoachPropertyTests.profile(bits), library: library, today: day)
            #expect((try? again.plan(from: day, weeks: 8)) == plan)
            let monday = day.isoWeekStart
            #expect(coach.checkpoint(at: monday, firstShown: day)?.bytes == again.checkpoint(at: monday, firstShown: day)?.bytes)
            // Every day lists exactly the adjustments active on it.
            for planned in plan.days {
                let active = journal.history.adjustments.filter { $0.isActive(on: planned.date) }.map(\.kind.slot)
                #expect(Set(planned.adjustments.map(\.adjustment.kind.slot)) == Set(active), "\(planned.date)")
            }
        }
    }

    @Test func aFoldResumedOnAMondayIsTheFullFold() async throws {
        let library = self.library
        await propertyCheck(
            count: 30, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 4...30), Gen.int(in: 0...Int(UInt32.max))
        ) { seed, weeks, bits in
            let journal = Self.journal(seed: seed, weeks: weeks)
            let today = Journal.day(weeks * 7 - seed % 5)
            let coach = CoachPropertyTests.coach(journal, profile: CoachPropertyTests.profile(bits), library: library, today: today)
            let morning = coach.todayWithMorning(today)
            let plan = try? coach.plan(from: today, weeks: 16)
            let back = today.adding(days: -84), yesterday = today.adding(days: -1)
            let adherence = coach.prescriptions(from: back, through: yesterday)
            let statusFirst = max(back, coach.programme.firstMonday)
            for day in CheckpointPropertyTests.mondays(after: Journal.monday, through: today, seed: seed) {
                guard let checkpoint = CheckpointPropertyTests.checkpoint(coach, journal.history, on: day, firstShown: today),
                    let read = FoldCheckpoint(bytes: checkpoint.bytes, programme: coach.programme)
                else {
                    Issue.record("no checkpoint on \(day)")
                    continue
                }
                #expect(read.serves(coach.programme, firstShown: today, today: today, adjustments: journal.history.adjustments))
                let resumed = coach.resuming(read)
                #expect(resumed.todayWithMorning(today) == morning, "resumed on \(day)")
                #expect((try? resumed.plan(from: today, weeks: 16)) == plan, "resumed on \(day)")
                guard day <= statusFirst,
                    let earlier = CheckpointPropertyTests.checkpoint(coach, journal.history, on: day, firstShown: statusFirst)
                else { continue }
                #expect(coach.resuming(earlier).prescriptions(from: back, through: yesterday) == adherence, "resumed on \(day)")
            }
        }
    }
}

import PropertyBased
import Testing

@testable import KneeCoachCore

/// The plan's invariants over generated journals: above all, no active warning sign ever
/// yields a run.
struct JournalPropertyTests {
    static let start = Journal.day(42)
    static let notes = [
        "Easy run, felt good", "Knee gave way on the stairs", "No swelling, legs fresh", "Knee locked after the run",
        "Tripped on a kerb, knee sore", "Knee swollen tonight", "Slept badly", "The ache woke me at night",
    ]

    /// A six-week journal from generated numbers: runs, pain entries with signs, notes, sessions, a clearance.
    static func journal(seed: Int, signs: Int, clearance: Int) -> Journal {
        var journal = Journal()
        var state = UInt64(truncatingIfNeeded: seed) | 1
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for day in 0..<42 where next(3) != 0 {
            journal.run(day, km: Double(3 + next(12)) + Double(next(10)) / 10)
            if next(2) == 0 { journal.pain(day, .during, next(8)) }
            if next(3) == 0 { journal.pain(day + 1, .nextMorning, next(7)) }
            if next(4) == 0 { journal.session(day, .strength) }
        }
        for bit in 0..<8 where signs & (1 << bit) != 0 {
            let day = 30 + next(12)
            journal.pain(day, bit == 7 ? .rest : .after, 1 + next(8)) { entry in
                switch bit {
                case 0: entry.locking = true
                case 1: entry.givingWay = true
                case 2: entry.swelling = true
                case 3: entry.limping = true
                case 4: entry.redOrHot = true
                case 5: entry.atNight = true
                case 6: entry.afterTrauma = true
                default: break
                }
            }
        }
        if signs & (1 << 8) != 0 { journal.note(35 + next(7), notes[next(notes.count)]) }
        if clearance > 0 { journal.cleared(42 - clearance) }
        return journal
    }

    @Test func noActiveWarningSignEverYieldsARun() async throws {
        let library = try ExerciseLibrary.bundled()
        await propertyCheck(
            count: 120,
            input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 0...511), Gen.int(in: 0...14), Gen.int(in: 0...Int(UInt32.max))
        ) { seed, signs, clearance, bits in
            let profile = PlanPropertyTests.profile(age: 20 + seed % 60, runs: 1 + bits % 6, minutes: 30, km: 25, pain: bits % 7, bits: bits)
            let journal = Self.journal(seed: seed, signs: signs, clearance: clearance)
            guard
                let plan = try? PlanGenerator.plan(
                    for: profile, library: library, start: Self.start, weeks: 8, history: journal.history),
                let status = try? Monitor.status(history: journal.history, profile: profile, today: Self.start)
            else {
                Issue.record("no plan or status")
                return
            }
            let hasRun = plan.days.contains { $0.sessions.contains { $0.kind == .run } }
            if !status.flags.isEmpty {
                #expect(!hasRun, "a run under \(status.flags.map(\.sign))")
                #expect(Set(status.flags.map(\.sign)).isSubset(of: Set(plan.redFlags.map(\.sign))))
            }
            if !plan.redFlags.isEmpty { #expect(!hasRun) }
            let needs = Needs(
                from: profile,
                journal: JournalSignals(history: journal.history, start: Self.start, usual: UsualPain(profile: profile)))
            let problems = PlanInvariants.violations(of: plan, for: profile, library: library, needs: needs)
                + PlanInvariants.loadRuleViolations(of: plan, history: journal.history)
            #expect(problems.isEmpty, "\(problems.prefix(3))")
        }
    }

    @Test func aSignAfterTheLastClearanceAlwaysHoldsThePlan() async throws {
        let library = try ExerciseLibrary.bundled()
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 0...5)) { seed, sign in
            var journal = Self.journal(seed: seed, signs: 0, clearance: 10)
            journal.pain(40, .after, 3) { entry in
                switch sign {
                case 0: entry.locking = true
                case 1: entry.givingWay = true
                case 2: entry.redOrHot = true
                case 3: entry.atNight = true
                case 4: entry.limping = true
                default: entry.swelling = true
                }
            }
            let plan = try? PlanGenerator.plan(
                for: Journal.profile, library: library, start: Self.start, weeks: 6, history: journal.history)
            #expect(plan?.redFlags.isEmpty == false)
            #expect(plan?.days.allSatisfy { $0.sessions.allSatisfy { $0.kind != .run } } == true)
        }
    }

    @Test func sameJournalSamePlan() async throws {
        let library = try ExerciseLibrary.bundled()
        await propertyCheck(count: 30, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 0...511)) { seed, signs in
            let journal = Self.journal(seed: seed, signs: signs, clearance: seed % 3)
            let first = try? PlanGenerator.plan(
                for: Journal.profile, library: library, start: Self.start, weeks: 6, history: journal.history)
            let second = try? PlanGenerator.plan(
                for: Journal.profile, library: library, start: Self.start, weeks: 6, history: journal.history)
            #expect(first != nil && first == second)
        }
    }
}

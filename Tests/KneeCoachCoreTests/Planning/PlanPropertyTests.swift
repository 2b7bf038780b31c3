import PropertyBased
import Testing

@testable import KneeCoachCore

/// The plan's invariants over many generated profiles.
struct PlanPropertyTests {
    static let library: ExerciseLibrary? = try? ExerciseLibrary.bundled()
    static let start = LocalDate(year: 2026, month: 12, day: 7) ?? LocalDate(dayNumber: 0)

    /// Builds a profile from generated numbers; `bits` switches findings, equipment, terrain and signs.
    static func profile(age: Int, runs: Int, minutes: Int, km: Int, pain: Int, bits: Int) -> Profile {
        func bit(_ n: Int) -> Bool { bits & (1 << n) != 0 }
        let equipment = Equipment.allCases.enumerated().filter { bit($0.offset) }.map(\.element)
        let assessment = Assessment(
            kneeToWallCm: Sides(left: bit(12) ? 6 : 12, right: bit(13) ? 7 : 12),
            singleLegSquatValgus: Sides(left: bit(14), right: false), hipFlexorTight: bit(15), itBandTight: bit(16),
            hamstringTight: bit(17), quadTight: bit(18), calfTight: bit(19), femoralInternalRotation: bit(20),
            overpronation: bit(21), bridgeHoldSeconds: bit(22) ? 15 : 60, sidePlankSeconds: bit(23) ? 10 : 60)
        let signs = PainReport(
            level: pain, location: .front, sinceWeeks: 3, duringRun: pain > 0, atRest: bit(24) && bit(25),
            atNight: bit(26) && bit(27) && bit(28), swelling: bit(29) && bit(30) && bit(25),
            locking: bit(31) && bit(26) && bit(24))
        return Profile(
            age: age, experience: .intermediate, weeklyDistanceKm: Double(km), runsPerWeek: runs,
            longestRecentRunKm: bit(11) ? Double(km) / 2 : nil, goal: bit(10) ? .race : nil,
            terrain: [bit(12) ? .downhill : .flat, bit(13) ? .hilly : .flat],
            conditions: bit(14) && bit(15) ? [.kneeOsteoarthritis] : [], minutesPerDay: minutes,
            equipment: equipment, pain: pain > 0 || bit(24) ? signs : nil, assessment: assessment)
    }

    @Test func invariantsHoldForGeneratedProfiles() async throws {
        let library = try #require(Self.library)
        await propertyCheck(
            count: 150,
            input: Gen.int(in: 12...100), Gen.int(in: 0...7), Gen.int(in: 5...90), Gen.int(in: 0...120),
            Gen.int(in: 0...10), Gen.int(in: 0...Int(UInt32.max))
        ) { age, runs, minutes, km, pain, bits in
            let profile = Self.profile(age: age, runs: runs, minutes: minutes, km: km, pain: pain, bits: bits)
            guard let plan = try? PlanGenerator.plan(for: profile, library: library, start: Self.start, weeks: 16) else {
                Issue.record("no plan for \(profile)")
                return
            }
            let problems = PlanInvariants.violations(of: plan, for: profile, library: library)
            #expect(problems.isEmpty, "\(problems.prefix(5)) for \(profile)")
            #expect(plan.weeks.count == 16)
            #expect(plan.days.count == 16 * 7)
            if !plan.redFlags.isEmpty {
                #expect(plan.days.allSatisfy { $0.sessions.allSatisfy { $0.kind != .run } })
            }
        }
    }

    @Test func sameInputSamePlan() async throws {
        let library = try #require(Self.library)
        await propertyCheck(
            count: 40, input: Gen.int(in: 12...100), Gen.int(in: 0...7), Gen.int(in: 0...Int(UInt32.max))
        ) { age, runs, bits in
            let profile = Self.profile(age: age, runs: runs, minutes: 30, km: 30, pain: bits % 11, bits: bits)
            let first = try? PlanGenerator.plan(for: profile, library: library, start: Self.start, weeks: 8)
            let second = try? PlanGenerator.plan(for: profile, library: library, start: Self.start, weeks: 8)
            #expect(first != nil && first == second)
        }
    }
}

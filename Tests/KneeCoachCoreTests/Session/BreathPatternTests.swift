import Testing

@testable import KneeCoachCore

struct BreathPatternTests {
    @Test func theSlowPatternSplitsASixABreathMinute() throws {
        let pattern = try #require(BreathPattern.slow())
        #expect(abs(pattern.cycleSeconds - 10) < 1e-9)
        #expect(abs(pattern.inhaleSeconds - 4) < 1e-9 && abs(pattern.holdSeconds - 1) < 1e-9)
        #expect(abs(pattern.exhaleSeconds - 5) < 1e-9)
        #expect(abs(pattern.breathsPerMinute - 6) < 1e-9)
    }

    @Test func phasesFollowInHoldOutAndWrap() throws {
        let pattern = try #require(BreathPattern.slow())
        let start = pattern.phase(at: 0)
        #expect(start.phase == .inhale && start.fullness == 0)
        let mid = pattern.phase(at: 2)
        #expect(mid.phase == .inhale && abs(mid.fullness - 0.5) < 1e-9)
        let hold = pattern.phase(at: 4.5)
        #expect(hold.phase == .hold && hold.fullness == 1)
        let out = pattern.phase(at: 7.5)
        #expect(out.phase == .exhale && abs(out.fullness - 0.5) < 1e-9)
        let again = pattern.phase(at: 12)
        #expect(again.phase == .inhale && abs(again.fullness - 0.5) < 1e-9)
        #expect(BreathPattern.Phase.allCases.map(\.rawValue) == ["in", "hold", "out"])
    }

    @Test func aFasterRateShortensTheBreathAndABadRateGivesNone() throws {
        let pattern = try #require(BreathPattern.slow(breathsPerMinute: 5))
        #expect(abs(pattern.cycleSeconds - 12) < 1e-9)
        #expect(BreathPattern.slow(breathsPerMinute: 0) == nil)
        #expect(BreathPattern.slow(breathsPerMinute: -3) == nil)
        let flat = BreathPattern(inhaleSeconds: 0, holdSeconds: 0, exhaleSeconds: 0)
        #expect(flat.phase(at: 3).phase == .inhale && flat.breathsPerMinute == 0)
    }
}

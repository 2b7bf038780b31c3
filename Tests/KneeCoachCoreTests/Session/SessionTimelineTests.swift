import Testing

@testable import KneeCoachCore

struct SessionTimelineTests {
    typealias F = SessionFixtures

    @Test func aStretchPerSideAlternatesSidesWithinEachSet() {
        let timeline = F.timeline([F.quadStretch], kind: .coolDown)
        #expect(timeline.steps.map(\.kind) == [.getReady, .work, .switchSide, .work, .rest, .work, .switchSide, .work])
        let work = timeline.steps.filter { $0.kind == .work }
        #expect(work.map(\.side) == [.left, .right, .left, .right])
        #expect(work.map(\.set) == [1, 1, 2, 2])
        #expect(work.map(\.position) == [
            "set 1 of 2, left side", "set 1 of 2, right side", "set 2 of 2, left side", "set 2 of 2, right side",
        ])
        #expect(timeline.steps[2].title == "Switch to the right side")
        #expect(timeline.steps[0].title == "Get ready: Standing Quad Stretch")
        #expect(timeline.steps[4].title == "Rest" && timeline.steps[4].seconds == 15)
    }

    @Test func stretchTimingsMatchThePrescription() {
        let timeline = F.timeline([F.quadStretch])
        // 2 sets × 2 sides × 30 s of work, one rest of 15 s, a side change in each set.
        #expect(timeline.workSeconds == 2 * 2 * 30)
        #expect(timeline.totalSeconds == F.timing.getReady + 120 + 15 + 2 * F.timing.change)
    }

    @Test func eccentricRepsLowerAtTheTempoAndReturnAtTheRepPace() {
        let timeline = F.timeline([F.stepDown])
        let work = timeline.steps.filter { $0.kind == .work }
        #expect(work.count == 6)
        #expect(work[0].style == .lowering(count: 10, loweringSeconds: 4, returnSeconds: Int(F.timing.rep)))
        let perSet = 10 * (4 + F.timing.rep)
        #expect(timeline.workSeconds == 6 * perSet)
        #expect(timeline.totalSeconds == F.timing.getReady + 6 * perSet + 2 * 90 + 3 * F.timing.change)
        #expect(work[0].style.beat(at: 1) == "rep 1 of 10 · lower slowly")
        #expect(work[0].style.beat(at: 5) == "rep 1 of 10 · back up")
        #expect(work[0].style.beat(at: perSet + 5) == "rep 10 of 10 · back up")
    }

    @Test func repeatedHoldsRelaxBetweenAndAShortChangeStandsInForAMissingRest() {
        let timeline = F.timeline([F.quadSet])
        let work = timeline.steps.filter { $0.kind == .work }
        let relax = Int(F.timing.relax)
        #expect(work[0].style == .holds(count: 10, seconds: 5, relaxSeconds: relax))
        #expect(work[0].seconds == Double(10 * 5 + 9 * relax))
        #expect(timeline.steps.first { $0.kind == .rest }?.seconds == F.timing.change)
        #expect(work[0].style.beat(at: 0) == "hold 1 of 10")
        #expect(work[0].style.beat(at: 6) == "relax")
        #expect(work[0].style.beat(at: Double(5 + relax)) == "hold 2 of 10")
        #expect(work[0].pacer == nil)
    }

    @Test func plainRepsTakeTheConventionalPace() {
        let timeline = F.timeline([F.bridge])
        let work = timeline.steps.filter { $0.kind == .work }
        #expect(work.map(\.side) == [nil, nil])
        #expect(work.map(\.position) == ["set 1 of 2", "set 2 of 2"])
        #expect(timeline.workSeconds == 2 * 12 * F.timing.rep)
        #expect(work[0].style.beat(at: F.timing.rep * 3 + 0.5) == "rep 4 of 12")
    }

    @Test func breathingBecomesAPacedCycleFromTheEvidenceTable() throws {
        let timeline = F.timeline([F.breathing], kind: .breathwork)
        #expect(timeline.steps.map(\.kind) == [.getReady, .work])
        let work = timeline.steps[1]
        guard case .breathing(let pattern, let seconds) = work.style else {
            Issue.record("expected a breathing step, got \(work.style)")
            return
        }
        #expect(seconds == 600)
        #expect(pattern.breathsPerMinute == Evidence.breathPerMinute.quantity("breathsPerMinute")?.lower)
        #expect(work.pacer == pattern)
        #expect(work.cues.last == "Breathe slowly: in 4 s, hold 1 s, out 5 s.")
        #expect(work.position == "")
    }

    @Test func staticStretchesCarryASlowBreathingCueAndOtherPracticesDoNot() {
        let stretch = F.timeline([F.quadStretch]).steps.first { $0.kind == .work }
        #expect(stretch?.pacer == BreathPattern.slow())
        #expect(stretch?.cues.last?.hasPrefix("Breathe slowly") == true)
        let scan = F.timeline([PlanItem(exercise: "body-scan-meditation", minutes: 10, reason: F.reason)])
        #expect(scan.steps[1].style == .timed(seconds: 600))
        #expect(scan.steps.allSatisfy { $0.pacer == nil })
        let belly = F.timeline([PlanItem(exercise: "diaphragmatic-breathing", minutes: 10, reason: F.reason)])
        if case .breathing = belly.steps[1].style {} else { Issue.record("belly breathing should be paced") }
    }

    @Test func anItemWithoutADoseIsUntimedAndAnUnknownExerciseKeepsItsID() {
        let timeline = F.timeline([PlanItem(exercise: "moonwalk", reason: F.reason)])
        #expect(timeline.steps.count == 2)
        #expect(timeline.steps[1].style == .untimed && timeline.steps[1].seconds == nil)
        #expect(timeline.steps[1].name == "moonwalk" && timeline.steps[1].cues.isEmpty)
        #expect(timeline.totalSeconds == F.timing.getReady)
    }

    @Test func getReadyShowsTheCuesAndTheFirstSide() throws {
        let exercise = try F.library.exercise(withID: "standing-quad-stretch")
        let ready = F.timeline([F.quadStretch]).steps[0]
        #expect(ready.cues.starts(with: exercise.cues))
        #expect(ready.side == .left && ready.seconds == F.timing.getReady)
    }

    @Test func theSessionConventionsAreRegisteredRows() {
        for key in ["session.timing", "session.breathSplit"] as [EvidenceKey] {
            let row = Evidence.entry(for: key)
            #expect(row?.origin == .convention && row?.grade == .expert, "\(key)")
        }
        let split = Evidence.sessionBreathSplit
        let shares = ["inhaleShare", "holdShare", "exhaleShare"].compactMap { split.quantity($0)?.lower }
        #expect(shares.count == 3 && abs(shares.reduce(0, +) - 1) < 1e-9)
    }
}

import Testing

@testable import KneeCoachCore

struct SessionRunnerTests {
    typealias F = SessionFixtures

    /// Runs to the end one second at a time, noting the side of every work step met.
    @Test func tickingThroughTheWholeSessionTakesExactlyThePrescribedTime() {
        let timeline = F.timeline([F.quadStretch, F.stepDown, F.bridge])
        var runner = SessionRunner(timeline: timeline)
        var clock = TestClock()
        runner.start(at: clock.now)
        var sides: [BodySide?] = [runner.step?.side]
        var transitions = 0
        while !runner.isOver {
            clock.advance(1)
            let before = runner.index
            transitions += runner.tick(at: clock.now)
            if runner.index != before, let step = runner.step, step.kind == .work { sides.append(step.side) }
        }
        #expect(runner.status == .finished)
        #expect(transitions == timeline.steps.count)
        #expect(clock.now == timeline.totalSeconds)
        #expect(runner.activeSeconds(at: clock.now) == timeline.totalSeconds)
        #expect(runner.outcomes.allSatisfy { $0 == .completed })
        // Left first, then right, in every set of every per-side exercise.
        let workSides = timeline.steps.filter { $0.kind == .work }.map(\.side)
        #expect(Array(sides.dropFirst()) == workSides)
        #expect(workSides.prefix(4) == [.left, .right, .left, .right])
    }

    @Test func oneLateTickEndsEveryStepOnTimeAndCarriesTheRest() {
        let timeline = F.timeline([F.quadStretch])
        var runner = SessionRunner(timeline: timeline)
        runner.start(at: 100)
        let ready = F.timing.getReady
        #expect(runner.tick(at: 100 + ready + 2) == 1)
        #expect(runner.index == 1 && runner.elapsedInStep(at: 100 + ready + 2) == 2)
        #expect(runner.remainingInStep(at: 100 + ready + 2) == 28)
        #expect(runner.tick(at: 100 + timeline.totalSeconds + 50) == timeline.steps.count - 1)
        #expect(runner.status == .finished && runner.activeSeconds(at: 1_000) == timeline.totalSeconds)
    }

    @Test func pausedTimeDoesNotCount() {
        let timeline = F.timeline([F.quadStretch])
        var runner = SessionRunner(timeline: timeline)
        runner.start(at: 0)
        runner.pause(at: 4)
        #expect(runner.status == .paused)
        #expect(runner.tick(at: 500) == 0)
        #expect(runner.elapsedInStep(at: 500) == 4 && runner.activeSeconds(at: 500) == 4)
        runner.pause(at: 600)  // a second pause changes nothing
        runner.resume(at: 1_000)
        #expect(runner.elapsedInStep(at: 1_003) == 7)
        runner.tick(at: 1_000 + timeline.totalSeconds - 4)
        #expect(runner.status == .finished)
        #expect(runner.activeSeconds(at: 5_000) == timeline.totalSeconds)
    }

    @Test func togglePauseStartsPausesAndResumes() {
        var runner = SessionRunner(timeline: F.timeline([F.bridge]))
        #expect(runner.status == .ready && runner.elapsedInStep(at: 50) == 0)
        runner.apply(.togglePause, at: 0)
        #expect(runner.status == .running)
        runner.apply(.togglePause, at: 3)
        #expect(runner.status == .paused)
        runner.apply(.togglePause, at: 10)
        #expect(runner.status == .running && runner.elapsedInStep(at: 11) == 4)
        runner.apply(.resume, at: 12)  // resuming while running changes nothing
        #expect(runner.elapsedInStep(at: 12) == 5)
    }

    @Test func skippingAStepMarksItAndStartsTheNextAfresh() {
        var runner = SessionRunner(timeline: F.timeline([F.quadStretch]))
        runner.start(at: 0)
        runner.apply(.skipStep, at: 3)
        #expect(runner.index == 1 && runner.outcomes[0] == .skipped(elapsed: 3))
        #expect(runner.elapsedInStep(at: 3) == 0 && runner.elapsedInStep(at: 5) == 2)
        runner.apply(.skipStep, at: 15)
        #expect(runner.index == 2 && runner.outcomes[1] == .skipped(elapsed: 12))
        #expect(runner.step?.kind == .switchSide)
    }

    @Test func nextOnAnUntimedStepMarksItDone() {
        var runner = SessionRunner(timeline: F.timeline([PlanItem(exercise: "hip-circles", reason: F.reason)]))
        runner.start(at: 0)
        runner.tick(at: F.timing.getReady + 1_000)
        #expect(runner.index == 1 && runner.remainingInStep(at: 2_000) == nil)
        runner.apply(.skipStep, at: 2_000)
        #expect(runner.status == .finished && runner.outcomes[1] == .completed)
        #expect(runner.report.items[0].status == .done && runner.report.finished)
    }

    @Test func skippingAnExerciseLeavesItsRemainingStepsAndMovesOn() {
        let timeline = F.timeline([F.quadStretch, F.bridge])
        var runner = SessionRunner(timeline: timeline)
        runner.start(at: 0)
        runner.apply(.skipExercise, at: 2)
        #expect(runner.step?.item == 1 && runner.step?.kind == .getReady)
        #expect(runner.index == timeline.stepIndices(ofItem: 1).first)
        let report = runner.report
        #expect(report.items[0].status == .skipped && report.items[0].setsDone == 0)
        #expect(report.notDone.map(\.exercise) == ["standing-quad-stretch", "glute-bridge"])
        runner.apply(.skipExercise, at: 3)
        #expect(runner.status == .finished && runner.report.finished)
        #expect(runner.report.items.map(\.status) == [.skipped, .skipped])
    }

    @Test func skippingAnExerciseAfterSomeWorkKeepsWhatWasDone() {
        var runner = SessionRunner(timeline: F.timeline([F.quadStretch, F.bridge]))
        runner.start(at: 0)
        runner.tick(at: F.timing.getReady + 30 + F.timing.change + 10)  // left held, 10 s into the right
        runner.apply(.skipExercise, at: F.timing.getReady + 30 + F.timing.change + 10)
        let item = runner.report.items[0]
        #expect(item.status == .partial && item.setsDone == 0 && item.holdsDone == 1 && item.holdSecondsDone == 30)
    }

    @Test func backGoesToThePreviousStepAndForgetsBoth() {
        var runner = SessionRunner(timeline: F.timeline([F.quadStretch]))
        runner.start(at: 0)
        runner.tick(at: F.timing.getReady + 30 + 2)  // 2 s into the side change
        #expect(runner.index == 2 && runner.outcomes[1] == .completed)
        runner.apply(.back, at: F.timing.getReady + 32)
        #expect(runner.index == 1 && runner.outcomes[1] == nil && runner.outcomes[2] == nil)
        #expect(runner.elapsedInStep(at: F.timing.getReady + 33) == 1)
        runner.apply(.back, at: 50)
        runner.apply(.back, at: 51)
        #expect(runner.index == 0 && runner.elapsedInStep(at: 51) == 0 && runner.status == .running)
    }

    @Test func repeatRestartsTheCurrentStepWithoutLosingTheSessionTime() {
        var runner = SessionRunner(timeline: F.timeline([F.bridge]))
        runner.start(at: 0)
        runner.tick(at: F.timing.getReady + 20)
        runner.apply(.repeatStep, at: F.timing.getReady + 20)
        #expect(runner.index == 1 && runner.elapsedInStep(at: F.timing.getReady + 21) == 1)
        #expect(runner.activeSeconds(at: F.timing.getReady + 21) == F.timing.getReady + 21)
        runner.pause(at: 40)
        runner.apply(.repeatStep, at: 45)
        #expect(runner.status == .paused && runner.elapsedInStep(at: 90) == 0)
    }

    @Test func stoppingPartWayRecordsExactlyWhatWasDone() throws {
        let timeline = F.timeline([F.quadStretch, F.stepDown, F.bridge])
        var runner = SessionRunner(timeline: timeline)
        runner.start(at: 0)
        // The whole stretch, the step-down's get-ready, then 25 s into its first left set:
        // three reps of 4 s down and 3 s up are done, the fourth is under way.
        let stepDownWork = try #require(timeline.stepIndices(ofItem: 1).first { timeline.steps[$0].kind == .work })
        let before = timeline.steps.prefix(stepDownWork).compactMap(\.seconds).reduce(0, +)
        runner.tick(at: before + 25)
        runner.apply(.stop, at: before + 25)
        #expect(runner.status == .stopped && runner.outcomes[stepDownWork] == .stopped(elapsed: 25))
        let report = runner.report
        #expect(!report.finished)
        #expect(report.items[0] == SessionReport.Item(
            exercise: "standing-quad-stretch", name: "Standing Quad Stretch", status: .done, plannedSets: 2,
            setsDone: 2, repsDone: nil, holdsDone: 4, holdSecondsDone: 120, timedSecondsDone: nil))
        #expect(report.items[1].status == .partial && report.items[1].setsDone == 0 && report.items[1].repsDone == 3)
        #expect(report.items[2].status == .notReached && report.items[2].repsDone == 0)
        // Three repetitions of a first set are counted, but the exercise is not done.
        #expect(report.done.map(\.exercise) == ["standing-quad-stretch"])
        #expect(report.notDone.map(\.exercise) == ["slow-step-down", "glute-bridge"])
        // Nothing changes once stopped.
        let stopped = runner
        for action in SessionRunner.Action.allCases { runner.apply(action, at: before + 100) }
        runner.tick(at: 100_000)
        #expect(runner == stopped)
    }

    @Test func stoppingDuringPauseCountsHeldHoldsOnly() {
        var runner = SessionRunner(timeline: F.timeline([F.quadSet]))
        runner.start(at: 0)
        let work = F.timing.getReady
        let cycle = 5 + F.timing.relax
        runner.tick(at: work + 2 * cycle + 4.9)  // two holds, the third not yet held to its end
        runner.pause(at: work + 2 * cycle + 4.9)
        runner.stop(at: 1_000)
        #expect(runner.report.items[0].holdsDone == 2 && runner.report.items[0].holdSecondsDone == 10)
        var other = SessionRunner(timeline: F.timeline([F.quadSet]))
        other.start(at: 0)
        other.stop(at: work + 2 * cycle + 5)
        #expect(other.report.items[0].holdsDone == 3)
    }

    @Test func stoppingBeforeAnyWorkLeavesNothingDone() {
        var runner = SessionRunner(timeline: F.timeline([F.bridge, F.breathing]))
        runner.start(at: 0)
        runner.stop(at: 5)
        #expect(runner.report.isEmpty && runner.report.items.map(\.status) == [.notReached, .notReached])
    }

    @Test func timedWorkReportsTheSecondsDone() {
        var runner = SessionRunner(timeline: F.timeline([F.breathing], kind: .breathwork))
        runner.start(at: 0)
        runner.stop(at: F.timing.getReady + 95.5)
        let item = runner.report.items[0]
        #expect(item.status == .partial && item.timedSecondsDone == 95 && item.setsDone == 0)
        #expect(item.repsDone == nil && item.holdsDone == nil)
    }

    @Test func anEmptySessionIsFinishedAtOnce() {
        var runner = SessionRunner(timeline: F.timeline([]))
        #expect(runner.status == .finished && runner.step == nil && runner.nextStep == nil)
        runner.start(at: 0)
        #expect(runner.status == .finished && runner.report.items.isEmpty)
    }

    @Test func remainingSecondsCountsTheStepsAhead() {
        let timeline = F.timeline([F.bridge])
        var runner = SessionRunner(timeline: timeline)
        #expect(runner.remainingSeconds(at: 0) == timeline.totalSeconds)
        runner.start(at: 0)
        runner.tick(at: 12)
        #expect(runner.remainingSeconds(at: 12) == timeline.totalSeconds - 12)
        #expect(runner.nextStep?.kind == .rest)
    }
}

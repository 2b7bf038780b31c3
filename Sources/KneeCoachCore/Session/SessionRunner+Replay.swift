extension SessionRunner {
    /// A runner that has done, for each plan item, its first `setsDone[item]` sets in full
    /// and none of the rest: what a form reports after a session guided elsewhere (a web
    /// page's timer, or none at all), replayed through the same transitions as the terminal,
    /// so that its ``report`` and the journal's record read as those of a guided session.
    ///
    /// Steps are passed on a clock of their own planned seconds: a timed step runs to its end,
    /// an untimed work step is marked done, and the first step of a set not done (its get
    /// ready, rest or work) skips the rest of that exercise. A count outside `0...sets` is
    /// clamped; a missing one is 0.
    ///
    /// - Parameters:
    ///   - stoppedEarly: The session was ended before its last step: the runner stops once no
    ///     later exercise has a set done, so the exercises after it read as not reached.
    ///   - Returns: The runner, finished or stopped, and the planned seconds of what was done.
    public static func replaying(
        _ timeline: SessionTimeline, setsDone: [Int], stoppedEarly: Bool = false
    ) -> (runner: SessionRunner, seconds: Double) {
        var runner = SessionRunner(timeline: timeline)
        let sets = timeline.items.indices.map { setsDone.indices.contains($0) ? max(0, setsDone[$0]) : 0 }
        let lastWithWork = sets.lastIndex { $0 > 0 }
        var now = 0.0
        runner.start(at: now)
        while let step = runner.step, !runner.isOver {
            if stoppedEarly, lastWithWork.map({ step.item > $0 }) ?? true {
                runner.stop(at: now)
            } else if step.set > sets[step.item] {
                runner.skipExercise(at: now)
            } else if let seconds = step.seconds {
                now += seconds
                runner.tick(at: now)
            } else {
                runner.skipStep(at: now)
            }
        }
        return (runner, runner.activeSeconds(at: now))
    }
}

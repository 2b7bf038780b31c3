/// The state of a guided session as it runs: which step is on, how long it has run, and
/// what became of every step so far.
///
/// A value type with no clock of its own: every call takes `now`, seconds on any monotonic
/// clock the caller keeps (the terminal passes its own; tests pass plain numbers). Time
/// only counts while running, so a pause costs nothing. The terminal view and a web page
/// drive the same transitions through ``apply(_:at:)``.
///
/// ```swift
/// var runner = SessionRunner(timeline: timeline)
/// runner.start(at: 0)
/// runner.tick(at: 12)          // moves past every step that has run out
/// runner.apply(.skipStep, at: 13)
/// let report = runner.report   // what was done, per exercise
/// ```
public struct SessionRunner: Sendable, Equatable {
    /// Where the session is in its life.
    public enum Status: String, Sendable, Equatable {
        /// Built, not started: the clock has not begun.
        case ready
        case running
        case paused
        /// Every step has been passed.
        case finished
        /// Ended early by the runner.
        case stopped
    }

    /// What became of a step.
    public enum StepOutcome: Sendable, Equatable {
        /// Ran to its end (or, untimed, was marked done).
        case completed
        /// Left with "next" after `elapsed` seconds.
        case skipped(elapsed: Double)
        /// The session stopped during it, after `elapsed` seconds.
        case stopped(elapsed: Double)
    }

    public let timeline: SessionTimeline
    public private(set) var status: Status = .ready
    /// The current step; equal to the number of steps once finished.
    public private(set) var index = 0
    /// One outcome per step; `nil` for a step not (or no longer) passed.
    public private(set) var outcomes: [StepOutcome?]
    /// Seconds the current step ran before the running stretch now open.
    private var banked = 0.0
    /// When the running stretch now open began; `nil` unless running.
    private var segmentStart: Double?
    /// Seconds spent running in closed stretches, over the whole session.
    private var closedSeconds = 0.0

    public init(timeline: SessionTimeline) {
        self.timeline = timeline
        outcomes = Array(repeating: nil, count: timeline.steps.count)
        if timeline.steps.isEmpty { status = .finished }
    }

    /// The current step, or `nil` once every step has passed.
    public var step: SessionStep? { timeline.steps.indices.contains(index) ? timeline.steps[index] : nil }

    /// The step after the current one, or `nil`.
    public var nextStep: SessionStep? { timeline.steps.indices.contains(index + 1) ? timeline.steps[index + 1] : nil }

    /// Whether the session has ended, finished or stopped.
    public var isOver: Bool { status == .finished || status == .stopped }

    /// Seconds the current step has run by `now`.
    public func elapsedInStep(at now: Double) -> Double {
        banked + (segmentStart.map { max(0, now - $0) } ?? 0)
    }

    /// Seconds left in the current step by `now`; `nil` for an untimed step or none.
    public func remainingInStep(at now: Double) -> Double? {
        step?.seconds.map { max(0, $0 - elapsedInStep(at: now)) }
    }

    /// Seconds spent running by `now`, pauses excluded.
    public func activeSeconds(at now: Double) -> Double {
        closedSeconds + (segmentStart.map { max(0, now - $0) } ?? 0)
    }

    /// Seconds of timed steps still ahead, the current one's remainder included.
    public func remainingSeconds(at now: Double) -> Double {
        let later = timeline.steps.dropFirst(index + 1).compactMap(\.seconds).reduce(0, +)
        return later + (remainingInStep(at: now) ?? 0)
    }

    // MARK: Transitions

    /// Every transition a screen or page can ask for.
    public enum Action: String, Sendable, Equatable, CaseIterable {
        case start, pause, resume, togglePause, skipStep, skipExercise, back, repeatStep, stop
    }

    /// Applies one action at `now` (after moving past the steps that ran out before it).
    public mutating func apply(_ action: Action, at now: Double) {
        switch action {
        case .start: start(at: now)
        case .pause: pause(at: now)
        case .resume: resume(at: now)
        case .togglePause: status == .running ? pause(at: now) : status == .ready ? start(at: now) : resume(at: now)
        case .skipStep: skipStep(at: now)
        case .skipExercise: skipExercise(at: now)
        case .back: back(at: now)
        case .repeatStep: repeatStep(at: now)
        case .stop: stop(at: now)
        }
    }

    /// Starts the clock on the first step.
    public mutating func start(at now: Double) {
        guard status == .ready else { return }
        status = .running
        segmentStart = now
    }

    /// Moves past every timed step that has run out by `now`, each ending exactly when its
    /// time is up, so late calls lose no time. Returns how many steps ended.
    @discardableResult
    public mutating func tick(at now: Double) -> Int {
        guard status == .running, var start = segmentStart else { return 0 }
        var ended = 0
        while let seconds = step?.seconds, banked + (now - start) >= seconds {
            let end = start + (seconds - banked)
            closedSeconds += end - start
            outcomes[index] = .completed
            index += 1
            banked = 0
            start = end
            segmentStart = end
            ended += 1
        }
        if step == nil { finish(at: start) }
        return ended
    }

    /// Stops the clock; nothing counts until ``resume(at:)``.
    public mutating func pause(at now: Double) {
        tick(at: now)
        guard status == .running else { return }
        closeSegment(at: now)
        status = .paused
    }

    /// Starts the clock again after a pause.
    public mutating func resume(at now: Double) {
        guard status == .paused else { return }
        status = .running
        segmentStart = now
    }

    /// Leaves the current step for the next. An untimed work step counts as done; any other
    /// step as skipped after the time it ran.
    public mutating func skipStep(at now: Double) {
        tick(at: now)
        guard !isOver, let step else { return }
        outcomes[index] = step.kind == .work && step.seconds == nil ? .completed : .skipped(elapsed: elapsedInStep(at: now))
        move(to: index + 1, at: now)
    }

    /// Leaves the rest of the current exercise: its remaining steps count as skipped.
    public mutating func skipExercise(at now: Double) {
        tick(at: now)
        guard !isOver, let step else { return }
        let last = timeline.stepIndices(ofItem: step.item).last ?? index
        outcomes[index] = .skipped(elapsed: elapsedInStep(at: now))
        for later in timeline.steps.indices where later > index && later <= last { outcomes[later] = .skipped(elapsed: 0) }
        move(to: last + 1, at: now)
    }

    /// Goes back to the start of the previous step (the first step restarts), forgetting
    /// what became of both.
    public mutating func back(at now: Double) {
        tick(at: now)
        guard !isOver else { return }
        outcomes[index] = nil
        let target = max(0, index - 1)
        outcomes[target] = nil
        move(to: target, at: now)
    }

    /// Starts the current step again from its beginning.
    public mutating func repeatStep(at now: Double) {
        tick(at: now)
        guard !isOver else { return }
        move(to: index, at: now)
    }

    /// Ends the session early; the current step keeps the time it ran.
    public mutating func stop(at now: Double) {
        tick(at: now)
        guard !isOver else { return }
        if step != nil { outcomes[index] = .stopped(elapsed: elapsedInStep(at: now)) }
        closeSegment(at: now)
        status = .stopped
    }

    // MARK: Helpers

    private mutating func closeSegment(at now: Double) {
        guard let start = segmentStart else { return }
        let ran = max(0, now - start)
        banked += ran
        closedSeconds += ran
        segmentStart = nil
    }

    private mutating func move(to target: Int, at now: Double) {
        let running = status == .running
        closeSegment(at: now)
        banked = 0
        index = target
        if running { segmentStart = now }
        if step == nil { finish(at: now) }
    }

    private mutating func finish(at now: Double) {
        closeSegment(at: now)
        banked = 0
        index = timeline.steps.count
        status = .finished
    }
}

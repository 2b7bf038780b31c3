/// A side of the body, for exercises done on each side in turn.
public enum BodySide: String, Sendable, Equatable, CaseIterable {
    case left, right
}

/// What a work step asks for, and how its time divides into countable units.
public enum WorkStyle: Sendable, Equatable {
    /// `count` holds of `seconds` each, with `relaxSeconds` between them (one hold: count 1).
    case holds(count: Int, seconds: Int, relaxSeconds: Int)
    /// `count` repetitions at a steady `secondsPerRep`.
    case reps(count: Int, secondsPerRep: Int)
    /// `count` eccentric repetitions: lower for `loweringSeconds`, come back up in `returnSeconds`.
    case lowering(count: Int, loweringSeconds: Int, returnSeconds: Int)
    /// A timed drill or practice of `seconds`.
    case timed(seconds: Int)
    /// Paced slow breathing for `seconds`.
    case breathing(BreathPattern, seconds: Int)
    /// No time is given ("as cued"): the runner says when it is done.
    case untimed

    /// Seconds the work takes; `nil` for ``untimed``.
    public var seconds: Double? {
        switch self {
        case .holds(let count, let seconds, let relax): Double(count * seconds + max(0, count - 1) * relax)
        case .reps(let count, let perRep): Double(count * perRep)
        case .lowering(let count, let lowering, let back): Double(count * (lowering + back))
        case .timed(let seconds), .breathing(_, let seconds): Double(seconds)
        case .untimed: nil
        }
    }

    /// The number of countable units (holds or repetitions); `nil` for timed work.
    public var units: Int? {
        switch self {
        case .holds(let count, _, _), .reps(let count, _), .lowering(let count, _, _): count
        case .timed, .breathing, .untimed: nil
        }
    }

    /// Units finished after `elapsed` seconds of this work (a hold counts once held to its end).
    public func unitsDone(after elapsed: Double) -> Int {
        switch self {
        case .holds(let count, let seconds, let relax):
            guard seconds > 0 else { return 0 }
            let cycle = Double(seconds + relax)
            let whole = Int(elapsed / cycle)
            let into = elapsed - Double(whole) * cycle
            return min(count, whole + (into >= Double(seconds) ? 1 : 0))
        case .reps(let count, let perRep):
            return perRep > 0 ? min(count, Int(elapsed / Double(perRep))) : 0
        case .lowering(let count, let lowering, let back):
            let perRep = lowering + back
            return perRep > 0 ? min(count, Int(elapsed / Double(perRep))) : 0
        case .timed, .breathing, .untimed:
            return 0
        }
    }

    /// What is happening `elapsed` seconds into the work, for the screen: `hold 2 of 5`,
    /// `rep 3 of 10 · lower`, `relax`; `nil` for timed work.
    public func beat(at elapsed: Double) -> String? {
        switch self {
        case .holds(let count, let seconds, let relax):
            guard count > 1 else { return nil }
            let cycle = Double(seconds + relax)
            let index = min(count - 1, Int(elapsed / max(cycle, 1)))
            let into = elapsed - Double(index) * cycle
            return into < Double(seconds) || index == count - 1 ? "hold \(index + 1) of \(count)" : "relax"
        case .reps(let count, let perRep):
            let index = min(count - 1, Int(elapsed / Double(max(perRep, 1))))
            return "rep \(index + 1) of \(count)"
        case .lowering(let count, let lowering, let back):
            let perRep = Double(max(lowering + back, 1))
            let index = min(count - 1, Int(elapsed / perRep))
            let into = elapsed - Double(index) * perRep
            return "rep \(index + 1) of \(count) · " + (into < Double(lowering) ? "lower slowly" : "back up")
        case .timed, .breathing, .untimed:
            return nil
        }
    }
}

/// One step of a guided session's timeline.
public struct SessionStep: Sendable, Equatable {
    /// What the step is for.
    public enum Kind: String, Sendable, Equatable {
        /// Get into position for the next exercise; shows its cues.
        case getReady = "get-ready"
        case work
        /// Change to the other side.
        case switchSide = "switch-side"
        /// Rest between sets.
        case rest
    }

    public let kind: Kind
    /// The index of the plan item this step belongs to.
    public let item: Int
    /// The exercise id in the library.
    public let exercise: String
    /// The exercise's name, for the screen.
    public let name: String
    /// 1-based set of the item this step belongs to (the coming set for a get-ready step).
    public let set: Int
    public let setCount: Int
    /// The side being worked (or coming next), for exercises done on each side.
    public let side: BodySide?
    /// What the work asks for; for other kinds a ``WorkStyle/timed(seconds:)`` of the pause.
    public let style: WorkStyle
    /// A slow-breathing pacer shown beside the work (breathing practices and static stretches).
    public let pacer: BreathPattern?
    /// What to do, in a few short lines.
    public let cues: [String]
    /// How this runner does it: the plan item's cues from the exercise's older-runner or
    /// arthritis notes, shown before ``cues``.
    public let runnerCues: [String]

    public init(
        kind: Kind, item: Int, exercise: String, name: String, set: Int, setCount: Int, side: BodySide?,
        style: WorkStyle, pacer: BreathPattern? = nil, cues: [String] = [], runnerCues: [String] = []
    ) {
        self.runnerCues = runnerCues
        self.kind = kind
        self.item = item
        self.exercise = exercise
        self.name = name
        self.set = set
        self.setCount = setCount
        self.side = side
        self.style = style
        self.pacer = pacer
        self.cues = cues
    }

    /// Seconds the step lasts; `nil` when the runner ends it (an untimed work step).
    public var seconds: Double? { style.seconds }

    /// Where the step sits: `set 2 of 3, left side`; empty for a single set on no side.
    public var position: String {
        var parts: [String] = []
        if setCount > 1 { parts.append("set \(set) of \(setCount)") }
        if let side { parts.append("\(side.rawValue) side") }
        return parts.joined(separator: ", ")
    }

    /// A short title: `Get ready: Wall Sit`, `Wall Sit`, `Switch to the right side`, `Rest`.
    public var title: String {
        switch kind {
        case .getReady: "Get ready: \(name)"
        case .work: name
        case .switchSide: "Switch to the \(side?.rawValue ?? "other") side"
        case .rest: "Rest"
        }
    }
}

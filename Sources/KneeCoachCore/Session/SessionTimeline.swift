/// A planned session turned into the steps a runner follows: get ready, work, switch side,
/// rest between sets, and on to the next exercise.
///
/// Doses come from the plan item; names, cues and breathing rates from the library; the
/// timings between doses from the `session.timing` convention.
///
/// ```swift
/// let timeline = SessionTimeline(session: todaysStrength, library: try .bundled())
/// timeline.steps.map(\.title)   // ["Get ready: Wall Sit", "Wall Sit", "Rest", …]
/// ```
public struct SessionTimeline: Sendable, Equatable {
    public let kind: SessionKind
    /// The plan's items, in order; ``SessionStep/item`` indexes into this.
    public let items: [PlanItem]
    /// The exercise names, one per item.
    public let names: [String]
    public let steps: [SessionStep]

    /// Builds the steps of a planned session.
    public init(session: PlanSession, library: ExerciseLibrary) {
        self.init(kind: session.kind, items: session.items, library: library)
    }

    /// Builds the steps of a list of planned items.
    public init(kind: SessionKind, items: [PlanItem], library: ExerciseLibrary) {
        let timing = Timing()
        var steps: [SessionStep] = []
        var names: [String] = []
        for (index, item) in items.enumerated() {
            let exercise = library.exercise(id: item.exercise)
            let name = item.variantName ?? exercise?.name ?? item.exercise
            names.append(name)
            steps += Self.steps(for: item, index: index, exercise: exercise, name: name, timing: timing)
        }
        self.kind = kind
        self.items = items
        self.names = names
        self.steps = steps
    }

    /// Seconds of every timed step together (untimed steps add nothing).
    public var totalSeconds: Double { steps.compactMap(\.seconds).reduce(0, +) }

    /// Seconds of the work steps alone.
    public var workSeconds: Double { steps.filter { $0.kind == .work }.compactMap(\.seconds).reduce(0, +) }

    /// The indices of the steps of one item.
    public func stepIndices(ofItem item: Int) -> [Int] {
        steps.indices.filter { steps[$0].item == item }
    }

    /// The timings between and within doses, from `session.timing`.
    struct Timing {
        let getReady: Int
        let change: Int
        let relax: Int
        let rep: Int

        init(row: EvidenceEntry = Evidence.sessionTiming) {
            func value(_ name: String) -> Int { Int(row.quantity(name)?.lower ?? 0) }
            getReady = value("getReadySeconds")
            change = value("changeSeconds")
            relax = value("relaxSeconds")
            rep = value("repSeconds")
        }
    }

    static func steps(for item: PlanItem, index: Int, exercise: Exercise?, name: String, timing: Timing) -> [SessionStep] {
        let sets = max(1, item.sets ?? 1)
        let sides: [BodySide?] = item.perSide ? [.left, .right] : [nil]
        let style = workStyle(of: item, exercise: exercise, timing: timing)
        let pacer: BreathPattern? =
            if case .breathing(let pattern, _) = style { pattern }
            else if exercise?.category == .staticStretch { BreathPattern.slow() }
            else { nil }
        let cues = (exercise?.cues ?? []) + (pacer.map { [$0.cue] } ?? [])
        func step(_ kind: SessionStep.Kind, set: Int, side: BodySide?, style: WorkStyle, cues: [String]) -> SessionStep {
            SessionStep(
                kind: kind, item: index, exercise: item.exercise, name: name, set: set, setCount: sets, side: side,
                style: style, pacer: kind == .work ? pacer : nil, cues: cues, runnerCues: cues.isEmpty ? [] : item.cues)
        }
        var steps = [step(.getReady, set: 1, side: sides[0], style: .timed(seconds: timing.getReady), cues: cues)]
        for set in 1...sets {
            for (turn, side) in sides.enumerated() {
                if turn > 0 {
                    steps.append(step(.switchSide, set: set, side: side, style: .timed(seconds: timing.change), cues: []))
                }
                steps.append(step(.work, set: set, side: side, style: style, cues: cues))
            }
            if set < sets {
                let rest = item.restSeconds ?? timing.change
                steps.append(step(.rest, set: set + 1, side: sides[0], style: .timed(seconds: rest), cues: []))
            }
        }
        return steps
    }

    /// How the work of one set (on one side) is paced.
    static func workStyle(of item: PlanItem, exercise: Exercise?, timing: Timing) -> WorkStyle {
        let breathes = exercise?.isPacedBreathing ?? false
        let pattern = BreathPattern.slow(breathsPerMinute: exercise?.dosage.breathsPerMinute?.value)
        if let minutes = item.minutes {
            if breathes, let pattern { return .breathing(pattern, seconds: minutes * 60) }
            return .timed(seconds: minutes * 60)
        }
        if let hold = item.holdSeconds {
            return .holds(count: max(1, item.reps ?? 1), seconds: hold, relaxSeconds: timing.relax)
        }
        if let reps = item.reps {
            if let tempo = item.tempoSeconds {
                return .lowering(count: reps, loweringSeconds: tempo, returnSeconds: timing.rep)
            }
            return .reps(count: reps, secondsPerRep: timing.rep)
        }
        if let seconds = item.durationSeconds {
            if breathes, let pattern { return .breathing(pattern, seconds: seconds) }
            return .timed(seconds: seconds)
        }
        return .untimed
    }
}

extension Exercise {
    /// Whether the practice is breathing itself (paced or belly breathing), so the session
    /// shows the pacer for its whole length; meditation and journaling are not.
    public var isPacedBreathing: Bool {
        category == .breathworkRelaxation
            && (dosage.breathsPerMinute != nil || name.lowercased().contains("breathing"))
    }
}

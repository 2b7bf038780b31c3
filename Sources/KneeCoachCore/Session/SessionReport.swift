/// What a guided session actually did, exercise by exercise: the record a journal keeps.
///
/// Counts come from the steps' outcomes, never from the clock: a whole set counts when
/// every side of it ran to the end, and a set left part-way adds the holds or repetitions
/// finished before it was left.
public struct SessionReport: Sendable, Equatable {
    /// How far one exercise got.
    public enum ItemStatus: String, Sendable, Equatable {
        /// Every planned set done.
        case done
        /// Some of it done.
        case partial
        /// Left with "next" before any of it was done.
        case skipped
        /// The session stopped before it began.
        case notReached = "not-reached"
    }

    /// One exercise of the session.
    public struct Item: Sendable, Equatable {
        public let exercise: String
        public let name: String
        public let status: ItemStatus
        public let plannedSets: Int
        /// Sets done in full, on every side.
        public let setsDone: Int
        /// Repetitions done, every side counted; `nil` for an exercise without repetitions.
        public let repsDone: Int?
        /// Holds done, every side counted; `nil` for an exercise without holds.
        public let holdsDone: Int?
        /// Seconds held, every side counted (holds done × the planned hold).
        public let holdSecondsDone: Int?
        /// Seconds of timed work (drills, practices, breathing) done.
        public let timedSecondsDone: Int?

        /// At least one set (or timed block) was completed on every side.
        public var isDone: Bool { setsDone > 0 }
    }

    public let kind: SessionKind
    public let items: [Item]
    /// Whether the session ran to its last step.
    public let finished: Bool

    /// The exercises done: at least one set (or timed block) completed on every side. A set
    /// left part-way counts in the totals, but "0 of 2 sets" is not an exercise done.
    public var done: [Item] { items.filter(\.isDone) }

    /// The exercises not done: skipped, never reached, or left before a whole set.
    public var notDone: [Item] { items.filter { !$0.isDone } }

    /// Whether nothing at all was done, not even part of a set.
    public var isEmpty: Bool { items.allSatisfy { $0.status == .skipped || $0.status == .notReached } }
}

extension SessionRunner {
    /// What was done so far, per exercise.
    public var report: SessionReport {
        let items = timeline.items.indices.map { itemReport($0) }
        return SessionReport(kind: timeline.kind, items: items, finished: status == .finished)
    }

    private func itemReport(_ item: Int) -> SessionReport.Item {
        let steps = timeline.stepIndices(ofItem: item).filter { timeline.steps[$0].kind == .work }
        let plannedSets = timeline.steps[steps.first ?? 0].setCount
        var units = 0, timed = 0.0, setsDone = 0, skipped = false
        var style: WorkStyle = .untimed
        for set in 1...max(1, plannedSets) {
            let ofSet = steps.filter { timeline.steps[$0].set == set }
            if !ofSet.isEmpty, ofSet.allSatisfy({ outcomes[$0] == .completed }) { setsDone += 1 }
            for index in ofSet {
                style = timeline.steps[index].style
                switch outcomes[index] {
                case .completed:
                    units += style.units ?? 0
                    timed += style.units == nil ? style.seconds ?? 0 : 0
                case .skipped(let elapsed), .stopped(let elapsed):
                    if case .skipped = outcomes[index] { skipped = true }
                    units += style.unitsDone(after: elapsed)
                    timed += style.units == nil ? min(elapsed, style.seconds ?? 0) : 0
                case nil:
                    break
                }
            }
        }
        let didSomething = setsDone > 0 || units > 0 || timed >= 1
        let status: SessionReport.ItemStatus =
            setsDone == plannedSets ? .done : didSomething ? .partial : skipped ? .skipped : .notReached
        var reps: Int?, holds: Int?, held: Int?, seconds: Int?
        switch style {
        case .holds(_, let hold, _):
            holds = units
            held = units * hold
        case .reps, .lowering: reps = units
        case .timed, .breathing: seconds = Int(timed.rounded(.down))
        case .untimed: break
        }
        return SessionReport.Item(
            exercise: timeline.items[item].exercise, name: timeline.names[item], status: status,
            plannedSets: plannedSets, setsDone: setsDone, repsDone: reps, holdsDone: holds, holdSecondsDone: held,
            timedSecondsDone: seconds)
    }
}

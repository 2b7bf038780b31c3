/// The ranked, dosed candidates for every kind of session in every phase, built once per plan.
///
/// Ranking, dosing and reasons depend only on the runner's needs, the kind of session and the
/// phase (and whether the week is a deload), so the session builder looks them up here and
/// only rotates them by week; this keeps a 16-week plan well under a millisecond.
struct SessionCatalogue: Sendable {
    struct Candidate: Sendable {
        var item: PlanItem
        let seconds: Double
        /// The shortest whole-practice length its evidence row allows, in minutes, if it is a
        /// practice measured in minutes (a swim, a yoga flow); `nil` otherwise.
        let shortestMinutes: Double?
        /// A hopping or bounding drill.
        let isHighImpact: Bool
        let loadsKnee: Bool
        /// What its acute-pain note makes of it while the knee is sore.
        var whenSore: WhenSore = .same
    }

    /// An exercise under its acute-pain note (see ``Ordered/sore``).
    enum WhenSore: Sendable {
        case same
        /// Left out while the knee is sore.
        case excluded
        /// The exercise at this library position is done instead, with the note's cue.
        case replaced(by: Int, cue: String?)
        /// Done with the note's cue added.
        case cued(String)
    }

    /// A session's candidates in this week's order, without copying them.
    struct Ordered: Sequence {
        /// Every prepared candidate (normal or deload doses), by exercise index.
        let pool: [Candidate]
        /// The ranked exercise indices.
        let ranked: [Int]
        let anchors: Int
        let shift: Int
        /// Skip hopping and bounding drills (a lighter or held day).
        var lowImpact = false
        /// Only exercises that put no load through the knee.
        var kneeFree = false
        /// The knee is sore (pain broke the rule, or the week reads as painful): each
        /// exercise's acute-pain note applies — left out, replaced, or done with its cue.
        var sore = false

        func makeIterator() -> Iterator { Iterator(self) }

        /// Walks the ranked indices in this week's order, copying out only the candidates it gives.
        struct Iterator: IteratorProtocol {
            private let ordered: Ordered
            private var position = 0
            private let anchors: Int
            private let tail: Int
            /// A replacement must itself suit this session (owned equipment, kind, phase).
            private let suitable: Set<Int>
            /// The exercises already given while sore (a replacement is given once).
            private var given = Set<Int>()

            init(_ ordered: Ordered) {
                self.ordered = ordered
                anchors = Swift.min(ordered.anchors, ordered.ranked.count)
                tail = ordered.ranked.count - anchors
                suitable = ordered.sore ? Set(ordered.ranked) : []
            }

            mutating func next() -> Candidate? {
                let ranked = ordered.ranked
                while position < ranked.count {
                    defer { position += 1 }
                    let at = position < anchors || tail == 0 ? position : anchors + (position - anchors + ordered.shift) % tail
                    if ordered.sore {
                        guard let (index, candidate) = Ordered.whenSore(ranked[at], in: ordered.pool, suitable: suitable),
                            !given.contains(index)
                        else { continue }
                        if admits(isHighImpact: candidate.isHighImpact, loadsKnee: candidate.loadsKnee) {
                            given.insert(index)
                            return candidate
                        }
                    } else {
                        let index = ranked[at]
                        if admits(isHighImpact: ordered.pool[index].isHighImpact, loadsKnee: ordered.pool[index].loadsKnee) {
                            return ordered.pool[index]
                        }
                    }
                }
                return nil
            }

            private func admits(isHighImpact: Bool, loadsKnee: Bool) -> Bool {
                !(ordered.lowImpact && isHighImpact) && !(ordered.kneeFree && loadsKnee)
            }
        }

        /// The exercise at `index` as its acute-pain note has it, with the library position
        /// of what is done; `nil` when it is left out, or its replacement does not suit the session.
        private static func whenSore(_ index: Int, in pool: [Candidate], suitable: Set<Int>) -> (Int, Candidate)? {
            let candidate = pool[index]
            switch candidate.whenSore {
            case .same: return (index, candidate)
            case .excluded: return nil
            case .cued(let cue):
                var cued = candidate
                cued.item = candidate.item.adding(cue: cue)
                return (index, cued)
            case .replaced(let other, _):
                // The replacement under its own note (not followed further). The replaced
                // exercise's cue speaks of that one ("the two-leg bridge takes its place"),
                // so it stays on its page and is not shown on the replacement.
                guard suitable.contains(other) else { return nil }
                var replacement = pool[other]
                switch replacement.whenSore {
                case .excluded, .replaced: return nil
                case .cued(let own): replacement.item = replacement.item.adding(cue: own)
                case .same: break
                }
                return (other, replacement)
            }
        }
    }

    private struct Key: Hashable {
        let kind: SessionKind
        let phase: TrainingPhase
        let deload: Bool
    }

    private let table: [Key: [Int]]
    private let normal: [Candidate]
    private let deload: [Candidate]

    /// - Parameters:
    ///   - phases: The phases the plan uses; only those are ranked.
    init(needs: Needs, library: ExerciseLibrary, phases: Set<TrainingPhase>) {
        let exercises = library.exercises
        // Dose and reason depend on the exercise and the week's deload only: prepare each once.
        var position: [String: Int] = [:]
        for (index, exercise) in exercises.enumerated() { position[exercise.id] = index }
        func whenSore(_ exercise: Exercise) -> WhenSore {
            guard let note = exercise.modifications.acutePain else { return .same }
            if note.exclude { return .excluded }
            if let id = note.substitute, let other = position[id] { return .replaced(by: other, cue: note.cue) }
            return note.cue.map(WhenSore.cued) ?? .same
        }
        func candidates(deload: Bool, reasons: [Reason]) -> [Candidate] {
            let frame = WeekFrame(index: 1, phase: .build, deload: deload, reasons: [])
            return zip(exercises, reasons).map { exercise, reason in
                let item = Dosing.item(for: exercise, needs: needs, frame: frame, reason: reason)
                return Candidate(
                    item: item, seconds: Dosing.seconds(of: item),
                    shortestMinutes: exercise.dosage.minutes?.row?.quantity("minutes")?.lower,
                    isHighImpact: exercise.isHighImpact, loadsKnee: exercise.loadsKnee, whenSore: whenSore(exercise))
            }
        }
        let reasons = exercises.map { SessionBuilder.itemReason($0, needs: needs) }
        normal = candidates(deload: false, reasons: reasons)
        deload = candidates(deload: true, reasons: reasons)
        let traits = ExerciseChoice.traits(of: exercises, needs: needs)
        var table: [Key: [Int]] = [:]
        for kind in SessionKind.allCases where kind != .run && kind != .rest {
            for phase in TrainingPhase.allCases where phases.contains(phase) {
                let order = ExerciseChoice.rankedIndices(for: kind, phase: phase, needs: needs, traits: traits)
                for deload in [false, true] { table[Key(kind: kind, phase: phase, deload: deload)] = order }
            }
        }
        self.table = table
    }

    /// The candidates for a session, best first for this week (top ones fixed, the rest rotated).
    func candidates(for kind: SessionKind, frame: WeekFrame) -> Ordered {
        let ranked = table[Key(kind: kind, phase: frame.phase, deload: frame.deload)] ?? []
        let anchors = ExerciseChoice.anchors(for: kind)
        let tail = ranked.count - anchors
        return Ordered(
            pool: frame.deload ? deload : normal, ranked: ranked, anchors: anchors,
            shift: tail > 1 ? ExerciseChoice.shift(week: frame.index, count: tail) : 0)
    }
}

/// The ranked, dosed candidates for every kind of session in every phase, built once per plan.
///
/// Ranking, dosing and reasons depend only on the runner's needs, the kind of session and the
/// phase (and whether the week is a deload), so the session builder looks them up here and
/// only rotates them by week; this keeps a 16-week plan well under a millisecond.
struct SessionCatalogue: Sendable {
    struct Candidate: Sendable {
        let item: PlanItem
        let seconds: Double
        /// The shortest whole-practice length its evidence row allows, in minutes, if it is a
        /// practice measured in minutes (a swim, a yoga flow); `nil` otherwise.
        let shortestMinutes: Double?
        /// A hopping or bounding drill.
        let isHighImpact: Bool
    }

    /// A session's candidates in this week's order, without copying them.
    struct Ordered: Sequence {
        let ranked: [Candidate]
        let anchors: Int
        let shift: Int

        func makeIterator() -> AnyIterator<Candidate> {
            var position = 0
            let count = ranked.count, anchors = Swift.min(self.anchors, ranked.count), tail = count - anchors
            return AnyIterator {
                guard position < count else { return nil }
                defer { position += 1 }
                if position < anchors || tail == 0 { return ranked[position] }
                return ranked[anchors + (position - anchors + shift) % tail]
            }
        }
    }

    private struct Key: Hashable {
        let kind: SessionKind
        let phase: TrainingPhase
        let deload: Bool
    }

    private var table: [Key: [Candidate]]

    /// - Parameters:
    ///   - phases: The phases the plan uses; only those are prepared.
    init(needs: Needs, library: ExerciseLibrary, phases: Set<TrainingPhase>) {
        let exercises = library.exercises
        // Dose and reason depend on the exercise and the week's deload only: prepare each once.
        var prepared: [Int: (normal: Candidate, deload: Candidate)] = [:]
        func candidate(_ index: Int, deload: Bool) -> Candidate {
            if let ready = prepared[index] { return deload ? ready.deload : ready.normal }
            let exercise = exercises[index]
            let reason = SessionBuilder.itemReason(exercise, needs: needs)
            let shortest = exercise.dosage.minutes?.row?.quantity("minutes")?.lower
            func make(_ deload: Bool) -> Candidate {
                let frame = WeekFrame(index: 1, phase: .build, deload: deload, reasons: [])
                let item = Dosing.item(for: exercise, needs: needs, frame: frame, reason: reason)
                return Candidate(
                    item: item, seconds: Dosing.seconds(of: item), shortestMinutes: shortest,
                    isHighImpact: exercise.isHighImpact)
            }
            let ready = (normal: make(false), deload: make(true))
            prepared[index] = ready
            return deload ? ready.deload : ready.normal
        }
        let traits = ExerciseChoice.traits(of: exercises, needs: needs)
        var table: [Key: [Candidate]] = [:]
        for kind in SessionKind.allCases where kind != .run && kind != .rest {
            for phase in TrainingPhase.allCases where phases.contains(phase) {
                let order = ExerciseChoice.rankedIndices(for: kind, phase: phase, needs: needs, traits: traits)
                for deload in [false, true] {
                    table[Key(kind: kind, phase: phase, deload: deload)] = order.map { candidate($0, deload: deload) }
                }
            }
        }
        self.table = table
    }

    /// The same catalogue without hopping and bounding drills (a lighter or held day).
    func withoutHighImpact() -> SessionCatalogue {
        var copy = self
        copy.table = table.mapValues { $0.filter { !$0.isHighImpact } }
        return copy
    }

    /// The candidates for a session, best first for this week (top ones fixed, the rest rotated).
    func candidates(for kind: SessionKind, frame: WeekFrame) -> Ordered {
        let ranked = table[Key(kind: kind, phase: frame.phase, deload: frame.deload)] ?? []
        let anchors = ExerciseChoice.anchors(for: kind)
        let tail = ranked.count - anchors
        return Ordered(ranked: ranked, anchors: anchors, shift: tail > 1 ? ExerciseChoice.shift(week: frame.index, count: tail) : 0)
    }
}

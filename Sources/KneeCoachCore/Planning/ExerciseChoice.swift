/// Which exercises suit a session: by kind and phase, what the runner owns and may do,
/// ranked by the emphasis weights and rotated by week for variety.
enum ExerciseChoice {
    /// The candidates for a session kind in a phase, best first for this week.
    static func ranked(
        for kind: SessionKind, phase: TrainingPhase, needs: Needs, library: ExerciseLibrary, week: Int
    ) -> [Exercise] {
        let allowed = library.exercises.filter { exercise in
            exercise.isPossible(with: needs.owned) && fits(exercise, kind: kind, phase: phase)
                && !((needs.isGentle || (phase == .settle && needs.painState != .none)) && exercise.isDeepLoadedKneeBend)
                && !((needs.isGentle || needs.painState != .none || needs.isHeldByRedFlag) && exercise.isHighImpact)
        }
        let scored = allowed.map { ($0, score($0, needs: needs, kind: kind, phase: phase)) }
            .sorted { ($1.1, $0.0.id) < ($0.1, $1.0.id) }
            .map(\.0)
        return rotate(scored, anchors: anchors(for: kind), week: week)
    }

    /// How many top-ranked exercises stay every week before the rest rotate.
    static func anchors(for kind: SessionKind) -> Int {
        switch kind {
        case .strength: 2
        case .warmUp, .coolDown, .flexibility, .mobility: 1
        default: 0
        }
    }

    static func fits(_ exercise: Exercise, kind: SessionKind, phase: TrainingPhase) -> Bool {
        let c = exercise.category, p = Set(exercise.phases)
        switch kind {
        case .warmUp: return c == .dynamicStretch || (c == .mobility && p.contains(.preRun))
        case .coolDown:
            return (c == .staticStretch && p.contains(.postRun)) || (c == .myofascialRelease && p.contains(.postRun))
        case .flexibility:
            return [.staticStretch, .mobility, .myofascialRelease].contains(c)
                && (p.contains(.flexibility) || p.contains(.restDay))
        case .mobility: return (c == .mobility || c == .isometric || c == .staticStretch) && p.contains(.acute)
        case .yogaPilates: return c == .yogaPilates && exercise.dosage.minutes != nil
        case .crossTraining: return c == .crossTraining
        case .breathwork: return c == .breathworkRelaxation
        case .strength:
            switch phase {
            case .settle:
                return c == .isometric || ([.concentricStrength, .neuromuscularBalance].contains(c) && p.contains(.acute))
            case .build:
                return [.isometric, .eccentric, .concentricStrength, .neuromuscularBalance].contains(c) && p.contains(.strength)
            case .strengthen, .return, .maintain:
                return [.eccentric, .concentricStrength, .neuromuscularBalance, .isometric].contains(c) && p.contains(.strength)
            }
        case .run, .rest: return false
        }
    }

    /// The sum of the emphasis weights of the exercise's targets, per target, plus small
    /// category preferences that carry a phase's intent.
    static func score(_ exercise: Exercise, needs: Needs, kind: SessionKind, phase: TrainingPhase) -> Double {
        let targets = exercise.targets
        let weight = targets.map(needs.weight(of:)).reduce(0, +) / Double(max(1, targets.count))
        let emphasised = targets.map { needs.weight(of: $0) - 1 }.reduce(0, +)
        var score = weight + emphasised
        if needs.isGentle, exercise.equipment.contains(where: { $0.needs.contains(.towel) || $0.needs.contains(.pool) }) {
            score += 1
        }
        if needs.isGentle, exercise.modifications.arthritis != nil { score += 0.5 }
        if kind == .strength, needs.terrain.contains(.downhill), exercise.category == .eccentric,
            exercise.targets.contains(.quadriceps)
        {
            score += 10
        }
        if kind == .strength, phase == .settle, exercise.category == .isometric, exercise.targets.contains(.quadriceps) {
            score += 3
        }
        if [.yogaPilates, .crossTraining].contains(kind), let minutes = exercise.dosage.minutes,
            let range = minutes.row?.quantity("minutes"), range.lower >= 20
        {
            score += 5
        }
        return score
    }

    /// Keeps the first `anchors` and rotates the rest by week, so weeks vary deterministically.
    static func rotate(_ ranked: [Exercise], anchors: Int, week: Int) -> [Exercise] {
        guard ranked.count > anchors + 1 else { return ranked }
        let head = Array(ranked.prefix(anchors))
        let tail = Array(ranked.dropFirst(anchors))
        let shift = ((week - 1) * 2) % tail.count
        return head + Array(tail[shift...] + tail[..<shift])
    }
}

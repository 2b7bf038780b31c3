/// Which exercises suit a session: by kind and phase, what the runner owns and may do,
/// ranked by the emphasis weights and rotated by week for variety.
///
/// The exercise's older-runner and arthritis notes apply here: one that says to leave it out
/// is never a candidate for that runner, and one that names another exercise puts that one in
/// its place (ranked at least as high). Tendon protocols are only for the tendon a clinician
/// found.
enum ExerciseChoice {
    /// What ranking needs to know of one exercise for one runner, worked out once per plan.
    struct Traits: Sendable {
        let category: ExerciseCategory
        let phases: [ExercisePhase]
        /// The runner owns what one of its equipment options needs.
        let isPossible: Bool
        let isDeepLoadedKneeBend: Bool
        let isHighImpact: Bool
        let loadsKnee: Bool
        /// A practice dosed in whole minutes of at least 20 (a swim, a yoga flow).
        let isLongPractice: Bool
        let hasMinutesDose: Bool
        let isEccentricQuad: Bool
        let isIsometricQuad: Bool
        /// The part of the score that depends only on the runner: emphasis on its targets.
        let baseScore: Double
        /// Its position when exercises are sorted by id, for deterministic ties.
        let idOrder: Int
        /// Left out for this runner: by its older-runner or arthritis note, or a tendon
        /// protocol without that tendon problem.
        let isExcluded: Bool
        /// The library position of the exercise its notes put in its place for this runner.
        var substitute: Int?
        /// A tendon protocol for a tendon problem this runner has.
        let isTendonProtocolForRunner: Bool

        init(_ exercise: Exercise, needs: Needs, idOrder: Int) {
            let runner = needs.runner
            let adaptation = exercise.adaptation(for: runner)
            let tendon = exercise.tendonProtocol
            isTendonProtocolForRunner = tendon.map(runner.tendonProblems.contains) ?? false
            isExcluded = adaptation.isExcluded || (tendon != nil && !isTendonProtocolForRunner)
            category = exercise.category
            phases = exercise.phases
            isPossible = exercise.isPossible(with: needs.owned)
            isDeepLoadedKneeBend = exercise.isDeepLoadedKneeBend
            isHighImpact = exercise.isHighImpact
            loadsKnee = exercise.loadsKnee
            hasMinutesDose = exercise.dosage.minutes != nil
            isLongPractice = (exercise.dosage.minutes?.row?.quantity("minutes")?.lower ?? 0) >= 20
            isEccentricQuad = exercise.category == .eccentric && exercise.targets.contains(.quadriceps)
            isIsometricQuad = exercise.category == .isometric && exercise.targets.contains(.quadriceps)
            let weights = exercise.targets.map(needs.weight(of:))
            var score = weights.reduce(0, +) / Double(max(1, weights.count)) + weights.map { $0 - 1 }.reduce(0, +)
            if needs.isGentle, exercise.equipment.contains(where: { $0.needs.contains(.towel) || $0.needs.contains(.pool) }) {
                score += 1
            }
            // Exercises whose notes adapt them to this runner (a cue, not a replacement) go first.
            if needs.isGentle, adaptation.keepsExercise, !adaptation.cues.isEmpty { score += 0.5 }
            baseScore = score
            self.idOrder = idOrder
        }
    }

    /// The traits of every exercise of the library, in library order.
    static func traits(of exercises: [Exercise], needs: Needs) -> [Traits] {
        let order = exercises.indices.sorted { exercises[$0].id < exercises[$1].id }
        var idOrder = [Int](repeating: 0, count: exercises.count)
        for (rank, index) in order.enumerated() { idOrder[index] = rank }
        var traits = exercises.indices.map { Traits(exercises[$0], needs: needs, idOrder: idOrder[$0]) }
        let runner = needs.runner
        var position: [String: Int] = [:]
        for (index, exercise) in exercises.enumerated() { position[exercise.id] = index }
        for (index, exercise) in exercises.enumerated() {
            let adaptation = exercise.adaptation(for: runner)
            if !adaptation.isExcluded, let id = adaptation.substitute { traits[index].substitute = position[id] }
        }
        return traits
    }

    /// Positions of the candidates for a session kind in a phase, best first (before the
    /// weekly rotation).
    static func rankedIndices(
        for kind: SessionKind, phase: TrainingPhase, needs: Needs, traits: [Traits]
    ) -> [Int] {
        let avoidImpact = needs.isGentle || needs.painState != .none || needs.isHeldByRedFlag
        let avoidDeepBend = needs.isGentle || (phase == .settle && needs.painState != .none)
        func allowed(_ exercise: Traits) -> Bool {
            exercise.isPossible && !exercise.isExcluded && fits(exercise, kind: kind, phase: phase)
                && !(avoidDeepBend && exercise.isDeepLoadedKneeBend) && !(avoidImpact && exercise.isHighImpact)
        }
        var best: [Int: Double] = [:]
        for (index, exercise) in traits.enumerated() {
            guard allowed(exercise) else { continue }
            let own = score(exercise, needs: needs, kind: kind, phase: phase)
            // Replaced for this runner: its substitute takes its place when that one may be
            // done here (and is not itself replaced); otherwise it is simply left out.
            if let other = exercise.substitute {
                guard allowed(traits[other]), traits[other].substitute == nil else { continue }
                let theirs = score(traits[other], needs: needs, kind: kind, phase: phase)
                best[other] = max(best[other] ?? -.infinity, own, theirs)
                continue
            }
            best[index] = max(best[index] ?? -.infinity, own)
        }
        let scored = best.map { (index: $0.key, score: $0.value, order: traits[$0.key].idOrder) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        return scored.map(\.index)
    }

    /// How many top-ranked exercises stay every week before the rest rotate.
    static func anchors(for kind: SessionKind) -> Int {
        switch kind {
        case .strength: 2
        case .warmUp, .coolDown, .flexibility, .mobility: 1
        default: 0
        }
    }

    /// How far the rotating part moves in a given week.
    static func shift(week: Int, count: Int) -> Int { count > 0 ? ((week - 1) * 2) % count : 0 }

    static func fits(_ exercise: Traits, kind: SessionKind, phase: TrainingPhase) -> Bool {
        let c = exercise.category, p = exercise.phases
        switch kind {
        case .warmUp: return c == .dynamicStretch || (c == .mobility && p.contains(.preRun))
        case .coolDown:
            return (c == .staticStretch && p.contains(.postRun)) || (c == .myofascialRelease && p.contains(.postRun))
        case .flexibility:
            return [.staticStretch, .mobility, .myofascialRelease].contains(c)
                && (p.contains(.flexibility) || p.contains(.restDay))
        case .mobility:
            // Gentle positions that do not load the knee (legs up a wall) count as mobility too:
            // they are what a knee waiting for a clinician may still do.
            return (c == .mobility || c == .isometric || c == .staticStretch || (!exercise.loadsKnee && c != .breathworkRelaxation))
                && p.contains(.acute)
        case .yogaPilates: return c == .yogaPilates && exercise.hasMinutesDose
        case .crossTraining: return c == .crossTraining
        case .breathwork: return c == .breathworkRelaxation
        case .tendon: return exercise.isTendonProtocolForRunner
        case .strength:
            switch phase {
            case .settle:
                return c == .isometric || ([.concentricStrength, .neuromuscularBalance].contains(c) && p.contains(.acute))
            case .build, .strengthen, .return, .maintain:
                return [.isometric, .eccentric, .concentricStrength, .neuromuscularBalance].contains(c) && p.contains(.strength)
            }
        case .run, .rest: return false
        }
    }

    /// The emphasis on the exercise's targets, plus the preferences that carry a session's intent:
    /// slow lowering for the quadriceps on downhill terrain, pain-relief quadriceps holds while
    /// settling, and whole sessions for yoga, Pilates and cross-training.
    static func score(_ exercise: Traits, needs: Needs, kind: SessionKind, phase: TrainingPhase) -> Double {
        var score = exercise.baseScore
        if kind == .strength, needs.terrain.contains(.downhill), exercise.isEccentricQuad { score += 10 }
        if kind == .strength, phase == .settle, exercise.isIsometricQuad { score += 6 }
        // The loading programme for a tendon a clinician found comes first on strength days.
        if kind == .strength, exercise.isTendonProtocolForRunner { score += 20 }
        if [.yogaPilates, .crossTraining].contains(kind), exercise.isLongPractice { score += 5 }
        return score
    }
}

/// What must be true of the runner, or of the exercise a reason speaks of, for a reason to be
/// true. Every ``Reason`` carries its conditions: those its evidence row implies (an
/// osteoarthritis row only for knee osteoarthritis) and any the text adds ("works the glutes"
/// only on an exercise that targets them).
public enum ReasonCondition: Sendable, Hashable {
    /// The runner has knee osteoarthritis.
    case osteoarthritis
    /// The runner gets the older-runner changes: from the age of `plan.olderAgeFrom`, or with
    /// knee osteoarthritis at any age, as that row says.
    case olderRunnerOrOsteoarthritis
    /// The runner has pain at the front of the knee.
    case frontKneePain
    /// A clinician found this tendon problem.
    case tendonProblem(TendonProblem)
    /// The exercise with this id works this target.
    case exerciseTargets(exercise: String, Target)

    /// The conditions the advice of an evidence row needs, from what the row governs.
    public static func implied(by key: EvidenceKey?) -> [ReasonCondition] {
        switch key {
        case Evidence.oaCore.key?, Evidence.oaAquaticVsLand.key?, Evidence.oaPrevalence.key?,
            Evidence.oaGladBlock.key?, Evidence.oaExercisePain.key?:
            [.osteoarthritis]
        case Evidence.oaNoDeepLoadedFlexion.key?, Evidence.planOlderAgeFrom.key?,
            Evidence.stretchStaticHoldSecondsOlder.key?:
            [.olderRunnerOrOsteoarthritis]
        case Evidence.pfpHipPlusKnee.key?, Evidence.cadencePfpRetrain.key?, Evidence.orthosesPfp.key?:
            [.frontKneePain]
        case Evidence.eccDeclineSquat.key?: [.tendonProblem(.patellar)]
        case Evidence.eccAchilles.key?: [.tendonProblem(.achilles)]
        default: []
        }
    }

    /// Whether the condition holds for a runner; a condition about an exercise counts as held.
    func holdsForRunner(_ runner: RunnerFacts) -> Bool {
        switch self {
        case .exerciseTargets: true
        case .osteoarthritis: runner.hasOsteoarthritis
        case .olderRunnerOrOsteoarthritis: runner.isOlderRunner || runner.hasOsteoarthritis
        case .frontKneePain: runner.hasFrontKneePain
        case .tendonProblem(let problem): runner.tendonProblems.contains(problem)
        }
    }

    /// Whether the condition holds for a runner.
    /// - Parameters:
    ///   - runner: What the plan knows of the runner.
    ///   - library: Looks up the exercise of ``exerciseTargets(exercise:_:)``.
    public func holds(for runner: RunnerFacts, library: ExerciseLibrary) -> Bool {
        switch self {
        case .exerciseTargets(let id, let target): library.exercise(id: id)?.targets.contains(target) ?? false
        default: holdsForRunner(runner)
        }
    }
}

/// The facts about a runner that reasons and exercise modifications depend on.
public struct RunnerFacts: Sendable, Equatable {
    /// Gets the older-runner changes: from the age of `plan.olderAgeFrom`, or with knee osteoarthritis.
    public let isOlderRunner: Bool
    public let hasOsteoarthritis: Bool
    public let hasFrontKneePain: Bool
    public let tendonProblems: Set<TendonProblem>

    public init(isOlderRunner: Bool, hasOsteoarthritis: Bool, hasFrontKneePain: Bool, tendonProblems: Set<TendonProblem>) {
        self.isOlderRunner = isOlderRunner
        self.hasOsteoarthritis = hasOsteoarthritis
        self.hasFrontKneePain = hasFrontKneePain
        self.tendonProblems = tendonProblems
    }

    /// Reads the facts from a profile alone.
    public init(profile: Profile) {
        let arthritis = profile.conditions.contains(.kneeOsteoarthritis)
        let olderFrom = Evidence.planOlderAgeFrom.quantity("ageFrom")?.lower ?? .infinity
        self.init(
            isOlderRunner: Double(profile.age) >= olderFrom || arthritis, hasOsteoarthritis: arthritis,
            hasFrontKneePain: profile.pain.map { $0.level > 0 && $0.location == .front } ?? false,
            tendonProblems: AssessmentFindings(profile.assessment ?? Assessment()).tendonProblems)
    }

    /// The facts as the planner's needs hold them (pain from the journal counts too).
    init(needs: Needs) {
        self.init(
            isOlderRunner: needs.isGentle, hasOsteoarthritis: needs.hasOsteoarthritis,
            hasFrontKneePain: needs.hasKneePain && needs.painLocation == .front,
            tendonProblems: needs.findings.tendonProblems)
    }
}

extension Needs {
    /// The facts reasons and modifications are judged against.
    var runner: RunnerFacts { RunnerFacts(needs: self) }
}

extension Exercise {
    /// This exercise for a runner: left out, replaced or adapted by its older-runner and
    /// arthritis notes.
    func adaptation(for runner: RunnerFacts) -> ExerciseAdaptation {
        modifications.adaptation(olderRunner: runner.isOlderRunner, arthritis: runner.hasOsteoarthritis)
    }
}

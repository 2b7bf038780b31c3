/// The phase of each week and whether it is a deload week, with the reasons.
struct WeekFrame: Sendable, Equatable {
    let index: Int
    let phase: TrainingPhase
    let deload: Bool
    let reasons: [Reason]
    /// The journal holds this week: less running, more recovery, mobility and isometric work.
    var hold = false
}

/// The phases, settle → build → strengthen → return or maintain, in words. Which phase a
/// week is in is the coach's decision (``WeekPlanner``): a phase moves on after its
/// convention length, counting only programme weeks that kept their gate.
enum Phases {
    /// Why a week is in its phase; a settle week quotes the pain behind it.
    /// - Parameter frontKneePain: The runner has front-of-knee pain, for which hip and knee
    ///   work together is the guideline (`pfp.hipPlusKnee`).
    static func phaseReason(_ phase: TrainingPhase, painReason: Reason?, frontKneePain: Bool) -> Reason {
        switch phase {
        case .settle:
            Reason(
                (painReason?.text ?? "The knee is painful now.")
                    + " Isometric holds may ease pain for a while, and low-impact cross-training keeps fitness.",
                evidence: Evidence.isoAnalgesia.key)
        case .build:
            Reason(
                "Build: slow, controlled strength for hips and knees, with lowering (eccentric) work, while running builds gradually.",
                evidence: frontKneePain ? Evidence.pfpHipPlusKnee.key : Evidence.strengthInjuryRR.key)
        case .strengthen:
            Reason(
                "Strengthen: loaded compound exercises and balance work, progressed when the reps get easy.",
                evidence: Evidence.strengthLoadStepPercent.key)
        case .return:
            Reason(
                "Return: running back to your full volume, with strength \(Evidence.strengthSessionsPerWeek.quantity("sessionsPerWeek")?.lower.plainText ?? "") times a week to keep what you built.",
                evidence: Evidence.strengthSessionsPerWeek.key)
        case .maintain:
            Reason(
                "Maintain: strength work is what lowers injury risk, so it stays \(Evidence.strengthSessionsPerWeek.quantity("sessionsPerWeek").map { "\($0.lower.plainText)–\($0.upper.plainText)" } ?? "") times a week.",
                evidence: Evidence.strengthInjuryRR.key)
        }
    }
}

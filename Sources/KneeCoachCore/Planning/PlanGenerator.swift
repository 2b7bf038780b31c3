/// A plan from a profile and a start day: the ``Coach`` of a programme that starts that day.
///
/// ```swift
/// let plan = try PlanGenerator.plan(for: profile, library: .bundled(), start: monday, weeks: 12)
/// ```
public enum PlanGenerator {
    /// The plan lengths KneeCoach builds, in weeks.
    public static let weekRange = 1...52

    /// Builds the plan of a programme starting on `start`.
    /// - Parameters:
    ///   - history: The journal; what it says up to `start` shapes the plan (see ``Coach``).
    ///   - asOf: The runner's today, when later than `start`.
    /// - Throws: ``PlanError/weeksOutOfRange(_:)``.
    public static func plan(
        for profile: Profile, library: ExerciseLibrary, start: LocalDate, weeks: Int,
        history: TrainingHistory = .empty, asOf: LocalDate? = nil
    ) throws(PlanError) -> Plan {
        let coach = Coach(
            programme: Programme(profile: profile, start: start), library: library, history: history,
            today: asOf ?? start)
        return try coach.plan(from: start, weeks: weeks)
    }
}

/// What can stop a plan from being built.
public enum PlanError: UserFacingError, Equatable {
    case weeksOutOfRange(Int)

    public var problem: String {
        switch self {
        case .weeksOutOfRange(let weeks):
            "A plan of \(weeks) weeks is outside the range KneeCoach builds (\(PlanGenerator.weekRange.lowerBound)–\(PlanGenerator.weekRange.upperBound))."
        }
    }

    public var fix: String { "Pass --weeks with a number from 1 to 52." }
    public var exitCode: Int32 { ExitStatus.usage }
}

/// The one plain statement of what KneeCoach is not.
public enum Disclaimer {
    public static let text =
        "KneeCoach is not a medical device and does not diagnose. See a clinician for pain at rest or at night, swelling, redness or heat, locking, giving way or limping."
}

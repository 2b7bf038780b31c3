/// The state on the morning of a day, folded from the programme's start through the journal:
/// what `today` explains and what the prescription of the day is made from.
public struct MorningState: Sendable, Equatable {
    public let day: LocalDate
    public let programmeStart: LocalDate
    /// 1-based, in ISO weeks from the programme's first week.
    public let programmeWeek: Int
    public let phase: TrainingPhase
    public let deload: Bool
    /// Planned running for the programme week, in kilometres.
    public let weekKm: Double
    /// The runner's usual week, the goal running builds toward.
    public let usualWeekKm: Double
    /// The pain level the journal counts as the runner's usual (next morning, at rest).
    public let usualPain: Int
    /// The journal's recent pain in words, when it has entries.
    public let painSummary: String?
    /// Holds that pain put on this day.
    public let holds: [PlanHold]
    /// Active warning signs, most urgent first: the day is the safe day while any is active.
    public let redFlags: [RedFlagNotice]
    /// The day the home self-tests are next due (`nil` while a warning sign is active).
    public let retestDue: LocalDate?
    /// Why the week is what it is: phase, gate, lighter week, running.
    public let weekReasons: [Reason]

    /// A warning sign holds the plan today: the day is a safe day, whatever else would shape it.
    public var isHeldByRedFlag: Bool { redFlags.contains(where: \.holdsThePlan) }

    /// Why the programme has no running, when the profile gives no run days: `today` says it
    /// as the plan does.
    public var noRunningReason: Reason? { weekReasons.first { $0.text == RunningWeek.noRunDays } }
}

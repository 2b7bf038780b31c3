import KneeCoachCore

/// The JSON shape of `today --json` (and `GET /api/v1/today`).
public struct TodayDocument: Codable, Equatable {
    public let date: String
    /// The programme's first day (weeks count from its ISO week).
    public let planStart: String
    /// The programme week (the same number as `programmeWeek`, kept for scripts).
    public let week: Int?
    public let programmeWeek: Int
    public let phase: String?
    public let deload: Bool
    public let sessions: [PlanDocument.Session]
    /// Holds that pain put on the day, each with its cause and last day.
    public let holds: [PlanDocument.Hold]
    /// Why the self-tests are due today, or `null`.
    public let retest: String?
    /// The day the self-tests are next due (`null` under a warning sign).
    public let retestDue: String?
    public let redFlags: [PlanDocument.RedFlag]
    /// The coaches' adjustments that apply on the day, as the plan applied them.
    public let adjustments: [PlanDocument.Adjustment]
    public let disclaimer: String

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(planStart, forKey: .planStart)
        try c.encode(week, forKey: .week)
        try c.encode(programmeWeek, forKey: .programmeWeek)
        try c.encode(phase, forKey: .phase)
        try c.encode(deload, forKey: .deload)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(holds, forKey: .holds)
        try c.encode(retest, forKey: .retest)
        try c.encode(retestDue, forKey: .retestDue)
        try c.encode(redFlags, forKey: .redFlags)
        try c.encode(adjustments, forKey: .adjustments)
        try c.encode(disclaimer, forKey: .disclaimer)
    }
}

extension TodayDocument {
    /// The day's prescription and the morning it came from, as `today --json` prints them.
    public init(day: LocalDate, planned: PlanDay, morning: MorningState, library: ExerciseLibrary) {
        self.init(
            date: day.description, planStart: morning.programmeStart.description, week: morning.programmeWeek,
            programmeWeek: morning.programmeWeek, phase: morning.phase.rawValue, deload: morning.deload,
            sessions: planned.sessions.map { PlanDocument.Session($0, library: library) },
            holds: planned.holds.map(PlanDocument.Hold.init), retest: planned.retest?.text,
            retestDue: morning.retestDue?.description, redFlags: morning.redFlags.map(PlanDocument.RedFlag.init),
            adjustments: planned.adjustments.map(PlanDocument.Adjustment.init), disclaimer: Disclaimer.text)
    }
}

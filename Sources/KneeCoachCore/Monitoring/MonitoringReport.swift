/// Everything `kneecoach status` shows, computed by ``Monitor/status(history:profile:today:weeks:planned:)``.
///
/// The property names are the fields of `status --json` in `INTERFACES.md`; the value encodes
/// to that JSON as it is (dates as `YYYY-MM-DD`).
public struct MonitoringReport: Sendable, Equatable, Encodable {
    /// The day judged.
    public let date: LocalDate
    /// The weekly pain and function trend in one or two sentences: the headline of `status`.
    public let headline: String
    /// Running and cross-training per ISO week, oldest first; the last week may be partial.
    public let weeklyKm: [WeekLoad]
    /// Weeks whose running rose sharply (`load.weeklyJumpPercent`), among the weeks shown.
    public let weeklyJumps: [WeeklyJump]
    /// Shown only; never used for the plan.
    public let acuteChronicRatio: AcuteChronicRatio?
    /// The largest single-run spike of the weeks shown, if any.
    public let longestRunSpike: RunSpike?
    /// Every single-run spike of the weeks shown, oldest first.
    public let spikes: [RunSpike]
    /// Days since the last day without a run; `nil` with no running logged.
    public let daysSinceRestDay: Int?
    public let painTrend: PainTrend
    public let shoes: ShoeReport
    public let cadence: CadenceReport
    /// Active warning signs of the profile and the journal, most urgent first; each stays
    /// until a clearance lifts it (see ``WarningSigns``).
    public let flags: [MonitorFlag]
    /// The last clearance by a clinician, if any.
    public let lastClearance: LocalDate?
    public let progress: ProgressReport
    public let adherence: AdherenceReport
    /// Entries left out because a value was impossible.
    public let skipped: [SkippedEntry]

    private enum CodingKeys: String, CodingKey {
        case date, headline, weeklyKm, weeklyJumps, acuteChronicRatio, longestRunSpike, spikes, daysSinceRestDay
        case painTrend, shoes, cadence, flags, lastClearance, progress, adherence, skipped
    }

    /// Every field is written, the empty ones as `null`, so that `status --json` always has them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(headline, forKey: .headline)
        try container.encode(weeklyKm, forKey: .weeklyKm)
        try container.encode(weeklyJumps, forKey: .weeklyJumps)
        try container.encode(acuteChronicRatio, forKey: .acuteChronicRatio)
        try container.encode(longestRunSpike, forKey: .longestRunSpike)
        try container.encode(spikes, forKey: .spikes)
        try container.encode(daysSinceRestDay, forKey: .daysSinceRestDay)
        try container.encode(painTrend, forKey: .painTrend)
        try container.encode(shoes, forKey: .shoes)
        try container.encode(cadence, forKey: .cadence)
        try container.encode(flags, forKey: .flags)
        try container.encode(lastClearance, forKey: .lastClearance)
        try container.encode(progress, forKey: .progress)
        try container.encode(adherence, forKey: .adherence)
        try container.encode(skipped, forKey: .skipped)
    }
}

/// Pain by week, the rule applied to each run and week, and pain against load.
public struct PainTrend: Sendable, Equatable, Encodable {
    public let weeks: [WeekPain]
    /// `rising`, `falling`, `steady` (last two weeks with pain logged) or `no-data`.
    public let direction: String
    /// The rule applied to each run of the weeks shown.
    public let runs: [RunPainCheck]
    public let versusLoad: PainVersusLoad
}

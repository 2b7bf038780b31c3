/// The acute:chronic workload ratio of running distance, for runners who know it. Shown only:
/// it never changes the plan (`load.acwr.useForDecisions`).
public struct AcuteChronicRatio: Sendable, Equatable, Encodable {
    /// Which variant: always `uncoupled-rolling-average`.
    public let variant: String
    /// Running kilometres of the last 7 days (the day being judged included).
    public let acuteKm: Double
    /// Mean weekly running kilometres of the 28 days before those 7.
    public let chronicWeeklyKm: Double
    public let ratio: Double
    /// The band the source calls comfortable, and the level it flags.
    public let bandLow: Double
    public let bandHigh: Double
    public let flagAt: Double
    /// `below`, `inside`, `above` or `flag` (at or past ``flagAt``).
    public let zone: String
    /// Why the number is information only.
    public let caveat: String
    public let evidence: [EvidenceKey]
}

/// Computes the acute:chronic ratio as an **uncoupled rolling average**: the acute window is
/// the last 7 days and the chronic load is the mean week of the 28 days *before* them.
///
/// Uncoupled, because in the coupled form the acute week is also a quarter of the chronic
/// load, so the two are correlated by construction and the ratio cannot exceed 4; rolling
/// averages rather than exponentially weighted ones, because they are what the band of
/// `load.acwr.band` was described with and a runner can check them by hand. Even so the ratio
/// comes from team sports, its thresholds are arbitrary, and in runners no positive link with
/// injury was found (`load.acwr.useForDecisions`), so KneeCoach shows it and never acts on it.
///
/// Days of the chronic window before the journal began count the profile's usual week, a
/// seventh of it a day (as the plan reads the weeks before the journal): in the first month a
/// runner who ran less than usual is not shown a ratio "above" the band.
enum AcuteChronic {
    static func ratio(_ index: HistoryIndex, profile: Profile? = nil) -> AcuteChronicRatio? {
        let windows = Evidence.loadAcwrWindows
        let acuteDays = Int(windows.quantity("acuteDays")?.lower ?? 7)
        let chronicDays = Int(windows.quantity("chronicDays")?.lower ?? 28)
        let today = index.through.dayNumber
        let acute = index.runningKm(from: today - acuteDays + 1, to: today)
        let chronicFrom = today - acuteDays - chronicDays + 1
        var chronicTotal = index.runningKm(from: chronicFrom, to: today - acuteDays)
        if let weekly = profile?.weeklyDistanceKm, weekly > 0, let began = index.began?.dayNumber, began > chronicFrom {
            chronicTotal += weekly / 7 * Double(min(began, today - acuteDays + 1) - chronicFrom)
        }
        let chronic = chronicTotal / (Double(chronicDays) / 7)
        guard chronic > 0 else { return nil }
        let band = Evidence.loadAcwrBand.quantity("ratio")
        let low = band?.lower ?? 0.8, high = band?.upper ?? 1.3
        let flag = Evidence.loadAcwrBand.quantity("flagRatio")?.lower ?? 1.5
        let ratio = acute / chronic
        let zone = ratio >= flag ? "flag" : ratio > high ? "above" : ratio < low ? "below" : "inside"
        return AcuteChronicRatio(
            variant: "uncoupled-rolling-average", acuteKm: decimal(acute, 2), chronicWeeklyKm: decimal(chronic, 2),
            ratio: decimal(ratio, 2), bandLow: low, bandHigh: high, flagAt: flag, zone: zone,
            caveat:
                "For information only: the last \(acuteDays) days against the average week of the \(chronicDays) days before them. The ratio comes from team sports, its cut-offs are arbitrary, and in runners it was not linked with injury, so KneeCoach never changes the plan because of it; the single-run spike is the signal it acts on.",
            evidence: [Evidence.loadAcwrBand.key, Evidence.loadAcwrUseForDecisions.key, windows.key])
    }
}

/// The runner's cadence: their own baseline, and with knee pain a modest target above it.
public struct CadenceReport: Sendable, Equatable, Encodable {
    /// Median steps per minute of the baseline runs; `nil` with too few runs that recorded cadence.
    public let baselineSpm: Double?
    public let baselineRuns: Int
    /// Median of the most recent runs with cadence.
    public let currentSpm: Double?
    /// Only when knee pain is present.
    public let targetSpm: Double?
    public let targetPercent: Double?
    /// How far from baseline to target the current cadence is, 0–100.
    public let progressPercent: Double?
    public let text: String
    public let evidence: EvidenceKey
}

/// Baseline, target and progress for cadence.
///
/// - Baseline: the median of up to the table's number of runs with cadence
///   (`cadence.baselineRuns`) taken *before* the current knee-pain episode began, so that
///   retraining does not drag the baseline up; with too few of those, the first runs of the
///   episode.
/// - Knee pain is present when the profile reports it or a pain entry above 0 lies in the last
///   28 days; the episode starts at the first such entry reached without a 28-day gap.
/// - Target: +`cadence.pfpRetrain` for front-of-knee pain, else the lower end of
///   `cadence.raisePercent` — modest, and changed gradually.
enum CadenceTarget {
    static func report(_ index: HistoryIndex, profile: Profile) -> CadenceReport {
        let counts = Evidence.cadenceBaselineRuns
        let most = Int(counts.quantity("runs")?.upper ?? 10), least = Int(counts.quantity("runs")?.lower ?? 3)
        let recentCount = Int(counts.quantity("recentRuns")?.lower ?? 3)
        let withCadence = index.runs.compactMap { run in run.cadenceSpm.map { (date: run.date, spm: $0) } }
        let gap = Int(Evidence.loadAcwrWindows.quantity("chronicDays")?.lower ?? 28)
        let episode = painEpisodeStart(index, profile: profile, gapDays: gap)

        var baselineRuns = Array(withCadence.suffix(most))
        if let episode {
            let before = withCadence.filter { $0.date < episode }.suffix(most)
            baselineRuns = before.count >= least ? Array(before) : Array(withCadence.filter { $0.date >= episode }.prefix(most))
        }
        guard baselineRuns.count >= least else {
            return CadenceReport(
                baselineSpm: nil, baselineRuns: baselineRuns.count, currentSpm: median(withCadence.suffix(recentCount).map(\.spm)),
                targetSpm: nil, targetPercent: nil, progressPercent: nil,
                text: "Fewer than \(least) runs recorded cadence, so there is no baseline yet; a watch or phone that counts steps records it.",
                evidence: Evidence.cadenceRaisePercent.key)
        }
        let baseline = median(baselineRuns.map(\.spm)) ?? 0
        let current = median(withCadence.suffix(recentCount).map(\.spm))
        guard episode != nil else {
            return CadenceReport(
                baselineSpm: decimal(baseline, 1), baselineRuns: baselineRuns.count, currentSpm: current.map { decimal($0, 1) },
                targetSpm: nil, targetPercent: nil, progressPercent: nil,
                text: "Your usual cadence is about \(Int(baseline.rounded())) steps a minute. With no knee pain there is no need to change it.",
                evidence: Evidence.cadenceRaisePercent.key)
        }
        let front = profile.pain?.location == .front || latestLocation(index) == PainLocation.front.rawValue
        let row = front ? Evidence.cadencePfpRetrain : Evidence.cadenceRaisePercent
        let percent = row.quantity("percent")?.lower ?? 5
        let target = baseline * (1 + percent / 100)
        let progress = current.map { max(0, min(100, ($0 - baseline) / (target - baseline) * 100)) }
        let now = current.map { " Your last runs averaged about \(Int($0.rounded())), \(Int((progress ?? 0).rounded())) % of the way there." } ?? ""
        return CadenceReport(
            baselineSpm: decimal(baseline, 1), baselineRuns: baselineRuns.count, currentSpm: current.map { decimal($0, 1) },
            targetSpm: decimal(target, 1), targetPercent: percent, progressPercent: progress.map { decimal($0, 0) },
            text:
                "With knee pain, a slightly quicker step takes load off the knee: from your usual \(Int(baseline.rounded())) steps a minute, aim for about \(Int(target.rounded())) (+\(percent.plainText) %), a little at a time."
                + now,
            evidence: row.key)
    }

    /// The first day of the current knee-pain episode, or `nil` without knee pain.
    static func painEpisodeStart(_ index: HistoryIndex, profile: Profile, gapDays: Int) -> LocalDate? {
        let painful = index.pain.filter { $0.level > 0 }
        if let last = painful.last, index.through.dayNumber - last.date.dayNumber < gapDays {
            var start = last.date
            for entry in painful.reversed() {
                if start.dayNumber - entry.date.dayNumber > gapDays { break }
                start = entry.date
            }
            return start
        }
        guard let pain = profile.pain, pain.level > 0 else { return nil }
        let weeks = pain.sinceWeeks ?? 0
        return index.through.adding(days: -Int((weeks * 7).rounded()))
    }

    private static func latestLocation(_ index: HistoryIndex) -> String? {
        index.pain.last { $0.level > 0 && $0.location != nil }?.location?.lowercased()
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// A run longer than the longest run of the previous 30 days by more than
/// `load.singleRunSpikePercent` — the best-supported load signal for runners.
public struct RunSpike: Sendable, Equatable, Encodable {
    public let date: LocalDate
    public let distanceKm: Double
    /// The longest run of the 30 days before this run's day.
    public let previousLongestKm: Double
    public let percentOver: Double
    public let reason: String
    public let evidence: EvidenceKey
}

/// Finds single-run spikes with one pass over the days.
///
/// The longest run of the previous 30 days is a sliding-window maximum over the daily longest
/// runs, kept in a monotonic queue, so 10 years of daily runs cost O(days), not O(days × 30).
/// A run with no run in the 30 days before it has nothing to compare with and is not a spike
/// (a restart after a break is the plan's business, not a spike).
///
/// Until the journal covers the 30 days, the profile's longest recent run counts as run on
/// the day before the journal began: a runner whose profile says 8 km, and who logs 3 km and
/// then 6 km in the first weeks, has not spiked (the plan is stricter: ``DayLedger/ruleLongest(from:to:)``).
enum RunSpikes {
    static var percent: Double { Evidence.loadSingleRunSpikePercent.quantity("percent")?.upper ?? 10 }
    static var windowDays: Int { Int(Evidence.loadSingleRunSpikePercent.quantity("days")?.lower ?? 30) }

    /// Every spike in the history, oldest first; only runs on or after `from` are reported.
    /// With `profile`, its longest recent run stands for the days before the journal began.
    static func spikes(_ index: HistoryIndex, from: LocalDate? = nil, profile: Profile? = nil) -> [RunSpike] {
        let previous = previousLongest(index)
        let threshold = 1 + percent / 100
        let assumed = profile.flatMap { assumedLongest(index, profile: $0) }
        var spikes: [RunSpike] = []
        for run in index.runs where from.map({ run.date >= $0 }) ?? true {
            let journal = previous[run.date.dayNumber - index.firstDay]
            guard journal > 0 else { continue }
            var reference = journal
            var before = "the longest run of the \(windowDays) days before it (\(journal.kmText))"
            if let assumed, run.date.dayNumber - assumed.day <= windowDays, assumed.km > journal {
                reference = assumed.km
                before = "the longest recent run of your profile (\(assumed.km.kmText)), which stands for the weeks before your journal began"
            }
            guard run.distanceKm > reference * threshold else { continue }
            let over = (run.distanceKm / reference - 1) * 100
            spikes.append(
                RunSpike(
                    date: run.date, distanceKm: decimal(run.distanceKm, 2), previousLongestKm: decimal(reference, 2),
                    percentOver: decimal(over, 1),
                    reason:
                        "The \(run.distanceKm.kmText) run on \(run.date) was \(Int(over.rounded())) % longer than \(before); single runs more than \(percent.plainText) % past that went with more injuries.",
                    evidence: Evidence.loadSingleRunSpikePercent.key))
        }
        return spikes
    }

    /// The profile's longest recent run, dated the day before the journal's first run,
    /// activity, session or pain entry; `nil` without one.
    static func assumedLongest(_ index: HistoryIndex, profile: Profile) -> (day: Int, km: Double)? {
        guard let km = profile.longestRecentRunKm, km > 0 else { return nil }
        guard let began = index.began else { return nil }
        return (began.dayNumber - 1, km)
    }

    /// For each day of the index, the longest run of the `windowDays` days before it.
    static func previousLongest(_ index: HistoryIndex) -> [Double] {
        let longest = index.dailyLongestKm
        var result = Array(repeating: 0.0, count: longest.count)
        var queue: [Int] = []  // day indices with decreasing distances
        var head = 0
        let window = windowDays
        for day in 0..<longest.count {
            // The window for `day` is days day-window ... day-1: add day-1, drop day-window-1.
            if day > 0 {
                let added = day - 1
                while queue.count > head, let last = queue.last, longest[last] <= longest[added] { queue.removeLast() }
                queue.append(added)
                if head > queue.count { head = queue.count }
            }
            while head < queue.count, queue[head] < day - window { head += 1 }
            result[day] = head < queue.count ? longest[queue[head]] : 0
        }
        return result
    }
}

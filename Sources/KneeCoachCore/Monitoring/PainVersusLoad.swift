/// Does pain follow the spikes? Next-morning pain after spike runs set against other runs.
public struct PainVersusLoad: Sendable, Equatable, Encodable {
    /// Spike days with a next-morning entry the day after.
    public let spikeDays: Int
    /// Other run days with a next-morning entry the day after.
    public let otherRunDays: Int
    public let meanNextMorningAfterSpikes: Double?
    public let meanNextMorningOtherwise: Double?
    /// Whether mornings after spikes were worse on average; `nil` when either group is empty.
    public let painFollowsSpikes: Bool?
    public let text: String
}

/// Sets next-morning pain after single-run spike days against the mornings after other run
/// days, over the whole history. Only days with a next-morning entry count, so a runner who
/// logs little gets "not enough entries" rather than a guess.
enum PainAgainstLoad {
    static func compare(_ index: HistoryIndex, spikes: [RunSpike], rule: PainRule) -> PainVersusLoad {
        let spikeDays = Set(spikes.map(\.date.dayNumber))
        var runDays: [Int] = []
        for run in index.runs where runDays.last != run.date.dayNumber { runDays.append(run.date.dayNumber) }
        var spikeLevels: [Int] = [], otherLevels: [Int] = []
        for day in runDays {
            guard let morning = rule.level(.nextMorning, on: day + 1) else { continue }
            if spikeDays.contains(day) { spikeLevels.append(morning) } else { otherLevels.append(morning) }
        }
        func mean(_ values: [Int]) -> Double? {
            values.isEmpty ? nil : decimal(Double(values.reduce(0, +)) / Double(values.count), 1)
        }
        let afterSpikes = mean(spikeLevels), otherwise = mean(otherLevels)
        let follows: Bool? = afterSpikes.flatMap { spike in otherwise.map { spike > $0 } }
        let text: String
        switch (afterSpikes, otherwise, follows) {
        case (let spike?, let other?, true?):
            text =
                "Pain follows the spikes: mornings after a spike run averaged \(spike.plainText)/10, against \(other.plainText)/10 after other runs."
        case (let spike?, let other?, _):
            text =
                "Pain does not follow the spikes: mornings after a spike run averaged \(spike.plainText)/10, against \(other.plainText)/10 after other runs."
        default:
            text =
                "Not enough next-morning entries after spike runs and after other runs to compare them; log pain the morning after a run."
        }
        return PainVersusLoad(
            spikeDays: spikeLevels.count, otherRunDays: otherLevels.count, meanNextMorningAfterSpikes: afterSpikes,
            meanNextMorningOtherwise: otherwise, painFollowsSpikes: follows, text: text)
    }
}

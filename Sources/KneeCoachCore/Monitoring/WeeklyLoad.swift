/// One ISO week (Monday to Sunday) of running and, apart from it, cross-training.
public struct WeekLoad: Sendable, Equatable, Encodable {
    /// The Monday.
    public let weekStart: LocalDate
    public let runningKm: Double
    public let runningSeconds: Double
    public let runs: Int
    /// Change of running distance against the week before, in percent; `nil` when that week had none.
    public let changePercent: Double?
    /// Cross-training is counted apart: it is not running load. The minutes are those of
    /// recorded activities; the sessions also count planned cross-training logged as done.
    public let crossTrainingMinutes: Double
    public let crossTrainingSessions: Int
    /// The week is still under way (it holds the day being judged).
    public let isPartial: Bool
}

/// A week whose running distance rose more than `load.weeklyJumpPercent` within two weeks.
public struct WeeklyJump: Sendable, Equatable, Encodable {
    public let weekStart: LocalDate
    public let km: Double
    /// The Monday of the lighter week it is set against (one or two weeks before).
    public let referenceWeekStart: LocalDate
    public let referenceKm: Double
    public let percent: Double
    public let reason: String
    public let evidence: EvidenceKey
}

/// Weekly running distance and time, week-on-week change, sharp weekly jumps, and days since
/// the last day without a run.
///
/// A jump compares a week with each of the two weeks before it and keeps the larger rise:
/// `load.weeklyJumpPercent` speaks of a rise "over two weeks", which both a one-week and a
/// two-week step can make. Weeks without running give no percentage, nor do weeks a warning
/// sign held: their running is what the sign left, and the plan restarts from the week before
/// it (`plan.restartAfterGapDays`).
enum WeeklyLoad {
    static var jumpPercent: Double { Evidence.loadWeeklyJumpPercent.quantity("percent")?.lower ?? 30 }
    static var jumpSpanWeeks: Int { Int(Evidence.loadWeeklyJumpPercent.quantity("weeks")?.lower ?? 2) }

    /// The last `count` ISO weeks up to the day being judged, oldest first.
    static func weeks(_ index: HistoryIndex, count: Int) -> [WeekLoad] {
        let current = index.through.isoWeekStart
        let starts = (0..<max(count, 0)).reversed().map { current.adding(days: -7 * $0) }
        guard let first = starts.first else { return [] }
        var crossMinutes: [Int: Double] = [:], crossCount: [Int: Int] = [:], crossDays: Set<Int> = []
        for activity in index.crossTraining where activity.date >= first {
            let week = activity.date.isoWeekStart.dayNumber
            crossMinutes[week, default: 0] += activity.durationSeconds / 60
            crossCount[week, default: 0] += 1
            crossDays.insert(activity.date.dayNumber)
        }
        // A planned cross-training session logged as done counts too (its minutes are not
        // known), unless a cross-training activity of that day already does.
        for session in index.sessions
        where session.date >= first && session.sessionKind == .crossTraining && !crossDays.contains(session.date.dayNumber) {
            crossCount[session.date.isoWeekStart.dayNumber, default: 0] += 1
        }
        return starts.map { start in
            let from = start.dayNumber, to = min(from + 6, index.through.dayNumber)
            let km = index.runningKm(from: from, to: to)
            let before = index.runningKm(from: from - 7, to: from - 1)
            return WeekLoad(
                weekStart: start, runningKm: decimal(km, 2),
                runningSeconds: decimal(index.runningSeconds(from: from, to: to), 0), runs: runCount(index, from, to),
                changePercent: before > 0 ? decimal((km / before - 1) * 100, 1) : nil,
                crossTrainingMinutes: decimal(crossMinutes[from] ?? 0, 1), crossTrainingSessions: crossCount[from] ?? 0,
                isPartial: to < from + 6)
        }
    }

    /// Sharp rises among the given weeks (each set against the two weeks before it).
    /// - Parameter heldBySign: Whether a warning sign held the plan in the week of a Monday.
    static func jumps(
        _ index: HistoryIndex, weekStarts: [LocalDate], heldBySign: (LocalDate) -> Bool = { _ in false }
    ) -> [WeeklyJump] {
        weekStarts.compactMap { jump(index, week: $0, heldBySign: heldBySign) }
    }

    /// The jump of one week, if its distance rose by more than the table's percentage.
    static func jump(
        _ index: HistoryIndex, week start: LocalDate, heldBySign: (LocalDate) -> Bool = { _ in false }
    ) -> WeeklyJump? {
        let from = start.dayNumber
        let km = index.runningKm(from: from, to: min(from + 6, index.through.dayNumber))
        guard km > 0 else { return nil }
        var best: (start: LocalDate, km: Double, percent: Double)?
        for back in 1...max(jumpSpanWeeks, 1) {
            let refStart = start.adding(days: -7 * back)
            let refKm = index.runningKm(from: refStart.dayNumber, to: refStart.dayNumber + 6)
            guard refKm > 0, !heldBySign(refStart) else { continue }
            let percent = (km / refKm - 1) * 100
            if percent > best?.percent ?? -.infinity { best = (refStart, refKm, percent) }
        }
        guard let best, best.percent > jumpPercent else { return nil }
        let reason =
            "The week of \(start) had \(km.kmText) of running, \(Int(best.percent.rounded())) % more than the week of \(best.start) (\(best.km.kmText)); rises of more than \(jumpPercent.plainText) % within \(jumpSpanWeeks) weeks went with more running injuries."
        return WeeklyJump(
            weekStart: start, km: decimal(km, 2), referenceWeekStart: best.start, referenceKm: decimal(best.km, 2),
            percent: decimal(best.percent, 1), reason: reason, evidence: Evidence.loadWeeklyJumpPercent.key)
    }

    /// Days since the last day without a run (0 when the day being judged has none); `nil`
    /// when there is no running at all.
    static func daysSinceRestDay(_ index: HistoryIndex) -> Int? {
        guard !index.runs.isEmpty else { return nil }
        var day = index.through.dayNumber
        while index.ranOn(day) { day -= 1 }
        return index.through.dayNumber - day
    }

    private static func runCount(_ index: HistoryIndex, _ from: Int, _ to: Int) -> Int {
        var count = 0
        for day in from...max(from, to) where day - index.firstDay >= 0 && day - index.firstDay < index.dailyRunCount.count {
            count += index.dailyRunCount[day - index.firstDay]
        }
        return count
    }
}

/// `value` rounded to `places` decimals, so that reports compare and print stably.
func decimal(_ value: Double, _ places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (value * scale).rounded() / scale
}

extension Double {
    /// Kilometres for a sentence: `12.5 km`.
    var kmText: String { "\(decimal(self, 1).plainText) km" }
}

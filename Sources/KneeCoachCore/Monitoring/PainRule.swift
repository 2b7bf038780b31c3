/// How a run or a week stands against the pain-monitoring rule of the evidence table.
public enum PainVerdict: String, Sendable, Equatable, Encodable {
    /// Every level logged at or below `pain.safeMax`.
    case green
    /// Above the green zone but within `pain.duringMax`, and settled by the next morning.
    case acceptable
    /// Past `pain.duringMax`, not settled by the next morning, or rising week on week.
    case broken
    /// No pain logged for it.
    case unknown
}

/// The pain logged around one run: during and after it, and the next morning.
public struct RunPainCheck: Sendable, Equatable, Encodable {
    public let date: LocalDate
    public let distanceKm: Double
    public let during: Int?
    public let after: Int?
    public let nextMorning: Int?
    public let verdict: PainVerdict
    public let reason: String
    public let evidence: EvidenceKey?
}

/// One ISO week of pain: the worst level of each timing, and whether the week kept the rule.
public struct WeekPain: Sendable, Equatable, Encodable {
    public let weekStart: LocalDate
    public let during: Int?
    public let after: Int?
    public let nextMorning: Int?
    public let rest: Int?
    /// The worst pain logged with an exercise session (`log session --pain`).
    public let exercise: Int?
    /// The worst level of the week, any timing.
    public let worst: Int?
    /// Worse than the week before (`pain.weekTrend`).
    public let rising: Bool
    public let verdict: PainVerdict
    public let reason: String?
}

/// The pain-monitoring rule (`pain.duringMax`, `pain.safeMax`, `pain.nextMorning`,
/// `pain.weekTrend`) applied to each run and to each week.
///
/// A next-morning entry is dated the morning it was felt and belongs to the runs of the day
/// before. "Back to usual by the next morning" is read as: the next-morning level is at or
/// below the runner's usual level (``UsualPain``: the green zone, or the settled baseline of
/// their journal or of an osteoarthritic knee). A run with no pain logged is `unknown`, never
/// assumed green or broken.
struct PainRule: Sendable {
    static var safe: Int { Int(Evidence.painSafeMax.quantity("painScore")?.upper ?? 2) }
    static var duringMax: Int { Int(Evidence.painDuringMax.quantity("painScore")?.upper ?? 5) }

    /// Worst level per timing and day, -1 for none; index 0 is ``firstDay``. Dense arrays
    /// rather than dictionaries: a decade of daily entries is looked up without hashing.
    private let worst: [[Int]]
    private let firstDay: Int
    /// The usual level before each day, index 0 is ``firstDay``.
    private let usual: [Int]
    private let usualPain: UsualPain

    init(_ index: HistoryIndex, usual usualPain: UsualPain = UsualPain(profile: nil)) {
        let first = min(
            index.firstDay, index.pain.first?.date.dayNumber ?? index.firstDay,
            index.sessions.first { $0.pain != nil }?.date.dayNumber ?? index.firstDay)
        // One day past the last, for the next-morning entry of the last day's run.
        let count = index.through.dayNumber - first + 2
        var worst = Array(repeating: Array(repeating: -1, count: max(count, 0)), count: 5)
        for entry in index.pain {
            let timing = Self.slot(entry.timing), day = entry.date.dayNumber - first
            worst[timing][day] = max(worst[timing][day], entry.level)
        }
        // Pain during an exercise session counts as pain during exercise, as with a run.
        for session in index.sessions {
            guard let level = session.pain else { continue }
            let day = session.date.dayNumber - first
            guard day >= 0, day < worst[Self.exerciseSlot].count else { continue }
            worst[Self.exerciseSlot][day] = max(worst[Self.exerciseSlot][day], level)
        }
        self.worst = worst
        firstDay = first
        self.usualPain = usualPain
        usual = usualPain.timeline(index.pain, firstDay: first, count: max(count, 0))
    }

    /// The runner's usual level on a day (from the entries of the days before it).
    func usual(on day: Int) -> Int {
        let i = day - firstDay
        return i >= 0 && i < usual.count ? usual[i] : usualPain.start
    }

    private static let exerciseSlot = 4

    private static func slot(_ timing: TrainingHistory.PainTiming) -> Int {
        switch timing {
        case .during: 0
        case .after: 1
        case .nextMorning: 2
        case .rest: 3
        }
    }

    /// The worst level of a timing on a day.
    func level(_ timing: TrainingHistory.PainTiming, on day: Int) -> Int? {
        let i = day - firstDay, row = worst[Self.slot(timing)]
        guard i >= 0, i < row.count, row[i] >= 0 else { return nil }
        return row[i]
    }

    /// The worst pain logged with an exercise session on a day.
    func exerciseLevel(on day: Int) -> Int? {
        let i = day - firstDay, row = worst[Self.exerciseSlot]
        guard i >= 0, i < row.count, row[i] >= 0 else { return nil }
        return row[i]
    }

    /// The worst level of any timing in the ISO week starting on `weekStart`. A next-morning
    /// entry counts in the week of the day it follows: Tuesday's to Monday's of the next week.
    func worstLevel(week weekStart: LocalDate) -> Int? {
        var result = -1
        for day in weekStart.dayNumber...(weekStart.dayNumber + 6) {
            for (slot, row) in worst.enumerated() {
                let i = day - firstDay + (slot == Self.slot(.nextMorning) ? 1 : 0)
                if i >= 0, i < row.count { result = max(result, row[i]) }
            }
        }
        return result >= 0 ? result : nil
    }

    /// The rule applied to one run.
    func check(_ run: TrainingHistory.Activity) -> RunPainCheck {
        let day = run.date.dayNumber
        let during = level(.during, on: day), after = level(.after, on: day)
        let morning = level(.nextMorning, on: day + 1)
        let (verdict, reason, evidence) = Self.verdict(
            date: run.date, during: during, after: after, nextMorning: morning, usual: usual(on: day + 1))
        return RunPainCheck(
            date: run.date, distanceKm: decimal(run.distanceKm, 2), during: during, after: after, nextMorning: morning,
            verdict: verdict, reason: reason, evidence: evidence)
    }

    static func verdict(date: LocalDate, during: Int?, after: Int?, nextMorning: Int?, usual: Int)
        -> (PainVerdict, String, EvidenceKey?)
    {
        let levels = [during, after, nextMorning].compactMap { $0 }
        guard !levels.isEmpty else { return (.unknown, "No pain was logged for the run on \(date).", nil) }
        if let worstRun = [during, after].compactMap({ $0 }).max(), worstRun > duringMax {
            return (
                .broken,
                "Pain reached \(worstRun)/10 with the run on \(date), past the \(duringMax)/10 a run may reach; cut back.",
                Evidence.painDuringMax.key
            )
        }
        if let nextMorning, nextMorning > usual {
            let settled = usual > safe ? "your usual \(usual)/10" : "\(usual)/10 or less"
            return (
                .broken,
                "Pain was \(nextMorning)/10 the morning after the run on \(date): it had not settled to \(settled) by the next morning.",
                Evidence.painNextMorning.key
            )
        }
        if levels.allSatisfy({ $0 <= safe }) {
            return (.green, "Pain stayed at \(safe)/10 or less with the run on \(date).", Evidence.painSafeMax.key)
        }
        return (
            .acceptable,
            "Pain went above \(safe)/10 with the run on \(date) but stayed within \(duringMax)/10 and had settled by the next morning.",
            Evidence.painDuringMax.key
        )
    }

    /// The first day of `days` with pain at rest, or a next-morning entry (the morning after
    /// each day), above the usual level of that day.
    private func unsettled(in days: ClosedRange<Int>) -> (day: Int, level: Int, words: String)? {
        for day in days {
            if let rest = level(.rest, on: day), rest > usual(on: day) { return (day, rest, "at rest") }
            if let morning = level(.nextMorning, on: day + 1), morning > usual(on: day + 1) {
                return (day + 1, morning, "in the morning")
            }
        }
        return nil
    }

    /// The rule applied to a week: its runs, and no rise over the week before.
    /// - Parameter runChecks: The checks of the runs of that week (others are ignored).
    func week(_ start: LocalDate, runChecks: [RunPainCheck]) -> WeekPain {
        let days = start.dayNumber...(start.dayNumber + 6)
        func worst(_ timing: TrainingHistory.PainTiming, shift: Int = 0) -> Int? {
            days.compactMap { level(timing, on: $0 + shift) }.max()
        }
        let thisWeek = worstLevel(week: start)
        let lastWeek = worstLevel(week: start.adding(days: -7))
        let rising = thisWeek != nil && lastWeek != nil && (thisWeek ?? 0) > (lastWeek ?? 0)
        let inWeek = runChecks.filter { days.contains($0.date.dayNumber) }
        var verdict: PainVerdict = thisWeek == nil ? .unknown : (thisWeek ?? 0) <= Self.safe ? .green : .acceptable
        var reason: String?
        let exercise = days.compactMap { day in exerciseLevel(on: day).map { (day, $0) } }
        if let broken = inWeek.first(where: { $0.verdict == .broken }) {
            verdict = .broken
            reason = broken.reason
        } else if let sore = exercise.first(where: { $0.1 > Self.duringMax }) {
            verdict = .broken
            reason = "Pain reached \(sore.1)/10 in an exercise session on \(LocalDate(dayNumber: sore.0)), past the \(Self.duringMax)/10 that exercise may reach; ease off that session."
        } else if let unsettled = unsettled(in: days) {
            // As the plan reads it (a pain hold): pain at rest, or on a morning, above the
            // usual level breaks the rule with or without a run the day before.
            verdict = .broken
            let usual = usual(on: unsettled.day)
            let settled = usual > Self.safe ? "your usual \(usual)/10" : "\(usual)/10 or less"
            reason = "Pain was \(unsettled.level)/10 \(unsettled.words) on \(LocalDate(dayNumber: unsettled.day)), above \(settled): the knee had not settled."
        } else if rising, let thisWeek, let lastWeek, thisWeek > usual(on: start.dayNumber) {
            verdict = .broken
            reason = "The worst pain of the week of \(start) was \(thisWeek)/10, up from \(lastWeek)/10 the week before; pain should not rise week on week."
        }
        return WeekPain(
            weekStart: start, during: worst(.during), after: worst(.after), nextMorning: worst(.nextMorning, shift: 1),
            rest: worst(.rest), exercise: exercise.map(\.1).max(), worst: thisWeek, rising: rising, verdict: verdict, reason: reason)
    }
}

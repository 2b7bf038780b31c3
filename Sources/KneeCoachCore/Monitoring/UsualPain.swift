/// The runner's usual pain: what "back to usual by the next morning" (`pain.nextMorning`)
/// means for this runner.
///
/// It starts at `pain.safeMax`, or, for a runner with knee osteoarthritis, at the level in
/// their profile (up to `pain.duringMax`) — their usual pain is rarely zero, and exercise
/// that returns to it within a day is the treatment (`oa.exercisePain`, `oa.core`). The
/// journal can bring it down, never up: once the last seven next-morning and at-rest levels
/// of the 28 days before (`load.acwr.windows`' chronic window) number three, their median
/// replaces it when lower, never below `pain.safeMax`. Pain that does not settle is not
/// "usual", however often it is logged.
public struct UsualPain: Sendable, Equatable {
    /// The level it starts from, and the highest it can be.
    public let start: Int
    /// Why ``start`` is what it is.
    public let startEvidence: EvidenceKey

    static var safe: Int { PainRule.safe }
    static var duringMax: Int { PainRule.duringMax }
    /// How far back settled levels count, in days.
    static var window: Int { Int(Evidence.loadAcwrWindows.quantity("chronicDays")?.lower ?? 28) }
    /// The most recent settled levels that count, and how many are needed.
    static let recent = 7
    static let needed = 3

    public init(profile: Profile?) {
        if let profile, profile.conditions.contains(.kneeOsteoarthritis), let level = profile.pain?.level {
            start = min(max(Self.safe, level), Self.duringMax)
            startEvidence = Evidence.oaExercisePain.key
        } else {
            start = Self.safe
            startEvidence = Evidence.painNextMorning.key
        }
    }

    /// The usual level from the settled levels that count on a day (the caller keeps those of
    /// the last ``window`` days; only the last ``recent`` are read).
    func level(from settled: some BidirectionalCollection<Int>) -> Int {
        let levels = settled.suffix(Self.recent).sorted()
        guard levels.count >= Self.needed else { return start }
        return min(max(Self.safe, levels[levels.count / 2]), start)
    }

    /// The usual level before each day of a history, from its settled (next-morning and
    /// at-rest) entries: element `i` is the level for day `firstDay + i`, counting only
    /// entries of earlier days.
    func timeline(_ pain: [TrainingHistory.Pain], firstDay: Int, count: Int) -> [Int] {
        let settled = pain.filter { $0.timing == .nextMorning || $0.timing == .rest }
            .map { (day: $0.date.dayNumber, level: $0.level) }.sorted { $0.day < $1.day }
        var result: [Int] = []
        result.reserveCapacity(max(count, 0))
        var end = 0  // settled[..<end] are before the day
        for i in 0..<max(count, 0) {
            let day = firstDay + i
            while end < settled.count, settled[end].day < day { end += 1 }
            var start = max(0, end - Self.recent)
            while start < end, day - settled[start].day > Self.window { start += 1 }
            result.append(level(from: settled[start..<end].map(\.level)))
        }
        return result
    }
}

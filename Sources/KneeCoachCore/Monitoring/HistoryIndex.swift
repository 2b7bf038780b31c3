import Foundation

/// An entry the monitor left out because one of its values is impossible, and why.
public struct SkippedEntry: Sendable, Equatable, Hashable, Encodable {
    public let date: LocalDate
    /// `activity`, `pain`, `shoe` or `function-score`.
    public let kind: String
    public let reason: String

    public init(date: LocalDate, kind: String, reason: String) {
        self.date = date
        self.kind = kind
        self.reason = reason
    }
}

extension LocalDate {
    /// The Monday of this date's ISO week.
    public var isoWeekStart: LocalDate { adding(days: 1 - weekday) }
}

/// The history sorted once and indexed by day, up to and including the day being judged.
///
/// Every rule reads this instead of the raw history: entries after `through` are left out,
/// impossible values are skipped (and listed), and daily running totals with prefix sums let
/// a rule total any window in constant time. Building it is O(n log n) for n entries plus
/// O(d) for the d days the history spans.
struct HistoryIndex: Sendable {
    let through: LocalDate
    /// Foot activities (running load), by date.
    let runs: [TrainingHistory.Activity]
    /// Cross-training, by date.
    let crossTraining: [TrainingHistory.Activity]
    let pain: [TrainingHistory.Pain]
    let notes: [TrainingHistory.Note]
    let sessions: [TrainingHistory.Session]
    /// Clearances by day, then by when they were recorded.
    let clearances: [TrainingHistory.Clearance]
    /// When the profile's warning signs were raised, if known.
    let profileSigns: TrainingHistory.Recorded?
    let shoes: [TrainingHistory.Shoe]
    let selfTests: [TrainingHistory.SelfTests]
    let functionScores: [TrainingHistory.FunctionScore]
    let skipped: [SkippedEntry]

    /// Day number of index 0 of the daily arrays (the first run's day, or `through`).
    let firstDay: Int

    /// The day the journal began: its first run, activity, session or pain entry. Before it,
    /// the profile's numbers stand for the runner's running.
    var began: LocalDate? {
        [runs.first?.date, crossTraining.first?.date, sessions.first?.date, pain.first?.date].compactMap { $0 }.min()
    }
    /// Running kilometres per day, `firstDay` through `through`.
    let dailyKm: [Double]
    /// The longest single run per day.
    let dailyLongestKm: [Double]
    /// How many foot activities per day.
    let dailyRunCount: [Int]
    /// `prefixKm[i]` is the running distance of days before index `i`.
    private let prefixKm: [Double]
    private let prefixSeconds: [Double]

    init(_ history: TrainingHistory, through: LocalDate) {
        self.through = through
        var skipped: [SkippedEntry] = []
        var runs: [TrainingHistory.Activity] = []
        var cross: [TrainingHistory.Activity] = []
        for var activity in history.activities where activity.date <= through {
            guard activity.distanceKm.isFinite, activity.distanceKm >= 0 else {
                skipped.append(.init(date: activity.date, kind: "activity", reason: "distance \(activity.distanceKm) km is not a distance"))
                continue
            }
            guard activity.durationSeconds.isFinite, activity.durationSeconds >= 0 else {
                skipped.append(.init(date: activity.date, kind: "activity", reason: "duration \(activity.durationSeconds) s is not a duration"))
                continue
            }
            if let cadence = activity.cadenceSpm, !(cadence.isFinite && cadence > 0) {
                skipped.append(.init(date: activity.date, kind: "activity", reason: "cadence \(cadence) steps/min is not a cadence; the run counts without it"))
                activity.cadenceSpm = nil
            }
            if activity.isFoot { runs.append(activity) } else { cross.append(activity) }
        }
        let byDate: (TrainingHistory.Activity, TrainingHistory.Activity) -> Bool = {
            ($0.date, $0.distanceKm, $0.durationSeconds) < ($1.date, $1.distanceKm, $1.durationSeconds)
        }
        self.runs = runs.sorted(by: byDate)
        crossTraining = cross.sorted(by: byDate)

        var pain: [TrainingHistory.Pain] = []
        for entry in history.pain where entry.date <= through {
            guard (0...10).contains(entry.level) else {
                skipped.append(.init(date: entry.date, kind: "pain", reason: "level \(entry.level) is outside 0–10"))
                continue
            }
            pain.append(entry)
        }
        self.pain = pain.sorted { ($0.date, Self.rank($0.timing)) < ($1.date, Self.rank($1.timing)) }
        notes = history.notes.filter { $0.date <= through }.sorted { $0.date < $1.date }
        sessions = history.sessions.filter { $0.date <= through }.sorted { $0.date < $1.date }
        clearances = history.clearances.filter { $0.date <= through }.sorted {
            ($0.date, $0.recordedAt ?? .distantPast) < ($1.date, $1.recordedAt ?? .distantPast)
        }
        profileSigns = history.profileSigns
        var shoes: [TrainingHistory.Shoe] = []
        for shoe in history.shoes {
            guard shoe.startKm.isFinite, shoe.startKm >= 0 else {
                skipped.append(.init(date: through, kind: "shoe", reason: "\(shoe.name): start distance \(shoe.startKm) km is not a distance"))
                continue
            }
            shoes.append(shoe)
        }
        self.shoes = shoes.sorted { $0.id < $1.id }
        selfTests = history.selfTests.filter { $0.date <= through }.sorted { $0.date < $1.date }
        var scores: [TrainingHistory.FunctionScore] = []
        for score in history.functionScores where score.date <= through {
            let values = [score.stairs, score.squatting, score.running].compactMap { $0 }
            guard values.allSatisfy({ (0...10).contains($0) }) else {
                skipped.append(.init(date: score.date, kind: "function-score", reason: "ratings must be 0–10"))
                continue
            }
            scores.append(score)
        }
        functionScores = scores.sorted { $0.date < $1.date }
        self.skipped = skipped.sorted { ($0.date, $0.kind, $0.reason) < ($1.date, $1.kind, $1.reason) }

        let first = self.runs.first?.date.dayNumber ?? through.dayNumber
        firstDay = first
        let count = through.dayNumber - first + 1
        var km = Array(repeating: 0.0, count: count)
        var longest = Array(repeating: 0.0, count: count)
        var seconds = Array(repeating: 0.0, count: count)
        var runCount = Array(repeating: 0, count: count)
        for run in self.runs {
            let i = run.date.dayNumber - first
            runCount[i] += 1
            km[i] += run.distanceKm
            longest[i] = max(longest[i], run.distanceKm)
            seconds[i] += run.durationSeconds
        }
        dailyKm = km
        dailyLongestKm = longest
        dailyRunCount = runCount
        var prefix = [0.0], prefixTime = [0.0]
        prefix.reserveCapacity(count + 1)
        prefixTime.reserveCapacity(count + 1)
        for i in 0..<count {
            prefix.append(prefix[i] + km[i])
            prefixTime.append(prefixTime[i] + seconds[i])
        }
        prefixKm = prefix
        prefixSeconds = prefixTime
    }

    /// Running kilometres from day number `from` through `to` (inclusive; clipped to the history).
    func runningKm(from: Int, to: Int) -> Double { sum(prefixKm, from: from, to: to) }

    /// Running seconds from day number `from` through `to` (inclusive).
    func runningSeconds(from: Int, to: Int) -> Double { sum(prefixSeconds, from: from, to: to) }

    /// Whether a run was logged on a day.
    func ranOn(_ day: Int) -> Bool {
        let i = day - firstDay
        return i >= 0 && i < dailyRunCount.count && dailyRunCount[i] > 0
    }

    private func sum(_ prefix: [Double], from: Int, to: Int) -> Double {
        let lo = max(from - firstDay, 0), hi = min(to - firstDay, prefix.count - 2)
        guard lo <= hi else { return 0 }
        return prefix[hi + 1] - prefix[lo]
    }

    private static func rank(_ timing: TrainingHistory.PainTiming) -> Int {
        switch timing {
        case .nextMorning: 0
        case .during: 1
        case .after: 2
        case .rest: 3
        }
    }
}

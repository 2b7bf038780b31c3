/// Planned against done, and streaks.
public struct AdherenceReport: Sendable, Equatable, Encodable {
    /// Planned sessions in the reported weeks up to the day being judged.
    public let planned: Int
    public let done: Int
    public let percent: Double?
    /// Planned sessions with nothing of their kind done that week.
    public let missed: [PlannedSessionRef]
    /// Planned days in a row (days without a planned session do not break it) with every session done.
    public let currentStreakDays: Int
    public let longestStreakDays: Int
    /// Days in a row up to the day being judged with any run, activity or session logged.
    public let trainingDaysInARow: Int
    public let text: String
}

/// Adherence per ISO week and kind: a planned session counts as done when a session of its
/// kind (for a run, a foot activity; for cross-training, also a cross-training activity) was
/// logged that week — done a day late still counts, but two done on one day do not make up
/// for more than were planned. Streaks count planned days done on the day itself.
enum Adherence {
    static func report(_ index: HistoryIndex, planned: [PlannedSessionRef], from: LocalDate) -> AdherenceReport {
        let window = planned.filter { $0.date >= from && $0.date <= index.through }
            .sorted { ($0.date, $0.kind.rawValue) < ($1.date, $1.kind.rawValue) }
        struct Key: Hashable {
            let week: Int
            let kind: SessionKind
        }
        var doneOn: Set<PlannedSessionRef> = []
        var doneCount: [Key: Int] = [:]
        let firstDay = from.isoWeekStart
        func record(_ date: LocalDate, _ kind: SessionKind) {
            guard date >= firstDay else { return }
            if doneOn.insert(PlannedSessionRef(date: date, kind: kind)).inserted {
                doneCount[Key(week: date.isoWeekStart.dayNumber, kind: kind), default: 0] += 1
            }
        }
        // Each list is sorted by date: only its tail reaches into the window.
        for session in index.sessions.reversed() {
            guard session.date >= firstDay else { break }
            if let kind = session.sessionKind { record(session.date, kind) }
        }
        for run in index.runs.reversed() {
            guard run.date >= firstDay else { break }
            record(run.date, .run)
        }
        for activity in index.crossTraining.reversed() {
            guard activity.date >= firstDay else { break }
            record(activity.date, .crossTraining)
        }

        var plannedCount: [Key: Int] = [:]
        for ref in window { plannedCount[Key(week: ref.date.isoWeekStart.dayNumber, kind: ref.kind), default: 0] += 1 }
        var done = 0
        var missed: [PlannedSessionRef] = []
        for (key, count) in plannedCount {
            let matched = min(count, doneCount[key] ?? 0)
            done += matched
            let refs = window.filter { Key(week: $0.date.isoWeekStart.dayNumber, kind: $0.kind) == key }
            missed += refs.filter { !doneOn.contains($0) }.prefix(count - matched)
        }
        missed.sort { ($0.date, $0.kind.rawValue) < ($1.date, $1.kind.rawValue) }

        // Streaks over planned days.
        var days: [(date: LocalDate, kept: Bool)] = []
        for ref in window {
            let kept = doneOn.contains(ref)
            if days.last?.date == ref.date {
                days[days.count - 1].kept = days[days.count - 1].kept && kept
            } else {
                days.append((ref.date, kept))
            }
        }
        var longest = 0, run = 0
        for day in days {
            run = day.kept ? run + 1 : 0
            longest = max(longest, run)
        }
        var current = 0
        for (offset, day) in days.reversed().enumerated() {
            if !day.kept {
                // Today's sessions may still be ahead: an unfinished today does not break the streak.
                if offset == 0 && day.date == index.through { continue }
                break
            }
            current += 1
        }

        let percent = window.isEmpty ? nil : decimal(Double(done) / Double(window.count) * 100, 0)
        let text =
            window.isEmpty
            ? "No planned sessions to compare with."
            : "\(done) of \(window.count) planned sessions done (\(Int(percent ?? 0)) %)."
                + (missed.isEmpty ? "" : " Missed sessions are not made up: the plan simply carries on.")
        return AdherenceReport(
            planned: window.count, done: done, percent: percent, missed: missed, currentStreakDays: current,
            longestStreakDays: longest, trainingDaysInARow: trainingDays(index, doneOn: doneOn), text: text)
    }

    private static func trainingDays(_ index: HistoryIndex, doneOn: Set<PlannedSessionRef>) -> Int {
        let days = Set(doneOn.map(\.date.dayNumber))
        var day = index.through.dayNumber, count = 0
        while days.contains(day) {
            count += 1
            day -= 1
        }
        return count
    }
}

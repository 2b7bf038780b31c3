import Foundation
@testable import KneeCoachCore

/// Builds journals that tell a story, day by day from a fixed Monday.
struct Journal {
    /// Monday 2026-10-05.
    static let monday = LocalDate(year: 2026, month: 10, day: 5) ?? LocalDate(dayNumber: 0)

    var history = TrainingHistory()
    /// The instant the next pain entry, note or clearance is recorded: entries are recorded in
    /// the order the test logs them, a millisecond apart, as the store does.
    var clock = Date(timeIntervalSince1970: 1_790_000_000)

    /// The recording instant of the next entry.
    mutating func tick() -> Date {
        clock = clock.addingTimeInterval(0.001)
        return clock
    }

    /// The date `offset` days after ``monday``.
    static func day(_ offset: Int) -> LocalDate { monday.adding(days: offset) }

    /// A run on day `offset` at 6 min/km.
    mutating func run(_ offset: Int, km: Double, cadence: Double? = nil, shoe: Int64? = nil) {
        history.activities.append(
            .init(date: Self.day(offset), distanceKm: km, durationSeconds: km * 360, cadenceSpm: cadence, shoeID: shoe))
    }

    /// Runs of `km` on Monday, Wednesday and Friday of week `week` (0-based).
    mutating func week(_ week: Int, runs: [Double]) {
        for (i, km) in runs.enumerated() { run(week * 7 + [0, 2, 4, 5, 6][i], km: km) }
    }

    mutating func pain(
        _ offset: Int, _ timing: TrainingHistory.PainTiming, _ level: Int,
        _ change: (inout TrainingHistory.Pain) -> Void = { _ in }
    ) {
        var entry = TrainingHistory.Pain(
            date: Self.day(offset), timing: timing, level: level, location: "front", recordedAt: tick())
        change(&entry)
        history.pain.append(entry)
    }

    mutating func note(_ offset: Int, _ text: String) {
        history.notes.append(.init(date: Self.day(offset), text: text, recordedAt: tick()))
    }

    mutating func session(_ offset: Int, _ kind: SessionKind, pain: Int? = nil) {
        history.sessions.append(.init(date: Self.day(offset), kind: kind.rawValue, pain: pain))
    }

    mutating func cleared(_ offset: Int) { history.clearances.append(.init(date: Self.day(offset), recordedAt: tick())) }

    /// The profile is saved now: its warning signs count as raised at this instant.
    mutating func profileSaved(_ offset: Int) {
        history.profileSigns = TrainingHistory.Recorded(date: Self.day(offset), at: tick())
    }

    static let profile = Profile(
        age: 40, experience: .intermediate, weeklyDistanceKm: 20, runsPerWeek: 3, longestRecentRunKm: 8,
        goal: .stayHealthy, minutesPerDay: 40, equipment: Equipment.allCases)

    func status(on offset: Int, weeks: Int = 8, profile: Profile = Journal.profile, planned: [PlannedSessionRef] = [])
        throws -> MonitoringReport
    {
        try Monitor.status(history: history, profile: profile, today: Self.day(offset), weeks: weeks, planned: planned)
    }
}

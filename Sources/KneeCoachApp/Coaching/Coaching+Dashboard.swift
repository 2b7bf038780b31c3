import Foundation
import KneeCoachCore
import KneeCoachStore

/// The coach's dashboard and a club's board.
extension Coaching {
    /// One runner on the coach's dashboard: the link, and with the `status` scope, what needs
    /// attention (`nil` when the runner shares no status, or has no profile yet).
    public struct DashboardRow: Sendable {
        public let link: CoachLinkRecord
        public let attention: AttentionReport?
    }

    /// The coach's runners, those who need attention first: an active warning sign, then pain
    /// breaking the rule, a spike, missed sessions, nothing logged for a week; then the rest,
    /// and last those who share no status. Each runner is read on their own today (their
    /// profile's time zone). Records the read in each shown runner's access log.
    /// - Parameter clubID: Only the runners of this club of the coach's.
    public func dashboard(coach: UserID, clubID: Int64? = nil, now: Date = Date()) async throws -> [DashboardRow] {
        var links = try await store.coachLinks(coachID: coach)
        if let clubID { links = links.filter { $0.clubID == clubID } }
        let shared = links.filter { $0.scopes.contains(CoachScope.status.rawValue) }
        let assessed = try await attention(of: shared.map(\.runnerID), now: now)
        try await logRead(clubID == nil ? "dashboard" : "club board", by: coach, of: shared, now: now)
        let rows = links.map { DashboardRow(link: $0, attention: assessed[$0.runnerID]) }
        return rows.sorted { a, b in
            let left = a.attention?.rank ?? Int.max, right = b.attention?.rank ?? Int.max
            if left != right { return left < right }
            let leftDate = a.attention?.reasons.first?.date, rightDate = b.attention?.reasons.first?.date
            if leftDate != rightDate, let leftDate, let rightDate { return leftDate > rightDate }
            return a.link.runnerName.localizedStandardCompare(b.link.runnerName) == .orderedAscending
        }
    }

    /// What needs attention for each of these runners on their own today, read in one query
    /// per table (``JournalStore/runnerWindows(_:from:through:)``).
    func attention(of runners: [UserID], now: Date) async throws -> [UserID: AttentionReport] {
        guard !runners.isEmpty else { return [:] }
        // The window is read to the latest today of any time zone, and each runner judged on their own.
        let latest = LocalDate.today(in: TimeZone(secondsFromGMT: 14 * 3600) ?? .gmt, now: now)
        let earliest = LocalDate.today(in: TimeZone(secondsFromGMT: -12 * 3600) ?? .gmt, now: now)
        let windows = try await store.runnerWindows(
            runners, from: earliest.adding(days: -Attention.windowDays), through: latest)
        var reports: [UserID: AttentionReport] = [:]
        for (runner, window) in windows {
            guard let json = window.profileJSON, let profile = try? Profile(jsonData: Data(json.utf8)) else { continue }
            let zone = profile.timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
            let today = LocalDate.today(in: zone, now: now)
            reports[runner] = Attention.assess(
                history: window.history(zone: zone), profile: profile, today: today, programmeStart: window.programmeStart)
        }
        return reports
    }
}

extension RunnerWindow {
    /// The window as the plain values Core reads.
    func history(zone: TimeZone) -> TrainingHistory {
        TrainingHistory(
            activities: activities.map(TrainingHistory.Activity.init),
            pain: pain.map(TrainingHistory.Pain.init),
            notes: notes.map(TrainingHistory.Note.init), sessions: sessions.map(TrainingHistory.Session.init),
            clearances: clearances.map(TrainingHistory.Clearance.init),
            profileSigns: profileSignsRecordedMs.flatMap { ms -> TrainingHistory.Recorded? in
                let at = Date(milliseconds: ms)
                return LocalDate(instant: at, in: zone).map { TrainingHistory.Recorded(date: $0, at: at) }
            })
    }
}

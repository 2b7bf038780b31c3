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

    /// What needs attention for each of these runners on their own today.
    ///
    /// A runner's report is kept (``JournalStore/keepAttention(_:now:)``) with the journal's
    /// revision, their day and time zone, and ``attentionRelease``: while none of these has
    /// moved, the kept report is the answer, so a dashboard opened again judges only the
    /// runners who logged something since, or whose day turned. The others' windows are read
    /// in one query per table (``JournalStore/runnerWindows(_:from:through:)``).
    func attention(of runners: [UserID], now: Date) async throws -> [UserID: AttentionReport] {
        guard !runners.isEmpty else { return [:] }
        let kept = try await store.keptAttention(runners)
        var reports: [UserID: AttentionReport] = [:]
        for runner in runners {
            guard let entry = kept[runner], let report = Self.current(entry.kept, revision: entry.revision, now: now) else { continue }
            reports[runner] = report
        }
        let stale = runners.filter { reports[$0] == nil }
        return try await reports.merging(judge(stale, revisions: kept.mapValues(\.revision), now: now)) { kept, _ in kept }
    }

    /// Reads these runners' windows in one query per table
    /// (``JournalStore/runnerWindows(_:from:through:)``), judges each on their own today, and
    /// keeps each report at the journal's revision read before the windows.
    private func judge(_ runners: [UserID], revisions: [UserID: Int64], now: Date) async throws -> [UserID: AttentionReport] {
        guard !runners.isEmpty else { return [:] }
        // The window is read to the latest today of any time zone, and each runner judged on their own.
        let latest = LocalDate.today(in: TimeZone(secondsFromGMT: 14 * 3600) ?? .gmt, now: now)
        let earliest = LocalDate.today(in: TimeZone(secondsFromGMT: -12 * 3600) ?? .gmt, now: now)
        let windows = try await store.runnerWindows(runners, from: earliest.adding(days: -Attention.windowDays), through: latest)
        var reports: [UserID: AttentionReport] = [:]
        var toKeep: [UserID: KeptAttention] = [:]
        for (runner, window) in windows {
            guard let json = window.profileJSON, let profile = try? Profile(jsonData: Data(json.utf8)) else { continue }
            let zone = profile.timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
            let today = LocalDate.today(in: zone, now: now)
            let report = Attention.assess(
                history: window.history(zone: zone), profile: profile, today: today, programmeStart: window.programmeStart)
            reports[runner] = report
            if let revision = revisions[runner], let encoded = try? Self.reportEncoder.encode(report) {
                toKeep[runner] = KeptAttention(
                    day: today, timeZone: zone.identifier, revision: revision, release: Self.attentionRelease,
                    reportJSON: String(decoding: encoded, as: UTF8.self))
            }
        }
        // Keeping them only saves the next dashboard work: a failure here leaves this one as it is.
        try? await store.keepAttention(toKeep, now: now)
        return reports
    }

    /// Judges again every runner who shares `status` with a coach and whose kept report no
    /// longer holds (they logged something, or their day turned), so that a coach's next
    /// dashboard, the first one of the morning included, finds every report kept. A server runs
    /// it every few minutes in the background; it records nothing in the access log (no coach
    /// reads anything).
    /// - Parameter batch: How many runners are read and judged at once.
    /// - Returns: How many runners were judged.
    @discardableResult
    public func refreshKeptAttention(now: Date = Date(), batch: Int = 200) async throws -> Int {
        let runners = Array(Set(
            try await store.allLiveCoachLinks().filter { $0.scopes.contains(CoachScope.status.rawValue) }.map(\.runnerID)
        )).sorted { $0.rawValue < $1.rawValue }
        var judged = 0
        for start in stride(from: 0, to: runners.count, by: max(batch, 1)) {
            let group = Array(runners[start..<min(start + max(batch, 1), runners.count)])
            let kept = try await store.keptAttention(group)
            let stale = group.filter { runner in
                guard let entry = kept[runner] else { return false }
                return entry.kept.map { !Self.holds($0, revision: entry.revision, now: now) } ?? true
            }
            judged += try await judge(stale, revisions: kept.mapValues(\.revision), now: now).count
        }
        return judged
    }

    /// The release that judges the kept reports: a new one judges every runner again.
    static let attentionRelease = "\(KneeCoachVersion.current)+attention1"

    private static let reportEncoder = JSONEncoder()

    /// The kept report, if it still holds (``holds(_:revision:now:)``).
    private static func current(_ kept: KeptAttention?, revision: Int64, now: Date) -> AttentionReport? {
        guard let kept, holds(kept, revision: revision, now: now) else { return nil }
        return try? JSONDecoder().decode(AttentionReport.self, from: Data(kept.reportJSON.utf8))
    }

    /// Whether a kept report still holds: judged by this release, at the journal's current
    /// revision, on what is still the runner's today in their time zone.
    private static func holds(_ kept: KeptAttention, revision: Int64, now: Date) -> Bool {
        guard kept.revision == revision, kept.release == attentionRelease, let zone = TimeZone(identifier: kept.timeZone)
        else { return false }
        return LocalDate.today(in: zone, now: now) == kept.day
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

/// What needs a coach's attention about one runner on a day, most urgent first: an active
/// warning sign, pain breaking the rule, a single-run spike, plan sessions not logged, or no
/// entries at all. The coach's dashboard sorts runners by it.
///
/// It reads a short window of the journal (``windowDays``, plus the warning signs before it
/// and every clearance) so that a dashboard of many runners stays fast; the runner's own
/// `status` remains the full account, adherence against each morning's prescription included.
///
/// ```swift
/// let report = Attention.assess(history: history, profile: profile, today: today)
/// report.reasons.first?.text   // "Warning sign: the knee gave way (pain entry of 2026-12-03)"
/// ```
public enum Attention {
    /// How many days before the day judged the dashboard reads in full: the 30-day window of
    /// the single-run spike rule and the days of the week it falls in.
    public static let windowDays = 37
    /// Days without a logged plan session before the dashboard calls sessions missed.
    public static let missedSessionDays = 5
    /// Days without any entry before the dashboard calls a runner quiet.
    public static let quietDays = 7

    /// The assessment of one runner on `today`.
    /// - Parameters:
    ///   - history: The journal (at least the last ``windowDays`` days, earlier pain entries
    ///     with a warning sign, notes and clearances); entries after `today` are ignored.
    ///   - programmeStart: The day the runner's programme started: sessions are not missed
    ///     before it has run for ``missedSessionDays`` days.
    public static func assess(
        history: TrainingHistory, profile: Profile, today: LocalDate, programmeStart: LocalDate? = nil
    ) -> AttentionReport {
        let index = HistoryIndex(history, through: today)
        let weekAgo = today.adding(days: -6)
        var reasons: [AttentionReport.Reason] = JournalTriage.activeFlags(index, profile: profile).map { flag in
            .init(kind: .warningSign, date: flag.raisedOn, text: "Warning sign: \(flag.reason)")
        }
        if let broken = brokenPain(index, profile: profile, since: weekAgo) { reasons.append(broken) }
        if let spike = RunSpikes.spikes(index, from: weekAgo, profile: profile).max(by: { $0.percentOver < $1.percentOver }) {
            reasons.append(.init(kind: .spike, date: spike.date, text: spike.reason))
        }
        let lastSession = index.sessions.last?.date
        let lastEntry = [index.runs.last?.date, index.crossTraining.last?.date, index.pain.last?.date,
                         index.notes.last?.date, lastSession].compactMap { $0 }.max()
        let started = programmeStart.map { $0.days(until: today) >= missedSessionDays } ?? true
        if let lastEntry, lastEntry.days(until: today) >= quietDays {
            reasons.append(.init(kind: .quiet, date: lastEntry, text: "Nothing logged since \(lastEntry)."))
        } else if lastEntry == nil {
            reasons.append(.init(kind: .quiet, date: today, text: "Nothing logged yet."))
        } else if started, lastSession.map({ $0.days(until: today) >= missedSessionDays }) ?? true {
            let text = lastSession.map { "No plan session logged since \($0)." } ?? "No plan session logged yet."
            reasons.append(.init(kind: .missedSessions, date: lastSession ?? today, text: text))
        }
        return AttentionReport(
            date: today, reasons: reasons.sorted { $0.kind.rank < $1.kind.rank }, lastEntry: lastEntry,
            lastSession: lastSession, sessionsLast7Days: trainingDays(index).filter { $0 >= weekAgo }.count,
            weeksWithSessionsInARow: weeksInARow(index, today: today),
            worstPainLast7Days: index.pain.filter { $0.date >= weekAgo }.map(\.level).max())
    }

    /// The first run of the last seven days that broke the pain rule, or else this week's
    /// pain (an exercise session past the limit, pain rising week on week).
    private static func brokenPain(_ index: HistoryIndex, profile: Profile, since: LocalDate) -> AttentionReport.Reason? {
        let rule = PainRule(index, usual: UsualPain(profile: profile))
        let checks = index.runs.filter { $0.date >= since }.map(rule.check)
        if let run = checks.last(where: { $0.verdict == .broken }) {
            return .init(kind: .painRule, date: run.date, text: run.reason)
        }
        let week = rule.week(index.through.isoWeekStart, runChecks: checks)
        guard week.verdict == .broken, let reason = week.reason else { return nil }
        return .init(kind: .painRule, date: index.through, text: reason)
    }

    /// How many ISO weeks in a row, ending this week (or last week, while this one has none
    /// yet), have at least one plan session logged.
    /// The day of each session done: a plan session logged or a run, as adherence in status
    /// counts them (a coach reading only the strength sessions would under-read a runner).
    private static func trainingDays(_ index: HistoryIndex) -> [LocalDate] {
        index.sessions.map(\.date) + index.runs.map(\.date)
    }

    private static func weeksInARow(_ index: HistoryIndex, today: LocalDate) -> Int {
        let weeks = Set(trainingDays(index).map(\.isoWeekStart))
        var week = today.isoWeekStart
        if !weeks.contains(week) { week = week.adding(days: -7) }
        var count = 0
        while weeks.contains(week) {
            count += 1
            week = week.adding(days: -7)
        }
        return count
    }
}

/// One runner's attention report (see ``Attention``).
public struct AttentionReport: Sendable, Equatable, Codable {
    /// Why a runner needs attention, most urgent kind first.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        case warningSign = "warning-sign"
        case painRule = "pain-rule"
        case spike
        case missedSessions = "missed-sessions"
        case quiet

        /// The order a dashboard sorts in: a warning sign first.
        public var rank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }
    }

    public struct Reason: Sendable, Equatable, Codable {
        public let kind: Kind
        /// The day of the entry behind it.
        public let date: LocalDate
        public let text: String
    }

    public let date: LocalDate
    public let reasons: [Reason]
    /// The last day with any entry (a run, cross-training, pain, a note, a plan session).
    public let lastEntry: LocalDate?
    /// The last day a plan session (strength, mobility, …) was logged: what "missed sessions"
    /// reads. Runs are not plan sessions here; they count in ``lastEntry`` and the counts below.
    public let lastSession: LocalDate?
    /// Runs and plan sessions logged in the 7 days to the date.
    public let sessionsLast7Days: Int
    /// Weeks (Monday to Sunday) in a row with a run or a plan session logged, this one or the last counting.
    public let weeksWithSessionsInARow: Int
    public let worstPainLast7Days: Int?

    /// Where the runner sorts: the most urgent reason's rank, after every reason when none.
    public var rank: Int { reasons.first?.kind.rank ?? AttentionReport.Kind.allCases.count }
}

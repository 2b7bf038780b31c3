/// What the journal tells the planner, read once at the front of the pipeline (beside the
/// profile, into ``Needs``), so that history refines the decisions instead of patching a
/// finished plan. Every signal carries a reason that names the entry behind it.
struct JournalSignals: Sendable, Equatable {
    /// Active warning signs from pain entries and notes; each stops running and progression.
    var redFlags: [RedFlagNotice] = []
    /// A spike, a sharp weekly jump or pain breaking the rule in the last week: the first week
    /// is lighter and progression waits a week.
    var hold: [Reason] = []
    /// Complete weeks just before the plan with running inside the pain rule, most recent first.
    var painFreeWeeks: [LocalDate] = []
    /// How many of those weeks also had a strength session logged.
    var painFreeStrengthWeeks = 0
    /// How many of those weeks, counted from the most recent, had pain entries logged (a runner
    /// who reported pain must show that it settled, not merely log nothing).
    var painFreeLoggedWeeks = 0
    /// A strength session was logged the day before the plan starts.
    var strengthYesterday = false
    /// Mean weekly running of the last 28 days, when the journal covers them and has runs in them.
    var weeklyKm: Double?
    /// The longest run of the last 30 days, when the journal has one.
    var longestRunKm: Double?
    /// Whether the journal reaches back the full 30 days (so its longest run replaces the profile's).
    var coversSpikeWindow = false
    /// Knee pain above 0 logged in the last 28 days.
    var recentKneePain = false
    /// The last self-tests' day.
    var lastSelfTest: LocalDate?
    /// Other reasons for the first week (baseline from the journal, sessions not made up).
    var notes: [Reason] = []

    static let none = JournalSignals()

    init() {}

    /// - Parameter readsWarningSigns: Whether to triage the journal's warning signs (the
    ///   coach reads them day by day itself).
    /// - Parameter usual: How the runner's usual pain level is read (``UsualPain``).
    /// - Parameter profile: Its longest recent run stands for the days before the journal
    ///   began when single-run spikes are read (``RunSpikes``).
    init(
        history: TrainingHistory, start: LocalDate, readsWarningSigns: Bool = true, usual: UsualPain = UsualPain(profile: nil),
        profile: Profile? = nil
    ) {
        guard !history.isEmpty else { return }
        let index = HistoryIndex(history, through: start)
        if readsWarningSigns { redFlags = JournalTriage.activeFlags(index, usual: usual).map(\.notice) }
        lastSelfTest = index.selfTests.last?.date
        let today = start.dayNumber
        let chronic = Int(Evidence.loadAcwrWindows.quantity("chronicDays")?.lower ?? 28)
        recentKneePain = index.pain.contains { $0.level > 0 && today - $0.date.dayNumber <= chronic }
        strengthYesterday = index.sessions.contains { $0.date.dayNumber == today - 1 && $0.sessionKind == .strength }
        if strengthYesterday {
            notes.append(
                Reason(
                    "You logged a strength session on \(start.adding(days: -1)), so the plan's first day has none: strength days are never back to back.",
                    evidence: Evidence.strengthSessionsPerWeek.key))
        }
        readLoad(index, today: today, chronic: chronic)
        let rule = PainRule(index, usual: usual)
        readHold(index, start: start, rule: rule, profile: profile)
        readPainFreeWeeks(index, start: start, rule: rule)
        readMissed(index, today: today, chronic: chronic)
    }

    private mutating func readLoad(_ index: HistoryIndex, today: Int, chronic: Int) {
        let window = RunSpikes.windowDays
        let covered = today - index.firstDay
        let runsInWindow = index.runs.contains { today - $0.date.dayNumber <= window && $0.date.dayNumber < today }
        if runsInWindow {
            var longest = 0.0
            for run in index.runs.reversed() where run.date.dayNumber < today {
                if today - run.date.dayNumber > window { break }
                longest = max(longest, run.distanceKm)
            }
            longestRunKm = longest
            coversSpikeWindow = covered >= window
        }
        let recent = index.runningKm(from: today - chronic, to: today - 1)
        if covered >= chronic && recent > 0 {
            let km = recent / (Double(chronic) / 7)
            weeklyKm = km
            notes.append(
                Reason(
                    "Your usual week is taken from the journal: \(km.kmText) a week over the last \(chronic) days of logged runs.",
                    evidence: Evidence.loadWeeklyJumpPercent.key))
        }
    }

    private mutating func readHold(_ index: HistoryIndex, start: LocalDate, rule: PainRule, profile: Profile?) {
        let from = start.adding(days: -7)
        for spike in RunSpikes.spikes(index, from: from, profile: profile) {
            hold.append(Reason(spike.reason, evidence: spike.evidence))
        }
        let weeks = Set([start.adding(days: -1).isoWeekStart, start.isoWeekStart]).sorted()
        for week in weeks {
            if let jump = WeeklyLoad.jump(index, week: week) { hold.append(Reason(jump.reason, evidence: jump.evidence)) }
        }
        for run in index.runs where run.date >= from.adding(days: -1) {
            let check = rule.check(run)
            // A run's next-morning entry may fall on the first day of the window.
            guard check.verdict == .broken, run.date >= from || check.nextMorning != nil else { continue }
            hold.append(Reason(check.reason, evidence: check.evidence))
        }
        let lastWeek = start.adding(days: -1).isoWeekStart
        let week = rule.week(lastWeek, runChecks: [])
        if week.verdict == .broken, let reason = week.reason { hold.append(Reason(reason, evidence: Evidence.painWeekTrend.key)) }
        hold = hold.uniqued()
    }

    private mutating func readPainFreeWeeks(_ index: HistoryIndex, start: LocalDate, rule: PainRule) {
        let lengths = Evidence.planPhaseWeeks
        let most = Int((lengths.quantity("settleWeeks")?.lower ?? 2) + (lengths.quantity("buildWeeks")?.lower ?? 4))
        var week = start.isoWeekStart.adding(days: -7)
        while painFreeWeeks.count < most {
            let days = week.dayNumber...(week.dayNumber + 6)
            let runs = index.runs.filter { days.contains($0.date.dayNumber) }
            let checks = runs.map(rule.check)
            guard !runs.isEmpty, !checks.contains(where: { $0.verdict == .broken }),
                rule.week(week, runChecks: checks).verdict != .broken
            else { break }
            if painFreeLoggedWeeks == painFreeWeeks.count && rule.worstLevel(week: week) != nil {
                painFreeLoggedWeeks += 1
            }
            painFreeWeeks.append(week)
            if index.sessions.contains(where: { days.contains($0.date.dayNumber) && $0.sessionKind == .strength }) {
                painFreeStrengthWeeks += 1
            }
            week = week.adding(days: -7)
        }
    }

    private mutating func readMissed(_ index: HistoryIndex, today: Int, chronic: Int) {
        let strength = index.sessions.filter { $0.sessionKind == .strength }.map(\.date.dayNumber)
        let usedBefore = strength.contains { today - $0 > 7 && today - $0 <= chronic + 7 }
        let lastWeek = strength.contains { today - $0 >= 1 && today - $0 <= 7 }
        if usedBefore && !lastWeek {
            notes.append(
                Reason(
                    "No strength session was logged in the last 7 days. Missed sessions are not made up or doubled: the plan picks up at its usual number a week.",
                    evidence: Evidence.strengthSessionsPerWeek.key))
        }
    }
}

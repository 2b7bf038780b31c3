/// Watches the runner's history every day: load, pain, shoes, cadence, warning signs,
/// progress and adherence. One pure function of values; no clock (the day is a parameter).
///
/// ```swift
/// let report = try Monitor.status(history: history, profile: profile, today: today, weeks: 12,
///                                 planned: plan.sessionRefs)
/// print(report.headline)
/// ```
///
/// Cost: the history is sorted once (O(n log n)); every rule is then a single pass or a
/// sliding window over the days, so 10 years of daily runs take a few milliseconds.
public enum Monitor {
    /// How many recent weeks a report can show.
    public static let weekRange = 1...520

    /// The status as of `today`.
    /// - Parameters:
    ///   - history: The journal as Core values; entries after `today` are ignored.
    ///   - profile: The runner: their pain block raises warning signs (with the journal's, under
    ///     one clearance rule) and decides whether a cadence target is set.
    ///   - today: The day judged, in the runner's time zone.
    ///   - weeks: How many ISO weeks to show, the current one last, within ``weekRange``.
    ///   - planned: The plan's sessions (``Plan/sessionRefs``) for adherence; empty without a plan.
    /// - Throws: ``MonitorError/weeksOutOfRange(_:)``.
    public static func status(
        history: TrainingHistory, profile: Profile, today: LocalDate, weeks: Int = 12,
        planned: [PlannedSessionRef] = []
    ) throws(MonitorError) -> MonitoringReport {
        guard weekRange.contains(weeks) else { throw .weeksOutOfRange(weeks) }
        let index = HistoryIndex(history, through: today)
        let load = WeeklyLoad.weeks(index, count: weeks)
        let from = load.first?.weekStart ?? today.isoWeekStart
        let allSpikes = RunSpikes.spikes(index, profile: profile)
        let spikes = allSpikes.filter { $0.date >= from }
        let rule = PainRule(index, usual: UsualPain(profile: profile))
        let checks = index.runs.filter { $0.date >= from }.map(rule.check)
        let checksByWeek = Dictionary(grouping: checks) { $0.date.isoWeekStart }
        let painWeeks = load.map { rule.week($0.weekStart, runChecks: checksByWeek[$0.weekStart] ?? []) }
        let progress = Progress.report(index)
        let flags = JournalTriage.activeFlags(index, profile: profile)
        return MonitoringReport(
            date: today,
            headline: headline(painWeeks: painWeeks, progress: progress, flags: flags),
            weeklyKm: load, weeklyJumps: WeeklyLoad.jumps(
                index, weekStarts: load.map(\.weekStart), heldBySign: WarningSigns(profile: profile, index: index).heldWeek),
            acuteChronicRatio: AcuteChronic.ratio(index, profile: profile),
            longestRunSpike: spikes.max { $0.percentOver < $1.percentOver },
            spikes: spikes, daysSinceRestDay: WeeklyLoad.daysSinceRestDay(index),
            painTrend: PainTrend(
                weeks: painWeeks, direction: direction(painWeeks), runs: checks,
                versusLoad: PainAgainstLoad.compare(index, spikes: allSpikes, rule: rule)),
            shoes: ShoeWear.report(index), cadence: CadenceTarget.report(index, profile: profile), flags: flags,
            lastClearance: index.clearances.last?.date, progress: progress,
            adherence: Adherence.report(index, planned: planned, from: from), skipped: index.skipped)
    }

    /// `rising`, `falling` or `steady` from the last two weeks with pain logged, else `no-data`.
    static func direction(_ weeks: [WeekPain]) -> String {
        let logged = weeks.compactMap(\.worst)
        guard logged.count >= 2 else { return "no-data" }
        let last = logged[logged.count - 1], before = logged[logged.count - 2]
        return last > before ? "rising" : last < before ? "falling" : "steady"
    }

    static func headline(painWeeks: [WeekPain], progress: ProgressReport, flags: [MonitorFlag]) -> String {
        var parts: [String] = []
        let logged = painWeeks.filter { $0.worst != nil }
        if let last = logged.last, let worst = last.worst {
            var text = "Worst knee pain in the week of \(last.weekStart): \(worst)/10"
            if logged.count >= 2, let before = logged[logged.count - 2].worst {
                let word = worst > before ? "up" : worst < before ? "down" : "unchanged"
                text += " (\(word) from \(before)/10 the week before)"
            }
            parts.append(text + ".")
        } else {
            parts.append("No pain logged in the weeks shown.")
        }
        if let score = progress.functionScore {
            let firsts = progress.function.map { Double($0.first) }
            let first = firsts.isEmpty ? score : decimal(firsts.reduce(0, +) / Double(firsts.count), 1)
            parts.append(
                "Function \(score.plainText)/10"
                    + (first != score ? " (first rating \(first.plainText)/10)." : "."))
        }
        if let flag = flags.first {
            parts.append(
                flags.count == 1
                    ? "One warning sign needs attention: \(flag.sign) (\(flag.action.rawValue))."
                    : "\(flags.count) warning signs need attention; the most urgent: \(flag.sign) (\(flag.action.rawValue)).")
        }
        return parts.joined(separator: " ")
    }
}

/// What can stop a status report.
public enum MonitorError: UserFacingError, Equatable {
    case weeksOutOfRange(Int)

    public var problem: String {
        switch self {
        case .weeksOutOfRange(let weeks):
            "A status of \(weeks) weeks is outside the range KneeCoach shows (\(Monitor.weekRange.lowerBound)–\(Monitor.weekRange.upperBound))."
        }
    }

    public var fix: String {
        "Ask for \(Monitor.weekRange.lowerBound) to \(Monitor.weekRange.upperBound) weeks."
    }

    public var exitCode: Int32 { ExitStatus.usage }
}

/// Pain that persists (`flag.persistDays`): the one sign the journal's pain trend raises, and
/// the only one that lifts by itself.
///
/// A careful physiotherapist judges persistence on the runner's settled pain — the next
/// morning and at rest — not on the ache of a run that stays within the rule:
/// - a next-morning or at-rest entry counts at its level;
/// - pain during or after a run, or with a session, counts only when it says something about
///   the settled knee: at or under the usual level (the knee is quiet) or past
///   `pain.duringMax` (the rule is broken); between the two it is acceptable exercise pain
///   and is not counted either way.
///
/// A sign is raised once every counted day for `flag.persistDays` (the lower end) was above
/// the usual level of the episode's first day (``UsualPain``), with the last week no better
/// than the first. Weeks are compared by their median counted level, so one bad day — which
/// the next-day hold (`pain.holdDays`) already handles — is not a trend; "worsening" needs
/// a higher median over a last week of at least two counted days.
///
/// The sign is active while the pain stays above usual, and lifts once `pain.holdDays`
/// counted days in a row are back at or under it (the rule that ends a pain hold), after a
/// fortnight with no counted entry, or with a clinician's all-clear (which also starts the
/// count afresh). It never stops exercise: its action is `see-clinician-if-persists`.
enum PainPersistence {
    /// One raised sign and the days it is active: `from` up to, not including, `until`.
    struct Episode: Sendable, Equatable {
        let flag: MonitorFlag
        let from: Int
        let until: Int?

        func isActive(on day: Int) -> Bool { from <= day && until.map { day < $0 } ?? true }
    }

    static var window: Int { Int(Evidence.flagPersistDays.quantity("days")?.lower ?? 14) }
    static var liftDays: Int { PainMemory.holdDays }

    /// The signs active on the index's last day.
    static func active(_ index: HistoryIndex, usual: UsualPain) -> [MonitorFlag] {
        let day = index.through.dayNumber
        return episodes(index, usual: usual).filter { $0.isActive(on: day) }.map(\.flag)
    }

    /// Every episode of persisting pain in the index, in order, each with the day it lifted.
    static func episodes(_ index: HistoryIndex, usual usualPain: UsualPain) -> [Episode] {
        let usualOn = usualPain.levels(index.pain)
        let counted = countedDays(index, usual: usualOn)
        var clearances = index.clearances.map(\.date.dayNumber)[...]
        var episodes: [Episode] = []
        var open: (flag: MonitorFlag, from: Int)?
        var good = 0
        var start: Int?  // index into `counted` of the episode's first day
        var baseline = usualPain.start
        func close(_ day: Int) {
            if let current = open { episodes.append(Episode(flag: current.flag, from: current.from, until: day)) }
            open = nil
            start = nil
            good = 0
        }
        for (i, today) in counted.enumerated() {
            // A clearance lifts the sign and starts the count afresh.
            while let cleared = clearances.first, cleared <= today.day {
                close(cleared)
                clearances.removeFirst()
            }
            if i > 0, today.day - counted[i - 1].day > window { close(counted[i - 1].day + window + 1) }
            if let first = start, open != nil {
                if today.level <= baseline {
                    good += 1
                    if good >= liftDays { close(today.day) }
                } else {
                    good = 0
                    if let flag = flag(counted, first: first, last: i, baseline: baseline, raisedOn: open!.flag.raisedOn) {
                        open!.flag = flag
                    }
                }
                continue
            }
            if start == nil || today.level <= baseline {
                start = nil
                baseline = usualOn(today.day)
                guard today.level > baseline else { continue }
                start = i
            }
            guard let first = start, today.day - counted[first].day >= window,
                let flag = flag(counted, first: first, last: i, baseline: baseline, raisedOn: nil)
            else { continue }
            open = (flag, today.day)
        }
        if let last = counted.last, open != nil {
            let quiet = last.day + window + 1
            close(clearances.first.map { min($0, quiet) } ?? quiet)
        }
        return episodes
    }

    /// Each day with a counted entry and its worst counted level, from the entries a
    /// clearance on the same day does not lift.
    static func countedDays(_ index: HistoryIndex, usual: (Int) -> Int) -> [(day: Int, level: Int)] {
        var levels: [Int: Int] = [:]
        func count(_ day: Int, _ level: Int) { levels[day] = max(levels[day] ?? 0, level) }
        let duringMax = PainRule.duringMax
        for entry in index.pain {
            if let cleared = index.clearances.first(where: { $0.date == entry.date }),
                WarningSigns.lifts(cleared, signOn: entry.date, recordedAt: entry.recordedAt)
            {
                continue
            }
            let day = entry.date.dayNumber
            switch entry.timing {
            case .nextMorning, .rest: count(day, entry.level)
            case .during, .after:
                if entry.level <= usual(day) || entry.level > duringMax { count(day, entry.level) }
            }
        }
        for session in index.sessions {
            guard let level = session.pain, (0...10).contains(level) else { continue }
            let day = session.date.dayNumber
            if level <= usual(day) || level > duringMax { count(day, level) }
        }
        return levels.keys.sorted().map { ($0, levels[$0]!) }
    }

    /// The sign for an episode from `counted[first]` through `counted[last]`, or `nil` when
    /// its last week is better than its first.
    private static func flag(
        _ counted: [(day: Int, level: Int)], first: Int, last: Int, baseline: Int, raisedOn: LocalDate?
    ) -> MonitorFlag? {
        let episode = counted[first...last]
        let began = episode.first!.day, ended = episode.last!.day
        let opening = episode.filter { $0.day < began + 7 }.map(\.level)
        let closing = episode.filter { $0.day > ended - 7 }.map(\.level)
        let then = median(opening), now = median(closing)
        guard now >= then || raisedOn != nil else { return nil }
        let worse = now > then && closing.count >= 2
        let usualText = baseline > PainRule.safe ? "your usual \(baseline)/10" : "\(baseline)/10"
        let trend =
            worse
            ? "is getting worse (\(then)/10 in its first week, \(now)/10 in its last)"
            : now >= then ? "is no better (\(then)/10 in its first week, \(now)/10 in its last)"
            : "is still above it (\(now)/10 in its last week)"
        let from = LocalDate(dayNumber: began), to = LocalDate(dayNumber: ended)
        let source = "pain entries of \(from) to \(to)"
        return MonitorFlag(
            sign: worse ? "worsening-pain" : "persistent-pain", action: .seeClinicianIfPersists,
            reason:
                "Your pain the next morning and at rest has been above \(usualText) on every day you logged it from \(from) to \(to) and \(trend); pain during exercise up to \(PainRule.duringMax)/10 is not counted. After \(window) days or more, have a physiotherapist or doctor look at it; the plan goes on without progressing, and this lifts once \(liftDays) days logged in a row are back at or under \(baseline)/10. Raised by your \(source).",
            raisedOn: raisedOn ?? to, source: source, evidence: Evidence.flagPersistDays.key)
    }

    /// The lower median: one high day among low ones does not move it.
    private static func median(_ levels: [Int]) -> Int {
        let sorted = levels.sorted()
        return sorted.isEmpty ? 0 : sorted[(sorted.count - 1) / 2]
    }
}

extension UsualPain {
    /// The usual level before each day of a journal's pain (``timeline(_:firstDay:count:)``),
    /// as a lookup; days outside the journal get the level it starts from.
    func levels(_ pain: [TrainingHistory.Pain]) -> (Int) -> Int {
        let initial = start, window = Self.window
        guard let first = pain.first?.date.dayNumber, let last = pain.last?.date.dayNumber else { return { _ in initial } }
        let line = timeline(pain, firstDay: first, count: last - first + 2)
        return { day in day >= first && day - first < line.count ? line[day - first] : (day < first || day - last > window ? initial : line[line.count - 1]) }
    }
}

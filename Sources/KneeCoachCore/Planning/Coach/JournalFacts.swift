/// The journal read into the morning state's memories: runs and sessions into the load
/// ledger, pain into events, and the profile's usual running where the journal has not begun.
enum JournalFacts {
    /// The ledger from `from` through `through`, holding the journal's days before `morning`.
    /// The profile's usual running is assumed before the journal began (see ``assumeProfile``),
    /// so that the first runs are read against it.
    static func ledger(
        _ index: HistoryIndex, before morning: LocalDate, from: Int, through: Int, profile: Profile, needs: Needs,
        programmeStart: LocalDate
    ) -> DayLedger {
        var ledger = DayLedger(firstDay: from, lastDay: through)
        assumeProfile(&ledger, profile: profile, needs: needs, index: index, programmeStart: programmeStart)
        record(index, into: &ledger, from: nil, before: morning)
        return ledger
    }

    /// The journal's days from `first` (all when `nil`) to the day before `morning`, added to
    /// a ledger: runs in date order (each run's cap reads only the days before it), activity,
    /// sessions and pain entries.
    static func record(_ index: HistoryIndex, into ledger: inout DayLedger, from first: LocalDate?, before morning: LocalDate) {
        func read(_ date: LocalDate) -> Bool { date < morning && first.map { date >= $0 } ?? true }
        for run in index.runs where read(run.date) { ledger.addRun(day: run.date.dayNumber, km: run.distanceKm) }
        for activity in index.crossTraining where read(activity.date) { ledger.markActive(day: activity.date.dayNumber) }
        for session in index.sessions where read(session.date) {
            if session.sessionKind == .strength {
                ledger.markStrength(day: session.date.dayNumber)
            } else {
                ledger.markActive(day: session.date.dayNumber, painLogged: session.pain != nil)
            }
        }
        for entry in index.pain where read(entry.date) { ledger.markActive(day: entry.date.dayNumber, painLogged: true) }
    }

    /// Before the journal began (its first run, activity, session or pain entry, or the
    /// programme's start if earlier), the profile's weekly distance is assumed, spread over
    /// its run days, with its longest recent run as the last of them; the days from then on
    /// are the journal's (and the plan's).
    private static func assumeProfile(
        _ ledger: inout DayLedger, profile: Profile, needs: Needs, index: HistoryIndex, programmeStart: LocalDate
    ) {
        let began = index.began.map { min($0, programmeStart) } ?? programmeStart
        let runDays = WeekShapes.runPatterns[min(needs.runsPerWeek, 6)]
        guard !runDays.isEmpty else { return }
        let weekly = profile.weeklyDistanceKm ?? 0
        let longest = profile.longestRecentRunKm ?? weekly / Double(runDays.count)
        // The runs the profile describes: its weekly distance over its run days, none longer
        // than its longest recent run.
        let perRun = min(weekly / Double(runDays.count), longest)
        guard weekly > 0 || longest > 0 else { return }
        let window = RunSpikes.windowDays + 5
        var last: Int?
        for day in (began.dayNumber - window)..<began.dayNumber
        where runDays.contains(LocalDate(dayNumber: day).weekday - 1) {
            if perRun > 0 { ledger.assume(day: day, km: perRun) }
            last = day
        }
        if let last, longest > 0 { ledger.assumeLongest(day: last, km: longest) }
        ledger.cover(from: began.dayNumber)
    }

    /// Pain events from `from` on, by day, morning entries first: every entry before the
    /// morning, the morning's own next-morning entries, and the pain logged with sessions.
    static func painEvents(_ index: HistoryIndex, before morning: LocalDate, from: Int) -> [PainEvent] {
        var events: [PainEvent] = []
        for entry in index.pain where entry.date.dayNumber >= from {
            guard entry.date < morning || (entry.date == morning && entry.timing == .nextMorning) else { continue }
            let timing: PainEvent.Timing =
                switch entry.timing {
                case .during: .during
                case .after: .after
                case .nextMorning: .nextMorning
                case .rest: .rest
                }
            events.append(PainEvent(date: entry.date, timing: timing, level: entry.level))
        }
        for session in index.sessions where session.date < morning && session.date.dayNumber >= from {
            guard let level = session.pain, (0...10).contains(level) else { continue }
            events.append(PainEvent(date: session.date, timing: .session(session.kind), level: level))
        }
        return events.enumerated().sorted {
            ($0.element.date, $0.element.isMorning ? 0 : 1, $0.offset) < ($1.element.date, $1.element.isMorning ? 0 : 1, $1.offset)
        }.map(\.element)
    }

    /// A prescribed day counted as done, pain-free: its run in the ledger, its strength marked.
    static func assumeDone(_ day: PlanDay, in ledger: inout DayLedger) {
        let number = day.date.dayNumber
        ledger.markActive(day: number, painLogged: true)
        for session in day.sessions {
            if let km = session.runKm { ledger.addRun(day: number, km: km) }
            if session.kind == .strength { ledger.markStrength(day: number) }
        }
    }
}

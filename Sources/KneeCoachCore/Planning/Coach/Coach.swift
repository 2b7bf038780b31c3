/// One coach, day by day: the morning state folded from the journal, one prescription per
/// day, and a plan that is that prescription projected forward.
///
/// `today`, `plan`, `session`, adherence and the calendar all read this one value, so they
/// agree by construction: the first day of a plan is that day's `today`, and adherence sets
/// each past day against what its morning prescribed. No clock, no randomness, no I/O: the
/// same programme, journal and day give the same plan, byte for byte.
///
/// ```swift
/// let coach = Coach(programme: Programme(profile: profile, start: started), library: library,
///                   history: history, today: today)
/// let day = coach.today(today)                    // PlanDay, with its week, phase and holds
/// let plan = try coach.plan(from: monday, weeks: 12)
/// ```
public struct Coach: Sendable {
    public let programme: Programme
    public let library: ExerciseLibrary
    public let history: TrainingHistory
    /// The runner's today, from the caller's clock.
    public let today: LocalDate
    /// The last day the journal speaks for: the later of the caller's today and the journal's
    /// last entry. Mornings after it are projected: the days before them count as done as
    /// prescribed and pain-free.
    public let knownThrough: LocalDate

    /// How far before the programme's first week the coach reads the journal: the eight weeks
    /// a restart looks back on for the running before a pause, and the two weeks before those.
    public static let lookBackDays = 70

    /// - Parameter today: The runner's today, from the caller's clock.
    public init(programme: Programme, library: ExerciseLibrary, history: TrainingHistory, today: LocalDate) {
        self.programme = programme
        self.library = library
        self.history = history
        self.today = today
        knownThrough = max(today, Self.lastEntry(history) ?? today)
    }

    /// The morning state of a day.
    public func morning(of day: LocalDate) -> MorningState {
        todayWithMorning(day).morning
    }

    /// The day's prescription: what `today` shows and `session` guides.
    public func today(_ day: LocalDate) -> PlanDay {
        walk(showing: day...day).days.first ?? PlanDay(date: day, sessions: [])
    }

    /// The day's prescription and the morning it came from, folded once.
    public func todayWithMorning(_ day: LocalDate) -> (day: PlanDay, morning: MorningState) {
        let walk = self.walk(showing: day...day)
        guard let state = walk.state, let first = walk.days.first else {
            preconditionFailure("the walk always reaches the morning of \(day)")
        }
        return (first, state)
    }

    /// The plan: `weeks` × 7 days from `start`, grouped by programme week (so a plan that does
    /// not start on a Monday begins with a short week). The first day is `today(start)`.
    /// - Throws: ``PlanError/weeksOutOfRange(_:)``.
    public func plan(from start: LocalDate, weeks: Int) throws(PlanError) -> Plan {
        guard PlanGenerator.weekRange.contains(weeks) else { throw .weeksOutOfRange(weeks) }
        let walk = self.walk(showing: start...start.adding(days: weeks * 7 - 1))
        return PlanAssembly.plan(
            start: start, days: walk.days, weekPlans: walk.weeks, needs: walk.needs, profile: programme.profile,
            redFlags: walk.state?.redFlags ?? [], programmeStart: walk.programme.start)
    }

    /// What each morning from `from` through `through` prescribed, from the journal as it
    /// stood that morning (days before the programme started are left out).
    public func prescriptions(from: LocalDate, through: LocalDate) -> [PlanDay] {
        let first = max(from, programme.firstMonday)
        guard first <= through else { return [] }
        let coach = Coach(programme: programme, library: library, history: history, knownThrough: through)
        return coach.walk(showing: first...through, morning: through.adding(days: 1)).days
    }

    private init(programme: Programme, library: ExerciseLibrary, history: TrainingHistory, knownThrough: LocalDate) {
        self.programme = programme
        self.library = library
        self.history = history
        today = knownThrough
        self.knownThrough = knownThrough
    }

    private static func lastEntry(_ history: TrainingHistory) -> LocalDate? {
        [
            history.activities.map(\.date).max(), history.pain.map(\.date).max(), history.sessions.map(\.date).max(),
            history.notes.map(\.date).max(), history.clearances.map(\.date).max(), history.selfTests.map(\.date).max(),
        ].compactMap { $0 }.max()
    }
}

extension Coach {
    /// What one walk over the days produced.
    struct Walk {
        var days: [PlanDay] = []
        var weeks: [WeekPlan] = []
        var state: MorningState?
        var needs: Needs
        var programme: Programme
    }

    /// Folds the journal from the programme's first Monday, day by day, to the last day shown;
    /// days from the morning on are prescribed and assumed done as prescribed.
    /// - Parameter morning: The first day whose journal is not read (default: the first day
    ///   shown, or the day after ``knownThrough`` when that is earlier).
    func walk(showing shown: ClosedRange<LocalDate>, morning: LocalDate? = nil) -> Walk {
        let programme = self.programme.seen(from: shown.lowerBound)
        let w0 = programme.firstMonday
        let morningDay = max(w0, morning ?? min(shown.lowerBound, knownThrough.adding(days: 1)))
        let index = HistoryIndex(history, through: morningDay)
        let needs = Needs(from: programme.profile, journal: JournalSignals(history: history, start: w0))
        let prescriber = Prescriber(needs: needs, library: library, experience: programme.profile.experience)
        let end = max(shown.upperBound, morningDay)
        var ledger = JournalFacts.ledger(
            index, before: morningDay, from: w0.dayNumber - Self.lookBackDays, through: end.dayNumber + 1,
            profile: programme.profile, needs: needs, programmeMonday: w0)
        let events = JournalFacts.painEvents(index, before: morningDay, from: ledger.firstDay)
        let flagMemory = FlagMemory(profile: programme.profile, index: index)
        let morningFlags = FlagMemory.merge(flagMemory.profile, JournalTriage.activeFlags(index).map(\.notice))
        let selfTests = index.selfTests.map(\.date).filter { $0 <= morningDay }
        let firstPain = index.pain.first?.date.dayNumber

        var walk = Walk(needs: needs, programme: programme)
        var pain = PainMemory()
        var eventAt = 0
        // Pain before the programme's first day still counts: it may hold its first days.
        while eventAt < events.count, events[eventAt].date < w0 {
            pain.read([events[eventAt]])
            eventAt += 1
        }
        var week: WeekPlan?
        var lastSelfTest: LocalDate? = selfTests.last { $0 < w0 }
        var testAt = selfTests.firstIndex { $0 >= w0 } ?? selfTests.count
        var date = w0
        while date <= end {
            let day = date.dayNumber
            if week == nil || date.weekday == 1 {
                week = WeekPlanner.decide(
                    .init(
                        programme: programme, needs: needs, ledger: ledger, pain: pain, previous: week, monday: date.isoWeekStart,
                        journalHasPain: firstPain.map { $0 < date.isoWeekStart.dayNumber } ?? false,
                        runDays: prescriber.runDays.count))
                if let week { walk.weeks.append(week) }
            }
            guard let week else { break }
            // Morning: next-morning pain felt today, self-tests done today.
            let known = date < morningDay || (date == morningDay && morningDay <= knownThrough)
            while eventAt < events.count, events[eventAt].date == date, events[eventAt].isMorning, known {
                pain.read([events[eventAt]])
                eventAt += 1
            }
            while testAt < selfTests.count, selfTests[testAt] <= date, known || selfTests[testAt] < date {
                lastSelfTest = selfTests[testAt]
                testAt += 1
            }
            let flags = date < morningDay ? flagMemory.active(on: day) : morningFlags
            let due = flags.isEmpty ? Retests.due(lastSelfTest: lastSelfTest, programmeStart: programme.start) : nil
            let retest = due.flatMap { date >= $0 ? Retests.reason(lastSelfTest: lastSelfTest, due: $0, on: date) : nil }
            let hold = pain.holding(on: date)
            if date == shown.lowerBound {
                walk.state = MorningState(
                    day: date, programmeStart: programme.start, programmeWeek: week.index, phase: flags.isEmpty ? week.phase : .settle,
                    deload: week.deload, weekKm: flags.isEmpty ? week.weeklyKm : 0, usualWeekKm: needs.baselineWeeklyKm,
                    usualPain: pain.usual(on: day), painSummary: pain.summary(before: day + 1), holds: hold.map { [$0] } ?? [],
                    redFlags: flags, retestDue: due, weekReasons: week.reasons)
            }
            let shows = shown.contains(date)
            let prescribed: PlanDay? =
                shows || date >= morningDay
                ? prescriber.day(
                    .init(
                        date: date, week: week, flags: flags, hold: hold, retest: retest, ledger: ledger,
                        lastBreak: pain.lastBreak(onOrBefore: day)))
                : nil
            if shows, let prescribed { walk.days.append(prescribed) }
            // Evening: what happened — the journal's, or the prescription assumed done.
            if date < morningDay {
                while eventAt < events.count, events[eventAt].date == date {
                    pain.read([events[eventAt]])
                    eventAt += 1
                }
            } else if let prescribed {
                JournalFacts.assumeDone(prescribed, in: &ledger)
                if prescribed.retest != nil { lastSelfTest = date }
            }
            date = date.adding(days: 1)
        }
        return walk
    }
}

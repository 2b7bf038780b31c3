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
    /// The last day the journal speaks for: the later of the caller's yesterday and the
    /// journal's last entry (today counts once something is logged for it). The days after
    /// it are projected: each is prescribed, then counted as done as prescribed, pain-free.
    public let knownThrough: LocalDate
    /// Where the fold may resume (``resuming(_:)``).
    var checkpoint: FoldCheckpoint?
    /// The days whose activities the journal was read without (``resumingOnly(_:)``): every
    /// fold must resume from a checkpoint after them.
    var unreadActivities: ClosedRange<LocalDate>?

    /// How far before the programme's first week the coach reads the journal: the eight weeks
    /// a restart looks back on for the running before a pause, and the two weeks before those.
    public static let lookBackDays = 70

    /// How many weeks before the first day shown the coach folds at most.
    static let foldWeeks = 104

    /// - Parameter today: The runner's today, from the caller's clock.
    public init(programme: Programme, library: ExerciseLibrary, history: TrainingHistory, today: LocalDate) {
        self.programme = programme
        self.library = library
        self.history = history
        self.today = today
        knownThrough = max(today.adding(days: -1), Self.lastEntry(history) ?? today.adding(days: -1))
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
        var coach = Coach(programme: programme, library: library, history: history, knownThrough: through)
        coach.checkpoint = checkpoint
        coach.unreadActivities = unreadActivities
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

    /// Folds the journal from the programme's first Monday, day by day, to the last day shown.
    /// Each day is prescribed from its own morning: the journal up to the day before it (and
    /// its next-morning pain) while the journal speaks for it; after ``knownThrough``, the
    /// days before are assumed done as prescribed.
    /// - Parameter morning: The first day whose journal is not read (default: the day after
    ///   ``knownThrough``).
    func walk(showing shown: ClosedRange<LocalDate>, morning: LocalDate? = nil) -> Walk {
        let programme = self.programme.seen(from: shown.lowerBound)
        // A programme older than the fold's reach is folded from there, its earlier weeks
        // counted as kept (after two years every phase gate is long behind).
        let from = Self.foldStart(programme, firstShown: shown.lowerBound)
        let morningDay = max(from, morning ?? knownThrough.adding(days: 1))
        let history = self.history.since(from.adding(days: -Self.lookBackDays))
        // A checkpoint of this fold gives the memories of its Monday: the days before it are not folded again.
        let resumed = checkpoint.flatMap {
            $0.resumes(
                programme, from: from, firstShown: shown.lowerBound, morningDay: morningDay, adjustments: history.adjustments)
                ? $0 : nil
        }
        if let unreadActivities, resumed.map({ $0.covers(unreadActivities) }) != true {
            preconditionFailure("a coach read without the activities of \(unreadActivities) folds only from its checkpoint")
        }
        let needs = resumed?.needs ?? Self.foldNeeds(programme, history: history, from: from)
        // One prescriber for the programme's needs, and one for each target a coach emphasised.
        var prescribers: [Target?: Prescriber] = [:]
        var fold =
            resumed.map {
                DayFold(
                    resuming: $0, needs: needs, history: history, morningDay: morningDay, through: shown.upperBound,
                    runDays: Self.runDays(needs))
            }
            ?? DayFold(
                programme: programme, needs: needs, history: history, from: from, morningDay: morningDay,
                through: shown.upperBound, runDays: Self.runDays(needs))
        var walk = Walk(needs: needs, programme: programme)
        var shapes: Prescriber.Shapes?
        var date = resumed?.day ?? from
        while date <= shown.upperBound {
            var morning = fold.morning(date)
            if date.weekday == 1 || walk.weeks.isEmpty {
                walk.weeks.append(morning.week)
            } else if walk.weeks.last != morning.week {
                // Decided again mid-week (a coach's adjustment): the plan shows the week as it stands.
                walk.weeks[walk.weeks.count - 1] = morning.week
            }
            if date == shown.lowerBound {
                // The day shown first reads its warning signs in full (pain that persists too).
                morning = morning.with(
                    flags: date < knownThrough ? Self.flags(of: programme.profile, history, on: date) : fold.morningFlags)
                walk.state = fold.state(morning, programmeStart: self.programme.start)
            }
            var prescribed: PlanDay?
            if shown.contains(date) || date >= morningDay {
                let emphasis = morning.adjustments.emphasis
                let current =
                    prescribers[emphasis]
                    ?? Prescriber(
                        needs: needs.emphasising(emphasis), library: library, experience: programme.profile.experience,
                        from: morning.week.phase)
                if shapes?.week != morning.week { shapes = current.shapes(for: morning.week) }
                prescribed = current.day(morning, shapes: shapes)
                prescribers[emphasis] = current
            }
            if shown.contains(date), let prescribed { walk.days.append(prescribed) }
            fold.evening(date, prescribed: prescribed)
            date = date.adding(days: 1)
        }
        return walk
    }

    /// Every warning sign active on a day: the profile's and the journal's, persisting pain included.
    static func flags(of profile: Profile, _ history: TrainingHistory, on day: LocalDate) -> [RedFlagNotice] {
        FlagMemory.active(profile: profile, history: history, on: day)
    }
}

/// The fold behind the morning state: the memories (load, pain, warning signs, self-tests,
/// the week's plan) carried from one day to the next.
///
/// Each day is three steps: ``morning(_:)`` reads what is known before training (a new week
/// on Monday, next-morning pain, self-tests done that day) and gives the prescriber its
/// input; the prescriber decides; ``evening(_:prescribed:)`` reads what happened — the
/// journal's entries before the morning being shown, the prescription assumed done after it.
struct DayFold {
    let programme: Programme
    let needs: Needs
    /// The first day whose journal is not read: from it on, days are projected.
    let morningDay: LocalDate
    private let runDays: Int
    private(set) var ledger: DayLedger
    private(set) var pain: PainMemory
    private(set) var week: WeekPlan?
    private let events: [PainEvent]
    private var eventAt = 0
    private let flags: FlagMemory
    /// The signs active from the morning on: those of the last day the journal speaks for.
    let morningFlags: [RedFlagNotice]
    private let selfTests: [LocalDate]
    private var testAt = 0
    private(set) var lastSelfTest: LocalDate?
    private let firstPain: Int?
    /// Programme weeks before the fold began, counted as kept.
    private let skippedWeeks: Int
    /// The coaches' adjustments, in the order they were made.
    let adjustments: [CoachAdjustment]
    /// The week before ``week`` (a week decided again mid-week is decided after it), and the
    /// adjustments ``week`` was decided with.
    private var previousWeek: WeekPlan?
    private var decidedWith = WeekAdjustments.none

    init(
        programme: Programme, needs: Needs, history: TrainingHistory, from w0: LocalDate, morningDay: LocalDate,
        through end: LocalDate, runDays: Int
    ) {
        self.programme = programme
        self.needs = needs
        self.morningDay = morningDay
        self.runDays = runDays
        pain = PainMemory(usual: UsualPain(profile: programme.profile))
        adjustments = CoachAdjustment.inOrder(history.adjustments)
        skippedWeeks = programme.firstMonday.days(until: w0) / 7
        let index = HistoryIndex(history, through: morningDay)
        ledger = JournalFacts.ledger(
            index, before: morningDay, from: w0.dayNumber - Coach.lookBackDays, through: end.dayNumber + 1,
            profile: programme.profile, needs: needs, programmeStart: programme.start)
        events = JournalFacts.painEvents(index, before: morningDay, from: ledger.firstDay)
        flags = FlagMemory(profile: programme.profile, index: index, usual: pain.usualPain)
        morningFlags = flags.active(on: index.through.dayNumber)
        selfTests = index.selfTests.map(\.date).filter { $0 <= morningDay }
        firstPain = index.pain.first?.date.dayNumber
        // Pain and self-tests before the fold's first day still count.
        while eventAt < events.count, events[eventAt].date < w0 {
            pain.read([events[eventAt]])
            eventAt += 1
        }
        while testAt < selfTests.count, selfTests[testAt] < w0 {
            lastSelfTest = selfTests[testAt]
            testAt += 1
        }
    }

    /// The fold resumed on the morning of a checkpoint's Monday: the memories as they stood
    /// then, and the journal from that day on read as ``init(programme:needs:history:from:morningDay:through:runDays:)``
    /// reads it. The warning signs are read from the whole journal again, as the full fold
    /// reads them (a sign of pain that persists is told with its latest entries).
    /// - Parameter needs: The checkpoint's needs, or for one read back from bytes, the needs
    ///   read again from the journal up to its fold's first Monday.
    init(
        resuming checkpoint: FoldCheckpoint, needs: Needs, history: TrainingHistory, morningDay: LocalDate,
        through end: LocalDate, runDays: Int
    ) {
        programme = checkpoint.programme
        self.needs = needs
        self.morningDay = morningDay
        self.runDays = runDays
        pain = checkpoint.pain
        week = checkpoint.week
        lastSelfTest = checkpoint.lastSelfTest
        adjustments = CoachAdjustment.inOrder(history.adjustments)
        skippedWeeks = programme.firstMonday.days(until: checkpoint.from) / 7
        let index = HistoryIndex(history, through: morningDay)
        var ledger = checkpoint.ledger
        ledger.extend(through: end.dayNumber + 1)
        JournalFacts.record(index, into: &ledger, from: checkpoint.day, before: morningDay)
        self.ledger = ledger
        events = JournalFacts.painEvents(index, before: morningDay, from: checkpoint.day.dayNumber)
        flags = FlagMemory(profile: programme.profile, index: index, usual: pain.usualPain)
        morningFlags = flags.active(on: index.through.dayNumber)
        selfTests = index.selfTests.map(\.date).filter { $0 >= checkpoint.day && $0 <= morningDay }
        firstPain = index.pain.first?.date.dayNumber
    }

    /// The memories on the morning of `day`, before anything of that day is read.
    func checkpoint(_ day: LocalDate, from: LocalDate) -> FoldCheckpoint {
        FoldCheckpoint(
            day: day, programme: programme, from: from, needs: needs, ledger: ledger, pain: pain, week: week,
            lastSelfTest: lastSelfTest, adjustments: CoachAdjustment.seen(adjustments, before: day))
    }

    /// The morning of `date`: a new week on its Monday, next-morning pain and self-tests
    /// of the day read; returns what the prescriber needs.
    mutating func morning(_ date: LocalDate) -> Prescriber.Morning {
        let active = date < morningDay ? flags.active(on: date.dayNumber) : morningFlags
        let today = adjustments.isEmpty ? DayAdjustments.none : DayAdjustments(on: date, from: adjustments)
        let monday = date.isoWeekStart
        let adjusted =
            adjustments.isEmpty
            ? WeekAdjustments.none
            : today.week(holdingFrom: date == monday ? today : DayAdjustments(on: monday, from: adjustments))
        let current: WeekPlan
        // A week is decided on its Monday, and again on the morning a coach's runs a week or
        // target week starts or stops applying.
        if let week, date.weekday != 1, adjusted == decidedWith {
            current = week
        } else {
            if date.weekday == 1 || week == nil { previousWeek = week }
            current = WeekPlanner.decide(
                .init(
                    programme: programme, needs: needs, ledger: ledger, pain: pain, previous: previousWeek,
                    monday: monday, journalHasPain: firstPain.map { $0 < monday.dayNumber } ?? false, runDays: runDays,
                    weeksBefore: skippedWeeks, persisting: persisting(monday: monday, active: active),
                    adjustments: adjusted))
            week = current
            decidedWith = adjusted
        }
        // The morning's own next-morning pain and self-tests count on the first projected day too.
        let known = date <= morningDay
        while known, eventAt < events.count, events[eventAt].date == date, events[eventAt].isMorning {
            pain.read([events[eventAt]])
            eventAt += 1
        }
        while testAt < selfTests.count, selfTests[testAt] <= date, known || selfTests[testAt] < date {
            lastSelfTest = selfTests[testAt]
            testAt += 1
        }
        if active.contains(where: \.holdsThePlan) { ledger.markFlagged(day: date.dayNumber) }
        let due = active.isEmpty ? Retests.due(lastSelfTest: lastSelfTest, programmeStart: programme.start) : nil
        return Prescriber.Morning(
            date: date, week: current, flags: active, hold: pain.holding(on: date),
            retest: due.flatMap { date >= $0 ? Retests.reason(lastSelfTest: lastSelfTest, due: $0, on: date) : nil },
            retestDue: due, ledger: ledger, lastBreak: pain.lastBreak(onOrBefore: date.dayNumber),
            adjustments: today.isEmpty ? .none : .init(today, week: current))
    }

    /// Pain that persists on a Monday, or on any known day of the week before it: a week it
    /// held neither grows running nor counts toward a phase.
    private func persisting(monday: LocalDate, active: [RedFlagNotice]) -> [RedFlagNotice] {
        let now = active.filter { !$0.holdsThePlan }
        guard now.isEmpty else { return now }
        let m = monday.dayNumber
        return flags.persisted(from: m - 7, to: min(m - 1, morningDay.dayNumber - 1)).map { [$0] } ?? []
    }

    /// The evening of `date`: the journal's pain of the day, or the prescription assumed done.
    mutating func evening(_ date: LocalDate, prescribed: PlanDay?) {
        if date < morningDay {
            while eventAt < events.count, events[eventAt].date == date {
                pain.read([events[eventAt]])
                eventAt += 1
            }
        } else if let prescribed {
            JournalFacts.assumeDone(prescribed, in: &ledger)
            if prescribed.retest != nil { lastSelfTest = date }
        }
    }

    /// The morning state the views explain.
    /// - Parameter programmeStart: The stored start (a day before it is seen as week 1 of a
    ///   programme starting that day, but the runner's start is still the stored one).
    func state(_ morning: Prescriber.Morning, programmeStart: LocalDate) -> MorningState {
        let week = morning.week, day = morning.date.dayNumber, held = morning.flags.contains(where: \.holdsThePlan)
        return MorningState(
            day: morning.date, programmeStart: programmeStart, programmeWeek: week.index,
            phase: held ? .settle : week.phase, deload: !held && week.deload, weekKm: held ? 0 : week.weeklyKm,
            usualWeekKm: needs.baselineWeeklyKm, usualPain: pain.usual(on: day), painSummary: pain.summary(before: day + 1),
            holds: morning.hold.map { [$0] } ?? [], redFlags: morning.flags, retestDue: morning.retestDue,
            weekReasons: week.reasons)
    }
}

/// The coach's fold as it stood on the morning of a Monday, before anything of that day was
/// read: a fold resumed from it gives the same mornings, prescriptions and plans as the fold
/// from the programme's first week.
///
/// It is made from the journal's entries dated before its day alone (and the programme): the
/// load ledger, the pain memory, the week decided the Monday before and the last self-tests.
/// It holds only on a Monday: the week's reasons (decided on its Monday) may tell a sign of
/// pain that persists as the later entries tell it, so a checkpoint inside a week could hold
/// words the journal has since changed. The warning signs are never kept: a resumed fold
/// reads them from the whole journal, as the full fold does.
///
/// A checkpoint is used only for the programme, profile and first folded week it was made
/// for, and for days shown from its own on (``Coach/resuming(_:)``); anything else folds in full.
public struct FoldCheckpoint: Sendable {
    /// The Monday whose morning it is.
    public let day: LocalDate
    let programme: Programme
    /// The fold's first Monday (``Coach/walk(showing:morning:)``): the programme's, or two
    /// years before the first day shown.
    let from: LocalDate
    /// The programme's needs, read from the journal on ``from`` (``Coach/foldNeeds(_:history:from:)``);
    /// `nil` in a checkpoint read back from bytes, which a resumed fold reads again from the
    /// journal's days up to ``from``.
    let needs: Needs?
    /// The days before ``day``.
    let ledger: DayLedger
    let pain: PainMemory
    let week: WeekPlan?
    let lastSelfTest: LocalDate?
    /// The coaches' adjustments as the days before ``day`` read them (``CoachAdjustment/seen(before:)``):
    /// a fold resumes here only with the same.
    let adjustments: [CoachAdjustment]

    /// The fold's first Monday.
    public var foldStart: LocalDate { from }

    /// The programme it was made for.
    public var programmeStart: LocalDate { programme.start }

    /// The activities a fold resumed here never reads: those dated after the fold's first
    /// Monday and before the checkpoint's (the needs read the journal up to that first
    /// Monday, and the fold from the checkpoint on; the warning signs read no activity).
    /// `nil` when there are none.
    public var unreadActivities: ClosedRange<LocalDate>? {
        let first = from.adding(days: 1), last = day.adding(days: -1)
        return first <= last ? first...last : nil
    }

    /// Whether a fold of `programme` from `from`, showing days from `firstShown` and reading
    /// the journal before `morningDay`,
    /// and adjusted by `adjustments`, can resume here.
    func resumes(
        _ programme: Programme, from: LocalDate, firstShown: LocalDate, morningDay: LocalDate, adjustments: [CoachAdjustment] = []
    ) -> Bool {
        self.programme == programme && self.from == from && day > from && day <= firstShown && day <= morningDay
            && self.adjustments == CoachAdjustment.seen(adjustments, before: day)
    }
}

extension FoldCheckpoint {
    /// Whether every fold of `programme` that shows days from `firstShown` on, for a runner
    /// whose today is `today`, resumes here: the same programme (`firstShown` not before its
    /// first week) and the same first folded Monday, this checkpoint no later than the first
    /// day shown or today. A caller that will show exactly that may read the journal without
    /// ``unreadActivities`` (``Coach/resumingOnly(_:)``).
    /// - Parameter adjustments: The coaches' adjustments the caller's journal has.
    public func serves(
        _ programme: Programme, firstShown: LocalDate, today: LocalDate, adjustments: [CoachAdjustment] = []
    ) -> Bool {
        guard firstShown >= programme.firstMonday else { return false }
        return resumes(
            programme, from: Coach.foldStart(programme, firstShown: firstShown), firstShown: firstShown,
            morningDay: min(today, firstShown), adjustments: adjustments)
    }

    /// Whether a fold resumed here reads every activity `unread` leaves out.
    func covers(_ unread: ClosedRange<LocalDate>) -> Bool {
        from < unread.lowerBound && unread.upperBound < day
    }
}

extension Coach {
    /// The fold's checkpoint on the morning of `day`, for a coach that shows days from
    /// `firstShown` on: made from the programme and the journal's entries dated before `day`,
    /// resumed from this coach's own checkpoint when that one holds for it.
    /// `nil` unless `day` is a Monday after the fold's first and no later than `firstShown`,
    /// and for a coach whose journal was read without some activities (``resumingOnly(_:)``)
    /// unless its checkpoint holds.
    public func checkpoint(at day: LocalDate, firstShown: LocalDate) -> FoldCheckpoint? {
        let programme = self.programme.seen(from: firstShown)
        let from = Self.foldStart(programme, firstShown: firstShown)
        guard day.weekday == 1, day > from, day <= firstShown else { return nil }
        let history = self.history.before(day).since(from.adding(days: -Self.lookBackDays))
        let through = day.adding(days: -2)
        var fold: DayFold
        var date: LocalDate
        if let resumed = checkpoint,
            resumed.resumes(programme, from: from, firstShown: day, morningDay: day, adjustments: history.adjustments),
            unreadActivities.map(resumed.covers) ?? true
        {
            let needs = resumed.needs ?? Self.foldNeeds(programme, history: history, from: from)
            fold = DayFold(
                resuming: resumed, needs: needs, history: history, morningDay: day, through: through,
                runDays: Self.runDays(needs))
            date = resumed.day
        } else {
            guard unreadActivities == nil else { return nil }
            let needs = Self.foldNeeds(programme, history: history, from: from)
            fold = DayFold(
                programme: programme, needs: needs, history: history, from: from, morningDay: day, through: through,
                runDays: Self.runDays(needs))
            date = from
        }
        while date < day {
            _ = fold.morning(date)
            fold.evening(date, prescribed: nil)
            date = date.adding(days: 1)
        }
        return fold.checkpoint(day, from: from)
    }

    /// This coach, folding from `checkpoint` whenever it holds for the days asked
    /// (``FoldCheckpoint/resumes(_:from:firstShown:morningDay:)``), in full otherwise.
    public func resuming(_ checkpoint: FoldCheckpoint) -> Coach {
        var coach = self
        coach.checkpoint = checkpoint
        return coach
    }

    /// This coach, whose journal was read without the checkpoint's
    /// ``FoldCheckpoint/unreadActivities``, folding from `checkpoint`. It answers only for
    /// days the checkpoint serves (``FoldCheckpoint/serves(_:firstShown:today:)``): a fold it
    /// cannot resume would read a journal with days missing, and stops the program instead.
    /// A later ``resuming(_:)`` may give it a newer checkpoint of the same fold.
    public func resumingOnly(_ checkpoint: FoldCheckpoint) -> Coach {
        var coach = resuming(checkpoint)
        coach.unreadActivities = checkpoint.unreadActivities
        return coach
    }

    /// The first Monday the coach folds from to show days from `firstShown` on: the
    /// programme's (as seen from that day), or two years before it.
    public static func foldStart(of programme: Programme, firstShown: LocalDate) -> LocalDate {
        foldStart(programme.seen(from: firstShown), firstShown: firstShown)
    }

    /// The fold's first Monday: the programme's, or `foldWeeks` before the first day shown.
    static func foldStart(_ programme: Programme, firstShown: LocalDate) -> LocalDate {
        max(programme.firstMonday, firstShown.isoWeekStart.adding(days: -7 * foldWeeks))
    }

    /// The programme's needs, with the journal read as it stood on the fold's first Monday.
    static func foldNeeds(_ programme: Programme, history: TrainingHistory, from: LocalDate) -> Needs {
        var needs = Needs(
            from: programme.profile, journal: JournalSignals(
                history: history, start: from, readsWarningSigns: false, usual: UsualPain(profile: programme.profile),
                profile: programme.profile))
        // Every warning sign, the profile's included, is read morning by morning (FlagMemory),
        // so that a clearance lifts it; the programme's own needs carry none.
        needs.redFlags = []
        return needs
    }

    static func runDays(_ needs: Needs) -> Int { WeekShapes.runPatterns[min(needs.runsPerWeek, 6)].count }
}

extension TrainingHistory {
    /// The journal's entries dated before `day` (the profile's save kept).
    func before(_ day: LocalDate) -> TrainingHistory {
        TrainingHistory(
            activities: activities.filter { $0.date < day }, pain: pain.filter { $0.date < day },
            notes: notes.filter { $0.date < day }, sessions: sessions.filter { $0.date < day },
            clearances: clearances.filter { $0.date < day }, shoes: shoes, selfTests: selfTests.filter { $0.date < day },
            functionScores: functionScores.filter { $0.date < day }, profileSigns: profileSigns,
            adjustments: adjustments)
    }
}

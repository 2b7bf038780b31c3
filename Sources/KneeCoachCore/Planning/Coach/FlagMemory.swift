/// The warning signs of the morning state: which are active on a day.
///
/// The profile's signs and the journal's (each pain entry and note read by ``JournalTriage``,
/// each read once) under the one clearance rule of ``WarningSigns``: the profile's until a
/// clearance recorded after the save that raised them, the journal's from the day they were
/// logged until a clearance that lifts them (a later day's, or one recorded after them on
/// their day). The last known morning also reads pain that persists (``JournalTriage``'s
/// persistence rule); past mornings, for adherence, read the entries and notes.
struct FlagMemory: Sendable {
    private let signs: WarningSigns

    init(profile: Profile, index: HistoryIndex) {
        signs = WarningSigns(profile: profile, index: index)
    }

    /// The signs active on a day, most urgent first, once per sign; `persisting` adds the
    /// signs of pain that persists (computed by the caller for that day).
    func active(on day: Int, persisting: [MonitorFlag] = []) -> [RedFlagNotice] {
        signs.active(on: LocalDate(dayNumber: day), persisting: persisting).map(\.notice)
    }

    /// The last clearance on or before a day.
    func lastClearance(onOrBefore day: Int) -> TrainingHistory.Clearance? {
        signs.lastClearance(onOrBefore: LocalDate(dayNumber: day))
    }

    /// Every warning sign active on a day, from the history as it stood: the profile's and
    /// the journal's, persisting pain included.
    static func active(profile: Profile, history: TrainingHistory, on day: LocalDate) -> [RedFlagNotice] {
        JournalTriage.activeFlags(HistoryIndex(history, through: day), profile: profile).map(\.notice)
    }
}

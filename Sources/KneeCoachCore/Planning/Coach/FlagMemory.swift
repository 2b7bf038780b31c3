/// The warning signs of the morning state: which are active on a day.
///
/// The profile's signs and the journal's (each pain entry and note read by ``JournalTriage``,
/// each read once) under the one clearance rule of ``WarningSigns``: the profile's until a
/// clearance recorded after the save that raised them, the journal's from the day they were
/// logged until a clearance that lifts them (a later day's, or one recorded after them on
/// their day). Every morning also reads pain that persists (``PainPersistence``), which lifts
/// by itself once the pain settles, so a week it held is known on the Monday after.
struct FlagMemory: Sendable {
    private let signs: WarningSigns
    private let persisting: [PainPersistence.Episode]

    init(profile: Profile, index: HistoryIndex, usual: UsualPain) {
        signs = WarningSigns(profile: profile, index: index, usual: usual)
        persisting = PainPersistence.episodes(index, usual: usual)
    }

    /// The signs active on a day, most urgent first, once per sign, pain that persists included.
    func active(on day: Int) -> [RedFlagNotice] {
        signs.active(on: LocalDate(dayNumber: day), persisting: persisting(on: day)).map(\.notice)
    }

    /// The signs of pain that persists active on a day.
    func persisting(on day: Int) -> [MonitorFlag] {
        persisting.filter { $0.isActive(on: day) }.map(\.flag)
    }

    /// Whether pain that persists was active on any day from `from` through `to`.
    func persisted(from: Int, to: Int) -> RedFlagNotice? {
        persisting.first { $0.from <= to && ($0.until.map { $0 > from } ?? true) }?.flag.notice
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

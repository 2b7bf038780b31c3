/// The warning signs of the morning state: which are active on a day.
///
/// The profile's signs are always active. The journal's (each pain entry and note read by
/// ``JournalTriage``, each read once) are active from the day they were logged until a
/// clearance dated on or after them. The last known morning also reads pain that persists
/// (``JournalTriage``'s persistence rule); past mornings, for adherence, read the entries
/// and notes.
struct FlagMemory: Sendable {
    private let profileFlags: [RedFlagNotice]
    private let raised: [MonitorFlag]
    private let clearances: [Int]

    init(profile: Profile, index: HistoryIndex) {
        profileFlags = RedFlagTriage.flags(in: profile.pain)
        raised = (index.pain.flatMap(JournalTriage.flags(in:)) + index.notes.flatMap(JournalTriage.flags(in:)))
            .sorted { $0.raisedOn < $1.raisedOn }
        clearances = index.clearances.map(\.dayNumber)
    }

    /// The signs active on a day, most urgent first, once per sign; `persisting` adds the
    /// signs of pain that persists (computed by the caller for that day).
    func active(on day: Int, persisting: [MonitorFlag] = []) -> [RedFlagNotice] {
        if persisting.isEmpty && raised.first.map({ $0.raisedOn.dayNumber > day }) ?? true { return profileFlags }
        let cleared = clearances.last { $0 <= day }
        var journal = persisting
        for flag in raised where flag.raisedOn.dayNumber <= day && cleared.map({ flag.raisedOn.dayNumber > $0 }) ?? true {
            journal.append(flag)
        }
        var seen: Set<String> = []
        let ordered = journal.sorted {
            (RedFlagTriage.rank($0.action), $0.raisedOn, $0.sign) < (RedFlagTriage.rank($1.action), $1.raisedOn, $1.sign)
        }
        .filter { seen.insert($0.sign).inserted }
        return Self.merge(profileFlags, ordered.map(\.notice))
    }

    /// The last clearance on or before a day.
    func lastClearance(onOrBefore day: Int) -> LocalDate? {
        clearances.last { $0 <= day }.map(LocalDate.init(dayNumber:))
    }

    /// The profile's signs and the journal's, most urgent first, once per sign.
    static func merge(_ profile: [RedFlagNotice], _ journal: [RedFlagNotice]) -> [RedFlagNotice] {
        var seen: Set<String> = []
        return (profile + journal).enumerated().sorted {
            (RedFlagTriage.rank($0.element.action), $0.offset) < (RedFlagTriage.rank($1.element.action), $1.offset)
        }.map(\.element).filter { seen.insert($0.sign).inserted }
    }
}

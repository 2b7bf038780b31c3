/// The warning signs of the morning state: which are active on a day.
///
/// The profile's signs are always active. The journal's (each pain entry and note read by
/// ``JournalTriage``) are active from the day they were logged until a clearance dated on or
/// after them. The morning being shown also reads pain that persists (``JournalTriage``
/// in full); past mornings, for adherence, read the entries and notes.
struct FlagMemory: Sendable {
    private let profileFlags: [RedFlagNotice]
    private let raised: [(day: Int, flags: [RedFlagNotice])]
    private let clearances: [Int]

    init(profile: Profile, index: HistoryIndex) {
        profileFlags = RedFlagTriage.flags(in: profile.pain)
        var raised: [(day: Int, flags: [RedFlagNotice])] = []
        for entry in index.pain {
            let flags = JournalTriage.flags(in: entry).map(\.notice)
            if !flags.isEmpty { raised.append((entry.date.dayNumber, flags)) }
        }
        for note in index.notes {
            let flags = JournalTriage.flags(in: note).map(\.notice)
            if !flags.isEmpty { raised.append((note.date.dayNumber, flags)) }
        }
        self.raised = raised.sorted { $0.day < $1.day }
        clearances = index.clearances.map(\.dayNumber)
    }

    /// The signs active on a day, most urgent first, once per sign.
    func active(on day: Int) -> [RedFlagNotice] {
        let cleared = clearances.last { $0 <= day }
        var journal: [RedFlagNotice] = []
        for entry in raised where entry.day <= day && cleared.map({ entry.day > $0 }) ?? true {
            journal += entry.flags
        }
        return Self.merge(profileFlags, journal)
    }

    /// The profile's signs and the journal's, most urgent first, once per sign.
    static func merge(_ profile: [RedFlagNotice], _ journal: [RedFlagNotice]) -> [RedFlagNotice] {
        var seen: Set<String> = []
        return (profile + journal).enumerated().sorted {
            (RedFlagTriage.rank($0.element.action), $0.offset) < (RedFlagTriage.rank($1.element.action), $1.offset)
        }.map(\.element).filter { seen.insert($0.sign).inserted }
    }

    var profile: [RedFlagNotice] { profileFlags }
}

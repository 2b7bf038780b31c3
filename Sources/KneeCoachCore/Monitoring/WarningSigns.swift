import Foundation

/// The runner's warning signs and the one rule that lifts them: what `today`, `plan`,
/// `status` and the report all read.
///
/// The signs are the profile's pain block (read by ``RedFlagTriage``) and each pain entry and
/// note of the journal (read by ``JournalTriage``). A clearance lifts:
/// - a journal sign dated on an earlier day;
/// - a journal sign of its own day recorded before it (by the instant each was logged); a
///   sign logged after the all-clear holds the plan again, and on a tie, or when either
///   instant is unknown, the sign holds;
/// - the profile's signs, when it was recorded after the save that raised them (a re-save
///   that brings no new sign keeps that instant; see ``raisesNewSign(from:to:)``).
///
/// A sign counts from its own day (the profile's on every day) until the day of the first
/// clearance that lifts it.
public struct WarningSigns: Sendable {
    /// One raised sign and the clearance that lifted it, if any.
    struct Raised: Sendable, Equatable {
        let flag: MonitorFlag
        /// Whether it comes from the profile's pain block.
        let fromProfile: Bool
        /// The first clearance that lifts it.
        let clearedBy: TrainingHistory.Clearance?
    }

    /// Every sign raised, the profile's first, then the journal's by day.
    let raised: [Raised]
    /// The journal's signs, most urgent first, then by day and name: the order `active` lists them in.
    private let journalOrder: [Raised]
    /// The clearances, by day and then by when they were recorded.
    let clearances: [TrainingHistory.Clearance]

    /// - Parameter profile: The runner, whose pain block and age (for the Ottawa knee rules
    ///   after an injury, on journal entries too) are read; `nil` for the journal alone.
    ///   - usual: The runner's usual pain, for pain at rest (default: the profile's).
    init(profile: Profile?, index: HistoryIndex, usual: UsualPain? = nil) {
        clearances = index.clearances
        let age = profile?.age
        var raised: [Raised] = []
        if let profile {
            let at = index.profileSigns
            let cleared = at.flatMap { saved in
                index.clearances.first { $0.recordedAt.map { $0 > saved.at } ?? false }
            }
            let source = at.map { "profile's pain block (saved \($0.date))" } ?? "profile's pain block"
            for notice in RedFlagTriage.flags(in: profile.pain, age: age) {
                let flag = MonitorFlag(
                    sign: notice.sign, action: notice.action, reason: notice.text + " Raised by your \(source).",
                    raisedOn: at?.date ?? index.through, source: source, evidence: notice.evidence,
                    recordedAt: at?.at)
                raised.append(Raised(flag: flag, fromProfile: true, clearedBy: cleared))
            }
        }
        let usual = usual ?? UsualPain(profile: profile)
        let journal = (index.pain.flatMap { JournalTriage.flags(in: $0, age: age, usual: usual) }
            + index.notes.flatMap { JournalTriage.flags(in: $0, age: age) })
            .sorted { $0.raisedOn < $1.raisedOn }
        for flag in journal {
            let cleared = index.clearances.first { Self.lifts($0, signOn: flag.raisedOn, recordedAt: flag.recordedAt) }
            raised.append(Raised(flag: flag, fromProfile: false, clearedBy: cleared))
        }
        self.raised = raised
        journalOrder = raised.filter { !$0.fromProfile }.sorted { Self.order($0.flag, $1.flag) }
    }

    /// Most urgent first, then the earliest raised, then by name.
    private static func order(_ a: MonitorFlag, _ b: MonitorFlag) -> Bool {
        (RedFlagTriage.rank(a.action), a.raisedOn, a.sign) < (RedFlagTriage.rank(b.action), b.raisedOn, b.sign)
    }

    /// Whether a clearance lifts a journal sign of a day, logged at an instant (when known).
    static func lifts(_ clearance: TrainingHistory.Clearance, signOn day: LocalDate, recordedAt: Date?) -> Bool {
        guard clearance.date == day else { return clearance.date > day }
        guard let cleared = clearance.recordedAt, let logged = recordedAt else { return false }
        return cleared > logged
    }

    /// The signs active on a day, most urgent first, once per sign (the profile's before the
    /// journal's of the same urgency; the journal's earliest first); `persisting` adds the
    /// signs of pain that persists, computed by the caller for that day.
    func active(on day: LocalDate, persisting: [MonitorFlag] = []) -> [MonitorFlag] {
        func holds(_ item: Raised) -> Bool { item.clearedBy.map { $0.date > day } ?? true }
        let profile = raised.prefix { $0.fromProfile }.filter(holds).map(\.flag)
        // Once per sign before merging, so that a long journal is not sorted day after day.
        var journalSeen: Set<String> = []
        var journal = journalOrder.filter { $0.flag.raisedOn <= day && holds($0) }.map(\.flag)
            .filter { journalSeen.insert($0.sign).inserted }
        if !persisting.isEmpty { journal = (journal + persisting).sorted(by: Self.order) }
        var seen: Set<String> = []
        return (profile + journal).enumerated().sorted {
            (RedFlagTriage.rank($0.element.action), $0.offset) < (RedFlagTriage.rank($1.element.action), $1.offset)
        }.map(\.element).filter { seen.insert($0.sign).inserted }
    }

    /// Whether a sign that holds the plan was active on any day of the week of a Monday.
    func heldWeek(_ monday: LocalDate) -> Bool {
        (0..<7).contains { offset in
            active(on: monday.adding(days: offset)).contains { $0.action != .seeClinicianIfPersists }
        }
    }

    /// The last clearance dated on or before a day.
    func lastClearance(onOrBefore day: LocalDate) -> TrainingHistory.Clearance? {
        clearances.last { $0.date <= day }
    }

    /// The signs raised or cleared from one day through another, in the order raised (the
    /// profile's count as raised on the day of the save that raised them).
    func raisedOrCleared(from: LocalDate, through: LocalDate) -> [Raised] {
        let period = from...through
        return raised.filter { period.contains($0.flag.raisedOn) || $0.clearedBy.map { period.contains($0.date) } ?? false }
    }

    /// Whether saving `new` over `old` brings a warning sign `old` did not raise: only then do
    /// the profile's signs count as raised anew. A physiotherapist who cleared the knee
    /// expects re-saving the same profile, or changing other fields, to keep the all-clear,
    /// and a newly ticked sign to hold the plan again.
    public static func raisesNewSign(from old: Profile?, to new: Profile) -> Bool {
        let before = Set(old.map { RedFlagTriage.flags(in: $0.pain, age: $0.age).map(\.sign) } ?? [])
        return RedFlagTriage.flags(in: new.pain, age: new.age).contains { !before.contains($0.sign) }
    }
}

/// A warning sign that was raised, and the day a clearance lifted it (if one has).
public struct SignEpisode: Sendable, Equatable {
    public let flag: MonitorFlag
    /// The day of the clearance that lifted it; `nil` while it is still active.
    public let clearedOn: LocalDate?

    public init(flag: MonitorFlag, clearedOn: LocalDate?) {
        self.flag = flag
        self.clearedOn = clearedOn
    }
}

extension Monitor {
    /// The warning signs raised or cleared from `from` through `through` (the profile's
    /// count as raised on the day of the save that raised them), in the order raised, under
    /// the clearance rule of `status` and the plan. A clearance after `through` is not seen.
    public static func signs(
        history: TrainingHistory, profile: Profile, from: LocalDate, through: LocalDate
    ) -> [SignEpisode] {
        let signs = WarningSigns(profile: profile, index: HistoryIndex(history, through: through))
        return signs.raisedOrCleared(from: from, through: through).map {
            SignEpisode(flag: $0.flag, clearedOn: $0.clearedBy?.date)
        }
    }
}

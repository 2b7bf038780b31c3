/// A change a coach made to a runner's programme, and why: fewer or more runs a week, a
/// target weekly distance, a pause of running, extra emphasis on a target, or holding the
/// current phase.
///
/// It takes effect on the morning after the day it was made and lasts until it is undone (a
/// pause: for its days from that morning). Of two active adjustments of the same kind, the
/// later one wins. The coach applies it inside the rules (``AdjustedWeek``): a warning sign,
/// pain holds, `load.singleRunSpikePercent`, `load.weeklyJumpPercent` and the phase gates
/// always win, and the reason says when one did.
///
/// ```swift
/// let sam = CoachAdjustment.Author(userID: 7, name: "Sam")
/// let three = CoachAdjustment(id: 1, kind: .runsPerWeek(3), author: sam, reason: "Recover from the race", made: day)
/// three.isActive(on: day.adding(days: 1))   // true
/// ```
public struct CoachAdjustment: Sendable, Equatable, Identifiable {
    /// What the adjustment changes, with its value.
    public enum Kind: Sendable, Equatable, Hashable {
        /// Runs a week (the run days of the week's layout).
        case runsPerWeek(Int)
        /// A target for the weekly distance, in kilometres, that running builds (or comes down) toward.
        case weeklyDistance(km: Double)
        /// No running for this many days from the morning after it was made; cross-training instead.
        case pauseRunning(days: Int)
        /// Extra weight on one target when exercises are chosen.
        case emphasis(Target)
        /// The phase stays where it is: no phase moves on while it is active.
        case holdPhase
    }

    /// Who made (or undid) an adjustment: the account, when there is one, and the name shown.
    public struct Author: Sendable, Equatable, Hashable {
        /// The account's id; `nil` once the account is gone, or for a name typed offline.
        public let userID: Int64?
        public let name: String

        public init(userID: Int64?, name: String) {
            self.userID = userID
            self.name = name
        }
    }

    /// When and by whom an adjustment was undone: it applies through that day, not after.
    public struct Undo: Sendable, Equatable {
        public let on: LocalDate
        public let by: Author

        public init(on: LocalDate, by: Author) {
            self.on = on
            self.by = by
        }
    }

    /// The store's id.
    public let id: Int64
    public let kind: Kind
    public let author: Author
    /// The coach's own words: why they made it.
    public let reason: String
    /// The day it was made, in the runner's calendar: it applies from the next morning.
    public let made: LocalDate
    public var undone: Undo?

    public init(id: Int64, kind: Kind, author: Author, reason: String, made: LocalDate, undone: Undo? = nil) {
        self.id = id
        self.kind = kind
        self.author = author
        self.reason = reason
        self.made = made
        self.undone = undone
    }

    /// The first day it applies: the morning after it was made.
    public var firstDay: LocalDate { made.adding(days: 1) }

    /// The last day it applies, or `nil` while it lasts until undone: the day it was undone,
    /// or for a pause its last day (whichever comes first).
    public var lastDay: LocalDate? {
        let pauseEnd: LocalDate? = if case .pauseRunning(let days) = kind { made.adding(days: days) } else { nil }
        return [pauseEnd, undone?.on].compactMap { $0 }.min()
    }

    /// Whether it applies on `day`.
    public func isActive(on day: LocalDate) -> Bool {
        day >= firstDay && lastDay.map { day <= $0 } ?? true
    }

    /// Whether it still applies on `day` or will later (made, not undone, not a finished pause).
    public func isCurrent(on day: LocalDate) -> Bool {
        lastDay.map { day <= $0 } ?? true
    }

    /// What a fold of the days before `day` reads of it: itself, but not an undo it could not
    /// have seen yet (an undo from the day before `day` on changes no day before it).
    /// `nil` when it applies on no day before `day`.
    func seen(before day: LocalDate) -> CoachAdjustment? {
        guard firstDay < day else { return nil }
        var seen = self
        if let undone, undone.on.adding(days: 1) >= day { seen.undone = nil }
        return seen
    }
}

extension CoachAdjustment.Kind {
    /// The kind's name, as the store, the command line and the JSON write it: `runs-per-week`,
    /// `weekly-distance`, `pause-running`, `emphasis`, `hold-phase`.
    public var name: String {
        switch self {
        case .runsPerWeek: "runs-per-week"
        case .weeklyDistance: "weekly-distance"
        case .pauseRunning: "pause-running"
        case .emphasis: "emphasis"
        case .holdPhase: "hold-phase"
        }
    }

    /// Every kind's name, in the order the command line lists them.
    public static let names = ["runs-per-week", "weekly-distance", "pause-running", "emphasis", "hold-phase"]

    /// The value as text: `3`, `25.5`, `7`, `hip-abductors`; `nil` for holding the phase.
    public var valueText: String? {
        switch self {
        case .runsPerWeek(let runs): "\(runs)"
        case .weeklyDistance(let km): km.plainText
        case .pauseRunning(let days): "\(days)"
        case .emphasis(let target): target.rawValue
        case .holdPhase: nil
        }
    }

    /// The later of two adjustments of the same kind wins: the same slot for each kind.
    var slot: Int {
        switch self {
        case .runsPerWeek: 0
        case .weeklyDistance: 1
        case .pauseRunning: 2
        case .emphasis: 3
        case .holdPhase: 4
        }
    }
}

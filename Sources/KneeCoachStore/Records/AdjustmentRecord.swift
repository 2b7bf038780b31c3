import KneeCoachCore

/// A coach's adjustment of the runner's programme as the journal keeps it (table
/// `coach_adjustments`) and a backup carries it; ``adjustment`` is the Core value.
public struct AdjustmentRecord: Sendable, Equatable, Codable {
    /// `nil` until stored.
    public var id: AdjustmentID?
    /// `runs-per-week`, `weekly-distance`, `pause-running`, `emphasis` or `hold-phase`.
    public var kind: String
    /// Runs, kilometres or days; `nil` for an emphasis or a hold.
    public var value: Double?
    /// The emphasised target's name; `nil` for the other kinds.
    public var target: String?
    /// The coach's account, `nil` once it is gone.
    public var madeBy: Int64?
    public var coachName: String
    public var reason: String
    /// The day it was made: it applies from the next morning.
    public var date: LocalDate
    public var undoneOn: LocalDate?
    public var undoneBy: Int64?
    public var undoneByName: String?

    public init(
        id: AdjustmentID? = nil, kind: String, value: Double?, target: String?, madeBy: Int64?, coachName: String,
        reason: String, date: LocalDate, undoneOn: LocalDate? = nil, undoneBy: Int64? = nil, undoneByName: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.value = value
        self.target = target
        self.madeBy = madeBy
        self.coachName = coachName
        self.reason = reason
        self.date = date
        self.undoneOn = undoneOn
        self.undoneBy = undoneBy
        self.undoneByName = undoneByName
    }

    /// The record of an adjustment (its id, when it has one above 0).
    public init(_ adjustment: CoachAdjustment) {
        var value: Double?
        var target: String?
        switch adjustment.kind {
        case .runsPerWeek(let runs): value = Double(runs)
        case .weeklyDistance(let km): value = km
        case .pauseRunning(let days): value = Double(days)
        case .emphasis(let emphasised): target = emphasised.rawValue
        case .holdPhase: break
        }
        self.init(
            id: adjustment.id > 0 ? AdjustmentID(adjustment.id) : nil, kind: adjustment.kind.name, value: value,
            target: target, madeBy: adjustment.author.userID, coachName: adjustment.author.name, reason: adjustment.reason,
            date: adjustment.made, undoneOn: adjustment.undone?.on, undoneBy: adjustment.undone?.by.userID,
            undoneByName: adjustment.undone?.by.name)
    }

    /// The Core value; `nil` for a kind or value this build does not read (a row of a newer one).
    public var adjustment: CoachAdjustment? {
        guard let id,
            let kind = try? CoachAdjustment.Kind(name: kind, value: target ?? value.map(\.plainText))
        else { return nil }
        let undo = undoneOn.map {
            CoachAdjustment.Undo(on: $0, by: .init(userID: undoneBy, name: undoneByName ?? coachName))
        }
        return CoachAdjustment(
            id: id.rawValue, kind: kind, author: .init(userID: madeBy, name: coachName), reason: reason, made: date,
            undone: undo)
    }
}

/// The adjustments that apply on one day: of each kind, the one made last (the later id
/// when two were made the same day).
struct DayAdjustments: Equatable {
    /// By ``CoachAdjustment/Kind/slot``.
    private(set) var slots: [CoachAdjustment?] = Array(repeating: nil, count: 5)

    static let none = DayAdjustments()

    /// - Parameter sorted: The adjustments in the order they were made (``CoachAdjustment/inOrder(_:)``).
    init(on day: LocalDate, from sorted: [CoachAdjustment]) {
        for adjustment in sorted where adjustment.isActive(on: day) { slots[adjustment.kind.slot] = adjustment }
    }

    private init() {}

    var isEmpty: Bool { slots.allSatisfy { $0 == nil } }

    /// The active ones, in the order of their kinds.
    var all: [CoachAdjustment] { slots.compactMap { $0 } }

    var runsPerWeek: (CoachAdjustment, Int)? {
        guard let adjustment = slots[0], case .runsPerWeek(let runs) = adjustment.kind else { return nil }
        return (adjustment, runs)
    }

    var weeklyDistance: (CoachAdjustment, Double)? {
        guard let adjustment = slots[1], case .weeklyDistance(let km) = adjustment.kind else { return nil }
        return (adjustment, km)
    }

    var pause: CoachAdjustment? { slots[2] }

    var emphasis: (CoachAdjustment, Target)? {
        guard let adjustment = slots[3], case .emphasis(let target) = adjustment.kind else { return nil }
        return (adjustment, target)
    }

    var holdPhase: CoachAdjustment? { slots[4] }

    /// What a week is decided with: the runs and distance of the day it is decided on, and a
    /// hold of the phase active on its Monday (a hold made mid-week holds from the next Monday).
    func week(holdingFrom monday: DayAdjustments) -> WeekAdjustments {
        WeekAdjustments(runsPerWeek: slots[0], weeklyDistance: slots[1], holdPhase: monday.holdPhase)
    }
}

/// The adjustments a week's plan is decided with (``WeekPlanner``).
struct WeekAdjustments: Equatable {
    var runsPerWeek: CoachAdjustment?
    var weeklyDistance: CoachAdjustment?
    var holdPhase: CoachAdjustment?

    static let none = WeekAdjustments()

    var runs: Int? {
        guard case .runsPerWeek(let runs)? = runsPerWeek?.kind else { return nil }
        return runs
    }

    var targetKm: Double? {
        guard case .weeklyDistance(let km)? = weeklyDistance?.kind else { return nil }
        return km
    }
}

extension CoachAdjustment {
    /// The adjustments in the order they were made: by day, then by id.
    static func inOrder(_ adjustments: [CoachAdjustment]) -> [CoachAdjustment] {
        adjustments.sorted { ($0.made, $0.id) < ($1.made, $1.id) }
    }

    /// What a fold of the days before `day` reads of `adjustments` (``seen(before:)``), in order.
    static func seen(_ adjustments: [CoachAdjustment], before day: LocalDate) -> [CoachAdjustment] {
        inOrder(adjustments).compactMap { $0.seen(before: day) }
    }
}

/// An adjustment as the plan applied it on a day: the coach's change in words, naming the
/// coach and the day, and, when a rule allowed less than asked, which rule and what it allowed.
public struct AppliedAdjustment: Sendable, Equatable {
    public let adjustment: CoachAdjustment
    /// "Your coach Sam set 3 runs a week on 2 Mar." (and what a rule allowed instead).
    public let reason: Reason
    /// The rule that applied less than asked, in words ("the weekly-jump rule", "a warning
    /// sign"), if one did; its evidence row is the reason's.
    public let limitedBy: String?

    init(_ adjustment: CoachAdjustment, reason: Reason, limitedBy: String? = nil) {
        self.adjustment = adjustment
        self.reason = reason
        self.limitedBy = limitedBy
    }
}

/// What the prescriber reads of a day's adjustments: their reasons, and the two it applies
/// itself (a pause, an emphasis); the week applied the others.
struct MorningAdjustments {
    var applied: [AppliedAdjustment] = []
    var pausesRunning = false
    var emphasis: Target?

    static let none = MorningAdjustments()

    private init() {}

    /// - Parameter week: The week as decided with the day's runs a week, target week and the hold of its Monday.
    init(_ today: DayAdjustments, week: WeekPlan) {
        let active = Set(today.all.map(\.id))
        applied = week.adjusted.filter { active.contains($0.adjustment.id) }
        if let hold = today.holdPhase, !applied.contains(where: { $0.adjustment.id == hold.id }) {
            applied.append(AdjustmentReasons.hold(hold, phase: week.phase, fromNextWeek: true))
        }
        if let pause = today.pause {
            pausesRunning = true
            applied.append(AdjustmentReasons.pause(pause))
        }
        if let (adjustment, target) = today.emphasis {
            emphasis = target
            applied.append(AdjustmentReasons.emphasis(adjustment))
        }
        applied.sort { $0.adjustment.kind.slot < $1.adjustment.kind.slot }
    }
}

extension Needs {
    /// These needs with a coach's extra emphasis on `target` (``AdjustmentLimits/emphasisWeight``).
    func emphasising(_ target: Target?) -> Needs {
        guard let target else { return self }
        var needs = self
        needs.emphasis[target, default: 1] += AdjustmentLimits.emphasisWeight
        return needs
    }
}

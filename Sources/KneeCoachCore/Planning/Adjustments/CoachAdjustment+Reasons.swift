import Foundation

/// The words of an applied adjustment: who made it and when, what it changes, and when a
/// rule won, which rule and what it allowed instead.
enum AdjustmentReasons {
    /// "Your coach Sam set 3 runs a week on 2 Mar".
    static func said(_ adjustment: CoachAdjustment) -> String {
        let change: String
        switch adjustment.kind {
        case .runsPerWeek(let runs): change = "set \(runs) run\(runs == 1 ? "" : "s") a week"
        case .weeklyDistance(let km): change = "set a target of \(km.kmText) a week"
        case .pauseRunning(let days): change = "paused running for \(days) day\(days == 1 ? "" : "s")"
        case .emphasis(let target): change = "asked for extra work on the \(target.words)"
        case .holdPhase: change = "held the plan in its phase"
        }
        return "Your coach \(adjustment.author.name) \(change) on \(adjustment.made.dayAndMonth)"
    }

    /// The adjustment as applied: what it does, or what a rule allowed instead.
    /// - Parameters:
    ///   - rule: The rule that allowed less than asked, in words, when one did.
    ///   - evidence: That rule's row.
    static func applied(
        _ adjustment: CoachAdjustment, _ outcome: String, rule: String? = nil, evidence: EvidenceKey? = nil
    ) -> AppliedAdjustment {
        AppliedAdjustment(adjustment, reason: Reason(said(adjustment) + outcome + ".", evidence: evidence), limitedBy: rule)
    }

    /// Applied less than asked because of the rule of `key`: "…; the weekly-jump rule allows 14 km this week".
    static func limited(_ adjustment: CoachAdjustment, by key: EvidenceKey, _ outcome: String) -> AppliedAdjustment {
        let rule = ruleName(key)
        return applied(adjustment, "; \(rule) \(outcome)", rule: rule, evidence: key)
    }

    /// Under a warning sign every adjustment waits: the sign wins. A pause does not wait: its
    /// days run as the coach set them, and the sign keeps running out of the plan meanwhile.
    static func waiting(_ adjustment: CoachAdjustment, sign: RedFlagNotice) -> AppliedAdjustment {
        if case .pauseRunning = adjustment.kind, let last = adjustment.lastDay {
            return applied(
                adjustment, "; a warning sign holds the plan meanwhile, and the pause ends on \(last.dayAndMonth) as set",
                rule: "a warning sign", evidence: sign.evidence)
        }
        return applied(
            adjustment, "; a warning sign holds the plan, so this waits until it is lifted", rule: "a warning sign",
            evidence: sign.evidence)
    }

    /// Under a pain hold the pain rule decides the day's running: a coach's runs a week or
    /// target week says so, whatever the week allowed.
    static func heldByPain(_ applied: AppliedAdjustment, hold: PlanHold) -> AppliedAdjustment {
        switch applied.adjustment.kind {
        case .runsPerWeek, .weeklyDistance:
            let effect = hold.effect == .replaceRuns ? "runs are replaced by cross-training" : "runs are shortened"
            return Self.applied(
                applied.adjustment,
                "; pain you logged holds running until \(hold.until.weekdayName) \(hold.until.dayAndMonth) (\(effect)), so the pain rule comes first",
                rule: "the pain rule", evidence: hold.reason.evidence)
        default: return applied
        }
    }

    static func pause(_ adjustment: CoachAdjustment) -> AppliedAdjustment {
        let through = adjustment.lastDay.map { " through \($0.dayAndMonth)" } ?? ""
        return applied(adjustment, ": cross-training takes the place of running\(through)")
    }

    static func emphasis(_ adjustment: CoachAdjustment) -> AppliedAdjustment {
        applied(adjustment, ": exercises for it come first, among those that suit your knee")
    }

    /// A hold of the phase: the phase it keeps, or from when when it was made mid-week.
    static func hold(_ adjustment: CoachAdjustment, phase: TrainingPhase, fromNextWeek: Bool) -> AppliedAdjustment {
        applied(adjustment, fromNextWeek ? ": from next week the plan stays in \(phase.rawValue)" : ": the plan stays in \(phase.rawValue)")
    }

    /// The rule a reason of the week's distance names, in words.
    static func ruleName(_ key: EvidenceKey?) -> String {
        switch key {
        case Evidence.loadWeeklyJumpPercent.key?: "the weekly-jump rule"
        case Evidence.loadSingleRunSpikePercent.key?: "the single-run rule"
        case Evidence.painNextMorning.key?, Evidence.painDuringMax.key?, Evidence.painSafeMax.key?,
            Evidence.painWeekTrend.key?:
            "the pain rule"
        case Evidence.planRestartAfterGapDays.key?: "the restart rule"
        case Evidence.loadDeloadCutPercent.key?: "the lighter-week rule"
        case Evidence.rtrWalkRun.key?, Evidence.rtrEntry.key?: "the walk–run rule"
        default: "the load rules"
        }
    }
}

extension Target {
    /// The target in words: `hip abductors`.
    var words: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

extension LocalDate {
    /// The day as a reason says it: `2 Mar`.
    var dayAndMonth: String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day) \(months[max(0, min(11, month - 1))])"
    }
}

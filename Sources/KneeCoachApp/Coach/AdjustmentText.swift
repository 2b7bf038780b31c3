import KneeCoachCore

/// A coach's adjustment in words, the same on the command line and the web pages.
public enum AdjustmentText {
    /// The change: `3 runs a week`, `40 km a week`, `pause running 5 days`.
    public static func change(_ kind: CoachAdjustment.Kind) -> String {
        switch kind {
        case .runsPerWeek(let runs): "\(runs) run\(runs == 1 ? "" : "s") a week"
        case .weeklyDistance(let km): "\(km.plainText) km a week"
        case .pauseRunning(let days): "pause running \(days) day\(days == 1 ? "" : "s")"
        case .emphasis(let target): "emphasis on \(target.rawValue)"
        case .holdPhase: "hold the phase"
        }
    }

    /// The days it applies: `applies from 2026-03-03`, `applies 2026-03-03 to 2026-03-07`, `never applied`.
    public static func applies(_ adjustment: CoachAdjustment) -> String {
        guard let last = adjustment.lastDay else { return "applies from \(adjustment.firstDay)" }
        guard last >= adjustment.firstDay else { return "never applied" }
        return "applies \(adjustment.firstDay) to \(last)"
    }

    /// Where it stands on `today`: `active`, `upcoming`, `ended`, or `undone DAY by NAME`.
    public static func state(_ adjustment: CoachAdjustment, today: LocalDate) -> String {
        if let undo = adjustment.undone { return "undone \(undo.on) by \(undo.by.name)" }
        return AdjustmentsDocument.status(of: adjustment, today: today)
    }
}

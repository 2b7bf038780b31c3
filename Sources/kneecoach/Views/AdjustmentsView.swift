import KneeCoachApp
import KneeCoachCore

/// `kneecoach adjustments` as text: each change, who made it and when, on its first line;
/// when it applies and where it stands today on the second; the coach's reason below.
enum AdjustmentsView {
    /// The name an undo from this command line is recorded with.
    static let runnerName = "the runner"

    static func render(_ adjustments: [CoachAdjustment], today: LocalDate) -> String {
        guard !adjustments.isEmpty else {
            return TextLayout.wrap(
                "No coach has adjusted your programme. A coach you let adjust it can change runs a week, a target week, pause running, add emphasis or hold the phase.")
        }
        return adjustments.map { adjustment in
            let id = String(adjustment.id)
            let indent = String(repeating: " ", count: id.count + 2)
            return [
                "\(id)  \(change(adjustment.kind)), set by \(adjustment.author.name) on \(adjustment.made)",
                "\(indent)\(applies(adjustment)); \(state(adjustment, today: today))",
                TextLayout.wrap("\u{201C}\(adjustment.reason)\u{201D}", indent: indent, firstIndent: indent),
            ].joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The change in words: `3 runs a week`, `40 km a week`, `pause running 5 days`.
    static func change(_ kind: CoachAdjustment.Kind) -> String {
        switch kind {
        case .runsPerWeek(let runs): "\(runs) run\(runs == 1 ? "" : "s") a week"
        case .weeklyDistance(let km): "\(km.plainText) km a week"
        case .pauseRunning(let days): "pause running \(days) day\(days == 1 ? "" : "s")"
        case .emphasis(let target): "emphasis on \(target.rawValue)"
        case .holdPhase: "hold the phase"
        }
    }

    private static func applies(_ adjustment: CoachAdjustment) -> String {
        guard let last = adjustment.lastDay else { return "applies from \(adjustment.firstDay)" }
        guard last >= adjustment.firstDay else { return "never applied" }
        return "applies \(adjustment.firstDay) to \(last)"
    }

    private static func state(_ adjustment: CoachAdjustment, today: LocalDate) -> String {
        if let undo = adjustment.undone { return "undone \(undo.on) by \(undo.by.name)" }
        return AdjustmentsDocument.status(of: adjustment, today: today)
    }
}

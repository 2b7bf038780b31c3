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
                "\(id)  \(AdjustmentText.change(adjustment.kind)), set by \(adjustment.author.name) on \(adjustment.made)",
                "\(indent)\(AdjustmentText.applies(adjustment)); \(AdjustmentText.state(adjustment, today: today))",
                TextLayout.wrap("\u{201C}\(adjustment.reason)\u{201D}", indent: indent, firstIndent: indent),
            ].joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

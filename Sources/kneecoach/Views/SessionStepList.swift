import Foundation
import KneeCoachApp
import KneeCoachCore

/// A guided session as a plain list of its steps, for a pipe or a file where nothing can
/// be animated.
enum SessionStepList {
    /// The heading, one numbered line per step with its time, and how to log it afterwards.
    static func text(_ timeline: SessionTimeline, date: LocalDate) -> String {
        var lines = [
            "\(timeline.kind.rawValue.capitalizedFirst) session of \(date) · about \(clockText(seconds: timeline.totalSeconds)) in \(timeline.steps.count) steps"
        ]
        let digits = String(timeline.steps.count).count
        for (index, step) in timeline.steps.enumerated() {
            let number = String(index + 1).leftPadded(to: digits)
            var text = step.title
            if step.kind == .work {
                let parts = [step.position, describe(step.style)].filter { !$0.isEmpty }
                if !parts.isEmpty { text += " — " + parts.joined(separator: ", ") }
            }
            let time = step.seconds.map { clockText(seconds: $0) } ?? "–"
            lines.append(TextLayout.fit("\(number). \(text)", TextLayout.width - 9) + " " + time.leftPadded(to: 8))
        }
        lines.append("")
        lines.append(
            TextLayout.wrap(
                "Nothing is logged from this list. Run it in a terminal to be guided, or log it when done: "
                    + "kneecoach log session --date \(date) --kind \(timeline.kind.rawValue)"))
        return lines.joined(separator: "\n")
    }

    /// The dose of one work step in a few words: `10 reps, 4 s down`, `3 × 5 s holds`.
    static func describe(_ style: WorkStyle) -> String {
        style.summary
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

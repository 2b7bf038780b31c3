import Foundation
import KneeCoachCore

/// The full-screen frame of a guided session: the exercise and where it stands, a big
/// countdown with its bar, the cues, the breath pacer, what comes next and the keys.
///
/// A pure function of the runner and the time, so tests can read a frame without a terminal.
enum SessionScreen {
    /// The lines of one frame, none longer than `width`, at most `height` of them.
    static func lines(_ runner: SessionRunner, at now: Double, date: LocalDate, width: Int, height: Int) -> [String] {
        let width = max(30, width)
        let rule = String(repeating: "─", count: width)
        var top = [
            fit(
                "KneeCoach · \(runner.timeline.kind.rawValue) session · \(date)",
                right: "step \(min(runner.index + 1, runner.timeline.steps.count)) of \(runner.timeline.steps.count)",
                width),
            rule,
        ]
        var body: [String] = []
        if let step = runner.step {
            let elapsed = runner.elapsedInStep(at: now)
            body.append(fit(step.title.uppercased(), right: step.position, width))
            body.append("")
            if step.kind == .work, let beat = step.style.beat(at: elapsed) { body.append("  " + beat) }
            if let remaining = runner.remainingInStep(at: now), let seconds = step.seconds {
                body.append("  " + clockText(seconds: remaining.rounded(.up)) + (runner.status == .paused ? "   PAUSED — space to go on" : ""))
                body.append("  " + bar(seconds > 0 ? elapsed / seconds : 1, width: width - 4, filled: "█", empty: "░"))
            } else {
                body.append("  untimed: press n when done" + (runner.status == .paused ? "   PAUSED" : ""))
            }
            if let pacer = step.pacer, runner.status != .paused {
                let breath = pacer.phase(at: elapsed)
                body.append("")
                let label = breath.phase.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)
                body.append("  breathe \(label) " + bar(breath.fullness, width: min(40, width - 16), filled: "■", empty: " ", ends: "[]"))
            }
            body.append("")
            // The runner's own change first, so a short screen still shows it.
            let cues = step.runnerCues.map { "For you: " + $0 } + step.cues
            for cue in cues.prefix(max(0, height - 14)) where step.kind != .switchSide && step.kind != .rest {
                body.append(contentsOf: TextLayout.wrap(cue, indent: "    ", firstIndent: "  · ", width: width).split(separator: "\n").map(String.init))
            }
            if step.kind == .rest { body.append("  Breathe easily and shake the legs out.") }
            if step.kind == .switchSide { body.append("  Change over and get set.") }
        } else {
            body.append(runner.status == .finished ? "SESSION DONE" : "SESSION STOPPED")
        }
        var foot: [String] = [""]
        if let next = runner.nextStep {
            let what = [next.title, next.position].filter { !$0.isEmpty }.joined(separator: ", ")
            foot.append(clip("Next: \(what)" + (next.seconds.map { " (\(clockText(seconds: $0)))" } ?? ""), width))
        } else if runner.step != nil {
            foot.append("Next: the end of the session")
        }
        let total = runner.timeline.totalSeconds
        let left = runner.remainingSeconds(at: now)
        foot.append(
            "Session " + bar(total > 0 ? 1 - left / total : 1, width: min(30, width - 24), filled: "█", empty: "░")
                + " \(clockText(seconds: left.rounded(.up))) left")
        foot.append(rule)
        foot.append(clip(SessionKey.help, width))
        let room = max(0, height - top.count - foot.count)
        top.append(contentsOf: body.prefix(room))
        return (top + foot).map { clip($0, width) }
    }

    /// `[█████░░░░░]`: `fraction` of `width` characters filled, brackets included.
    static func bar(_ fraction: Double, width: Int, filled: Character, empty: Character, ends: String = "[]") -> String {
        let inside = max(1, width - 2)
        let count = Int((min(1, max(0, fraction.isFinite ? fraction : 0)) * Double(inside)).rounded(.down))
        return String(ends.prefix(1)) + String(repeating: filled, count: count)
            + String(repeating: empty, count: inside - count) + String(ends.suffix(1))
    }

    private static func fit(_ left: String, right: String, _ width: Int) -> String {
        let gap = width - left.count - right.count
        return gap >= 1 ? left + String(repeating: " ", count: gap) + right : clip(left + " · " + right, width)
    }

    private static func clip(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }
}

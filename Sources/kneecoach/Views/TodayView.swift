import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The text of `kneecoach today`: warning signs first, then the programme week and phase,
/// any pain hold with its cause and end, the coaches' adjustments of the day, the day's
/// sessions, and the disclaimer.
enum TodayView {
    /// New comments from a coach shown at most; the rest are counted.
    static let commentsShown = 3

    static func render(
        _ day: PlanDay, morning: MorningState, library: ExerciseLibrary, explain: Bool, comments: [CommentRecord] = []
    ) -> String {
        var blocks: [String] = []
        if !morning.redFlags.isEmpty { blocks.append(PlanWeekView.redFlags(morning.redFlags)) }
        if !comments.isEmpty { blocks.append(Self.comments(comments)) }
        var header = "Today, week \(morning.programmeWeek) · \(morning.phase.rawValue)"
        if morning.deload { header += " · lighter week" }
        header += morning.day < morning.programmeStart
            ? " (the programme starts on \(morning.programmeStart))" : " (programme started \(morning.programmeStart))"
        blocks.append(header)
        if let reason = morning.noRunningReason { blocks.append(TextLayout.wrap(PlanText.reason(reason))) }
        for hold in day.holds {
            let evidence = explain ? " [\(hold.reason.evidence.map(\.rawValue) ?? "")]" : ""
            blocks.append(TextLayout.wrap("Hold: " + PlanText.hold(hold, underSign: morning.isHeldByRedFlag) + evidence, indent: "  "))
        }
        for adjustment in day.adjustments {
            let evidence = explain ? adjustment.reason.evidence.map { " [\($0.rawValue)]" } ?? "" : ""
            blocks.append(
                TextLayout.wrap(
                    "Coach: " + adjustment.reason.text + evidence + " (\u{201C}\(adjustment.adjustment.reason)\u{201D})",
                    indent: "  "))
        }
        if day.sessions.isEmpty {
            blocks.append("Nothing planned for \(day.date.weekdayName) \(day.date): rest, walk, and enjoy the day.")
        } else {
            blocks.append(PlanWeekView.day(day, library: library, explain: explain))
        }
        if day.retest == nil, let due = morning.retestDue {
            blocks.append("Self-tests next due on \(due.weekdayName) \(due).")
        }
        blocks.append(TextLayout.wrap(Disclaimer.text))
        return blocks.joined(separator: "\n\n")
    }

    /// A coach's new comments, newest last, as Today on the web shows them (marked read there).
    static func comments(_ comments: [CommentRecord]) -> String {
        var lines = ["From your coach:"]
        for comment in comments.suffix(commentsShown) {
            let about = comment.about == "day" ? "" : ", about \(comment.about)"
            let text = "\(comment.authorName), \(comment.day)\(about): \(comment.body)"
            lines.append(TextLayout.wrap(printable(text), indent: "    ", firstIndent: "  "))
        }
        let more = comments.count - commentsShown
        lines.append(
            "  " + (more > 0 ? "\(more) more, and " : "") + "mark them read on the web app's Today.")
        return lines.joined(separator: "\n")
    }

    /// `text` with every control character (a restored backup may hold any) as a space: a
    /// comment never drives the terminal.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}

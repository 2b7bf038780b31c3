import KneeCoachApp
import KneeCoachCore

/// The text of `kneecoach today`: warning signs first, then the programme week and phase,
/// any pain hold with its cause and end, the coaches' adjustments of the day, the day's
/// sessions, and the disclaimer.
enum TodayView {
    static func render(_ day: PlanDay, morning: MorningState, library: ExerciseLibrary, explain: Bool) -> String {
        var blocks: [String] = []
        if !morning.redFlags.isEmpty { blocks.append(PlanWeekView.redFlags(morning.redFlags)) }
        var header = "Today, week \(morning.programmeWeek) · \(morning.phase.rawValue)"
        if morning.deload { header += " · lighter week" }
        header += morning.day < morning.programmeStart
            ? " (the programme starts on \(morning.programmeStart))" : " (programme started \(morning.programmeStart))"
        blocks.append(header)
        if let reason = morning.noRunningReason { blocks.append(TextLayout.wrap(PlanText.reason(reason))) }
        for hold in day.holds {
            let evidence = explain ? " [\(hold.reason.evidence.map(\.rawValue) ?? "")]" : ""
            blocks.append(TextLayout.wrap("Hold: " + hold.reason.text + evidence, indent: "  "))
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
}

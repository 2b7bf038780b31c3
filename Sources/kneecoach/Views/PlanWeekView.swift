import KneeCoachApp
import KneeCoachCore

/// A plan as a person reads it in an 80-column terminal: red flags first, then week by
/// week and day by day, then the notes and the disclaimer.
///
/// ```
/// Week 1 of 12 · build · 14.0 km
///   Mon 2026-12-07  warm-up 8 min: Leg swings 2×10 /side, …
///                   run 5.0 km
/// ```
/// With `explain`, each week lists its reasons and each session and item its reason with
/// the evidence key in brackets.
enum PlanWeekView {
    /// Where a session line's text starts: after `  Mon 2026-12-07  `.
    static let sessionIndent = String(repeating: " ", count: 18)

    static func render(_ plan: Plan, library: ExerciseLibrary?, explain: Bool) -> String {
        var blocks: [String] = []
        if !plan.redFlags.isEmpty { blocks.append(redFlags(plan.redFlags)) }
        if plan.weeks.isEmpty { blocks.append("This plan has no weeks.") }
        for week in plan.weeks {
            blocks.append(self.week(week, of: plan.weeks.count, library: library, explain: explain))
        }
        if !plan.notes.isEmpty { blocks.append(notes(plan.notes)) }
        blocks.append(TextLayout.wrap(plan.disclaimer))
        return blocks.joined(separator: "\n\n")
    }

    /// The sessions of one day, as `today` prints them.
    static func day(_ day: PlanDay, library: ExerciseLibrary?, explain: Bool) -> String {
        let retest = day.retest.map { reason in
            TextLayout.wrap(
                "Self-tests due: run 'kneecoach assess'. " + reason.text + (explain ? " [\(reason.evidence.map(\.rawValue) ?? "")]" : ""),
                indent: sessionIndent + "  ", firstIndent: sessionIndent)
        }
        guard !day.sessions.isEmpty else {
            return (["  \(day.date.weekdayName) \(day.date)  nothing planned"] + [retest].compactMap { $0 })
                .joined(separator: "\n")
        }
        var lines: [String] = []
        for (index, session) in day.sessions.enumerated() {
            let lead = index == 0 ? "  \(day.date.weekdayName) \(day.date)  " : sessionIndent
            lines.append(self.session(session, lead: lead, library: library))
            if explain { lines += explanation(session, library: library) }
        }
        if let retest { lines.append(retest) }
        return lines.joined(separator: "\n")
    }

    /// The red flags, loud and first: the sign, what to do, and why.
    static func redFlags(_ flags: [RedFlagNotice]) -> String {
        var lines = [
            flags.contains(where: \.holdsThePlan)
                ? "!! WARNING SIGNS: see a clinician. This plan has no running and no progression."
                : "!! PAIN THAT PERSISTS: have it looked at. Progression waits; the exercise goes on.",
            String(repeating: "!", count: TextLayout.width),
        ]
        for flag in flags {
            lines.append(
                TextLayout.wrap(
                    "\(flag.sign): \(PlanText.advice(flag.action)). \(flag.text)", indent: "!!   ", firstIndent: "!! - "))
        }
        lines.append(String(repeating: "!", count: TextLayout.width))
        return lines.joined(separator: "\n")
    }

    static func week(_ week: PlanWeek, of count: Int, library: ExerciseLibrary?, explain: Bool) -> String {
        // Programme weeks: the number counts from the programme's start, not from the plan's.
        var header = "Week \(week.index) · \(week.phase.rawValue)"
        if week.deload { header += " · deload" }
        let runs = week.days.flatMap(\.sessions).filter { $0.kind == .run }
        if !runs.isEmpty, runs.allSatisfy(\.isWalkRun) {
            header += " · \(runs.count) walk–run session\(runs.count == 1 ? "" : "s")"
        } else {
            header += !runs.isEmpty || week.runningKm > 0 ? " · \(PlanText.weekRunning(week))" : " · no running"
        }
        var lines = [header, String(repeating: "─", count: min(TextLayout.width, header.count))]
        if explain {
            for reason in week.reasons {
                lines.append(TextLayout.wrap(PlanText.reason(reason), indent: "        ", firstIndent: "  why:  "))
            }
        }
        lines += week.days.map { day($0, library: library, explain: explain) }
        return lines.joined(separator: "\n")
    }

    static func notes(_ notes: [PlanNote]) -> String {
        var lines = ["Notes"]
        for note in notes {
            lines.append(
                TextLayout.wrap(
                    "\(note.topic.rawValue): \(note.text) (source: \(note.source.rawValue))", indent: "    ",
                    firstIndent: "  - "))
        }
        return lines.joined(separator: "\n")
    }

    /// One session on one (wrapped) line: `warm-up 8 min: Leg swings 2×10 /side, …`.
    private static func session(_ session: PlanSession, lead: String, library: ExerciseLibrary?) -> String {
        var text = PlanText.headline(session)
        if !session.items.isEmpty {
            // A no-break space inside each dose keeps it on one line when the text wraps.
            text += ": " + session.items.map {
                "\(PlanText.name(of: $0, in: library)) \(PlanText.dose($0).replacingOccurrences(of: " ", with: "\u{00A0}"))"
            }.joined(separator: ", ")
        }
        return TextLayout.wrap(text, indent: sessionIndent + "  ", firstIndent: lead)
    }

    private static func explanation(_ session: PlanSession, library: ExerciseLibrary?) -> [String] {
        let indent = sessionIndent + "  "
        var lines = [
            TextLayout.wrap(PlanText.reason(session.reason), indent: indent + "     ", firstIndent: indent + "why: ")
        ]
        for item in session.items {
            // Name the exercise unless its reason already starts with the name.
            let name = PlanText.name(of: item, in: library)
            let reason = PlanText.reason(item.reason)
            lines.append(
                TextLayout.wrap(
                    reason.hasPrefix(name) ? reason : "\(name): \(reason)", indent: indent + "    ",
                    firstIndent: indent + "  · "))
            // The runner's own changes from the exercise's older-runner or arthritis notes.
            for cue in item.cues {
                lines.append(TextLayout.wrap("for you: " + cue, indent: indent + "      ", firstIndent: indent + "    "))
            }
        }
        return lines
    }
}

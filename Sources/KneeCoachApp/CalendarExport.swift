import Foundation
import KneeCoachCore

/// A plan as an RFC 5545 iCalendar file: one all-day event per session.
///
/// Choices, so that a re-export updates a subscribed or imported calendar instead of
/// duplicating it:
/// - Events are all-day (`DTSTART;VALUE=DATE`, `DTEND` the next day) and marked
///   `TRANSP:TRANSPARENT`, so they never depend on a time zone and never block the day.
/// - Each `UID` is built from the plan's start, the session's date, its kind and its place
///   among that day's sessions of the same kind:
///   `20261208-strength-1.plan-20261207@kneecoach`. The same plan exported twice gives the
///   same UIDs; a plan with a new start date is a new series.
/// - `DTSTAMP` is midnight UTC of the plan's start unless a stamp is passed in, so the same
///   plan gives the same bytes (Core and this export read no clock).
/// - When the plan has red flags, the first event (on the start date) says so and what to do;
///   the plan then holds no runs.
///
/// ```swift
/// let text = CalendarExport.render(plan, library: try .bundled())
/// try CalendarExport.write(plan, library: library, to: URL(fileURLWithPath: "plan.ics"))
/// ```
public enum CalendarExport {
    /// The `PRODID` of every file KneeCoach writes.
    public static let productID = "-//KneeCoach//KneeCoach plan//EN"

    /// Renders the plan as iCalendar text with CRLF line endings and folded lines.
    /// - Parameters:
    ///   - plan: The plan to export.
    ///   - library: Names exercises; without it their ids are shown.
    ///   - stamp: The `DTSTAMP` as `YYYYMMDDTHHMMSSZ`; `nil` derives it from the plan's start.
    ///   - feed: Render the calendar feed a phone subscribes to: one series whatever day the
    ///     plan starts on, so a session keeps its UID as the feed moves on day by day (and a
    ///     changed session is updated in place); `nil` for a file of the plan from its start.
    /// - Returns: The whole file; every line ends with CRLF and is at most 75 octets.
    public static func render(_ plan: Plan, library: ExerciseLibrary? = nil, stamp: String? = nil, feed: String? = nil) -> String {
        let stamp = stamp ?? compact(plan.start) + "T000000Z"
        let series = feed.map { "feed-" + $0 } ?? "plan-" + compact(plan.start)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(feed == nil ? "KneeCoach plan from \(plan.start)" : "KneeCoach plan"))",
        ]
        if !plan.redFlags.isEmpty {
            lines += event(
                uid: "\(compact(plan.start))-red-flag-1.\(series)@kneecoach", date: plan.start, stamp: stamp,
                summary: plan.redFlags.contains(where: \.holdsThePlan)
                    ? "KneeCoach: see a clinician before running" : "KneeCoach: have the knee looked at; progression waits",
                description: redFlagDescription(plan))
        }
        for day in plan.days {
            var seen: [SessionKind: Int] = [:]
            for session in day.sessions {
                let index = (seen[session.kind] ?? 0) + 1
                seen[session.kind] = index
                lines += event(
                    uid: "\(compact(day.date))-\(session.kind.rawValue)-\(index).\(series)@kneecoach",
                    date: day.date, stamp: stamp, summary: summary(session),
                    description: description(session, library: library, disclaimer: plan.disclaimer))
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).map { $0 + "\r\n" }.joined()
    }

    /// Writes the iCalendar file atomically (a temporary file renamed into place), readable by
    /// the runner only (``PrivateFile``).
    /// - Throws: ``CalendarExportError/cannotWrite(path:)`` when the file can't be written.
    public static func write(_ plan: Plan, library: ExerciseLibrary?, to url: URL, stamp: String? = nil)
        throws(CalendarExportError)
    {
        do {
            try PrivateFile.write(Data(render(plan, library: library, stamp: stamp).utf8), to: url)
        } catch {
            throw .cannotWrite(path: url.path)
        }
    }

    /// The event title: `KneeCoach: strength (25 min)`, `KneeCoach: run (6.0 km)`.
    public static func summary(_ session: PlanSession) -> String {
        var size: [String] = []
        if let km = session.runKm { size.append(PlanText.kilometres(km)) }
        if session.minutes > 0, session.runKm == nil { size.append("\(session.minutes) min") }
        let kind = session.isWalkRun ? "walk–run" : PlanText.kind(session.kind)
        return "KneeCoach: " + (size.isEmpty ? kind : "\(kind) (\(size.joined(separator: ", ")))")
    }

    // MARK: Pieces

    private static func event(uid: String, date: LocalDate, stamp: String, summary: String, description: String)
        -> [String]
    {
        [
            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(compact(date))",
            "DTEND;VALUE=DATE:\(compact(date.adding(days: 1)))", "SUMMARY:\(escape(summary))",
            "DESCRIPTION:\(escape(description))", "TRANSP:TRANSPARENT", "END:VEVENT",
        ]
    }

    private static func description(_ session: PlanSession, library: ExerciseLibrary?, disclaimer: String) -> String {
        var lines = ["Why: " + PlanText.reason(session.reason)]
        if !session.items.isEmpty { lines.append("") }
        for item in session.items {
            lines.append("- \(PlanText.name(of: item, in: library)): \(PlanText.dose(item))")
            lines.append("  " + PlanText.reason(item.reason))
        }
        lines += ["", disclaimer]
        return lines.joined(separator: "\n")
    }

    private static func redFlagDescription(_ plan: Plan) -> String {
        var lines = [
            plan.redFlags.contains(where: \.holdsThePlan)
                ? "Warning signs are active, so this plan has no running and no progression."
                : "Pain has lasted without getting better, so this plan does not progress until the knee has been looked at."
        ]
        for flag in plan.redFlags {
            lines.append("- \(flag.sign): \(PlanText.advice(flag.action)). \(flag.text) [\(flag.evidence.rawValue)]")
        }
        lines += ["", plan.disclaimer]
        return lines.joined(separator: "\n")
    }

    /// `20261201` for 2026-12-01.
    static func compact(_ date: LocalDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }

    /// Escapes an RFC 5545 TEXT value: backslash, semicolon, comma and newline.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line into lines of at most 75 octets, each continuation starting with
    /// one space, never splitting a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var folded = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > limit {
                folded += "\r\n "
                octets = 1
                limit = 75
            }
            folded.unicodeScalars.append(scalar)
            octets += size
        }
        return folded
    }
}

/// What can go wrong exporting a calendar.
public enum CalendarExportError: UserFacingError, Equatable {
    case cannotWrite(path: String)

    public var problem: String {
        switch self {
        case .cannotWrite(let path): "The calendar file \(path) could not be written."
        }
    }

    public var fix: String { "Check that its folder exists and is writable, or pass another path to --ics." }
    public var exitCode: Int32 { ExitStatus.failure }
}

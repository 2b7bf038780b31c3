import KneeCoachCore
import Testing

@testable import KneeCoachApp

struct CalendarExportTests {
    static let start = LocalDate(year: 2026, month: 12, day: 7) ?? LocalDate(dayNumber: 0)

    static func plan(redFlag: Bool = false, reason: String = "Strength twice a week, never on consecutive days.") -> Plan {
        let item = PlanItem(
            exercise: "wall-sit", sets: 3, holdSeconds: 45,
            reason: Reason("Pain relief; hold, then rest, repeat.", evidence: "iso.analgesia"))
        let strength = PlanSession(kind: .strength, minutes: 25, items: [item], reason: Reason(reason))
        let run = PlanSession(kind: .run, minutes: 40, runKm: 6, items: [], reason: Reason("Easy run."))
        let days =
            redFlag
            ? [PlanDay(date: start, sessions: [strength])]
            : [
                PlanDay(date: start, sessions: [run, strength, strength]),
                PlanDay(date: start.adding(days: 1), sessions: [strength]),
            ]
        let flags =
            redFlag
            ? [RedFlagNotice(sign: "locking", action: .urgentCare, text: "Get it examined.", evidence: "flag.locking")]
            : []
        return Plan(
            start: start, weeks: [PlanWeek(index: 1, phase: .build, deload: false, runningKm: 6, reasons: [], days: days)],
            notes: [], redFlags: flags, disclaimer: Disclaimer.text)
    }

    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
    }

    static func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").split(separator: "\r\n").map(String.init)
    }

    @Test func escapesText() {
        #expect(CalendarExport.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(CalendarExport.escape("one\ntwo\r\nthree") == #"one\ntwo\nthree"#)
    }

    @Test func foldsAtSeventyFiveOctetsWithoutSplittingUTF8() {
        let line = "DESCRIPTION:" + String(repeating: "knee ×é😀 ", count: 40)
        let folded = CalendarExport.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count > 1)
        for (index, part) in parts.enumerated() {
            #expect(part.utf8.count <= 75)
            if index > 0 { #expect(part.hasPrefix(" ")) }
        }
        #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        #expect(CalendarExport.fold("SUMMARY:short") == "SUMMARY:short")
    }

    @Test func everyLineEndsInCRLFAndFits() {
        let text = CalendarExport.render(Self.plan())
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        for line in Self.lines(text) { #expect(line.utf8.count <= 75, "\(line)") }
    }

    @Test func hasTheCalendarHeaderAndOneEventPerSession() {
        let lines = Self.unfolded(CalendarExport.render(Self.plan()))
        #expect(Array(lines.prefix(5)) == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//KneeCoach//KneeCoach plan//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ])
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 4)
        #expect(lines.contains("DTSTART;VALUE=DATE:20261207"))
        #expect(lines.contains("DTEND;VALUE=DATE:20261208"))
        #expect(lines.contains("SUMMARY:KneeCoach: strength (25 min)"))
        #expect(lines.contains("SUMMARY:KneeCoach: run (6.0 km)"))
        #expect(lines.contains("DTSTAMP:20261207T000000Z"))
        let description = lines.first { $0.hasPrefix("DESCRIPTION:") && $0.contains("wall sit") } ?? ""
        #expect(description.contains(#"- wall sit: 3×45 s\n  Pain relief\; hold\, then rest\, repeat. [iso.analgesia]"#))
    }

    @Test func uidsAreUniqueStableAndNamedByDateKindAndIndex() {
        let uids = Self.unfolded(CalendarExport.render(Self.plan())).filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count)
        #expect(uids == [
            "UID:20261207-run-1.plan-20261207@kneecoach", "UID:20261207-strength-1.plan-20261207@kneecoach",
            "UID:20261207-strength-2.plan-20261207@kneecoach", "UID:20261208-strength-1.plan-20261207@kneecoach",
        ])
        // Changing what a session says keeps its UID, so a calendar updates the event.
        let changed = Self.unfolded(CalendarExport.render(Self.plan(reason: "Another reason."))).filter {
            $0.hasPrefix("UID:")
        }
        #expect(changed == uids)
    }

    @Test func isDeterministic() {
        #expect(CalendarExport.render(Self.plan()) == CalendarExport.render(Self.plan()))
        let stamped = CalendarExport.render(Self.plan(), stamp: "20261130T120000Z")
        #expect(stamped.contains("DTSTAMP:20261130T120000Z\r\n"))
    }

    @Test func redFlagComesFirstAsItsOwnEvent() {
        let lines = Self.unfolded(CalendarExport.render(Self.plan(redFlag: true)))
        let summaries = lines.filter { $0.hasPrefix("SUMMARY:") }
        #expect(summaries.first == "SUMMARY:KneeCoach: see a clinician before running")
        #expect(lines.contains("UID:20261207-red-flag-1.plan-20261207@kneecoach"))
        #expect(lines.contains { $0.contains("locking: get urgent care today.") })
        #expect(!summaries.contains { $0.contains("run (") })
    }
}

/// The compact dose says when a dose is done more than once a day (a tendon protocol).
struct PlanTextDoseTests {
    @Test func aTwiceADayDoseSaysSo() {
        let reason = Reason("t")
        let squat = PlanItem(
            exercise: "decline-squat", sets: 3, reps: 15, tempoSeconds: 3, timesPerDay: 2, reason: reason)
        #expect(PlanText.dose(squat) == "3×15 (3 s down) 2×/day")
        let once = PlanItem(exercise: "step-up", sets: 3, reps: 10, reason: reason)
        #expect(PlanText.dose(once) == "3×10")
    }
}

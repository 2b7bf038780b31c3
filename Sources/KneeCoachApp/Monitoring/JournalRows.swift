import Foundation
import KneeCoachCore
import KneeCoachStore

/// The journal's rows for a window, as read from the store, before they become a
/// ``TrainingHistory``: what ``Journal/history(from:through:scope:leavingOutActivities:)``
/// reads, kept apart so that one read of a wider window can serve several readers
/// (``narrowed(from:through:leavingOut:)``): `status` and the coach behind its adherence read
/// the journal once.
///
/// Every list is in the store's order (by day, then id), so the rows of a narrower window are
/// the wider rows filtered by day, exactly as the store would have read them.
struct JournalRows {
    /// The first day of activities, sessions and plain pain entries; `nil` for the whole journal.
    var from: LocalDate?
    /// The last day read; `nil` for everything.
    var through: LocalDate?
    /// Pain entries before ``from`` that carry a warning sign (``PainEntry/carriesSign``).
    var earlierSigns: [PainEntry]
    /// Every pain entry from ``from`` through ``through``.
    var pain: [PainEntry]
    /// The activities from ``from`` through ``through``, less those of ``unread``.
    var activities: [ActivityRecord]
    /// Days whose activities were not read.
    var unread: ClosedRange<LocalDate>?
    var sessions: [SessionRecord]
    /// Every note and clearance up to ``through``.
    var notes: [NoteRecord]
    var clearances: [ClearanceRecord]
    /// The self-test sets: every one for a report (which decodes them all, whatever their
    /// day), those up to ``through`` for the coach; a narrower window keeps them as read.
    var assessments: [AssessmentRecord]
    var profileSigns: TrainingHistory.Recorded?
    /// The coaches' adjustments, all of them (few, and each one's days are decided in Core).
    var adjustments: [CoachAdjustment] = []
    /// What a report reads besides: the shoes, each pair's use before the report's window
    /// (``Journal/rows(from:through:scope:leavingOutActivities:shoeUseBefore:)``), the function
    /// ratings up to ``through``. `nil` for the coach.
    var report: Report?

    struct Report {
        var shoes: [ShoeRecord]
        var earlierUse: [ShoeID: JournalStore.ShoeUse]
        var functionScores: [FunctionScoreRecord]
    }

    /// The rows as a read of a narrower window would give them: from `from` (not before
    /// ``from``) through `through` (not after ``through``), without the activities of
    /// `unread` (which must cover the days of ``unread`` inside the new window). Pain entries that carry a sign before `from`
    /// become earlier signs, as the store selects them. The shoes and their earlier use are
    /// kept as read (that use is summed before the report's window, whatever the read's).
    func narrowed(from newFrom: LocalDate?, through newThrough: LocalDate?, leavingOut newUnread: ClosedRange<LocalDate>?)
        -> JournalRows
    {
        precondition(Self.isAtOrAfter(newFrom, from) && Self.isAtOrBefore(newThrough, through), "a narrower window")
        func inside(_ date: LocalDate) -> Bool {
            newFrom.map { date >= $0 } ?? true && newThrough.map { date <= $0 } ?? true
        }
        if let unread {
            // The days left unread inside the new window must stay unread there.
            let first = newFrom.map { Swift.max($0, unread.lowerBound) } ?? unread.lowerBound
            let last = newThrough.map { Swift.min($0, unread.upperBound) } ?? unread.upperBound
            precondition(first > last || newUnread.map { $0.contains(first) && $0.contains(last) } ?? false, "unread days")
        }
        func upTo(_ date: LocalDate) -> Bool { newThrough.map { date <= $0 } ?? true }
        var rows = self
        rows.from = newFrom
        rows.through = newThrough
        rows.unread = newUnread
        rows.earlierSigns = earlierSigns + pain.filter { entry in newFrom.map { entry.date < $0 } ?? false && entry.carriesSign }
        rows.pain = pain.filter { inside($0.date) }
        rows.activities = activities.filter { inside($0.date) && !(newUnread?.contains($0.date) ?? false) }
        rows.sessions = sessions.filter { inside($0.date) }
        rows.notes = notes.filter { upTo($0.date) }
        rows.clearances = clearances.filter { upTo($0.date) }
        rows.report?.functionScores.removeAll { !upTo($0.date) }
        return rows
    }

    private static func isAtOrAfter(_ a: LocalDate?, _ b: LocalDate?) -> Bool {
        guard let b else { return true }
        return a.map { $0 >= b } ?? false
    }

    private static func isAtOrBefore(_ a: LocalDate?, _ b: LocalDate?) -> Bool {
        guard let b else { return true }
        return a.map { $0 <= b } ?? false
    }
}

extension ClosedRange<LocalDate> {
    /// The days of this range before `day`, `nil` when there are none.
    func before(_ day: LocalDate) -> ClosedRange<LocalDate>? {
        let last = Swift.min(upperBound, day.adding(days: -1))
        return lowerBound <= last ? lowerBound...last : nil
    }
}

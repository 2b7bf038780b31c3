import Foundation
import KneeCoachCore

extension LocalDate {
    /// The calendar day that an instant falls on in a time zone (daylight saving included);
    /// `nil` for an instant outside the years 1–9999, such as a corrupt file's start time.
    public init?(instant: Date, in timeZone: TimeZone) {
        let days = (instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))) / 86_400
        guard days.isFinite, abs(days) < 4_000_000 else { return nil }
        let date = LocalDate(dayNumber: Int(days.rounded(.down)))
        guard let valid = LocalDate(year: date.year, month: date.month, day: date.day) else { return nil }
        self = valid
    }
}

extension LocalDate {
    /// Today in a time zone (1970-01-01 only if the clock is outside the years 1–9999).
    public static func today(in timeZone: TimeZone, now: Date = Date()) -> LocalDate {
        LocalDate(instant: now, in: timeZone) ?? LocalDate(dayNumber: 0)
    }
}

extension LocalDate {
    /// The first Monday on or after this date: where `plan` starts by default.
    public var nextMondayOnOrAfter: LocalDate { adding(days: (8 - weekday) % 7) }
}

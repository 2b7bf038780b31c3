import KneeCoachCore

/// Short category labels for chart axes and tables, written without a locale or a calendar
/// library so they are the same on every machine: `W47` for an ISO week, `23 Nov` for a day.
public enum ReportLabels {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The day and the month's English abbreviation: `3 Nov`.
    public static func shortDate(_ date: LocalDate) -> String {
        "\(date.day) \(months[date.month - 1])"
    }

    /// The ISO 8601 week number of the week holding `date` (weeks start on Monday; week 1
    /// holds the year's first Thursday): `W47`. Around New Year a day can belong to the
    /// neighbouring year's week (`2027-01-01` is in `W53` of 2026).
    public static func isoWeek(_ date: LocalDate) -> String {
        "W\(isoWeekNumber(date))"
    }

    /// The ISO week number (1–53) of `date`.
    public static func isoWeekNumber(_ date: LocalDate) -> Int {
        // 1970-01-01 was a Thursday: weekday 0 is Monday.
        let weekday = ((date.dayNumber + 3) % 7 + 7) % 7
        let thursday = LocalDate(dayNumber: date.dayNumber - weekday + 3)
        let januaryFirst = LocalDate(year: thursday.year, month: 1, day: 1) ?? thursday
        return januaryFirst.days(until: thursday) / 7 + 1
    }
}

extension String {
    /// The text with its first letter in upper case, for a heading or a legend.
    public var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

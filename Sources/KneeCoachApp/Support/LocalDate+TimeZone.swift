import Foundation
import KneeCoachCore

extension LocalDate {
    /// The calendar day that an instant falls on in a time zone (daylight saving included).
    public init(instant: Date, in timeZone: TimeZone) {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        self.init(dayNumber: Int((local / 86_400).rounded(.down)))
    }
}

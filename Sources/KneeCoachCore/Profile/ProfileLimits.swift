/// The accepted range of every number in a profile or a set of self-test results.
///
/// These are input checks (what a person could plausibly type), not advice; advice numbers
/// live in ``Evidence``. Error messages, prompts, flags' help and the README all read
/// them from here.
public enum ProfileLimits {
    /// A closed range and how to say it.
    public struct Range: Sendable, Equatable {
        public let lower: Double
        public let upper: Double
        /// Whether only whole numbers are accepted.
        public let wholeNumber: Bool
        public let unit: String

        public init(_ lower: Double, _ upper: Double, wholeNumber: Bool, unit: String = "") {
            self.lower = lower
            self.upper = upper
            self.wholeNumber = wholeNumber
            self.unit = unit
        }

        /// Whether a value is inside the range (and whole when it must be).
        public func accepts(_ value: Double) -> Bool {
            value.isFinite && value >= lower && value <= upper && (!wholeNumber || value == value.rounded())
        }

        /// E.g. `a whole number from 12 to 100` or `a number of km from 0 to 300`.
        public var allowed: String {
            let kind = wholeNumber ? "a whole number" : "a number"
            let unitText = unit.isEmpty ? "" : " of \(unit)"
            return "\(kind)\(unitText) from \(lower.plainText) to \(upper.plainText)"
        }
    }

    public static let age = Range(12, 100, wholeNumber: true, unit: "years")
    public static let weeklyDistanceKm = Range(0, 300, wholeNumber: false, unit: "km")
    public static let runsPerWeek = Range(0, 14, wholeNumber: true)
    public static let longestRecentRunKm = Range(0, 200, wholeNumber: false, unit: "km")
    public static let minutesPerDay = Range(5, 240, wholeNumber: true, unit: "minutes")
    public static let painLevel = Range(0, 10, wholeNumber: true)
    public static let painSinceWeeks = Range(0, 520, wholeNumber: false, unit: "weeks")
    public static let kneeToWallCm = Range(0, 30, wholeNumber: false, unit: "cm")
    public static let bridgeHoldSeconds = Range(0, 600, wholeNumber: false, unit: "seconds")
    public static let sidePlankSeconds = Range(0, 600, wholeNumber: false, unit: "seconds")
}

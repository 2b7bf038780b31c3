/// The values a coach may give an adjustment: input checks (what a coach could sensibly
/// mean), not advice. What the plan then does with a value inside them is decided by the
/// rules (``AdjustedWeek``), which may apply less than was asked and say so.
public enum AdjustmentLimits {
    /// Runs a week: at least one (a pause is ``CoachAdjustment/Kind/pauseRunning(days:)``), at most one a day.
    public static let runsPerWeek = ProfileLimits.Range(1, 7, wholeNumber: true)
    /// A target week: more than nothing (a pause stops running), at most the profile's weekly distance allows.
    public static let weeklyDistanceKm = ProfileLimits.Range(1, ProfileLimits.weeklyDistanceKm.upper, wholeNumber: false, unit: "km")
    /// A pause: a day to about three months; longer is a new programme, not a pause.
    public static let pauseDays = ProfileLimits.Range(1, 90, wholeNumber: true, unit: "days")
    /// The coach's reason, like a note's text.
    public static let reasonCharacters = InputLimits.noteCharacters
    /// A coach's display name, like a shoe's.
    public static let nameCharacters = InputLimits.nameCharacters

    /// How much heavier an emphasised target weighs when exercises are chosen: as much as the
    /// strongest finding adds to its targets (``Needs/emphasis(for:findings:gentle:)``).
    static let emphasisWeight = 3.0
}

import KneeCoachCore

/// The limits a journal value must stay within: plausible for a human runner, so a typo
/// (an extra zero, minutes typed as hours) is caught before it skews the load monitoring.
///
/// ``JournalRules`` applies them to every row, whether typed (`log`), imported or restored.
public enum JournalLimits {
    public static let distanceKm = 0.01...400.0
    public static let durationSeconds = 60.0...(72 * 3600.0)
    /// Faster than about 2:30 min/km over a run is not humanly possible.
    public static let fastestSecondsPerKm = 150.0
    public static let elevationMeters = 0.0...20_000.0
    public static let cadenceSpm = 60.0...260.0
    public static let scale = 0...10
    public static let sleepHours = 0.0...24.0
    public static let startKm = 0.0...10_000.0

    /// An activity read from a file (any sport): wider than a typed run, since a ride or a
    /// multi-day event is longer, but still bounded so a corrupt file's 1e308 is refused.
    public static let fileDistanceKm = 0.0...5_000.0
    /// Two weeks, the longest recording a watch file plausibly holds.
    public static let fileDurationSeconds = 0.0...(14 * 86_400.0)
    /// Summed sample-to-sample climbs of a long, noisy recording.
    public static let fileElevationMeters = 0.0...200_000.0
    /// Steps per minute (0 when the device reports none).
    public static let fileCadenceSpm = 0.0...300.0
    public static let heartRate = 0.0...300.0
    /// An activity's name, device or source path from a file.
    public static let fileTextCharacters = 4_096
    /// Sets, repetitions or hold seconds of one exercise in a logged session.
    public static let sessionCount = 0...100_000
}

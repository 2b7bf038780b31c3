import Foundation

/// The numbers a runner (and the load monitor) wants from one recording.
///
/// Every value is `nil` when the file gives nothing to compute it from. See
/// ``ActivityRecording/summary()`` for the exact methods.
public struct ActivitySummary: Sendable, Equatable {
    /// The file format.
    public var format: ActivityFormat
    /// The sport as the file names it (see ``ActivityRecording/sport``).
    public var sport: String
    /// The device, `manufacturer/product` for FIT, the creator for GPX and TCX.
    public var device: String
    /// The earliest sample time (FIT) or the first timed point (GPX, TCX), seconds since
    /// 1970 UTC; `nil` when times are missing or device-relative.
    public var startSeconds: Double?
    /// Last minus first sample time, in seconds.
    public var elapsedSeconds: Double?
    /// Timer (moving) time in seconds: FIT session `total_timer_time` or TCX lap
    /// `TotalTimeSeconds` summed; otherwise computed (see ``isTimerComputed``).
    public var timerSeconds: Double?
    /// Whether ``timerSeconds`` was computed from the samples rather than read from the file.
    public var isTimerComputed: Bool
    /// The distance the file reports (FIT sessions, TCX laps), in metres.
    public var distanceMeters: Double?
    /// Distance from positions: haversine with the mean Earth radius, within segments.
    public var computedDistanceMeters: Double?
    /// Raw sum of upward steps between consecutive elevations, in metres.
    public var elevationGainMeters: Double?
    /// Raw sum of downward steps between consecutive elevations, in metres.
    public var elevationLossMeters: Double?
    /// Gain after hysteresis smoothing (see ``ActivityRecording/smoothingThresholdMeters``).
    public var smoothedElevationGainMeters: Double?
    /// Loss after hysteresis smoothing.
    public var smoothedElevationLossMeters: Double?
    /// Mean cadence in steps per minute (foot sports only): twice the mean non-zero stored cadence.
    public var averageCadenceSpm: Double?
    /// Mean non-zero cadence as stored (strides/min for foot sports, rpm for cycling).
    public var averageCadence: Double?
    /// Mean non-zero heart rate in beats per minute.
    public var averageHeartRate: Double?
    /// Number of samples.
    public var records: Int
    /// Number of laps.
    public var laps: Int

    /// ``startSeconds`` as a `Date`.
    public var start: Date? { startSeconds.map { Date(timeIntervalSince1970: $0) } }
}

/// The sports whose cadence is counted per leg (steps = 2 × strides).
enum FootSports {
    static let names: Set<String> = [
        "running", "walking", "hiking", "trail_running", "run", "walk", "hike", "trailrun",
        "treadmill", "9",
    ]

    /// Whether every part of a sport label (`a/b+c`, transitions ignored) is a foot sport.
    static func contains(_ sport: String) -> Bool {
        let parts = sport.lowercased()
            .split(whereSeparator: { $0 == "/" || $0 == "+" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "transition" }
        return !parts.isEmpty && parts.allSatisfy { names.contains($0) }
    }
}

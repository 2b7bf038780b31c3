/// One point in time of a recording: a FIT `record`, a GPX `trkpt`/`rtept` or a TCX `Trackpoint`.
///
/// Every value is optional because every format leaves some out. Units are in the names.
public struct ActivitySample: Sendable, Equatable {
    /// Seconds since 1970-01-01T00:00:00Z, or device-relative seconds when the recording's
    /// ``ActivityRecording/hasDeviceRelativeTimes`` is set.
    public var time: Double?
    /// Latitude in degrees (WGS 84).
    public var latitude: Double?
    /// Longitude in degrees (WGS 84).
    public var longitude: Double?
    /// Altitude in metres (FIT: `enhanced_altitude`, else `altitude`).
    public var altitudeMeters: Double?
    /// Cumulative distance in metres, as the device wrote it.
    public var distanceMeters: Double?
    /// Speed in metres per second (FIT: `enhanced_speed`, else `speed`).
    public var speedMetersPerSecond: Double?
    /// Heart rate in beats per minute.
    public var heartRate: Double?
    /// Cadence as stored, including FIT's fractional part: strides (one leg) per minute for
    /// foot sports in FIT, TCX `RunCadence` and Garmin GPX; revolutions per minute for cycling.
    public var cadence: Double?
    /// Power in watts.
    public var powerWatts: Double?
    /// Running dynamics (FIT only), when the device records them.
    public var dynamics: RunningDynamics?

    /// Creates an empty sample.
    public init() {}
}

/// Running dynamics from a FIT `record`: how the runner moves, per step.
public struct RunningDynamics: Sendable, Equatable {
    /// Vertical oscillation in millimetres.
    public var verticalOscillationMillimeters: Double?
    /// Ground contact (stance) time in milliseconds.
    public var stanceTimeMilliseconds: Double?
    /// Step length in millimetres.
    public var stepLengthMillimeters: Double?
    /// Vertical ratio in percent.
    public var verticalRatioPercent: Double?
    /// Left share of ground contact time balance, in percent.
    public var stanceTimeBalancePercent: Double?

    /// Creates empty running dynamics.
    public init() {}

    var isEmpty: Bool {
        verticalOscillationMillimeters == nil && stanceTimeMilliseconds == nil
            && stepLengthMillimeters == nil && verticalRatioPercent == nil
            && stanceTimeBalancePercent == nil
    }
}

/// One point in time of a recording: a FIT `record`, a GPX `trkpt`/`rtept` or a TCX `Trackpoint`.
///
/// Every value is optional because every format leaves some out. Units are in the names.
/// Storage is compact (80 bytes, missing values kept as NaN inside), because long
/// recordings hold tens of thousands of samples; the optional properties hide that.
public struct ActivitySample: Sendable {
    private var storedTime = Double.nan
    private var storedLatitude = Double.nan
    private var storedLongitude = Double.nan
    private var storedAltitude = Double.nan
    private var storedDistance = Double.nan
    private var storedSpeed = Double.nan
    private var storedHeartRate = Float.nan
    private var storedCadence = Float.nan
    private var storedPower = Float.nan
    private var storedOscillation = Float.nan
    private var storedStanceTime = Float.nan
    private var storedStepLength = Float.nan
    private var storedVerticalRatio = Float.nan
    private var storedStanceBalance = Float.nan

    /// Creates an empty sample.
    public init() {}

    /// Seconds since 1970-01-01T00:00:00Z, or device-relative seconds when the recording's
    /// ``ActivityRecording/hasDeviceRelativeTimes`` is set.
    public var time: Double? {
        get { storedTime.isNaN ? nil : storedTime }
        set { storedTime = newValue ?? .nan }
    }
    /// Latitude in degrees (WGS 84).
    public var latitude: Double? {
        get { storedLatitude.isNaN ? nil : storedLatitude }
        set { storedLatitude = newValue ?? .nan }
    }
    /// Longitude in degrees (WGS 84).
    public var longitude: Double? {
        get { storedLongitude.isNaN ? nil : storedLongitude }
        set { storedLongitude = newValue ?? .nan }
    }
    /// Altitude in metres (FIT: `enhanced_altitude`, else `altitude`).
    public var altitudeMeters: Double? {
        get { storedAltitude.isNaN ? nil : storedAltitude }
        set { storedAltitude = newValue ?? .nan }
    }
    /// Cumulative distance in metres, as the device wrote it.
    public var distanceMeters: Double? {
        get { storedDistance.isNaN ? nil : storedDistance }
        set { storedDistance = newValue ?? .nan }
    }
    /// Speed in metres per second (FIT: `enhanced_speed`, else `speed`).
    public var speedMetersPerSecond: Double? {
        get { storedSpeed.isNaN ? nil : storedSpeed }
        set { storedSpeed = newValue ?? .nan }
    }
    /// Heart rate in beats per minute.
    public var heartRate: Double? {
        get { storedHeartRate.isNaN ? nil : Double(storedHeartRate) }
        set { storedHeartRate = newValue.map(Float.init) ?? .nan }
    }
    /// Cadence as stored, including FIT's fractional part: strides (one leg) per minute for
    /// foot sports in FIT, TCX `RunCadence` and Garmin GPX; revolutions per minute for cycling.
    public var cadence: Double? {
        get { storedCadence.isNaN ? nil : Double(storedCadence) }
        set { storedCadence = newValue.map(Float.init) ?? .nan }
    }
    /// Power in watts.
    public var powerWatts: Double? {
        get { storedPower.isNaN ? nil : Double(storedPower) }
        set { storedPower = newValue.map(Float.init) ?? .nan }
    }
    /// Running dynamics (FIT only), when the device records them.
    public var dynamics: RunningDynamics? {
        get {
            var dynamics = RunningDynamics()
            dynamics.verticalOscillationMillimeters = storedOscillation.isNaN ? nil : Double(storedOscillation)
            dynamics.stanceTimeMilliseconds = storedStanceTime.isNaN ? nil : Double(storedStanceTime)
            dynamics.stepLengthMillimeters = storedStepLength.isNaN ? nil : Double(storedStepLength)
            dynamics.verticalRatioPercent = storedVerticalRatio.isNaN ? nil : Double(storedVerticalRatio)
            dynamics.stanceTimeBalancePercent = storedStanceBalance.isNaN ? nil : Double(storedStanceBalance)
            return dynamics.isEmpty ? nil : dynamics
        }
        set {
            storedOscillation = newValue?.verticalOscillationMillimeters.map(Float.init) ?? .nan
            storedStanceTime = newValue?.stanceTimeMilliseconds.map(Float.init) ?? .nan
            storedStepLength = newValue?.stepLengthMillimeters.map(Float.init) ?? .nan
            storedVerticalRatio = newValue?.verticalRatioPercent.map(Float.init) ?? .nan
            storedStanceBalance = newValue?.stanceTimeBalancePercent.map(Float.init) ?? .nan
        }
    }
}

extension ActivitySample: Equatable {
    /// Samples are equal when every value is equal (or missing in both).
    public static func == (lhs: ActivitySample, rhs: ActivitySample) -> Bool {
        lhs.time == rhs.time && lhs.latitude == rhs.latitude && lhs.longitude == rhs.longitude
            && lhs.altitudeMeters == rhs.altitudeMeters && lhs.distanceMeters == rhs.distanceMeters
            && lhs.speedMetersPerSecond == rhs.speedMetersPerSecond && lhs.heartRate == rhs.heartRate
            && lhs.cadence == rhs.cadence && lhs.powerWatts == rhs.powerWatts && lhs.dynamics == rhs.dynamics
    }
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

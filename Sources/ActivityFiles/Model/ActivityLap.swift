/// A lap, from a FIT `lap` message or a TCX `<Lap>`.
public struct ActivityLap: Sendable, Equatable {
    /// Start, seconds since 1970 (UTC).
    public var startTime: Double?
    /// Timer time (auto-pause excluded), in seconds.
    public var timerSeconds: Double?
    /// Elapsed time, in seconds.
    public var elapsedSeconds: Double?
    /// Distance the device reports, in metres.
    public var distanceMeters: Double?
    /// Average heart rate, beats per minute.
    public var averageHeartRate: Double?
    /// Average cadence as stored (strides/min for foot sports, rpm for cycling).
    public var averageCadence: Double?
    /// Ascent in metres as the device reports it.
    public var ascentMeters: Double?
    /// Descent in metres as the device reports it.
    public var descentMeters: Double?

    /// Creates an empty lap.
    public init() {}
}

/// A session (one sport of an activity), from a FIT `session` message.
public struct ActivitySession: Sendable, Equatable {
    /// Sport name (FIT profile name, such as `running`), or the number when unknown.
    public var sport: String?
    /// Sub-sport name (such as `trail`), or `nil` when generic or absent.
    public var subSport: String?
    /// Start, seconds since 1970 (UTC).
    public var startTime: Double?
    /// `total_elapsed_time`, in seconds.
    public var elapsedSeconds: Double?
    /// `total_timer_time`, in seconds.
    public var timerSeconds: Double?
    /// `total_distance`, in metres.
    public var distanceMeters: Double?
    /// `total_ascent`, in metres.
    public var ascentMeters: Double?
    /// `total_descent`, in metres.
    public var descentMeters: Double?
    /// `avg_heart_rate`, beats per minute.
    public var averageHeartRate: Double?
    /// `avg_cadence` + `avg_fractional_cadence`, as stored.
    public var averageCadence: Double?

    /// Creates an empty session.
    public init() {}

    /// `sport`, or `sport/subSport` when the sub-sport says more.
    public var label: String {
        let base = sport ?? "?"
        if let subSport { return base + "/" + subSport }
        return base
    }
}

/// A FIT timer event: the device's start, stop and pause button presses.
public struct ActivityTimerEvent: Sendable, Equatable {
    /// What happened to the timer.
    public enum Kind: String, Sendable, Equatable {
        /// The timer started (or resumed).
        case start
        /// The timer stopped (paused).
        case stop
        /// Every timer stopped (the end of the activity, usually).
        case stopAll
        /// Another timer event type.
        case other
    }
    /// When, in seconds since 1970 (UTC), or device-relative seconds.
    public var time: Double?
    /// What happened.
    public var kind: Kind

    /// Creates a timer event.
    public init(time: Double?, kind: Kind) {
        self.time = time
        self.kind = kind
    }
}

/// The device that made a recording.
public struct ActivityDevice: Sendable, Equatable {
    /// Manufacturer name (such as `garmin`), or its number when unknown.
    public var manufacturer: String?
    /// Product: a product name, a known Garmin product name, or a number.
    public var product: String?
    /// Serial number, when written.
    public var serialNumber: UInt32?

    /// Creates a device description.
    public init(manufacturer: String? = nil, product: String? = nil, serialNumber: UInt32? = nil) {
        self.manufacturer = manufacturer
        self.product = product
        self.serialNumber = serialNumber
    }

    /// `manufacturer/product`, or whichever of them is known.
    public var label: String {
        [manufacturer, product].compactMap { $0 }.joined(separator: "/")
    }
}

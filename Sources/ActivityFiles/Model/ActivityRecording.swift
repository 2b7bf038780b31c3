/// One decoded activity, whatever file it came from: samples, laps, sessions and device.
///
/// A chained FIT file gives one recording per chained part; GPX and TCX give one per file.
///
/// ```swift
/// let result = ActivityDecoder.decode(bytes, format: .gpx)
/// let summary = result.recordings.first?.summary()
/// ```
public struct ActivityRecording: Sendable, Equatable {
    /// What the points of a GPX file were.
    public enum PointKind: String, Sendable, Equatable {
        /// Recorded track points (`trkpt`, TCX and FIT records).
        case track
        /// Planned route points (`rtept`), used only when a GPX file has no track points.
        case route
    }

    /// The format of the file.
    public var format: ActivityFormat
    /// The samples, in file order.
    public var samples: [ActivitySample] = []
    /// Indices into ``samples`` where a new segment starts (GPX `trkseg`, TCX `<Track>`).
    /// Distance is never computed across a segment start. Always starts with 0 when non-empty.
    public var segmentStarts: [Int] = []
    /// The laps.
    public var laps: [ActivityLap] = []
    /// The FIT sessions (empty for GPX and TCX).
    public var sessions: [ActivitySession] = []
    /// FIT timer events.
    public var timerEvents: [ActivityTimerEvent] = []
    /// The device that made the file, when it says.
    public var device: ActivityDevice?
    /// Every device a FIT file lists in `device_info` (the watch and its sensors), once each.
    public var devices: [ActivityDevice] = []
    /// The wearer's UTC offset in seconds at the time of the activity (FIT `activity`
    /// `local_timestamp` − `timestamp`), when the file says.
    public var utcOffsetSeconds: Double?
    /// The name of the watch's activity profile (FIT `sport` message), such as "Trail Run".
    public var profileName: String?
    /// The sport as the file names it: FIT sessions joined with `+` (`sport/sub_sport`),
    /// `(file type X)` for FIT files that are not activities, TCX `Activity/@Sport`,
    /// GPX the first `trk/type`. Empty when the file says nothing.
    public var sport: String = ""
    /// The name the file or its container gives the activity, when any.
    public var name: String?
    /// The activity type the container names (Strava `Activity Type`, such as `Run`), when any.
    public var exportType: String?
    /// Gear named by the container (Strava `activities.csv`), when any.
    public var gear: String?
    /// Whether ``samples`` are route points rather than track points.
    public var pointKind: PointKind = .track
    /// Whether sample times are device-relative seconds (FIT times below 0x10000000) rather
    /// than seconds since 1970.
    public var hasDeviceRelativeTimes = false
    /// The FIT file type (`activity`, `course`, …), when the file says; `course` for a TCX
    /// file of courses alone.
    public var fileType: String?

    /// Creates an empty recording of a format.
    public init(format: ActivityFormat) {
        self.format = format
    }

    /// Joins recordings (for example the parts of a chained FIT file) into one, in order.
    ///
    /// Samples, laps, sessions and events are concatenated; the device, name and file type
    /// come from the first recording that has them; sports are joined with `+`.
    /// - Parameter parts: the recordings to join; must not be empty to be useful.
    /// - Returns: one recording (an empty FIT recording when `parts` is empty).
    public static func merged(_ parts: [ActivityRecording]) -> ActivityRecording {
        guard var result = parts.first else { return ActivityRecording(format: .fit) }
        for part in parts.dropFirst() {
            let offset = result.samples.count
            result.samples.append(contentsOf: part.samples)
            if part.format != .fit {
                result.segmentStarts.append(contentsOf: part.segmentStarts.map { $0 + offset })
            } else if result.segmentStarts.isEmpty, !part.samples.isEmpty {
                result.segmentStarts = [0]
            }
            result.laps.append(contentsOf: part.laps)
            result.sessions.append(contentsOf: part.sessions)
            result.timerEvents.append(contentsOf: part.timerEvents)
            if result.device == nil { result.device = part.device }
            for device in part.devices where !result.devices.contains(device) { result.devices.append(device) }
            if result.utcOffsetSeconds == nil { result.utcOffsetSeconds = part.utcOffsetSeconds }
            if result.profileName == nil { result.profileName = part.profileName }
            if result.name == nil { result.name = part.name }
            if result.sport.isEmpty { result.sport = part.sport }
            result.hasDeviceRelativeTimes = result.hasDeviceRelativeTimes || part.hasDeviceRelativeTimes
            if result.fileType != "activity", let type = part.fileType { result.fileType = type }
        }
        if !result.sessions.isEmpty {
            result.sport = result.sessions.map(\.label).joined(separator: "+")
        }
        return result
    }
}

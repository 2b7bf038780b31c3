import Foundation
import KneeCoachCore

/// A run, walk, hike or cross-training activity: typed by hand or imported from a file.
///
/// Distances are metres, durations seconds, `start` a UTC instant (stored to the second),
/// `date` the runner's calendar day. The original file's bytes are stored beside the row
/// (see ``JournalStore/insert(_:originalFile:)``) but not loaded with it.
public struct ActivityRecord: Sendable, Equatable, Codable {
    /// `nil` until stored.
    public var id: ActivityID?
    /// The runner's local calendar day of the start.
    public var date: LocalDate
    /// When it started (UTC).
    public var start: Date
    /// The sport as the file or the command names it: `running`, `walking`, `cycling`, …
    public var sport: String
    /// Running, walking or hiking: counts as running load. `false` for cross-training.
    public var isFoot: Bool
    public var name: String?
    public var distanceMeters: Double
    /// Moving (timer) time.
    public var durationSeconds: Double
    /// Wall-clock time from start to end.
    public var elapsedSeconds: Double
    public var elevationGainMeters: Double?
    public var elevationLossMeters: Double?
    /// Steps per minute (both feet).
    public var averageCadenceSpm: Double?
    public var averageHeartRate: Double?
    public var surface: String?
    public var shoeID: ShoeID?
    /// Perceived effort 0–10.
    public var effort: Int?
    public var note: String?
    /// `manual`, or the file path (and `!member` inside a container) it was imported from.
    public var source: String
    /// `manual`, `fit`, `gpx`, `tcx`, …
    public var format: String
    /// Hex digest of the original file's bytes; unique per runner. `nil` for manual runs.
    public var contentHash: String?
    /// The recording device, when the file names it.
    public var device: String?

    public init(
        id: ActivityID? = nil, date: LocalDate, start: Date, sport: String, isFoot: Bool, name: String? = nil,
        distanceMeters: Double, durationSeconds: Double, elapsedSeconds: Double? = nil,
        elevationGainMeters: Double? = nil, elevationLossMeters: Double? = nil, averageCadenceSpm: Double? = nil,
        averageHeartRate: Double? = nil, surface: String? = nil, shoeID: ShoeID? = nil, effort: Int? = nil,
        note: String? = nil, source: String = "manual", format: String = "manual", contentHash: String? = nil,
        device: String? = nil
    ) {
        self.id = id
        self.date = date
        self.start = start
        self.sport = sport
        self.isFoot = isFoot
        self.name = name
        self.distanceMeters = distanceMeters
        self.durationSeconds = durationSeconds
        self.elapsedSeconds = elapsedSeconds ?? durationSeconds
        self.elevationGainMeters = elevationGainMeters
        self.elevationLossMeters = elevationLossMeters
        self.averageCadenceSpm = averageCadenceSpm
        self.averageHeartRate = averageHeartRate
        self.surface = surface
        self.shoeID = shoeID
        self.effort = effort
        self.note = note
        self.source = source
        self.format = format
        self.contentHash = contentHash
        self.device = device
    }
}

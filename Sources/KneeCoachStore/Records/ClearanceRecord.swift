import KneeCoachCore

/// A clinician has seen the knee on `date`: lifts the warning signs dated before it, those
/// recorded before it on the same day, and the profile's signs raised before it was recorded.
public struct ClearanceRecord: Sendable, Equatable, Codable {
    /// `nil` until stored.
    public var id: ClearanceID?
    public var date: LocalDate
    public var note: String?
    /// When it was recorded, in milliseconds since 1970 UTC (see ``PainEntry/recordedMs``).
    public var recordedMs: Int64?

    public init(id: ClearanceID? = nil, date: LocalDate, note: String? = nil, recordedMs: Int64? = nil) {
        self.id = id
        self.date = date
        self.note = note
        self.recordedMs = recordedMs
    }
}

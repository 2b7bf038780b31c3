import KneeCoachCore

/// A clinician has seen the knee on `date`: lifts the red-flag hold raised before it.
public struct ClearanceRecord: Sendable, Equatable, Codable {
    /// `nil` until stored.
    public var id: ClearanceID?
    public var date: LocalDate
    public var note: String?

    public init(id: ClearanceID? = nil, date: LocalDate, note: String? = nil) {
        self.id = id
        self.date = date
        self.note = note
    }
}

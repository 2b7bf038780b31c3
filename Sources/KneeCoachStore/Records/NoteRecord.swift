import KneeCoachCore

/// A free note of the pain-and-mood journal.
public struct NoteRecord: Sendable, Equatable, Codable {
    /// `nil` until stored.
    public var id: NoteID?
    public var date: LocalDate
    public var text: String
    /// 0–10.
    public var mood: Int?
    /// 0–10.
    public var stress: Int?
    /// 0–24.
    public var sleepHours: Double?
    /// When it was recorded, in milliseconds since 1970 UTC (see ``PainEntry/recordedMs``).
    public var recordedMs: Int64?

    public init(
        id: NoteID? = nil, date: LocalDate, text: String, mood: Int? = nil, stress: Int? = nil,
        sleepHours: Double? = nil, recordedMs: Int64? = nil
    ) {
        self.id = id
        self.date = date
        self.text = text
        self.mood = mood
        self.stress = stress
        self.sleepHours = sleepHours
        self.recordedMs = recordedMs
    }
}

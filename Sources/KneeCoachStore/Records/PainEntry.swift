import KneeCoachCore

/// One knee-pain entry of the journal.
public struct PainEntry: Sendable, Equatable, Codable {
    /// When the pain was felt (Core's monitoring reads the same values); the raw values are
    /// the command line's `--when` values.
    public typealias Timing = TrainingHistory.PainTiming

    /// `nil` until stored.
    public var id: PainEntryID?
    public var date: LocalDate
    public var timing: Timing
    /// 0–10; the schema rejects anything else.
    public var level: Int
    /// `front`, `outside`, `inside`, `back`, `whole`, or free text.
    public var location: String?
    public var swelling: Bool
    public var locking: Bool
    public var givingWay: Bool
    public var limping: Bool
    public var redOrHot: Bool
    public var atNight: Bool
    public var afterTrauma: Bool
    public var note: String?
    /// When it was recorded, in milliseconds since 1970 UTC: orders it against a clearance
    /// of the same day. `nil` before it is stored (storing records the clock's instant) and
    /// in backups written before it was kept.
    public var recordedMs: Int64?

    public init(
        id: PainEntryID? = nil, date: LocalDate, timing: Timing, level: Int, location: String? = nil,
        swelling: Bool = false, locking: Bool = false, givingWay: Bool = false, limping: Bool = false,
        redOrHot: Bool = false, atNight: Bool = false, afterTrauma: Bool = false, note: String? = nil,
        recordedMs: Int64? = nil
    ) {
        self.id = id
        self.date = date
        self.timing = timing
        self.level = level
        self.location = location
        self.swelling = swelling
        self.locking = locking
        self.givingWay = givingWay
        self.limping = limping
        self.redOrHot = redOrHot
        self.atNight = atNight
        self.afterTrauma = afterTrauma
        self.note = note
        self.recordedMs = recordedMs
    }
}

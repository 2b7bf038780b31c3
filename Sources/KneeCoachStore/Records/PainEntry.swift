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
    /// Pain, swelling or warmth in one calf.
    public var calfPain: Bool
    /// New breathlessness or chest pain, not from effort.
    public var breathless: Bool
    /// Numbness, tingling or weakness in the leg or foot.
    public var numbness: Bool
    public var numbnessSpreading: Bool
    /// The foot is cold or pale.
    public var coldFoot: Bool
    /// Cannot take four steps on the leg.
    public var cannotBearWeight: Bool
    /// Cannot bend the knee to a right angle.
    public var cannotBend: Bool
    /// A bone of the knee is tender to touch.
    public var bonyTenderness: Bool
    public var note: String?
    /// When it was recorded, in milliseconds since 1970 UTC: orders it against a clearance
    /// of the same day. `nil` before it is stored (storing records the clock's instant) and
    /// in backups written before it was kept.
    public var recordedMs: Int64?

    public init(
        id: PainEntryID? = nil, date: LocalDate, timing: Timing, level: Int, location: String? = nil,
        swelling: Bool = false, locking: Bool = false, givingWay: Bool = false, limping: Bool = false,
        redOrHot: Bool = false, atNight: Bool = false, afterTrauma: Bool = false, calfPain: Bool = false,
        breathless: Bool = false, numbness: Bool = false, numbnessSpreading: Bool = false, coldFoot: Bool = false,
        cannotBearWeight: Bool = false, cannotBend: Bool = false, bonyTenderness: Bool = false, note: String? = nil,
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
        self.calfPain = calfPain
        self.breathless = breathless
        self.numbness = numbness
        self.numbnessSpreading = numbnessSpreading
        self.coldFoot = coldFoot
        self.cannotBearWeight = cannotBearWeight
        self.cannotBend = cannotBend
        self.bonyTenderness = bonyTenderness
        self.note = note
        self.recordedMs = recordedMs
    }
}

extension PainEntry {
    private enum CodingKeys: String, CodingKey {
        case id, date, timing, level, location, swelling, locking, givingWay, limping, redOrHot, atNight, afterTrauma
        case calfPain, breathless, numbness, numbnessSpreading, coldFoot, cannotBearWeight, cannotBend, bonyTenderness
        case note, recordedMs
    }

    /// Reads an entry of a backup; the signs added later may be absent (older backups) and read as `false`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func flag(_ key: CodingKeys) throws -> Bool { try c.decodeIfPresent(Bool.self, forKey: key) ?? false }
        self.init(
            id: try c.decodeIfPresent(PainEntryID.self, forKey: .id), date: try c.decode(LocalDate.self, forKey: .date),
            timing: try c.decode(Timing.self, forKey: .timing), level: try c.decode(Int.self, forKey: .level),
            location: try c.decodeIfPresent(String.self, forKey: .location), swelling: try c.decode(Bool.self, forKey: .swelling),
            locking: try c.decode(Bool.self, forKey: .locking), givingWay: try c.decode(Bool.self, forKey: .givingWay),
            limping: try c.decode(Bool.self, forKey: .limping), redOrHot: try c.decode(Bool.self, forKey: .redOrHot),
            atNight: try c.decode(Bool.self, forKey: .atNight), afterTrauma: try c.decode(Bool.self, forKey: .afterTrauma),
            calfPain: try flag(.calfPain), breathless: try flag(.breathless), numbness: try flag(.numbness),
            numbnessSpreading: try flag(.numbnessSpreading), coldFoot: try flag(.coldFoot),
            cannotBearWeight: try flag(.cannotBearWeight), cannotBend: try flag(.cannotBend),
            bonyTenderness: try flag(.bonyTenderness), note: try c.decodeIfPresent(String.self, forKey: .note),
            recordedMs: try c.decodeIfPresent(Int64.self, forKey: .recordedMs))
    }
}

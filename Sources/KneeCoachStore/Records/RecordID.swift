/// The id of a stored row, typed by its record so that a shoe id can't be passed where an
/// activity id is expected. Encodes as a plain number.
public struct RecordID<Record>: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The database's id.
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A runner's id.
public typealias UserID = RecordID<UserRecord>
/// An activity's (run's) id.
public typealias ActivityID = RecordID<ActivityRecord>
/// A completed session's id.
public typealias SessionID = RecordID<SessionRecord>
/// A pain entry's id.
public typealias PainEntryID = RecordID<PainEntry>
/// A journal note's id.
public typealias NoteID = RecordID<NoteRecord>
/// A clinician clearance's id.
public typealias ClearanceID = RecordID<ClearanceRecord>
/// A shoe's id.
public typealias ShoeID = RecordID<ShoeRecord>
/// A stored self-test set's id.
public typealias AssessmentID = RecordID<AssessmentRecord>
public typealias FunctionScoreID = RecordID<FunctionScoreRecord>
/// A coach's adjustment's id.
public typealias AdjustmentID = RecordID<AdjustmentRecord>

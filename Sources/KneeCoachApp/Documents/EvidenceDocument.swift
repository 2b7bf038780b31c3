import KneeCoachCore

/// The JSON shape of one evidence row.
public struct EvidenceDocument: Codable, Equatable {
    public struct Quantity: Codable, Equatable {
        public let name: String
        public let lower: Double
        public let upper: Double
        public let unit: String
    }

    public let key: String
    public let section: String
    public let value: String
    public let governs: String
    public let grade: String
    public let citation: String
    public let verified: String
    public let origin: String
    public let quantities: [Quantity]
    public let action: String?
    public let note: String?

    public init(_ row: EvidenceEntry) {
        key = row.key.rawValue
        section = row.section
        value = row.value
        governs = row.governs
        grade = row.grade.rawValue
        citation = row.citation
        verified = row.verified
        origin = row.origin.rawValue
        quantities = row.quantities.map {
            Quantity(name: $0.name, lower: $0.lower, upper: $0.upper, unit: $0.unit.rawValue)
        }
        action = row.action?.rawValue
        note = row.note
    }
}

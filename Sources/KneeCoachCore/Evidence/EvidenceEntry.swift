/// The name of one row of the evidence table, such as `stretch.static.holdSeconds`.
public struct EvidenceKey: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: EvidenceKey, rhs: EvidenceKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How strong the support for a number is, strongest first.
public enum EvidenceGrade: String, CaseIterable, Codable, Sendable {
    /// A practice guideline or consensus statement recommends it.
    case guideline
    /// A randomised trial or meta-analysis.
    case trial
    /// Observational, laboratory or case-series data.
    case cohort
    /// Expert opinion or professional convention.
    case expert
    /// Common practice with weak or no evidence.
    case traditional
}

/// Where a row comes from: the team's evidence table, or a dosing convention the product adds.
public enum EvidenceOrigin: String, Codable, Sendable {
    /// A row of `CLINICAL.md`.
    case clinical
    /// A dosing convention KneeCoach needs where the literature gives no number; graded
    /// `expert` at best and shown as a convention.
    case convention
}

/// The unit of an evidence quantity.
public enum EvidenceUnit: String, Codable, Sendable {
    case seconds, minutes, days, weeks, years
    case reps, sets, count, steps
    case percent, ratio, degrees, kilometres
    case breathsPerMinute = "breaths/min"
    case painScore = "/10"
    case grams
    case gramsPerKilogram = "g/kg/day"
    case timesPerDay = "per day"
    case perWeek = "per week"

    /// A short suffix for display, such as `s` or `%`.
    public var symbol: String {
        switch self {
        case .seconds: "s"
        case .minutes: "min"
        case .percent: "%"
        case .kilometres: "km"
        case .ratio, .count: ""
        default: rawValue
        }
    }
}

/// What to do about a red-flag sign.
public enum RedFlagAction: String, Codable, Sendable, CaseIterable {
    /// Call the emergency services now (breathless or chest pain with calf signs: `flag.calf`).
    case emergency
    case urgentCare = "urgent-care"
    case seeClinicianSoon = "see-clinician-soon"
    case seeClinicianIfPersists = "see-clinician-if-persists"
}

/// One number (or range) of an evidence row, named by what it doses, e.g. `holdSeconds`.
public struct EvidenceQuantity: Sendable, Equatable, Codable {
    /// The name a dosage or rule uses for it (`holdSeconds`, `percent`, `kilometres`…).
    public let name: String
    /// The smallest supported value.
    public let lower: Double
    /// The largest supported value (equal to ``lower`` for a single number).
    public let upper: Double
    public let unit: EvidenceUnit

    /// A single number.
    public init(_ name: String, _ value: Double, _ unit: EvidenceUnit) {
        self.init(name, value, value, unit)
    }

    /// A range, inclusive at both ends.
    public init(_ name: String, _ lower: Double, _ upper: Double, _ unit: EvidenceUnit) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.unit = unit
    }

    /// Whether a value lies inside the supported range (inclusive).
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    /// The range as a person reads it: `30 s`, `8–12 reps`.
    public var text: String {
        let range = lower == upper ? format(lower) : "\(format(lower))–\(format(upper))"
        return unit.symbol.isEmpty ? range : "\(range) \(unit.symbol)"
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// One row of the evidence table: a number the product advises, its grade and its citation.
public struct EvidenceEntry: Sendable, Equatable, Identifiable, Codable {
    public let key: EvidenceKey
    /// The section of the table, e.g. "Stretching and warm-up".
    public let section: String
    /// The value as the table states it, e.g. "30 s" or "≤ 10 % over longest run of last 30 d".
    public let value: String
    /// What the number governs in the product.
    public let governs: String
    public let grade: EvidenceGrade
    public let citation: String
    /// How the citation was checked: `checked`, `2°`, `partly`, `memory` or `n/a`.
    public let verified: String
    /// The typed numbers of the row, looked up by name.
    public let quantities: [EvidenceQuantity]
    /// For red flags: what the runner should do.
    public let action: RedFlagAction?
    /// Where the source article and the evidence disagree, what KneeCoach follows.
    public let note: String?
    public let origin: EvidenceOrigin

    public var id: EvidenceKey { key }

    init(
        _ key: EvidenceKey, section: String, value: String, governs: String,
        grade: EvidenceGrade, citation: String, verified: String,
        quantities: [EvidenceQuantity] = [], action: RedFlagAction? = nil,
        note: String? = nil, origin: EvidenceOrigin = .clinical
    ) {
        self.key = key
        self.section = section
        self.value = value
        self.governs = governs
        self.grade = grade
        self.citation = citation
        self.verified = verified
        self.quantities = quantities
        self.action = action
        self.note = note
        self.origin = origin
    }

    /// The quantity of this row with the given name, or `nil` when the row has none.
    public func quantity(_ name: String) -> EvidenceQuantity? {
        quantities.first { $0.name == name }
    }
}

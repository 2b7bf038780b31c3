/// How worn a pair of shoes is by distance.
public enum ShoeWearLevel: String, Sendable, Equatable, Encodable {
    /// Under the lower end of `shoe.reviewKm`.
    case fine
    /// Inside the `shoe.reviewKm` range: check how the pair feels.
    case review
    /// At or past the upper end of the range.
    case pastRange = "past-range"
    /// Retired: no advice.
    case retired

    /// The wear of a pair at a distance, against `shoe.reviewKm`: the one rule that
    /// `shoes list` and `status` both read.
    public static func of(km: Double, isRetired: Bool) -> ShoeWearLevel {
        guard !isRetired else { return .retired }
        return km >= reviewRange.upper ? .pastRange : km >= reviewRange.lower ? .review : .fine
    }

    /// The `shoe.reviewKm` range, in kilometres.
    public static var reviewRange: (lower: Double, upper: Double) {
        let range = Evidence.shoeReviewKm.quantity("kilometres")
        return (range?.lower ?? 500, range?.upper ?? 800)
    }

    /// The few words every view uses for this wear.
    public var label: String {
        switch self {
        case .fine: "in use"
        case .review: "check how the pair feels"
        case .pastRange: "a new pair is likely due"
        case .retired: "retired"
        }
    }
}

/// One pair of shoes and its distance.
public struct ShoeStatus: Sendable, Equatable, Encodable {
    public let id: Int64
    public let name: String
    /// Start distance plus the foot activities logged in it.
    public let km: Double
    public let runs: Int
    public let lastUsed: LocalDate?
    public let wear: ShoeWearLevel
    public let text: String
    public let evidence: EvidenceKey
}

/// Every pair, and a note on rotating pairs.
public struct ShoeReport: Sendable, Equatable, Encodable {
    public let pairs: [ShoeStatus]
    public let rotation: String
    public let evidence: EvidenceKey
}

/// Kilometres per pair from imported and logged foot activities plus the pair's start
/// distance; a wear warning inside and past `shoe.reviewKm`; and a rotation note
/// (`shoe.rotationHR`) that notices whether two or more pairs were used in the last 30 days.
enum ShoeWear {
    static func report(_ index: HistoryIndex) -> ShoeReport {
        var km: [Int64: Double] = [:], runs: [Int64: Int] = [:], last: [Int64: LocalDate] = [:]
        for run in index.runs {
            guard let id = run.shoeID else { continue }
            km[id, default: 0] += run.distanceKm
            runs[id, default: 0] += 1
            last[id] = run.date
        }
        let (low, high) = ShoeWearLevel.reviewRange
        let pairs = index.shoes.map { shoe -> ShoeStatus in
            let total = decimal(shoe.startKm + shoe.earlier.km + (km[shoe.id] ?? 0), 1)
            let wear = ShoeWearLevel.of(km: total, isRetired: shoe.isRetired)
            let range = "\(low.plainText)–\(high.plainText) km"
            let text: String =
                switch wear {
                case .fine: "\(shoe.name): \(total.kmText), \(wear.label), well short of the \(range) when a pair is worth checking."
                case .review:
                    "\(shoe.name): \(total.kmText), inside the \(range) range: \(wear.label) and replace it when the cushioning feels flat."
                case .pastRange:
                    "\(shoe.name): \(total.kmText), past \(high.plainText) km: \(wear.label), though the range is tradition rather than proof, so go by feel."
                case .retired: "\(shoe.name): \(wear.label) at \(total.kmText)."
                }
            return ShoeStatus(
                id: shoe.id, name: shoe.name, km: total, runs: shoe.earlier.runs + (runs[shoe.id] ?? 0),
                lastUsed: last[shoe.id] ?? shoe.earlier.lastUsed, wear: wear,
                text: text, evidence: Evidence.shoeReviewKm.key)
        }
        let recentFrom = index.through.adding(days: -(RunSpikes.windowDays - 1))
        let recentPairs = Set(index.runs.reversed().prefix { $0.date >= recentFrom }.compactMap(\.shoeID))
        let rotation =
            recentPairs.count >= 2
            ? "You ran in \(recentPairs.count) pairs in the last \(RunSpikes.windowDays) days; runners who rotated pairs had fewer injuries, so keep it up."
            : "If you can, rotate two pairs of running shoes; runners who did had fewer injuries."
        return ShoeReport(pairs: pairs, rotation: rotation, evidence: Evidence.shoeRotationHR.key)
    }
}

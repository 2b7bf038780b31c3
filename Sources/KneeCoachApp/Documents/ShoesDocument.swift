import KneeCoachCore
import KneeCoachStore

/// The runner's shoes as `shoes list --json` and `GET /api/v1/shoes` show them:
/// `{"shoes": [...]}`, each with its distance, runs and wear.
public struct ShoesDocument: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public let name: String
        public let km: Double
        public let runs: Int
        public let retired: Bool
        /// Worth checking: inside or past `shoe.reviewKm`.
        public let review: Bool
        /// `fine`, `review`, `past-range` or `retired`, as `status` says it.
        public let wear: ShoeWearLevel

        public init(_ shoe: ShoeMileage) {
            let km = (shoe.totalKm * 10).rounded() / 10
            let wear = ShoeWearLevel.of(km: km, isRetired: shoe.shoe.isRetired)
            name = shoe.shoe.name
            self.km = km
            runs = shoe.activityCount
            retired = shoe.shoe.isRetired
            review = wear == .review || wear == .pastRange
            self.wear = wear
        }
    }

    public let shoes: [Row]

    public init(_ shoes: [ShoeMileage]) {
        self.shoes = shoes.map(Row.init)
    }
}

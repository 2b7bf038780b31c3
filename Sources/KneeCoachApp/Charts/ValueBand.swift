/// A range of values drawn as a shaded band: a week's safe distance, a cadence goal, a
/// shoe's review zone.
public struct ValueBand: Equatable, Sendable {
    /// The lower edge.
    public let lower: Double
    /// The upper edge (never below ``lower``).
    public let upper: Double

    /// A band between two values in either order.
    /// - Returns: `nil` when either value is NaN or infinite, so a band the domain could not
    ///   compute is simply not drawn.
    public init?(_ a: Double, _ b: Double) {
        guard a.isFinite, b.isFinite else { return nil }
        lower = min(a, b)
        upper = max(a, b)
    }

    /// Whether `value` lies inside the band, edges included.
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}

/// The values a chart can draw from a list that may hold gaps: finite numbers only.
enum ChartValues {
    /// `value` when it is a finite number, else `nil` (drawn as a gap).
    static func drawable(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// The span from `floor` to the largest drawable value (at least `floor...floor`).
    static func span(_ values: [Double?], floor: Double = 0) -> ClosedRange<Double> {
        let top = values.compactMap(drawable).max() ?? floor
        return floor...max(top, floor)
    }
}

import Foundation

/// A pair of shoes; its mileage is its start distance plus the foot activities run in it.
public struct ShoeRecord: Sendable, Equatable, Codable {
    /// `nil` until stored.
    public var id: ShoeID?
    /// Unique per runner.
    public var name: String
    /// Kilometres already on the shoe when it was added.
    public var startKm: Double
    public var isRetired: Bool
    public var createdAt: Date

    public init(id: ShoeID? = nil, name: String, startKm: Double = 0, isRetired: Bool = false, createdAt: Date = Date()) {
        self.id = id
        self.name = name
        self.startKm = startKm
        self.isRetired = isRetired
        self.createdAt = createdAt
    }
}

/// A shoe with the distance run in it.
public struct ShoeMileage: Sendable, Equatable {
    public var shoe: ShoeRecord
    /// Metres of foot activities (running, walking, hiking) logged with this shoe.
    public var activityMeters: Double
    /// How many foot activities were logged with this shoe.
    public var activityCount: Int

    /// The start distance plus the logged distance, in kilometres.
    public var totalKm: Double { shoe.startKm + activityMeters / 1_000 }

    public init(shoe: ShoeRecord, activityMeters: Double, activityCount: Int) {
        self.shoe = shoe
        self.activityMeters = activityMeters
        self.activityCount = activityCount
    }
}

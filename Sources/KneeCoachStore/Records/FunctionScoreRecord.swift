import KneeCoachCore

/// The runner's own 0–10 rating of how well the knee copes with everyday tasks on a day:
/// stairs, squatting and running (10 = no trouble at all). Each rating is optional, but a
/// record has at least one.
public struct FunctionScoreRecord: Sendable, Equatable, Codable {
    /// `nil` until stored.
    public var id: FunctionScoreID?
    public var date: LocalDate
    public var stairs: Int?
    public var squatting: Int?
    public var running: Int?

    public init(id: FunctionScoreID? = nil, date: LocalDate, stairs: Int? = nil, squatting: Int? = nil, running: Int? = nil) {
        self.id = id
        self.date = date
        self.stairs = stairs
        self.squatting = squatting
        self.running = running
    }
}

import KneeCoachCore

/// One dated set of self-test results, kept as the profile file's `assessment` JSON object.
public struct AssessmentRecord: Sendable, Equatable, Codable {
    /// `nil` until stored.
    public var id: AssessmentID?
    public var date: LocalDate
    /// The results as JSON text (the `assessment` object of the profile file).
    public var json: String

    public init(id: AssessmentID? = nil, date: LocalDate, json: String) {
        self.id = id
        self.date = date
        self.json = json
    }
}

import KneeCoachCore

/// One dated set of self-test results: the first assessment, or a re-test.
public struct DatedAssessment: Codable, Sendable, Equatable {
    public let date: LocalDate
    public let assessment: Assessment

    public init(date: LocalDate, assessment: Assessment) {
        self.date = date
        self.assessment = assessment
    }
}

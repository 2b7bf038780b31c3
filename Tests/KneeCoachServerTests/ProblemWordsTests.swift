import Testing

@testable import KneeCoachServer

/// The command line's sentences, in the API's words.
struct ProblemWordsTests {
    @Test(arguments: [
        ("--distance-km -5 is outside what KneeCoach accepts.", "distanceKm -5 is outside what KneeCoach accepts."),
        ("Give --sleep-hours a value; --when after", "Give sleepHours a value; when after"),
        ("A range 1--2 stays", "A range 1--2 stays"),
        ("-- alone", "-- alone"),
        ("no options", "no options"),
    ])
    func optionsBecomeFieldNames(text: String, expected: String) {
        #expect(APIWords.fields(text) == expected)
    }

    @Test(arguments: [
        ("multipart/form-data; boundary=abc", "abc"),
        ("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"", "a b"),
        ("multipart/form-data", nil),
        ("application/json; boundary=abc", nil),
        ("multipart/form-data; boundary=" + String(repeating: "x", count: 71), nil),
    ] as [(String, String?)])
    func formBoundariesAreReadFromTheContentType(type: String, boundary: String?) {
        #expect(MultipartUpload.boundary(of: type) == boundary)
    }
}

/// A body that takes too long to arrive is refused with 408, not waited on for ever.
struct BodyDeadlineTests {
    @Test func aPassedDeadlineIs408() async throws {
        let deadline = BodyDeadline(seconds: 0)
        try await Task.sleep(for: .milliseconds(5))
        #expect(throws: Problem.self) { try deadline.check() }
        do {
            try deadline.check()
        } catch let problem as Problem {
            #expect(problem.status == .requestTimeout && problem.detail.contains("0 seconds"))
        }
        #expect(throws: Never.self) { try BodyDeadline(seconds: 30).check() }
    }
}

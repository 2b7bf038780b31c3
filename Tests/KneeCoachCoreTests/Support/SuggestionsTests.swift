import Testing

@testable import KneeCoachCore

struct SuggestionsTests {
    @Test(arguments: [
        ("isometrik", ["isometric", "eccentric", "mobility"], ["isometric"]),
        ("stretch", ["static-stretch", "dynamic-stretch", "mobility"], ["static-stretch", "dynamic-stretch"]),
        ("zzzzzz", ["isometric", "mobility"], [String]()),
        ("", ["isometric"], [String]()),
    ])
    func nearest(input: String, candidates: [String], expected: [String]) {
        #expect(Suggestions.nearest(to: input, in: candidates) == expected)
    }

    @Test func phrase() {
        #expect(Suggestions.phrase([]) == "")
        #expect(Suggestions.phrase(["a"]) == "Did you mean 'a'?")
        #expect(Suggestions.phrase(["a", "b", "c"]) == "Did you mean 'a', 'b' or 'c'?")
    }

    @Test func editDistance() {
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("", "abc") == 3)
    }
}

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

/// Suggestions cost the product of two lengths, so a long input gets none (issue 14, item 6).
struct LongInputSuggestionsTests {
    @Test func aMistypedHugeNameGetsNoSuggestionAndTakesNoTime() {
        let huge = String(repeating: "pegasos ", count: 15_000)
        let candidates = (1...200).map { "Pegasus \($0)" }
        let clock = ContinuousClock()
        let took = clock.measure { #expect(Suggestions.nearest(to: huge, in: candidates).isEmpty) }
        #expect(took < .milliseconds(200), "\(took)")
    }

    @Test func aShortMistypeStillGetsOne() {
        let typed = String(repeating: "p", count: InputLimits.suggestionInputCharacters - 7) + "egasos"
        let name = String(repeating: "p", count: InputLimits.suggestionInputCharacters - 7) + "egasus"
        #expect(Suggestions.nearest(to: typed, in: [name, "other"]) == [name])
    }
}

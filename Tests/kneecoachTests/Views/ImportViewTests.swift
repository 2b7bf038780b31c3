import Testing

@testable import kneecoach

struct ImportViewTests {
    @Test func newShoesGetOneLineOnlyWhenThereAreAny() {
        #expect(ImportView.newShoes([]) == nil)
        #expect(ImportView.newShoes(["Trail"]) == "new shoe: Trail (see 'kneecoach shoes list')")
        #expect(
            ImportView.newShoes(["Nike Pegasus 40", "Trail"])
                == "new shoes: Nike Pegasus 40, Trail (see 'kneecoach shoes list')")
    }
}

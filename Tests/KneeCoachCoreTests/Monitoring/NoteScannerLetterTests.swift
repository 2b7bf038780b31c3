import Testing

@testable import KneeCoachCore

/// The note scanner reads ASCII letters without the Unicode property lookup; this holds the
/// shortcut to the property it replaces, on every ASCII scalar and on letters and marks beyond.
struct NoteScannerLetterTests {
    @Test func theASCIIShortcutIsTheUnicodeProperty() throws {
        for value in UInt32(0)..<0x80 {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(NoteScanner.isLetter(scalar) == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
        }
        for scalar in "éÅßøœı’–—“”…·½ſﬁ日本語Ωω\u{301}\u{a0}".unicodeScalars {
            #expect(NoteScanner.isLetter(scalar) == scalar.properties.isAlphabetic, "\(scalar)")
        }
    }

    /// The same notes give the same signs with accents and curly apostrophes around the words.
    @Test func notesWithAccentsAndCurlyQuotesScanAsBefore() {
        let signs = NoteScanner.scan("Café run: my knee gave way on the stairs and it didn’t feel swollen")
        #expect(signs.givingWay && !signs.swelling)
        #expect(signs.phrases == ["gave way"])
    }
}

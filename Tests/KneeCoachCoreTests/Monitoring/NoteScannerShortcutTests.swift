import Testing

@testable import KneeCoachCore

/// The note scanner's shortcuts: ASCII letters told without the Unicode property lookup, and
/// notes in ASCII split into clauses from their bytes. Each is held to what it replaces.
struct NoteScannerShortcutTests {
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

    /// Generated notes in ASCII — words in any case, apostrophes, "but", digits, clock times,
    /// sentence marks, colons, line breaks and other bytes — split the same from bytes as from scalars.
    @Test func asciiNotesSplitAsTheUnicodeReadingDoes() throws {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = [
            "knee", "Knee", "GAVE", "way", "didn't", "don't", "But", "but", "butter", "3am", "2:30", "2: 30", "4 a.m.",
            "swollen", "night", "woke", "pain", "at", "rest", "'", "''", "x", "Z", "a1b", "calf", "is", "hot",
        ]
        let separators = [" ", "  ", ".", ",", ";", ":", "!", "?", "\n", "\r\n", "\t", "-", "(", ")", "/", "\"", "~", "0", "9"]
        var split = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<next(16) {
                text += pieces[next(pieces.count)] + separators[next(separators.count)]
            }
            if next(4) == 0 {
                let bytes = (0..<next(12)).map { _ in UInt8(next(0x80)) }
                text += String(decoding: bytes, as: UTF8.self)
            }
            let fromBytes = try #require(NoteScanner.asciiClauses(of: text), "\(text)")
            #expect(fromBytes == NoteScanner.unicodeClauses(of: text), "\(text)")
            if fromBytes.count > 1 { split += 1 }
        }
        #expect(split > 500, "the generator makes notes of several clauses often enough to mean something")
        #expect(NoteScanner.asciiClauses(of: "café") == nil)
        #expect(NoteScanner.asciiClauses(of: "didn\u{2019}t") == nil)
    }
}

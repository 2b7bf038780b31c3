/// Checks an XML document before parsing: no entity declarations, ever.
///
/// GPX and TCX never need entities. Refusing any `<!ENTITY` declaration in the document
/// type rules out billion-laughs expansion and external entities before libxml2 sees them;
/// the parser is also set never to resolve external entities, and nesting depth is capped
/// while parsing (``maximumDepth``).
enum XMLSafety {
    /// The deepest element nesting accepted (real GPX and TCX files stay under 12).
    static let maximumDepth = 64

    /// Returns the error for a document that declares entities, else `nil`.
    static func check(_ bytes: UnsafeRawBufferPointer) -> ActivityFileError? {
        // Only the prolog can hold a DOCTYPE; look until the first element that is not
        // `<?`, `<!` (comments, DOCTYPE).
        let count = bytes.count
        if count >= 2, bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF
            || bytes[0] == 0 || bytes[1] == 0 {
            return .malformedXML(line: 1, column: 1, reason: "UTF-16 and UTF-32 documents are not supported")
        }
        var index = 0
        var line = 1
        while index < count {
            let byte = bytes[index]
            if byte == 10 { line += 1 }
            if byte == 60, index + 1 < count {
                let next = bytes[index + 1]
                if next == 33 {
                    if matches(bytes, index + 2, "--") {
                        // A comment: skip to its end so nothing inside it hides the DOCTYPE.
                        var cursor = index + 4
                        while cursor + 2 < count, !(bytes[cursor] == 45 && bytes[cursor + 1] == 45 && bytes[cursor + 2] == 62) {
                            if bytes[cursor] == 10 { line += 1 }
                            cursor += 1
                        }
                        index = cursor + 2
                    } else if matches(bytes, index + 2, "DOCTYPE") {
                        var depth = 0
                        var cursor = index + 2
                        while cursor < count {
                            let c = bytes[cursor]
                            if c == 10 { line += 1 }
                            if c == 91 { depth += 1 }
                            if c == 93 { depth -= 1 }
                            if c == 60, matches(bytes, cursor + 1, "!ENTITY") { return .entitiesRefused(line: line) }
                            if c == 62, depth <= 0 { break }
                            cursor += 1
                        }
                        index = cursor
                    }
                } else if next != 63 {
                    return nil
                }
            }
            index += 1
        }
        return nil
    }

    private static func matches(_ bytes: UnsafeRawBufferPointer, _ at: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard at + length <= bytes.count else { return false }
        return word.withUTF8Buffer { pattern in
            for offset in 0..<length where bytes[at + offset] != pattern[offset] { return false }
            return true
        }
    }
}

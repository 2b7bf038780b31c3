/// Checks an XML document before parsing: no entity declarations, ever.
///
/// GPX and TCX never need entities. Refusing any `<!ENTITY` declaration in the document
/// type rules out billion-laughs expansion and external entities before libxml2 sees them;
/// the parser is also set never to resolve external entities, and nesting depth is capped
/// while parsing (``maximumDepth``).
enum XMLSafety {
    /// The deepest element nesting accepted (real GPX and TCX files stay under 12).
    static let maximumDepth = 64

    /// Encodings accepted in the XML declaration (lower case). Single-byte Latin encodings
    /// are converted to UTF-8 by libxml2; anything else is refused.
    static let latinEncodings: Set<String> = ["iso-8859-1", "latin1", "iso-8859-15", "windows-1252"]
    static let utf8Encodings: Set<String> = ["utf-8", "utf8", "us-ascii", "ascii"]

    /// Returns the error for a document that declares entities, else `nil`.
    ///
    /// Also refuses bytes that are not UTF-8 in a UTF-8 document: FoundationXML traps on
    /// element names that are not valid UTF-8, which libxml2 passes on while recovering
    /// (found by fuzzing).
    static func check(_ bytes: UnsafeRawBufferPointer) -> ActivityFileError? {
        if bytes.count >= 2, bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF
            || bytes[0] == 0 || bytes[1] == 0 {
            return .malformedXML(line: 1, column: 1, reason: "UTF-16 and UTF-32 documents are not supported")
        }
        let encoding = declaredEncoding(bytes)
        if let encoding, !utf8Encodings.contains(encoding) {
            if !latinEncodings.contains(encoding) {
                return .malformedXML(line: 1, column: 1, reason: "unsupported encoding \"\(encoding.prefix(40))\"")
            }
        } else if let offset = firstInvalidUTF8(bytes) {
            let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            return .malformedXML(line: line, column: 1, reason: "invalid UTF-8 at byte \(offset)")
        }
        if let offset = emptyProcessingInstruction(bytes) {
            let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            return .malformedXML(line: line, column: 1, reason: "a processing instruction without data")
        }
        return checkEntities(bytes)
    }

    /// The offset of a processing instruction with no data (`<?name?>`), which makes
    /// FoundationXML read a null pointer (found by fuzzing); `nil` when there is none.
    static func emptyProcessingInstruction(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        var index = 0
        while index + 1 < count {
            if bytes[index] == 60, bytes[index + 1] == 63 {
                var cursor = index + 2
                while cursor < count, !XMLTime.isSpace(bytes[cursor]), bytes[cursor] != 63 { cursor += 1 }
                while cursor < count, XMLTime.isSpace(bytes[cursor]) { cursor += 1 }
                if cursor + 1 < count, bytes[cursor] == 63, bytes[cursor + 1] == 62 { return index }
                if cursor + 1 >= count { return nil }
            }
            // Step one byte only: `<?<?x?>` hides a second instruction inside the first
            // one's target (found by fuzzing).
            index += 1
        }
        return nil
    }

    /// The `encoding` of the XML declaration, lower-cased, if there is one.
    static func declaredEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard matches(bytes, start, "<?xml") else { return nil }
        var end = start
        while end < bytes.count, end < start + 512, bytes[end] != 62 { end += 1 }
        let declaration = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        return String(rest.prefix { $0 != quote }).lowercased()
    }

    /// The offset of the first byte that breaks UTF-8, or `nil` when all of it is UTF-8.
    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count,
               bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }

    static func checkEntities(_ bytes: UnsafeRawBufferPointer) -> ActivityFileError? {
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

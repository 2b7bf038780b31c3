/// A reader of plain JSON — the compact objects the journal stores for profiles and self-tests —
/// straight into ``JSONValue``, without the generic decoder's failed attempts at each type.
///
/// It reads only a strict subset: an object at the top; strings without escapes (but `\/`,
/// which the encoder writes for every `/`), control characters or bytes beyond ASCII;
/// numbers in JSON's own grammar; no repeated key; at most ``maximumDepth`` levels. For anything else it gives up (`nil`) and the caller reads the
/// text with `JSONDecoder` as before, so every text gets the value (or the error) it always
/// got; the tests set the two readings side by side over generated texts.
///
/// The exercise library asks for a little more (``Subset/library``): an array at the top, and
/// strings with characters beyond ASCII in valid UTF-8 (still no other escape, no control characters).
struct PlainJSONReader {
    static let maximumDepth = 32

    /// What the reader accepts besides the plain subset.
    struct Subset {
        /// An array at the top as well as an object.
        var arrayAtTop = false
        /// Strings with bytes beyond ASCII, when they are valid UTF-8.
        var unicodeStrings = false

        /// Profiles and self-tests: an object of ASCII strings.
        static let journal = Subset()
        /// The exercise library: an array of objects whose texts use typographic characters.
        static let library = Subset(arrayAtTop: true, unicodeStrings: true)
    }

    private let bytes: UnsafeRawBufferPointer
    private let subset: Subset
    private var at = 0

    /// The value of `bytes`, or `nil` when the text is outside the plain subset (valid or not).
    static func read(_ bytes: UnsafeRawBufferPointer) -> JSONValue? {
        read(bytes, subset: .journal)
    }

    /// The value of `bytes`, or `nil` when the text is outside the plain subset widened by `subset`.
    static func read(_ bytes: UnsafeRawBufferPointer, subset: Subset) -> JSONValue? {
        var reader = PlainJSONReader(bytes: bytes, subset: subset)
        reader.skipSpace()
        let opensTop = reader.peek == UInt8(ascii: "{") || (subset.arrayAtTop && reader.peek == UInt8(ascii: "["))
        guard opensTop, let value = reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        return reader.at == bytes.count ? value : nil
    }

    private init(bytes: UnsafeRawBufferPointer, subset: Subset) {
        self.bytes = bytes
        self.subset = subset
    }

    private var peek: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { at += 1 }
    }

    private mutating func value(depth: Int) -> JSONValue? {
        guard depth < Self.maximumDepth, let byte = peek else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return object(depth: depth + 1)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number().map(JSONValue.number)
        }
    }

    private mutating func object(depth: Int) -> JSONValue? {
        at += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if peek == UInt8(ascii: "}") {
            at += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\""), let key = string(), members[key] == nil else { return nil }
            skipSpace()
            guard peek == UInt8(ascii: ":") else { return nil }
            at += 1
            skipSpace()
            guard let value = value(depth: depth) else { return nil }
            members[key] = value
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): at += 1
            case UInt8(ascii: "}"):
                at += 1
                return .object(members)
            default: return nil
            }
        }
    }

    private mutating func array(depth: Int) -> JSONValue? {
        at += 1
        var elements: [JSONValue] = []
        skipSpace()
        if peek == UInt8(ascii: "]") {
            at += 1
            return .array(elements)
        }
        while true {
            skipSpace()
            guard let value = value(depth: depth) else { return nil }
            elements.append(value)
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): at += 1
            case UInt8(ascii: "]"):
                at += 1
                return .array(elements)
            default: return nil
            }
        }
    }

    /// A string of printable ASCII without escapes but `\/` (with ``Subset/unicodeStrings``,
    /// also characters beyond ASCII in valid UTF-8). The solidus is the one escape read: the
    /// encoder writes every `/` so (a stored profile's `"Europe\/Oslo"`).
    private mutating func string() -> String? {
        at += 1
        let start = at
        var ascii = true
        var solidi = 0
        while let byte = peek, byte != UInt8(ascii: "\"") {
            guard byte >= 0x20 else { return nil }
            if byte == UInt8(ascii: "\\") {
                guard at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "/") else { return nil }
                solidi += 1
                at += 1
            } else if byte >= 0x80 {
                guard subset.unicodeStrings else { return nil }
                ascii = false
            }
            at += 1
        }
        guard peek == UInt8(ascii: "\"") else { return nil }
        defer { at += 1 }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<at])
        if solidi > 0 {
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(text.count - solidi)
            var index = 0
            while index < text.count {
                if text[index] == UInt8(ascii: "\\") { index += 1 }
                unescaped.append(text[index])
                index += 1
            }
            return ascii ? String(decoding: unescaped, as: UTF8.self) : String(validating: unescaped, as: UTF8.self)
        }
        if ascii { return String(decoding: text, as: UTF8.self) }
        return String(validating: text, as: UTF8.self)
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        for index in 0..<count where bytes[at + index] != word.utf8Start[index] { return false }
        at += count
        return true
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?` with at most 15 digits before the point and 17 after,
    /// not `-0`: numbers every reading gives the same `Double` (no exponent, no underflow).
    private mutating func number() -> Double? {
        let start = at
        func digits() -> Int {
            let first = at
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { at += 1 }
            return at - first
        }
        let negative = peek == UInt8(ascii: "-")
        if negative { at += 1 }
        let leading = at
        let whole = digits()
        guard (1...15).contains(whole), bytes[leading] != UInt8(ascii: "0") || (whole == 1 && !negative) else { return nil }
        if peek == UInt8(ascii: ".") {
            at += 1
            guard (1...17).contains(digits()) else { return nil }
        }
        guard peek != UInt8(ascii: "e"), peek != UInt8(ascii: "E") else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

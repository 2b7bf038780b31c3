/// Writes JSON straight to bytes in exactly the layout ``Console/json(_:)`` prints through
/// `JSONEncoder` (`[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`): two spaces per
/// level, `"key" : value`, an empty container as an opening bracket, a blank line and the
/// closing bracket, strings escaped as Foundation escapes them (`"`, `\`, the C0 controls;
/// `/` and everything beyond ASCII as is), a number as its `description` without a trailing
/// `.0`.
///
/// For documents large enough that the generic encoder's cost shows (`plan --json`: 830 KB
/// through `JSONEncoder` was about a quarter of the process). The caller writes the keys of
/// each object in sorted order (by UTF-8 bytes, as `.sortedKeys` sorts them); the tests set
/// every document written this way against `JSONEncoder`'s bytes.
///
/// ```swift
/// var json = PrettyJSON()
/// json.object { json in
///     json.key("days"); json.array(days) { json, day in json.string(day) }
///     json.key("start"); json.string(start)
/// }
/// let bytes = try json.finished()
/// ```
public struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    private var level = 0
    /// Whether the container being written has no element yet.
    private var isFirst = true
    /// A number JSON cannot carry (NaN, an infinity) was given; ``finished()`` refuses.
    private var invalidNumber: Double?

    public init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// The document, or an error when a number JSON cannot carry was written.
    public func finished() throws(InvalidNumber) -> [UInt8] {
        if let invalidNumber { throw InvalidNumber(value: invalidNumber) }
        return bytes
    }

    /// NaN or an infinity, which `JSONEncoder` also refuses to write.
    public struct InvalidNumber: Error {
        public let value: Double
    }

    // MARK: Containers

    /// An object; `body` writes its members, each a ``key(_:)`` and a value, in sorted key order.
    public mutating func object(_ body: (inout PrettyJSON) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array of `elements`, each written by `element`.
    public mutating func array<S: Sequence>(_ elements: S, _ element: (inout PrettyJSON, S.Element) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { json in
            for value in elements {
                json.startElement()
                element(&json, value)
            }
        }
    }

    /// An array of strings.
    public mutating func array(_ strings: [String]) {
        array(strings) { json, text in json.string(text) }
    }

    /// The name of the next member of an object; its value follows.
    public mutating func key(_ name: StaticString) {
        startElement()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout PrettyJSON) -> Void) {
        bytes.append(open)
        bytes.append(UInt8(ascii: "\n"))
        let outer = isFirst
        isFirst = true
        level += 1
        body(&self)
        level -= 1
        bytes.append(UInt8(ascii: "\n"))
        indent()
        bytes.append(close)
        isFirst = outer
    }

    private mutating func startElement() {
        if isFirst {
            isFirst = false
        } else {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: "\n"))
        }
        indent()
    }

    private mutating func indent() {
        for _ in 0..<level {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
        }
    }

    // MARK: Values

    public mutating func null() {
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    public mutating func bool(_ value: Bool) {
        let text: StaticString = value ? "true" : "false"
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func int(_ value: Int) {
        bytes.append(contentsOf: value.description.utf8)
    }

    public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            invalidNumber = invalidNumber ?? value
            null()
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func double(_ value: Double?) {
        if let value { double(value) } else { null() }
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A string, escaped as Foundation's JSON writer escapes it.
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                escape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.endIndex]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}

/// A document ``Console/json(_:)`` writes with ``PrettyJSON`` instead of `JSONEncoder`; its
/// ``write(to:)`` must give the encoder's bytes (the tests compare them).
public protocol PrettyJSONDocument: Encodable {
    func write(to json: inout PrettyJSON)

    /// About how many bytes the document takes, so that the buffer is not grown and copied
    /// again and again on the way (a 16-week plan is 830 KB).
    var expectedBytes: Int { get }
}

extension PrettyJSONDocument {
    public var expectedBytes: Int { 1 << 16 }

    /// The document as `JSONEncoder` would write it, without the final line break.
    public func prettyJSON() throws(PrettyJSON.InvalidNumber) -> [UInt8] {
        var json = PrettyJSON(capacity: expectedBytes)
        write(to: &json)
        return try json.finished()
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The decoding state of one XML format (GPX or TCX), driven by ``XMLStateDelegate``.
///
/// A struct, reached through one pointer, so callbacks pay no class-property exclusivity
/// checks; element names arrive without their namespace prefix.
protocol XMLActivityState {
    init()
    /// The first error; parsing stops once it is set.
    var failure: ActivityFileError? { get set }
    /// Whether ``failure`` is set (cheaper to test than the optional error).
    var hasFailed: Bool { get set }
    /// Whether the current element's text is being collected into ``text``.
    var isCapturing: Bool { get set }
    var text: String { get set }
    mutating func start(_ name: XMLName, attributes: [String: String], depth: Int, parser: XMLParser)
    mutating func end(_ name: XMLName, depth: Int, parser: XMLParser)
    /// Collects text when capturing (one call per text event, specialised per format).
    mutating func characters(_ string: String)
    /// Runs `start` and tells whether parsing must stop.
    mutating func started(_ name: XMLName, attributes: [String: String], depth: Int, parser: XMLParser) -> Bool
    /// Runs `end` unless parsing already failed, and tells whether parsing must stop.
    mutating func ended(_ name: XMLName, depth: Int, parser: XMLParser) -> Bool
}

/// Runs `XMLParser` over bytes with KneeCoach's safety settings, for the GPX and TCX decoders.
enum XMLDecoding {
    /// Parses `bytes` into a fresh `State`; returns it, or the error that stopped parsing.
    ///
    /// The state's own error (a bad value, a wrong root) wins over the parser's.
    static func run<State: XMLActivityState>(_ bytes: [UInt8], as _: State.Type) -> Result<State, ActivityFileError> {
        if let refused = bytes.withUnsafeBytes({ XMLSafety.check($0) }) { return .failure(refused) }
        // A stream, not `XMLParser(data:)`: given the whole document at once, libxml2 refuses
        // one over 10,000,000 bytes (its lookup limit) with a bare internal error at the end.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        let delegate = XMLStateDelegate<State>()
        parser.delegate = delegate
        let ok = parser.parse()
        let state = delegate.state.pointee
        if let error = state.failure { return .failure(error) }
        if !ok {
            return .failure(.malformedXML(line: parser.lineNumber, column: parser.columnNumber,
                                          reason: reason(for: parser.parserError)))
        }
        // libxml2 on Linux reports an unclosed document as a success: check it ourselves.
        if delegate.depth != 0 {
            return .failure(.malformedXML(line: parser.lineNumber, column: parser.columnNumber,
                                          reason: "the document ends inside an element (truncated?)"))
        }
        if !delegate.sawElement {
            return .failure(.malformedXML(line: parser.lineNumber, column: parser.columnNumber, reason: "no root element"))
        }
        return .success(state)
    }
}

/// An element's local name (namespace prefix removed) as UTF-8 bytes, valid during one
/// callback; compared with literals byte by byte.
struct XMLName {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    /// Whether the name is exactly `literal`.
    @inline(__always)
    func `is`(_ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == bytes.count else { return false }
        return literal.withUTF8Buffer { pattern in
            for index in 0..<pattern.count where pattern[index] != bytes[index] { return false }
            return true
        }
    }

    /// Whether the name is `lower` ignoring ASCII case (`lower` is lower case).
    func isIgnoringCase(_ lower: StaticString) -> Bool {
        guard lower.utf8CodeUnitCount == bytes.count else { return false }
        return lower.withUTF8Buffer { pattern in
            for index in 0..<pattern.count where bytes[index] | 0x20 != pattern[index] { return false }
            return true
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Calls `body` with the local name of `name` (the part after the last `:`).
@inline(__always)
func withLocalName<R>(_ name: String, _ body: (XMLName) -> R) -> R {
    var copy = name
    return copy.withUTF8 { all in
        var index = all.count - 1
        while index >= 0, all[index] != 58 { index -= 1 }
        return body(XMLName(bytes: UnsafeBufferPointer(rebasing: all[(index + 1)...])))
    }
}

/// Forwards `XMLParser` callbacks to a state struct; enforces the depth limit and refuses
/// entity declarations and external entities.
final class XMLStateDelegate<State: XMLActivityState>: NSObject, XMLParserDelegate {
    /// Nesting bookkeeping, behind a pointer like the state (no exclusivity checks).
    struct Counters {
        var depth = 0
        var sawElement = false
    }

    let state: UnsafeMutablePointer<State>
    let counters: UnsafeMutablePointer<Counters>
    var depth: Int { counters.pointee.depth }
    var sawElement: Bool { counters.pointee.sawElement }

    override init() {
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        counters = UnsafeMutablePointer<Counters>.allocate(capacity: 1)
        counters.initialize(to: Counters())
        super.init()
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
        counters.deinitialize(count: 1)
        counters.deallocate()
    }

    private func fail(_ parser: XMLParser, _ error: ActivityFileError) {
        state.pointee.fail(error)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        counters.pointee.depth += 1
        counters.pointee.sawElement = true
        let depth = counters.pointee.depth
        guard depth <= XMLSafety.maximumDepth else {
            fail(parser, .nestedTooDeep(depth: XMLSafety.maximumDepth, line: parser.lineNumber))
            return
        }
        let failed = withLocalName(elementName) { name in
            state.pointee.started(name, attributes: attributeDict, depth: depth, parser: parser)
        }
        if failed { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        let depth = counters.pointee.depth
        let failed = withLocalName(elementName) { name in
            state.pointee.ended(name, depth: depth, parser: parser)
        }
        if failed { parser.abortParsing() }
        counters.pointee.depth -= 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        state.pointee.characters(string)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        // Record only: calling abortParsing() from inside libxml2's error callback makes
        // FoundationXML use freed memory (found by fuzzing). libxml2 stops by itself after
        // a fatal error, and the states ignore events once they have failed.
        state.pointee.fail(.malformedXML(line: parser.lineNumber, column: parser.columnNumber,
                                         reason: reason(for: parseError)))
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(parser, .entitiesRefused(line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail(parser, .entitiesRefused(line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        fail(parser, .entitiesRefused(line: parser.lineNumber))
        return nil
    }
}

extension XMLActivityState {
    mutating func characters(_ string: String) {
        guard isCapturing else { return }
        if text.isEmpty { text = string } else { text += string }
    }

    mutating func started(_ name: XMLName, attributes: [String: String], depth: Int, parser: XMLParser) -> Bool {
        guard !hasFailed else { return true }
        start(name, attributes: attributes, depth: depth, parser: parser)
        return hasFailed
    }

    mutating func ended(_ name: XMLName, depth: Int, parser: XMLParser) -> Bool {
        guard !hasFailed else { return true }
        end(name, depth: depth, parser: parser)
        return hasFailed
    }

    /// Parses the captured text as a number, failing when it is neither a number nor empty.
    mutating func number(_ element: XMLName, _ parser: XMLParser) -> Double? {
        if let value = XMLNumber.parse(text) { return value }
        let trimmed = text.trimmingXMLSpace()
        if trimmed.isEmpty { return nil }
        fail(.invalidValue(element: element.string, value: String(trimmed), line: parser.lineNumber))
        return nil
    }

    /// Parses an attribute as a number, failing when it is not one.
    mutating func number(attribute: String?, _ element: XMLName, _ parser: XMLParser) -> Double? {
        guard let attribute else { return nil }
        if let value = XMLNumber.parse(attribute) { return value }
        fail(.invalidValue(element: element.string, value: attribute, line: parser.lineNumber))
        return nil
    }

    /// Parses the captured text as an ISO 8601 time, failing when it is neither a time nor empty.
    mutating func time(_ element: XMLName, _ parser: XMLParser) -> Double? {
        if let value = XMLTime.parse(text) { return value }
        let trimmed = text.trimmingXMLSpace()
        if trimmed.isEmpty { return nil }
        fail(.invalidValue(element: element.string, value: String(trimmed), line: parser.lineNumber))
        return nil
    }

    /// Records the first error.
    mutating func fail(_ error: ActivityFileError) {
        guard !hasFailed else { return }
        failure = error
        hasFailed = true
    }

    /// Starts collecting the current element's text.
    mutating func capture() {
        isCapturing = true
        text = ""
    }
}

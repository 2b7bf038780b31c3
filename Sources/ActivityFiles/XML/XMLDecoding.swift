import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs `XMLParser` over bytes with KneeCoach's safety settings, for the GPX and TCX decoders.
enum XMLDecoding {
    /// Parses `bytes` with `delegate`; returns the error that stopped parsing, if any.
    ///
    /// The delegate's own error (a bad value, too deep) wins over the parser's.
    static func run(_ bytes: [UInt8], delegate: XMLActivityDelegate) -> ActivityFileError? {
        if let refused = bytes.withUnsafeBytes({ XMLSafety.check($0) }) { return refused }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.failure { return error }
        if !ok {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "parse error"
            return .malformedXML(line: parser.lineNumber, column: parser.columnNumber,
                                 reason: reason.isEmpty ? "parse error" : reason)
        }
        return nil
    }
}

/// The parts of a GPX or TCX delegate that are the same: depth limit, entity refusal,
/// text capture.
class XMLActivityDelegate: NSObject, XMLParserDelegate {
    var failure: ActivityFileError?
    var depth = 0
    /// Text of the current leaf element, when ``isCapturing``.
    var text = ""
    var isCapturing = false

    /// Stops the parser with `error` (the first one wins).
    func fail(_ parser: XMLParser, _ error: ActivityFileError) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    /// Call first in `didStartElement`; returns false when parsing must stop.
    func enter(_ parser: XMLParser) -> Bool {
        depth += 1
        if depth > XMLSafety.maximumDepth {
            fail(parser, .nestedTooDeep(depth: XMLSafety.maximumDepth, line: parser.lineNumber))
            return false
        }
        return true
    }

    // Subclasses override these; they must be declared here so that the protocol
    // conformance (made by this class) dispatches to the overrides.
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {}

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {}

    func parserDidEndDocument(_ parser: XMLParser) {}

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if isCapturing { text += string }
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

    /// Parses the captured text as a number, failing the parse when it is not one.
    func number(_ parser: XMLParser, _ element: String) -> Double? {
        if let value = XMLNumber.parse(text) { return value }
        if text.trimmingXMLSpace().isEmpty { return nil }
        fail(parser, .invalidValue(element: element, value: String(text.trimmingXMLSpace()), line: parser.lineNumber))
        return nil
    }

    /// Parses an attribute as a number, failing the parse when it is not one.
    func number(_ parser: XMLParser, attribute: String?, _ element: String) -> Double? {
        guard let attribute else { return nil }
        if let value = XMLNumber.parse(attribute) { return value }
        fail(parser, .invalidValue(element: element, value: attribute, line: parser.lineNumber))
        return nil
    }
}

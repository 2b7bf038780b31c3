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
            return .malformedXML(line: parser.lineNumber, column: parser.columnNumber,
                                 reason: reason(for: parser.parserError))
        }
        // libxml2 on Linux reports an unclosed document as a success: check it ourselves.
        if delegate.depth != 0 {
            return .malformedXML(line: parser.lineNumber, column: parser.columnNumber,
                                 reason: "the document ends inside an element (truncated?)")
        }
        if !delegate.sawElement {
            return .malformedXML(line: parser.lineNumber, column: parser.columnNumber, reason: "no root element")
        }
        return nil
    }
}

/// A short reason for an `XMLParser` error (libxml2's error numbers).
func reason(for error: (any Error)?) -> String {
    guard let error else { return "parse error" }
    let code = (error as NSError).code
    switch code {
    case 4: return "the document is empty"
    case 5: return "the document ends too early"
    case 9: return "invalid character"
    case 23: return "invalid character reference"
    case 26: return "undeclared entity"
    case 38, 39, 40, 41: return "invalid attribute"
    case 64, 65: return "invalid name or '<' in text"
    case 68: return "invalid character in a name"
    case 73: return "'>' expected"
    case 76: return "the closing tag does not match the opening tag"
    case 77: return "a tag is not closed"
    case 85, 86: return "extra content after the document"
    default: return "XML parser error \(code)"
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
    var sawElement = false

    /// Stops the parser with `error` (the first one wins).
    func fail(_ parser: XMLParser, _ error: ActivityFileError) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    /// Call first in `didStartElement`; returns false when parsing must stop.
    func enter(_ parser: XMLParser) -> Bool {
        depth += 1
        sawElement = true
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

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        fail(parser, .malformedXML(line: parser.lineNumber, column: parser.columnNumber, reason: reason(for: parseError)))
    }

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

import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Markup parsed with Foundation's XMLParser: proof that it is well-formed, and its
/// elements, attributes and text for the tests to look at.
final class ParsedXML: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: String?

    /// Parses `markup`; `error` is set when it is not well-formed XML.
    init(_ markup: String) {
        super.init()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "parse failed" }
    }

    var isWellFormed: Bool { error == nil }

    /// The elements with this name, in document order.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The elements whose `class` attribute includes `cls`.
    func withClass(_ cls: String) -> [Element] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains { $0 == cls } }
    }

    /// All the text of the document (the root's text).
    var allText: String { elements.first?.text ?? "" }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: name, attributes: attributes, text: ""))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
    }

    /// Text counts for every open element, as the DOM's `textContent` does: a `<rect>`'s
    /// text is its `<title>` tooltip.
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in open { elements[index].text += string }
    }
}

/// Numbers read back from SVG attributes.
extension ParsedXML.Element {
    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
}

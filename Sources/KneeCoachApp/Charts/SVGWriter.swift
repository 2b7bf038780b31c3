/// Builds SVG markup as text, one element per line, attributes in the order given.
///
/// Every attribute value and every text node is escaped with ``XMLEscaping``, so a caller
/// cannot forget to; only ``raw(_:)`` appends markup as it is, for fragments this module made.
/// The same calls always give the same bytes.
///
/// ```swift
/// var svg = SVGWriter()
/// svg.leaf("rect", [("x", 0.0.svg), ("y", 4.5.svg), ("class", "kc-bar")])
/// svg.text("text", [("x", "10"), ("y", "20")], "Week 3")
/// ```
public struct SVGWriter: Sendable {
    /// The markup so far.
    public private(set) var markup = ""

    /// A writer with no markup yet.
    public init() {}

    /// Opens an element: `<g class="kc-axis">`.
    public mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        markup += "<" + name + Self.attributeText(attributes) + ">\n"
    }

    /// Closes the element opened last with this name: `</g>`.
    public mutating func close(_ name: String) {
        markup += "</" + name + ">\n"
    }

    /// An element without content: `<line x1="0" … />`.
    public mutating func leaf(_ name: String, _ attributes: [(String, String)]) {
        markup += "<" + name + Self.attributeText(attributes) + "/>\n"
    }

    /// An element holding escaped text: `<text x="4">Week &lt;3&gt;</text>`.
    public mutating func text(_ name: String, _ attributes: [(String, String)], _ content: String) {
        markup += "<" + name + Self.attributeText(attributes) + ">" + XMLEscaping.escaped(content) + "</" + name + ">\n"
    }

    /// An element with a `<title>` child, which browsers show as a tooltip:
    /// `<rect …><title>Week 3: 31.0 km</title></rect>`.
    public mutating func leaf(_ name: String, _ attributes: [(String, String)], tooltip: String) {
        markup += "<" + name + Self.attributeText(attributes) + "><title>" + XMLEscaping.escaped(tooltip)
            + "</title></" + name + ">\n"
    }

    /// Markup appended unchanged; only for fragments another ``SVGWriter`` produced.
    public mutating func raw(_ fragment: String) {
        markup += fragment
    }

    /// ` name="value"` for each pair, values escaped.
    static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + XMLEscaping.escaped($0.1) + "\"" }.joined()
    }
}

extension Double {
    /// The number as an SVG coordinate: at most two decimals, no trailing zeros.
    public var svg: String { FixedDecimal.trimmed(self, decimals: 2) }
}

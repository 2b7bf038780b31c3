/// The outer `<svg>` of every chart: size, accessible name and description, and the
/// "nothing to draw" message.
///
/// The root is `role="img"` with `aria-labelledby` pointing at its `<title>` and `<desc>`,
/// so a screen reader announces the chart's name and its summary rather than each shape.
/// It has a `viewBox` and `width="100%"`, so it shrinks to a phone and grows on a desktop.
public enum ChartCanvas {
    /// Wraps drawn `content` in the chart's root element.
    /// - Parameters:
    ///   - info: The chart's id, title and summary.
    ///   - layout: The drawing's size.
    ///   - content: Markup from an ``SVGWriter``.
    /// - Returns: One `<svg>` element.
    public static func svg(_ info: ChartInfo, layout: ChartLayout, content: String) -> String {
        var svg = SVGWriter()
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("class", "kc-chart"), ("id", info.id),
            ("viewBox", "0 0 \(layout.width.svg) \(layout.height.svg)"), ("width", "100%"),
            ("role", "img"), ("aria-labelledby", "\(info.id)-title \(info.id)-desc"),
            ("font-size", layout.fontSize.svg),
        ])
        svg.text("title", [("id", "\(info.id)-title")], info.title)
        svg.text("desc", [("id", "\(info.id)-desc")], info.summary)
        svg.raw(content)
        svg.close("svg")
        return svg.markup
    }

    /// A chart with nothing to draw: its title and ``ChartInfo/emptyMessage`` in the middle of
    /// an otherwise blank, shorter drawing; the description says the same for screen readers.
    public static func empty(_ info: ChartInfo, layout: ChartLayout) -> String {
        var short = layout
        short.height = min(layout.height, 120)
        var body = SVGWriter()
        body.leaf("rect", [
            ("class", "kc-grid"), ("x", "0.5"), ("y", "0.5"), ("width", (short.width - 1).svg),
            ("height", (short.height - 1).svg), ("rx", "8"), ("fill", "none"), ("stroke-dasharray", "4 4"),
        ])
        body.text("text", [
            ("class", "kc-empty"), ("x", (short.width / 2).svg), ("y", (short.height / 2).svg),
            ("text-anchor", "middle"), ("dominant-baseline", "middle"),
        ], info.emptyMessage)
        var said = info
        said.summary = info.emptyMessage
        return svg(said, layout: short, content: body.markup)
    }
}

/// The key above a chart: a small swatch and a name for each kind of mark.
///
/// Items flow left to right and wrap onto a new row when the drawing's width runs out;
/// ``rows(in:)`` tells a chart how much room to keep above its plot.
public struct ChartLegend: Equatable, Sendable {
    /// How an item's swatch is drawn, matching the mark it names.
    public enum Swatch: Equatable, Sendable {
        /// A filled square in a CSS class: bars.
        case box(String)
        /// A short line in a CSS class, with a point in the middle when `point` names a class.
        case line(String, point: String?)
        /// A translucent band with its edge: ranges.
        case band(fill: String, edge: String)
        /// An upward triangle in a CSS class: the marker over a bar past a limit.
        case marker(String)
    }

    /// One named swatch.
    public struct Item: Equatable, Sendable {
        /// What the swatch stands for: "Safe range".
        public var label: String
        /// How it is drawn.
        public var swatch: Swatch

        /// An item of the legend.
        public init(_ label: String, _ swatch: Swatch) {
            self.label = label
            self.swatch = swatch
        }
    }

    /// The items, in reading order.
    public var items: [Item]

    /// A legend of `items`.
    public init(_ items: [Item]) { self.items = items }

    static let swatchWidth = 16.0, gap = 6.0, spacing = 14.0

    /// Each item's row and x offset in a drawing of `layout`'s width.
    func placements(in layout: ChartLayout) -> [(row: Int, x: Double)] {
        var row = 0, x = layout.plotLeft > 8 ? 8.0 : layout.plotLeft
        var result: [(row: Int, x: Double)] = []
        let start = x
        for item in items {
            let width = Self.swatchWidth + Self.gap + ChartLayout.estimatedWidth(of: item.label, fontSize: layout.fontSize)
            if x > start, x + width > layout.width - 4 {
                row += 1
                x = start
            }
            result.append((row, x))
            x += width + Self.spacing
        }
        return result
    }

    /// How many rows the legend takes in a drawing of `layout`'s width (0 when empty).
    public func rows(in layout: ChartLayout) -> Int {
        (placements(in: layout).map(\.row).max() ?? -1) + 1
    }

    /// The legend's markup, its first row `layout.top` below the drawing's top edge.
    public func render(in layout: ChartLayout) -> String {
        var svg = SVGWriter()
        guard !items.isEmpty else { return "" }
        svg.open("g", [("class", "kc-legend"), ("aria-label", "Legend")])
        for (item, place) in zip(items, placements(in: layout)) {
            let middle = layout.top + (Double(place.row) + 0.5) * layout.legendRowHeight
            let x = place.x, w = Self.swatchWidth
            switch item.swatch {
            case .box(let cls):
                svg.leaf("rect", [("class", cls), ("x", x.svg), ("y", (middle - 5).svg), ("width", w.svg), ("height", "10")])
            case .line(let cls, let point):
                svg.leaf("line", [("class", cls), ("x1", x.svg), ("y1", middle.svg), ("x2", (x + w).svg), ("y2", middle.svg)])
                if let point {
                    svg.leaf("circle", [("class", point), ("cx", (x + w / 2).svg), ("cy", middle.svg), ("r", "3.5")])
                }
            case .band(let fill, let edge):
                svg.leaf("rect", [("class", fill), ("x", x.svg), ("y", (middle - 6).svg), ("width", w.svg), ("height", "12")])
                svg.leaf("rect", [("class", edge), ("x", x.svg), ("y", (middle - 6).svg), ("width", w.svg), ("height", "12")])
            case .marker(let cls):
                svg.leaf("path", [("class", cls), ("d", ChartMarks.triangle(centerX: x + w / 2, bottom: middle + 5, size: 9))])
            }
            svg.text("text", [
                ("x", (x + w + Self.gap).svg), ("y", middle.svg), ("dominant-baseline", "central"),
            ], item.label)
        }
        svg.close("g")
        return svg.markup
    }
}

/// The size of a chart's drawing and the room kept around its plot for axes and the legend.
///
/// Every chart is drawn in its own coordinate system (`viewBox="0 0 width height"`) and
/// scaled to the width of its container, so text sizes here are relative: at the standard
/// width of 360, a 12-unit label is about 11 px on a phone and grows with a wider screen.
public struct ChartLayout: Equatable, Sendable {
    /// The drawing's width in SVG units.
    public var width: Double
    /// The drawing's height in SVG units.
    public var height: Double
    /// Room above the plot, below any legend rows.
    public var top: Double
    /// Room right of the plot (for a second axis or end labels).
    public var right: Double
    /// Room below the plot (for category labels).
    public var bottom: Double
    /// Room left of the plot (for value labels).
    public var left: Double
    /// The size of tick and category labels.
    public var fontSize: Double

    /// A layout; the defaults suit a phone held upright.
    public init(
        width: Double = 360, height: Double = 230, top: Double = 10, right: Double = 14, bottom: Double = 26,
        left: Double = 40, fontSize: Double = 12
    ) {
        self.width = width
        self.height = height
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
        self.fontSize = fontSize
    }

    /// The height of one legend row.
    public var legendRowHeight: Double { fontSize + 8 }

    /// The plot's left edge.
    public var plotLeft: Double { left }
    /// The plot's right edge.
    public var plotRight: Double { width - right }
    /// The plot's bottom edge (the zero line of a bar chart).
    public var plotBottom: Double { height - bottom }

    /// The plot's top edge once `legendRows` rows of legend sit above it.
    public func plotTop(legendRows: Int) -> Double { top + Double(legendRows) * legendRowHeight }

    /// About how wide `text` is at `size` (an average glyph is a little over half an em);
    /// enough to keep labels apart without measuring fonts.
    public static func estimatedWidth(of text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.58
    }
}

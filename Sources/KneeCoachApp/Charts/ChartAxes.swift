/// Axes, grid lines and their labels, drawn the same way in every chart.
public enum ChartAxes {
    /// Which side of the plot a value axis labels.
    public enum Side: Sendable {
        /// Labels left of the plot, right-aligned; grid lines across the plot.
        case left
        /// Labels right of the plot, left-aligned; no grid lines (the left axis has them).
        case right
    }

    /// The room kept between the legend and the plot's top for the unit over a value axis.
    public static func unitRoom(_ layout: ChartLayout) -> Double { layout.fontSize * 2 }

    /// Horizontal grid lines at each tick and the tick labels on one side, with the unit
    /// written above the labels.
    /// - Parameters:
    ///   - ticks: The values to mark.
    ///   - scale: Maps a value to its y coordinate.
    ///   - layout: The plot's edges.
    ///   - side: Where the labels go.
    ///   - unit: Written above the top label: "km", "pain".
    public static func valueAxis(
        ticks: NiceTicks, scale: LinearScale, layout: ChartLayout, side: Side, unit: String
    ) -> String {
        var svg = SVGWriter()
        svg.open("g", [("class", "kc-value-axis"), ("aria-hidden", "true")])
        let labelX = side == .left ? layout.plotLeft - 6 : layout.plotRight + 6
        let anchor = side == .left ? "end" : "start"
        for (value, label) in zip(ticks.values, ticks.labels) {
            let y = scale.position(of: value)
            if side == .left {
                svg.leaf("line", [
                    ("class", "kc-grid"), ("x1", layout.plotLeft.svg), ("y1", y.svg), ("x2", layout.plotRight.svg),
                    ("y2", y.svg),
                ])
            }
            svg.text("text", [
                ("class", "kc-tick"), ("x", labelX.svg), ("y", y.svg), ("text-anchor", anchor),
                ("dominant-baseline", "central"),
            ], label)
        }
        if !unit.isEmpty {
            let top = scale.position(of: ticks.upper) - layout.fontSize * 0.75
            svg.text("text", [("class", "kc-tick"), ("x", labelX.svg), ("y", top.svg), ("text-anchor", anchor)], unit)
        }
        svg.close("g")
        return svg.markup
    }

    /// The baseline under the plot and category labels under their slots; labels thin out
    /// (keeping the last) when they would overlap.
    public static func categoryAxis(labels: [String], band: BandScale, layout: ChartLayout) -> String {
        var svg = SVGWriter()
        svg.open("g", [("class", "kc-category-axis"), ("aria-hidden", "true")])
        svg.leaf("line", [
            ("class", "kc-axis"), ("x1", layout.plotLeft.svg), ("y1", layout.plotBottom.svg),
            ("x2", layout.plotRight.svg), ("y2", layout.plotBottom.svg),
        ])
        let widest = labels.map { ChartLayout.estimatedWidth(of: $0, fontSize: layout.fontSize) }.max() ?? 0
        let y = layout.plotBottom + layout.fontSize + 4
        for index in band.labelledIndices(labelWidth: widest + 6) where index < labels.count {
            // Keep the first and last labels inside the drawing.
            let half = ChartLayout.estimatedWidth(of: labels[index], fontSize: layout.fontSize) / 2
            let x = min(max(band.center(index), half + 2), layout.width - half - 2)
            svg.text("text", [("class", "kc-tick"), ("x", x.svg), ("y", y.svg), ("text-anchor", "middle")], labels[index])
        }
        svg.close("g")
        return svg.markup
    }
}

/// Vertical bars, one per category, each with an optional shaded band behind it: weekly
/// distance against that week's safe range.
///
/// The band comes with the data (for a week, the previous week's distance ± the evidence
/// table's jump), so the chart applies no rule of its own. A bar past its band's upper edge
/// turns the warning colour and carries a triangle marker, so it stands out without colour.
///
/// ```swift
/// let chart = BandedBarChart(
///     info: ChartInfo(id: "weekly-km", title: "Weekly distance", summary: "…"),
///     bars: [.init(label: "W47", value: 31, band: ValueBand(27, 33))], unit: "km")
/// let svg = chart.render()
/// ```
public struct BandedBarChart: Equatable, Sendable {
    /// One category's bar.
    public struct Bar: Equatable, Sendable {
        /// The category under the bar: "W47", "23 Nov".
        public var label: String
        /// The bar's height in ``BandedBarChart/unit``; negative values draw as 0 and
        /// non-finite ones as no bar.
        public var value: Double
        /// The range to compare it with, when known.
        public var band: ValueBand?

        /// A bar.
        public init(label: String, value: Double, band: ValueBand? = nil) {
            self.label = label
            self.value = value
            self.band = band
        }

        /// Whether the bar rises past its band.
        public var isOverBand: Bool {
            guard let band, value.isFinite else { return false }
            return value > band.upper
        }
    }

    /// The legend's names for the bars, the band and the over-band marker.
    public struct Names: Equatable, Sendable {
        /// The bars: "Weekly distance".
        public var bar: String
        /// The bands: "Safe range".
        public var band: String
        /// The marker over a bar past its band: "Above the safe range".
        public var over: String

        /// Legend names.
        public init(bar: String = "Distance", band: String = "Safe range", over: String = "Above the range") {
            self.bar = bar
            self.band = band
            self.over = over
        }
    }

    /// Names and words.
    public var info: ChartInfo
    /// The bars, oldest first.
    public var bars: [Bar]
    /// The unit of the values: "km".
    public var unit: String
    /// Decimals in tooltips.
    public var decimals: Int
    /// The legend's names.
    public var names: Names
    /// The drawing's size.
    public var layout: ChartLayout

    /// A banded bar chart.
    public init(
        info: ChartInfo, bars: [Bar], unit: String, decimals: Int = 1,
        names: Names = Names(),
        layout: ChartLayout = ChartLayout()
    ) {
        self.info = info
        self.bars = bars
        self.unit = unit
        self.decimals = decimals
        self.names = names
        self.layout = layout
    }

    /// Whether there is nothing to draw: no bars, or none with a finite value.
    public var isEmpty: Bool { !bars.contains { $0.value.isFinite } }

    /// The chart as one `<svg>` element, or the empty message when ``isEmpty``.
    public func render() -> String {
        guard !isEmpty else { return ChartCanvas.empty(info, layout: layout) }
        var items = [ChartLegend.Item(names.bar, .box("kc-bar"))]
        if bars.contains(where: { $0.band != nil }) { items.append(.init(names.band, .band(fill: "kc-band", edge: "kc-band-edge"))) }
        if bars.contains(where: \.isOverBand) { items.append(.init(names.over, .marker("kc-marker"))) }
        let legend = ChartLegend(items)
        let top = layout.plotTop(legendRows: legend.rows(in: layout)) + ChartAxes.unitRoom(layout)
        let heights = bars.map { ChartValues.drawable($0.value).map { max($0, 0) } } + bars.map { $0.band?.upper }
        let ticks = NiceTicks(covering: ChartValues.span(heights), maxIntervals: 4)
        let y = LinearScale(ticks: ticks, range: (layout.plotBottom, top))
        let band = BandScale(count: bars.count, start: layout.plotLeft, end: layout.plotRight, padding: 0.3)

        var svg = SVGWriter()
        svg.raw(legend.render(in: layout))
        svg.raw(ChartAxes.valueAxis(ticks: ticks, scale: y, layout: layout, side: .left, unit: unit))
        svg.open("g", [("class", "kc-bands"), ("aria-label", names.band)])
        for (index, bar) in bars.enumerated() {
            guard let range = bar.band else { continue }
            let x = band.start + Double(index) * band.slotWidth + 1
            svg.leaf("rect", [
                ("class", "kc-band"), ("x", x.svg), ("y", y.position(of: range.upper).svg),
                ("width", (band.slotWidth - 2).svg),
                ("height", max(y.position(of: range.lower) - y.position(of: range.upper), 1).svg),
            ])
        }
        svg.close("g")
        svg.open("g", [("class", "kc-bars"), ("aria-label", names.bar)])
        for (index, bar) in bars.enumerated() {
            guard let value = ChartValues.drawable(bar.value) else { continue }
            let top = y.position(of: max(value, 0))
            svg.leaf("rect", [
                ("class", bar.isOverBand ? "kc-bar-over" : "kc-bar"), ("x", band.barStart(index).svg),
                ("y", top.svg), ("width", band.barWidth.svg), ("height", (layout.plotBottom - top).svg),
            ], tooltip: tooltip(bar, value: value))
            if bar.isOverBand {
                let size = min(band.barWidth, 10)
                svg.leaf("path", [("class", "kc-marker"), ("d", ChartMarks.triangle(centerX: band.center(index), bottom: top - 3, size: size))])
            }
        }
        svg.close("g")
        // The band's edges go over the bars, so a bar past its limit shows where the limit was.
        svg.open("g", [("class", "kc-band-edges"), ("aria-hidden", "true")])
        for (index, bar) in bars.enumerated() {
            guard let range = bar.band else { continue }
            let x1 = band.start + Double(index) * band.slotWidth + 1, x2 = x1 + band.slotWidth - 2
            for edge in [range.lower, range.upper] {
                let at = y.position(of: edge)
                svg.leaf("line", [("class", "kc-band-edge"), ("x1", x1.svg), ("y1", at.svg), ("x2", x2.svg), ("y2", at.svg)])
            }
        }
        svg.close("g")
        svg.raw(ChartAxes.categoryAxis(labels: bars.map(\.label), band: band, layout: layout))
        return ChartCanvas.svg(info, layout: layout, content: svg.markup)
    }

    /// "W47: 31.0 km (safe range 27.0–33.0 km)".
    func tooltip(_ bar: Bar, value: Double) -> String {
        var text = "\(bar.label): \(FixedDecimal.text(value, decimals: decimals)) \(unit)"
        if let range = bar.band {
            text += " (\(names.band.lowercased()) \(FixedDecimal.text(range.lower, decimals: decimals))–"
                + "\(FixedDecimal.text(range.upper, decimals: decimals)) \(unit))"
        }
        return text
    }
}

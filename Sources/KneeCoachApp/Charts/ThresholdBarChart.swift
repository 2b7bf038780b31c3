/// Horizontal bars, one per item, against a threshold line: shoe mileage against the wear
/// warning.
///
/// Each item's name sits on its own line above its bar, so long names (shoe names are typed
/// by the runner) keep the whole width of a phone. A bar at or past the threshold turns the
/// warning colour and its value label says so in words. An optional zone shades the range
/// where the item deserves a look (for shoes, the evidence table's review range).
///
/// ```swift
/// let chart = ThresholdBarChart(
///     info: ChartInfo(id: "shoes", title: "Shoe mileage", summary: "…"),
///     rows: [.init(label: "Trail pair", value: 812)], unit: "km", threshold: 800)
/// ```
public struct ThresholdBarChart: Equatable, Sendable {
    /// One item's bar.
    public struct Row: Equatable, Sendable {
        /// The item's name, as the runner typed it (escaped when drawn).
        public var label: String
        /// Its value in ``ThresholdBarChart/unit``; negative draws as 0, non-finite as no bar.
        public var value: Double
        /// Drawn muted and never warned about: an item no longer in use (a retired pair).
        public var isMuted: Bool

        /// A row.
        public init(label: String, value: Double, isMuted: Bool = false) {
            self.label = label
            self.value = value
            self.isMuted = isMuted
        }
    }

    /// The legend's names.
    public struct Names: Equatable, Sendable {
        /// The bars: "Distance on the pair".
        public var bar: String
        /// The threshold line: "Wear warning (800 km)".
        public var threshold: String
        /// The shaded zone: "Review range".
        public var zone: String
        /// Appended to the value of a bar past the threshold: "past the warning".
        public var past: String

        /// Legend names.
        public init(
            bar: String = "Distance", threshold: String = "Threshold", zone: String = "Review range",
            past: String = "past the threshold"
        ) {
            self.bar = bar
            self.threshold = threshold
            self.zone = zone
            self.past = past
        }
    }

    /// Names and words.
    public var info: ChartInfo
    /// The items, in the order to show them.
    public var rows: [Row]
    /// The values' unit: "km".
    public var unit: String
    /// The value a bar should stay under, or `nil` for none.
    public var threshold: Double?
    /// A range to shade across all rows, or `nil` for none.
    public var zone: ValueBand?
    /// The legend's names.
    public var names: Names
    /// The drawing's width, margins and font size; the height follows from the row count.
    public var layout: ChartLayout

    /// A threshold bar chart.
    public init(
        info: ChartInfo, rows: [Row], unit: String, threshold: Double? = nil, zone: ValueBand? = nil,
        names: Names = Names(), layout: ChartLayout = ChartLayout(right: 20, left: 10)
    ) {
        self.info = info
        self.rows = rows
        self.unit = unit
        self.threshold = threshold
        self.zone = zone
        self.names = names
        self.layout = layout
    }

    /// Whether there is nothing to draw: no rows, or none with a finite value.
    public var isEmpty: Bool { !rows.contains { $0.value.isFinite } }

    /// Whether a row in use reaches the threshold (a muted row never does).
    public func isPastThreshold(_ row: Row) -> Bool {
        guard !row.isMuted, let threshold = ChartValues.drawable(threshold), row.value.isFinite else { return false }
        return row.value >= threshold
    }

    /// The height of one row: the name's line, the bar and a gap.
    var rowHeight: Double { layout.fontSize + 4 + barHeight + 10 }
    var barHeight: Double { 14 }

    /// The chart as one `<svg>` element, or the empty message when ``isEmpty``.
    public func render() -> String {
        guard !isEmpty else { return ChartCanvas.empty(info, layout: layout) }
        let threshold = ChartValues.drawable(self.threshold)
        var items = [ChartLegend.Item(names.bar, .box("kc-shoe"))]
        if zone != nil { items.append(.init(names.zone, .box("kc-zone"))) }
        if threshold != nil { items.append(.init(names.threshold, .line("kc-limit", point: nil))) }
        let legend = ChartLegend(items)
        var layout = self.layout
        let top = layout.plotTop(legendRows: legend.rows(in: layout)) + 4
        layout.height = top + Double(rows.count) * rowHeight + layout.bottom
        let extent = rows.map { Optional(max($0.value, 0)) } + [threshold, zone?.upper]
        let ticks = NiceTicks(covering: ChartValues.span(extent), maxIntervals: 4)
        // Room on the right for the last tick's label.
        let x = LinearScale(ticks: ticks, range: (layout.plotLeft, layout.plotRight - 8))
        let bottom = top + Double(rows.count) * rowHeight

        var svg = SVGWriter()
        svg.raw(legend.render(in: layout))
        svg.open("g", [("class", "kc-value-axis"), ("aria-hidden", "true")])
        for (value, label) in zip(ticks.values, ticks.labels) {
            let at = x.position(of: value)
            svg.leaf("line", [("class", "kc-grid"), ("x1", at.svg), ("y1", top.svg), ("x2", at.svg), ("y2", bottom.svg)])
            let text = value == ticks.upper ? label + " " + unit : label
            svg.text("text", [
                ("class", "kc-tick"), ("x", at.svg), ("y", (bottom + layout.fontSize + 4).svg),
                ("text-anchor", value == ticks.lower ? "start" : value == ticks.upper ? "end" : "middle"),
            ], text)
        }
        svg.close("g")
        if let zone {
            svg.leaf("rect", [
                ("class", "kc-zone"), ("x", x.position(of: zone.lower).svg), ("y", top.svg),
                ("width", (x.position(of: zone.upper) - x.position(of: zone.lower)).svg), ("height", (bottom - top).svg),
            ])
        }
        // The threshold goes under the bars, so it never crosses a bar's value label.
        if let threshold {
            let at = x.position(of: threshold)
            svg.leaf("line", [("class", "kc-limit"), ("x1", at.svg), ("y1", (top - 2).svg), ("x2", at.svg), ("y2", bottom.svg)],
                tooltip: "\(names.threshold): \(FixedDecimal.text(threshold, decimals: 0)) \(unit)")
        }
        svg.open("g", [("class", "kc-bars"), ("aria-label", names.bar)])
        let nameRoom = Int((layout.plotRight - layout.plotLeft) / (layout.fontSize * 0.58))
        for (index, row) in rows.enumerated() {
            let rowTop = top + Double(index) * rowHeight
            let barTop = rowTop + layout.fontSize + 4
            svg.text("text", [("x", layout.plotLeft.svg), ("y", (barTop - 4).svg)], XMLEscaping.shortened(row.label, toCharacters: nameRoom))
            guard let value = ChartValues.drawable(row.value) else { continue }
            let past = isPastThreshold(row)
            let end = x.position(of: max(value, 0))
            var valueText = FixedDecimal.text(value, decimals: 0) + " " + unit
            if past { valueText += ", " + names.past }
            svg.leaf("rect", [
                ("class", past ? "kc-bar-over" : row.isMuted ? "kc-muted-bar" : "kc-shoe"), ("x", layout.plotLeft.svg),
                ("y", barTop.svg),
                ("width", max(end - layout.plotLeft, 1).svg), ("height", barHeight.svg),
            ], tooltip: row.label + ": " + valueText)
            // The value goes right of the bar, or inside its end when there is no room.
            let textWidth = ChartLayout.estimatedWidth(of: valueText, fontSize: layout.fontSize)
            let outside = end + 4 + textWidth <= layout.width - 2
            svg.text("text", [
                ("class", outside ? "kc-value" : "kc-value-inside"), ("x", (outside ? end + 4 : end - 4).svg),
                ("y", (barTop + barHeight / 2).svg), ("text-anchor", outside ? "start" : "end"),
                ("dominant-baseline", "central"),
            ], valueText)
        }
        svg.close("g")
        return ChartCanvas.svg(info, layout: layout, content: svg.markup)
    }
}

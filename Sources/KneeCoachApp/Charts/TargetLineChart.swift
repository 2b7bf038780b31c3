/// A line of values over time against a baseline and a target, with the stretch between
/// them shaded: cadence from its baseline toward the target steps per minute.
///
/// The axis does not start at zero: cadence moves a few percent, and a zero-based axis would
/// flatten the change the runner is working on. Missing values (runs without cadence) leave
/// gaps.
///
/// ```swift
/// let chart = TargetLineChart(
///     info: ChartInfo(id: "cadence", title: "Cadence", summary: "…"),
///     points: [.init(label: "3 Nov", value: 161)], unit: "spm", baseline: 160, target: 168)
/// ```
public struct TargetLineChart: Equatable, Sendable {
    /// One value on the line.
    public struct Point: Equatable, Sendable {
        /// The category under the point: "3 Nov".
        public var label: String
        /// The value, or `nil` for a gap.
        public var value: Double?

        /// A point.
        public init(label: String, value: Double?) {
            self.label = label
            self.value = value
        }
    }

    /// The legend's names.
    public struct Names: Equatable, Sendable {
        /// The line: "Cadence per run".
        public var line: String
        /// The dashed baseline: "Baseline 160 spm".
        public var baseline: String
        /// The target line: "Target 168 spm".
        public var target: String

        /// Legend names.
        public init(line: String = "Value", baseline: String = "Baseline", target: String = "Target") {
            self.line = line
            self.baseline = baseline
            self.target = target
        }
    }

    /// Names and words.
    public var info: ChartInfo
    /// The values, oldest first.
    public var points: [Point]
    /// The values' unit: "spm".
    public var unit: String
    /// Where the runner started, or `nil` when unknown.
    public var baseline: Double?
    /// Where the runner is heading, or `nil` when there is no target.
    public var target: Double?
    /// The legend's names.
    public var names: Names
    /// The drawing's size.
    public var layout: ChartLayout

    /// A line chart with a target band.
    public init(
        info: ChartInfo, points: [Point], unit: String, baseline: Double? = nil, target: Double? = nil,
        names: Names = Names(), layout: ChartLayout = ChartLayout()
    ) {
        self.info = info
        self.points = points
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.names = names
        self.layout = layout
    }

    /// Whether there is nothing to draw: no point holds a finite value.
    public var isEmpty: Bool { !points.contains { ChartValues.drawable($0.value) != nil } }

    /// The chart as one `<svg>` element, or the empty message when ``isEmpty``.
    public func render() -> String {
        guard !isEmpty else { return ChartCanvas.empty(info, layout: layout) }
        let baseline = ChartValues.drawable(self.baseline), target = ChartValues.drawable(self.target)
        var items = [ChartLegend.Item(names.line, .line("kc-line", point: "kc-line-point"))]
        if baseline != nil { items.append(.init(names.baseline, .line("kc-baseline", point: nil))) }
        if target != nil { items.append(.init(names.target, .line("kc-target", point: nil))) }
        let legend = ChartLegend(items)
        let top = layout.plotTop(legendRows: legend.rows(in: layout)) + ChartAxes.unitRoom(layout)
        let all = (points.map(\.value) + [baseline, target]).compactMap(ChartValues.drawable)
        let low = all.min() ?? 0, high = all.max() ?? 0
        // A little air above and below the data, so points never sit on the frame.
        let pad = max((high - low) * 0.1, 1)
        let ticks = NiceTicks(covering: (low - pad)...(high + pad), maxIntervals: 4)
        let y = LinearScale(ticks: ticks, range: (layout.plotBottom, top))
        let band = BandScale(count: points.count, start: layout.plotLeft, end: layout.plotRight, padding: 0)

        var svg = SVGWriter()
        svg.raw(legend.render(in: layout))
        svg.raw(ChartAxes.valueAxis(ticks: ticks, scale: y, layout: layout, side: .left, unit: unit))
        if let baseline, let target, let range = ValueBand(baseline, target) {
            svg.leaf("rect", [
                ("class", "kc-band"), ("x", layout.plotLeft.svg), ("y", y.position(of: range.upper).svg),
                ("width", (layout.plotRight - layout.plotLeft).svg),
                ("height", max(y.position(of: range.lower) - y.position(of: range.upper), 1).svg),
            ])
        }
        for (value, cls, name) in [(baseline, "kc-baseline", names.baseline), (target, "kc-target", names.target)] {
            guard let value else { continue }
            let at = y.position(of: value)
            svg.leaf("line", [
                ("class", cls), ("x1", layout.plotLeft.svg), ("y1", at.svg), ("x2", layout.plotRight.svg), ("y2", at.svg),
            ], tooltip: "\(name): \(FixedDecimal.trimmed(value, decimals: 1)) \(unit)")
        }
        let values = points.map { ChartValues.drawable($0.value) }
        let placed = values.enumerated().map { index, value in value.map { (x: band.center(index), y: y.position(of: $0)) } }
        // Points shrink when runs crowd together, so they never merge into a thick smear.
        let radius = min(4, max(1.5, band.slotWidth / 3))
        svg.open("g", [("class", "kc-series"), ("aria-label", names.line)])
        let path = ChartMarks.brokenLine(placed)
        if !path.isEmpty { svg.leaf("path", [("class", "kc-line"), ("d", path)]) }
        for (index, spot) in placed.enumerated() {
            guard let spot, let value = values[index] else { continue }
            svg.leaf("circle", [("class", "kc-line-point"), ("cx", spot.x.svg), ("cy", spot.y.svg), ("r", radius.svg)],
                tooltip: "\(points[index].label): \(FixedDecimal.trimmed(value, decimals: 1)) \(unit)")
        }
        svg.close("g")
        svg.raw(ChartAxes.categoryAxis(labels: points.map(\.label), band: band, layout: layout))
        return ChartCanvas.svg(info, layout: layout, content: svg.markup)
    }
}

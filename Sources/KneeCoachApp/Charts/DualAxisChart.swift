/// Load as bars on the left axis and a 0–10 score as one or two lines on the right axis:
/// pain set against weekly or daily load.
///
/// Seeing both on one time axis answers the question the runner cares about: does the pain
/// follow the weeks (or days) of high load? A missing score (no pain entry that week) leaves
/// a gap in its line rather than an invented value. An optional limit draws the acceptable
/// score as a dashed line, with its value coming from the caller (the evidence table).
public struct DualAxisChart: Equatable, Sendable {
    /// One category: its load and the scores recorded for it.
    public struct Point: Equatable, Sendable {
        /// The category under the bar: "W47", "23 Nov".
        public var label: String
        /// The load in ``DualAxisChart/loadUnit``, or `nil` when none is known.
        public var load: Double?
        /// The first score (0–10), or `nil` when none was recorded.
        public var score: Double?
        /// The second score (0–10), or `nil` when none was recorded.
        public var secondScore: Double?

        /// A point of the chart.
        public init(label: String, load: Double?, score: Double?, secondScore: Double? = nil) {
            self.label = label
            self.load = load
            self.score = score
            self.secondScore = secondScore
        }
    }

    /// The legend's names.
    public struct Names: Equatable, Sendable {
        /// The bars: "Weekly distance".
        public var load: String
        /// The first line: "Pain during or after".
        public var score: String
        /// The second line: "Next-morning pain".
        public var secondScore: String
        /// The dashed limit: "Acceptable pain (3/10)".
        public var limit: String

        /// Legend names.
        public init(
            load: String = "Distance", score: String = "Pain", secondScore: String = "Next-morning pain",
            limit: String = "Acceptable pain"
        ) {
            self.load = load
            self.score = score
            self.secondScore = secondScore
            self.limit = limit
        }
    }

    /// Names and words.
    public var info: ChartInfo
    /// The categories, oldest first.
    public var points: [Point]
    /// The load's unit: "km".
    public var loadUnit: String
    /// The scores' axis: 0–10 for pain.
    public var scoreRange: ClosedRange<Double>
    /// The acceptable score, drawn as a dashed line, or `nil` for none.
    public var limit: Double?
    /// The legend's names.
    public var names: Names
    /// The drawing's size.
    public var layout: ChartLayout

    /// A load-and-score chart.
    public init(
        info: ChartInfo, points: [Point], loadUnit: String, scoreRange: ClosedRange<Double> = 0...10,
        limit: Double? = nil, names: Names = Names(), layout: ChartLayout = ChartLayout(right: 34)
    ) {
        self.info = info
        self.points = points
        self.loadUnit = loadUnit
        self.scoreRange = scoreRange
        self.limit = limit
        self.names = names
        self.layout = layout
    }

    /// Whether there is nothing to draw: no category holds a load or a score.
    public var isEmpty: Bool {
        !points.contains { p in [p.load, p.score, p.secondScore].contains { ChartValues.drawable($0) != nil } }
    }

    /// The chart as one `<svg>` element, or the empty message when ``isEmpty``.
    public func render() -> String {
        guard !isEmpty else { return ChartCanvas.empty(info, layout: layout) }
        let hasSecond = points.contains { ChartValues.drawable($0.secondScore) != nil }
        let limit = ChartValues.drawable(self.limit)
        var items = [ChartLegend.Item(names.load, .box("kc-load")), .init(names.score, .line("kc-pain", point: "kc-pain-point"))]
        if hasSecond { items.append(.init(names.secondScore, .line("kc-pain-alt", point: "kc-pain-alt-point"))) }
        if limit != nil { items.append(.init(names.limit, .line("kc-limit", point: nil))) }
        let legend = ChartLegend(items)
        let top = layout.plotTop(legendRows: legend.rows(in: layout)) + ChartAxes.unitRoom(layout)
        let loadTicks = NiceTicks(covering: ChartValues.span(points.map { $0.load.map { max($0, 0) } }), maxIntervals: 4)
        let loadScale = LinearScale(ticks: loadTicks, range: (layout.plotBottom, top))
        let scoreTicks = NiceTicks(covering: scoreRange, maxIntervals: 5)
        let scoreScale = LinearScale(ticks: scoreTicks, range: (layout.plotBottom, top))
        let band = BandScale(count: points.count, start: layout.plotLeft, end: layout.plotRight, padding: 0.35)

        let scaleText = FixedDecimal.trimmed(scoreTicks.lower, decimals: 1) + "–" + FixedDecimal.trimmed(scoreTicks.upper, decimals: 1)
        var svg = SVGWriter()
        svg.raw(legend.render(in: layout))
        svg.raw(ChartAxes.valueAxis(ticks: loadTicks, scale: loadScale, layout: layout, side: .left, unit: loadUnit))
        svg.raw(ChartAxes.valueAxis(ticks: scoreTicks, scale: scoreScale, layout: layout, side: .right, unit: scaleText))
        svg.open("g", [("class", "kc-bars"), ("aria-label", names.load)])
        for (index, point) in points.enumerated() {
            guard let load = ChartValues.drawable(point.load) else { continue }
            let top = loadScale.position(of: max(load, 0))
            svg.leaf("rect", [
                ("class", "kc-load"), ("x", band.barStart(index).svg), ("y", top.svg), ("width", band.barWidth.svg),
                ("height", (layout.plotBottom - top).svg),
            ], tooltip: "\(point.label): \(FixedDecimal.text(load, decimals: 1)) \(loadUnit)")
        }
        svg.close("g")
        if let limit {
            let at = scoreScale.position(of: limit)
            svg.leaf("line", [
                ("class", "kc-limit"), ("x1", layout.plotLeft.svg), ("y1", at.svg), ("x2", layout.plotRight.svg),
                ("y2", at.svg),
            ], tooltip: "\(names.limit): \(FixedDecimal.trimmed(limit, decimals: 1))")
        }
        drawScores(\.secondScore, name: names.secondScore, line: "kc-pain-alt", point: "kc-pain-alt-point", diamond: true,
            scale: scoreScale, band: band, into: &svg)
        drawScores(\.score, name: names.score, line: "kc-pain", point: "kc-pain-point", diamond: false,
            scale: scoreScale, band: band, into: &svg)
        svg.raw(ChartAxes.categoryAxis(labels: points.map(\.label), band: band, layout: layout))
        return ChartCanvas.svg(info, layout: layout, content: svg.markup)
    }

    /// One score's line and points (circles, or diamonds for the second score).
    func drawScores(
        _ score: KeyPath<Point, Double?>, name: String, line: String, point: String, diamond: Bool,
        scale: LinearScale, band: BandScale, into svg: inout SVGWriter
    ) {
        let values = points.map { ChartValues.drawable($0[keyPath: score]) }
        guard values.contains(where: { $0 != nil }) else { return }
        svg.open("g", [("class", "kc-scores"), ("aria-label", name)])
        let placed = values.enumerated().map { index, value in value.map { (x: band.center(index), y: scale.position(of: $0)) } }
        let path = ChartMarks.brokenLine(placed)
        if !path.isEmpty { svg.leaf("path", [("class", line), ("d", path)]) }
        for (index, spot) in placed.enumerated() {
            guard let spot, let value = values[index] else { continue }
            let tip = "\(points[index].label): \(name.lowercased()) \(FixedDecimal.trimmed(value, decimals: 1))/\(FixedDecimal.trimmed(scoreRange.upperBound, decimals: 1))"
            if diamond {
                svg.leaf("path", [("class", point), ("d", ChartMarks.diamond(centerX: spot.x, centerY: spot.y, radius: 5))], tooltip: tip)
            } else {
                svg.leaf("circle", [("class", point), ("cx", spot.x.svg), ("cy", spot.y.svg), ("r", "4")], tooltip: tip)
            }
        }
        svg.close("g")
    }
}

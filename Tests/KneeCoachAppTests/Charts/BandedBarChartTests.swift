import Testing

@testable import KneeCoachApp

struct BandedBarChartTests {
    static let info = ChartInfo(id: "weekly", title: "Weekly distance", summary: "Four weeks.")

    static func chart(_ bars: [BandedBarChart.Bar]) -> BandedBarChart {
        BandedBarChart(info: info, bars: bars, unit: "km")
    }

    static let story: [BandedBarChart.Bar] = [
        .init(label: "W1", value: 20),
        .init(label: "W2", value: 22, band: ValueBand(18, 22)),
        .init(label: "W3", value: 30.8, band: ValueBand(19.8, 24.2)),
        .init(label: "W4", value: 10, band: ValueBand(27.7, 33.9)),
    ]

    @Test func drawsOneBarPerWeekAndOneBandPerKnownRange() throws {
        let svg = ParsedXML(Self.chart(Self.story).render())
        #expect(svg.isWellFormed, "\(svg.error ?? "")")
        #expect(svg.withClass("kc-bar").count + svg.withClass("kc-bar-over").count == 4 + 1)  // + the legend's swatch
        #expect(svg.all("rect").filter { $0.attributes["class"] == "kc-band" }.count == 3 + 1)
        #expect(svg.withClass("kc-band-edge").filter { $0.name == "line" }.count == 6)
    }

    @Test func barHeightsFollowTheValues() throws {
        let svg = ParsedXML(Self.chart([.init(label: "A", value: 10), .init(label: "B", value: 40)]).render())
        let bars = svg.all("rect").filter { $0.attributes["class"] == "kc-bar" && $0.text.contains(":") }
        try #require(bars.count == 2)
        let heights = bars.compactMap { $0.number("height") }
        #expect(abs(heights[1] / heights[0] - 4) < 0.01)
        // Both stand on the same baseline.
        let bottoms = bars.compactMap { bar in bar.number("y").flatMap { y in bar.number("height").map { y + $0 } } }
        #expect(abs(bottoms[0] - bottoms[1]) < 0.01)
    }

    @Test func aBarPastItsBandIsMarkedWithoutColourAlone() {
        let svg = ParsedXML(Self.chart(Self.story).render())
        let over = svg.withClass("kc-bar-over")
        #expect(over.count == 1)
        #expect(over.first?.text.contains("W3: 30.8 km (safe range 19.8–24.2 km)") == true)
        // The marker over the bar, and the legend's swatch naming it.
        #expect(svg.withClass("kc-marker").count == 2)
        #expect(svg.allText.contains("Above the range"))
        // Under the band is not a warning.
        #expect(Self.story[3].isOverBand == false)
    }

    @Test func noMarkerOrOverLegendWhenAllWeeksFit() {
        let svg = ParsedXML(Self.chart(Array(Self.story.prefix(2))).render())
        #expect(svg.withClass("kc-marker").isEmpty)
        #expect(!svg.allText.contains("Above the range"))
    }

    @Test func theAxisReachesTheHighestBandEdge() {
        let svg = ParsedXML(Self.chart([.init(label: "W1", value: 5, band: ValueBand(4, 33))]).render())
        let ticks = svg.withClass("kc-tick").map(\.text)
        #expect(ticks.contains("40"))
    }

    @Test func namesItselfForScreenReaders() throws {
        let svg = ParsedXML(Self.chart(Self.story).render())
        let root = try #require(svg.all("svg").first)
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "weekly-title weekly-desc")
        #expect(root.attributes["viewBox"] == "0 0 360 230")
        #expect(root.attributes["width"] == "100%")
        #expect(svg.all("title").first?.attributes["id"] == "weekly-title")
        #expect(svg.all("title").first?.text == "Weekly distance")
        #expect(svg.all("desc").first?.text == "Four weeks.")
    }

    @Test(arguments: [[], [BandedBarChart.Bar(label: "W1", value: .nan)]])
    func emptyDataSaysSoInsteadOfDrawing(bars: [BandedBarChart.Bar]) {
        let chart = Self.chart(bars)
        #expect(chart.isEmpty)
        let svg = ParsedXML(chart.render())
        #expect(svg.isWellFormed)
        #expect(svg.withClass("kc-empty").first?.text == "No runs yet")
        #expect(svg.all("desc").first?.text == "No runs yet")
        #expect(svg.withClass("kc-bar").isEmpty)
    }

    @Test func badValuesNeverReachTheMarkup() {
        let markup = Self.chart([
            .init(label: "W1", value: -5), .init(label: "W2", value: .infinity, band: ValueBand(1, 2)),
            .init(label: "W3", value: 12, band: ValueBand(.nan, 3)),
        ]).render()
        let svg = ParsedXML(markup)
        #expect(svg.isWellFormed)
        for element in svg.elements where element.name != "svg" {
            for name in ["x", "y", "width", "height", "x1", "x2", "y1", "y2"] {
                guard let text = element.attributes[name] else { continue }
                #expect(Double(text)?.isFinite == true, "\(element.name) \(name)=\(text)")
            }
            if let d = element.attributes["d"] { #expect(!d.lowercased().contains("nan") && !d.contains("inf")) }
        }
        #expect(svg.withClass("kc-bar").filter { !$0.text.isEmpty }.count == 2)  // W1 at 0, W3; W2 has no bar
        #expect(ValueBand(.nan, 3) == nil)
    }

    @Test func sameInputSameBytes() {
        #expect(Self.chart(Self.story).render() == Self.chart(Self.story).render())
    }

    @Test func labelsAndTitleAreEscaped() {
        let info = ChartInfo(id: "x\"><script>", title: "<b>Weeks</b>", summary: "a & b")
        let markup = BandedBarChart(info: info, bars: [.init(label: "</svg><script>alert(1)</script>", value: 3)], unit: "km")
            .render()
        let svg = ParsedXML(markup)
        #expect(svg.isWellFormed)
        #expect(!markup.contains("<script"))
        #expect(svg.all("svg").first?.attributes["id"] == "x---script-")
        #expect(svg.all("title").first?.text == "<b>Weeks</b>")
    }

    @Test func manyWeeksThinTheLabels() {
        let bars = (1...52).map { BandedBarChart.Bar(label: "W\($0)", value: Double($0 % 7 + 20)) }
        let svg = ParsedXML(Self.chart(bars).render())
        let labels = svg.all("text").filter { $0.attributes["class"] == "kc-tick" && $0.text.hasPrefix("W") }
        #expect(labels.count < 20)
        #expect(labels.last?.text == "W52")
    }
}

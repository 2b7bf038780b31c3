import Testing

@testable import KneeCoachApp

struct ThresholdBarChartTests {
    static let hostile = "</svg><script>alert(1)</script>"

    static func chart(_ rows: [ThresholdBarChart.Row], threshold: Double? = 800, zone: ValueBand? = ValueBand(500, 800))
        -> ThresholdBarChart
    {
        ThresholdBarChart(
            info: ChartInfo(id: "shoes", title: "Shoe mileage", summary: "Three pairs.", emptyMessage: "No shoes yet"),
            rows: rows, unit: "km", threshold: threshold, zone: zone,
            names: .init(bar: "Distance", threshold: "Wear warning", zone: "Check by feel", past: "past the warning"))
    }

    static let rows: [ThresholdBarChart.Row] = [
        .init(label: "Road pair", value: 312), .init(label: "Trail pair", value: 812), .init(label: hostile, value: 640),
    ]

    @Test func aHostileShoeNameIsTextNotMarkup() throws {
        let markup = Self.chart(Self.rows).render()
        #expect(!markup.contains("<script"))
        #expect(!markup.contains("</svg><"))
        #expect(markup.contains("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        let svg = ParsedXML(markup)
        #expect(svg.isWellFormed, "\(svg.error ?? "")")
        #expect(svg.all("svg").count == 1)
        #expect(svg.all("script").isEmpty)
        #expect(svg.all("text").contains { $0.text == Self.hostile })
    }

    @Test func aPairPastTheWarningSaysSoInWords() throws {
        let svg = ParsedXML(Self.chart(Self.rows).render())
        let over = svg.all("rect").filter { $0.attributes["class"] == "kc-bar-over" }
        #expect(over.count == 1)
        #expect(over.first?.text == "Trail pair: 812 km, past the warning")
        #expect(svg.all("text").contains { $0.text == "812 km, past the warning" })
        #expect(svg.all("text").contains { $0.text == "312 km" })
        #expect(Self.chart(Self.rows).isPastThreshold(.init(label: "x", value: 800)))
    }

    @Test func theThresholdLineAndZoneSitAtTheirValues() throws {
        let svg = ParsedXML(Self.chart(Self.rows).render())
        let line = try #require(svg.all("line").first { $0.attributes["class"] == "kc-limit" && $0.text.contains(":") })
        let zone = try #require(svg.all("rect").first { $0.attributes["class"] == "kc-zone" && $0.number("height") ?? 0 > 20 })
        let x800 = try #require(line.number("x1"))
        #expect(abs((zone.number("x") ?? 0) + (zone.number("width") ?? 0) - x800) < 0.01)
        // Bars start at the same left edge, and the longer pair has the longer bar.
        let bars = svg.all("rect").filter { ["kc-shoe", "kc-bar-over"].contains($0.attributes["class"]) && $0.text.contains(":") }
        #expect(Set(bars.compactMap { $0.number("x") }).count == 1)
        #expect((bars[1].number("width") ?? 0) > (bars[0].number("width") ?? 0))
        #expect(abs((bars[1].number("x") ?? 0) + (bars[1].number("width") ?? 0) - x800) < 10)
    }

    @Test func theDrawingGrowsWithTheRows() throws {
        func height(_ count: Int) -> Double? {
            let rows = (0..<count).map { ThresholdBarChart.Row(label: "Pair \($0)", value: Double($0 * 100)) }
            let viewBox = ParsedXML(Self.chart(rows).render()).all("svg").first?.attributes["viewBox"] ?? ""
            return viewBox.split(separator: " ").last.flatMap { Double($0) }
        }
        let one = try #require(height(1)), five = try #require(height(5))
        #expect(five > one + 100)
    }

    @Test func longNamesAreShortenedOnTheChartButWholeInTheTooltip() {
        let name = String(repeating: "Very long shoe name ", count: 10)
        let svg = ParsedXML(Self.chart([.init(label: name, value: 100)]).render())
        #expect(svg.all("text").contains { $0.text.hasSuffix("…") && $0.text.count < 60 })
        #expect(svg.all("rect").contains { $0.text.hasPrefix(name) })
    }

    @Test func aRetiredPairIsMutedNotWarned() {
        let row = ThresholdBarChart.Row(label: "Old racers (retired)", value: 910, isMuted: true)
        let chart = Self.chart([row])
        #expect(!chart.isPastThreshold(row))
        let svg = ParsedXML(chart.render())
        #expect(svg.withClass("kc-bar-over").isEmpty)
        #expect(svg.withClass("kc-muted-bar").first?.text == "Old racers (retired): 910 km")
    }

    @Test func noThresholdNoLine() {
        let svg = ParsedXML(Self.chart(Self.rows, threshold: nil, zone: nil).render())
        #expect(svg.withClass("kc-limit").isEmpty)
        #expect(svg.withClass("kc-zone").isEmpty)
        #expect(svg.withClass("kc-bar-over").isEmpty)
    }

    @Test func emptyDataSaysSo() {
        let svg = ParsedXML(Self.chart([]).render())
        #expect(svg.isWellFormed)
        #expect(svg.withClass("kc-empty").first?.text == "No shoes yet")
    }

    @Test func sameInputSameBytes() {
        #expect(Self.chart(Self.rows).render() == Self.chart(Self.rows).render())
    }
}
